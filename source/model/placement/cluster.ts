// The cluster as the scheduler's cache sees it when it places a pod: every node, and on each the
// pods bound to it that have not finished (the scheduler's informer lists pods with
// status.phase!=Succeeded,status.phase!=Failed; a pod being deleted is still there). Built from
// what the store keeps in memory for every pod (labels, inter-pod rules, node, phase), never by
// reading pod objects back: evaluating one pod reads the others from memory.

import type {Node} from '../../kube/objects.js';
import type {PodState, StoreView} from '../pod-state.js';
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

/** The StoreView parts a cluster is made from. */
export type ClusterParts = Pick<StoreView, 'pods' | 'nodes' | 'namespaces'>;

/**
 * The cluster as of a store view, built from every pod (cluster-index.ts keeps one up to date
 * instead). Pods on a node the session has not seen are left out, as the scheduler's NodeInfo
 * without a Node is.
 */
export function clusterOf(view: ClusterParts, exclude: string | null): Cluster {
	const podsByNode = new Map<string, ClusterPod[]>();
	for (const state of view.pods.values()) {
		if (state.key === exclude) continue;
		const pod = clusterPod(state);
		if (pod === null || !view.nodes.has(pod.node)) continue;
		const list = podsByNode.get(pod.node);
		if (list) list.push(pod);
		else podsByNode.set(pod.node, [pod]);
	}
	return {nodes: view.nodes, podsByNode, namespaces: view.namespaces};
}

/** The pod as the scheduler's cache holds it, or null when the cache would not hold it. */
export function clusterPod(state: PodState): ClusterPod | null {
	if (state.deletedAt !== null) return null;
	const {nodeName, phase, deletionTimestamp} = state.core;
	if (!nodeName || phase === 'Succeeded' || phase === 'Failed') return null;
	const {labels, rules} = state.scheduling;
	return {key: state.key, namespace: state.namespace, name: state.name, labels, node: nodeName, deleting: deletionTimestamp !== null, rules};
}

/** The pods of every node, in node-name order (the order the words list them in). */
export function* clusterPods(cluster: Cluster): Iterable<ClusterPod> {
	for (const name of [...cluster.podsByNode.keys()].sort()) yield* cluster.podsByNode.get(name)!;
}
