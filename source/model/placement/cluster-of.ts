// The cluster (cluster.ts) as of a store's pod states: built from what the store keeps in memory for
// every pod (labels, inter-pod rules, node, phase), never by reading pod objects back, so that
// evaluating one pod reads the others from memory.

import type {PodState, StoreView} from '../pod-state.js';
import type {Cluster, ClusterPod} from './cluster.js';

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
