// The shape every cause-specific diagnosis returns, before why.ts settles the pod's health.

import type {KubeEvent, Node} from '../../kube/objects.js';

export interface WhyContext {
	/** Nodes by name (StoreView.nodes); empty when the session holds none. */
	nodes: ReadonlyMap<string, Node>;
	/** This pod's events, oldest first (StoreView.eventsByPod.get(key)). */
	events: readonly KubeEvent[];
	/** Epoch ms: the replay clock or the wall clock. */
	now: number;
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
