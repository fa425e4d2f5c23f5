// The cluster as the scheduler's cache sees it when it places a pod: every node, and on each the
// pods bound to it that have not finished (the scheduler's informer lists pods with
// status.phase!=Succeeded,status.phase!=Failed; a pod being deleted is still there). Built from
// the store's pod states by cluster-of.ts (or kept up to date by cluster-index.ts).

import type {Node} from '../../kube/objects.js';
import type {PodAffinityRules} from './affinity-terms.js';
import type {Labels} from './label-selector.js';

/** A pod on a node, as the scheduler's NodeInfo holds it. */
export interface ClusterPod {
	readonly key: string;
	readonly namespace: string;
	readonly name: string;
	readonly labels: Labels;
	readonly node: string;
	/** metadata.deletionTimestamp is set: spread does not count it, affinity still does. */
	readonly deleting: boolean;
	readonly rules: PodAffinityRules | null;
}

/** What is known of the namespaces' labels, which only a namespaceSelector needs. */
export type NamespaceLabels =
	| {readonly known: true; readonly labels: ReadonlyMap<string, Labels>}
	/** 'absent': not in the session (podlife lists namespaces only once a pod uses a namespaceSelector); 'forbidden': the server refused to list them. */
	| {readonly known: false; readonly why: 'absent' | 'forbidden'; readonly message: string | null};

export interface Cluster {
	readonly nodes: ReadonlyMap<string, Node>;
	/** The pods on nodes that exist, by node name. */
	readonly podsByNode: ReadonlyMap<string, readonly ClusterPod[]>;
	readonly namespaces: NamespaceLabels;
}

/** Where a pod's placement is judged: a store view (StoreView.placementCluster). */
export interface ClusterSource {
	/**
	 * The cluster as of the view, leaving out the pod `exclude` (the pod being placed: a scheduled
	 * pod explained as if it were placed now must not meet itself).
	 */
	placementCluster(exclude: string | null): Cluster;
}
