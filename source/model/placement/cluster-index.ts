// The pods the scheduler's cache would hold, kept beside a store and brought up to date from its
// change feed: judging a pod's placement needs every pod on a node, and reading every pod state of
// a big store (spread over the heap) for each frame would cost more than the frame, while a replay
// changes a few of them between frames. After a restore (a seek) the feed does not reach back,
// and the index is built again.

import type {Node} from '../../kube/objects.js';
import type {PodState} from '../pod-state.js';
import type {Cluster, ClusterPod, NamespaceLabels} from './cluster.js';
import {clusterPod} from './cluster-of.js';

/** What the index reads of a store: its pods now, and which changed since a version (PodStore.changedSince). */
export interface IndexedStore {
	readonly version: number;
	changedSince(version: number): {readonly pods: ReadonlySet<string>} | null;
}

export class ClusterIndex {
	/** The store version the index reflects; null before the first build. */
	private builtAt: number | null = null;
	private readonly byKey = new Map<string, ClusterPod>();
	private readonly byNode = new Map<string, Map<string, ClusterPod>>();
	/** Each node's pods as an array, made when first asked after a change. */
	private readonly lists = new Map<string, readonly ClusterPod[]>();

	/** The cluster as of the store's current version (`pods`: its pods map now), leaving out `exclude`. */
	cluster(
		store: IndexedStore,
		pods: ReadonlyMap<string, PodState>,
		nodes: ReadonlyMap<string, Node>,
		namespaces: NamespaceLabels,
		exclude: string | null,
	): Cluster {
		this.update(store, pods);
		const podsByNode = new Map<string, readonly ClusterPod[]>();
		for (const name of this.byNode.keys()) {
			if (!nodes.has(name)) continue;
			const list = this.list(name);
			podsByNode.set(name, exclude !== null && this.byKey.get(exclude)?.node === name ? list.filter(pod => pod.key !== exclude) : list);
		}
		return {nodes, podsByNode, namespaces};
	}

	private update(store: IndexedStore, pods: ReadonlyMap<string, PodState>): void {
		if (this.builtAt === store.version) return;
		const changes = this.builtAt === null ? null : store.changedSince(this.builtAt);
		if (changes === null) {
			this.byKey.clear();
			this.byNode.clear();
			this.lists.clear();
			for (const state of pods.values()) this.put(state.key, state);
		} else {
			for (const key of changes.pods) this.put(key, pods.get(key));
		}
		this.builtAt = store.version;
	}

	private put(key: string, state: PodState | undefined): void {
		const old = this.byKey.get(key);
		if (old) {
			this.byKey.delete(key);
			this.byNode.get(old.node)?.delete(key);
			this.lists.delete(old.node);
		}
		const pod = state ? clusterPod(state) : null;
		if (pod === null) return;
		this.byKey.set(key, pod);
		let onNode = this.byNode.get(pod.node);
		if (!onNode) this.byNode.set(pod.node, (onNode = new Map()));
		onNode.set(key, pod);
		this.lists.delete(pod.node);
	}

	private list(node: string): readonly ClusterPod[] {
		let list = this.lists.get(node);
		if (list === undefined) {
			list = [...(this.byNode.get(node)?.values() ?? [])];
			this.lists.set(node, list);
		}
		return list;
	}
}
