// Every pod the store keeps, by workload: what a group's heading counts its summary from (a
// rollout's old pods are off the list a minute after their deletion, yet its revisions are counted
// from them). Kept across frames and brought up to date from the store's change feed, as the pod
// index is (pod-index.ts), so a grouped frame costs the pods that changed, not the pods the store
// holds; placed with the owner objects the store view holds, all again when those move pods. The
// pods the store let go of (model/store/ended-pods.ts) count too: a rollout an hour ago is still
// counted from its old ReplicaSet's pods after they were pruned.

import type {PodState, StoreView} from '../../model/pod-state.js';
import {NO_OWNER_OBJECTS, sameOwnership, type OwnerObjects} from '../../model/workloads/owner-objects.js';
import {workloadOf} from '../../model/workloads/workload-of.js';
import {stillHeld} from '../../model/store/ended-pods.js';
import {endedPlace} from './ended-place.js';
import type {IndexSource} from '../pod-index.js';

export class WorkloadMembers {
	private readonly members = new Map<string, Set<string>>();
	private readonly workloadOfPod = new Map<string, string>();
	private source: IndexSource | null = null;
	private seenVersion = -1;
	private owners: OwnerObjects = NO_OWNER_OBJECTS;
	private earliest = Infinity;
	private view: StoreView | null = null;
	private ended: {list: readonly PodState[]; owners: OwnerObjects; index: Map<string, PodState[]>} | null = null;

	/** Brings the members up to the store's state. */
	update(source: IndexSource): void {
		if (source === this.source && source.version === this.seenVersion) return;
		const changed = source === this.source ? (source.changedSince(this.seenVersion)?.pods ?? null) : null;
		const view = source.view();
		this.source = source;
		this.seenVersion = source.version;
		this.view = view;
		const moved = !sameOwnership(this.owners, view.owners);
		this.owners = view.owners;
		if (changed === null || moved) {
			this.members.clear();
			this.workloadOfPod.clear();
			this.earliest = Infinity;
			for (const [key, pod] of view.pods) this.place(key, pod);
			return;
		}
		for (const key of changed) this.place(key, view.pods.get(key));
	}

	private place(key: string, pod: PodState | undefined): void {
		const before = this.workloadOfPod.get(key);
		const after = pod ? workloadOf(pod, this.owners).id : undefined;
		if (pod) this.earliest = Math.min(this.earliest, pod.firstSeenAt);
		if (before === after) return;
		if (before !== undefined) {
			const keys = this.members.get(before)!;
			keys.delete(key);
			if (keys.size === 0) this.members.delete(before);
		}
		if (after === undefined) {
			this.workloadOfPod.delete(key);
			return;
		}
		this.workloadOfPod.set(key, after);
		let keys = this.members.get(after);
		if (!keys) {
			keys = new Set();
			this.members.set(after, keys);
		}
		keys.add(key);
	}

	/** The pods of workload `id` the store keeps (as of the last update), ended ones included, in no order. */
	podsOf(id: string): PodState[] {
		const pods: PodState[] = [];
		const view = this.view;
		if (!view) return pods;
		for (const key of this.members.get(id) ?? []) {
			const pod = view.pods.get(key);
			if (pod) pods.push(pod);
		}
		for (const pod of this.endedOf(view).get(id) ?? []) if (!stillHeld(view.pods, pod)) pods.push(pod);
		return pods;
	}

	/** Live, watching began about when the first pod was seen (the earliest first sight of any pod kept, ended ones included). */
	get earliestSeen(): number {
		const first = this.view?.endedPods[0];
		return Math.min(this.earliest, first ? first.firstSeenAt : Infinity);
	}

	/** The store's ended pods by workload, made again when the store hands out another list of them (a deletion, a pruning). */
	private endedOf(view: StoreView): Map<string, PodState[]> {
		if (this.ended?.list === view.endedPods && this.ended.owners === this.owners) return this.ended.index;
		const index = new Map<string, PodState[]>();
		// Each ended pod is placed once while the owner objects stay: a deletion makes a new list, not new pods.
		for (const pod of view.endedPods) {
			const id = endedPlace(pod, this.owners).workload;
			const pods = index.get(id);
			if (pods) pods.push(pod);
			else index.set(id, [pod]);
		}
		this.ended = {list: view.endedPods, owners: this.owners, index};
		return index;
	}
}
