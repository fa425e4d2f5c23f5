// The shape every cause-specific diagnosis returns, before why.ts settles the pod's health.

import type {KubeEvent, Node} from '../../kube/objects.js';
import type {ClusterSource} from '../placement/cluster.js';
import type {CapturedLog} from '../captured-log.js';

export interface WhyContext {
	/** Nodes by name (StoreView.nodes); empty when the session holds none. */
	nodes: ReadonlyMap<string, Node>;
	/** This pod's events, this life's only, oldest first (store/pod-events.ts podEvents(view, pod)). */
	events: readonly KubeEvent[];
	/** The logs a recording captured of this pod's containers as of `now`, oldest first (StoreView.logsByPod.get(key)). */
	logs: readonly CapturedLog[];
	/** Epoch ms: the replay clock or the wall clock. */
	now: number;
	/**
	 * The store view to judge pod affinity and spread against: it reads every pod's labels, so it is
	 * given for the pod on screen only (the detail, the selected row), null elsewhere.
	 */
	placement: ClusterSource | null;
}

/**
 * What one diagnosis found. `severity` says how bad this cause is on its own: 'failing' raises a
 * pod that podHealth calls progressing (an Unschedulable pod stays Pending forever), null keeps
 * podHealth's verdict.
 */
export interface Diagnosis {
	cause: string;
	container: string | null;
	text: string;
	severity: 'failing' | 'progressing' | null;
	/** What happens next and when ("next restart in 12s"), a part of `text`: a cut line keeps it longest. */
	next?: string;
}
