// The pods a store saw deleted, kept for their lanes after the store lets the pods go: the store
// prunes a tombstone minutes after its deletion (and a pod re-created under its name replaces it at
// once), but the Lanes view and `--output lanes`/`trace` draw every pod whose life meets their
// window — a rollout's old ReplicaSet an hour ago included. What is kept of each is its deleted
// version without its object (PodVersion.withoutObject): its names, owner, labels, columns and
// history, from which its lane is drawn; a replay's version keeps the ref it reads its object back
// by, a number.
//
// Deletion order is time order (the entries'): the oldest go first when a limit is reached. The
// limits are applied when a pod is added and when the store prunes (by the entries' own time in a
// replay), so a store restored from a snapshot and fed the same entries keeps the same ones — as
// seeking needs. A snapshot is the queue's three fields (tombstone-queue.ts): cheap to take and to
// keep in every keyframe.

import type {PodState} from '../pod-state.js';
import type {PodVersion} from './pod-version.js';
import {TombstoneQueue, type TombstoneQueueSnapshot} from './tombstone-queue.js';

/** How many ended pods a store keeps, and for how long after their deletion (ms). */
export interface EndedPodsLimits {
	readonly max: number;
	readonly maxAgeMs: number;
}

export const UNLIMITED_ENDED_PODS: EndedPodsLimits = {max: Infinity, maxAgeMs: Infinity};

export type EndedPodsSnapshot = TombstoneQueueSnapshot<PodState>;

export class EndedPods {
	private readonly queue: TombstoneQueue<PodState>;
	private listed: readonly PodState[] | null = null;

	constructor(
		private readonly limits: EndedPodsLimits,
		from?: EndedPodsSnapshot,
	) {
		this.queue = new TombstoneQueue(from);
	}

	/** A pod's deleted version (deleted at `at`). */
	add(deleted: PodVersion, at: number): void {
		this.queue.push(deleted.withoutObject());
		this.listed = null;
		this.trim(at);
	}

	/** Drops those beyond the limits at `now`; whether any was dropped. */
	trim(now: number): boolean {
		const {max, maxAgeMs} = this.limits;
		let dropped = false;
		for (let oldest = this.queue.peek(); oldest !== undefined; oldest = this.queue.peek()) {
			if (this.queue.size <= max && now - oldest.deletedAt! <= maxAgeMs) break;
			this.queue.shift();
			dropped = true;
		}
		if (dropped) this.listed = null;
		return dropped;
	}

	/** Oldest deletion first; the same array until the next change. */
	list(): readonly PodState[] {
		this.listed ??= this.queue.toArray();
		return this.listed;
	}

	snapshot(): EndedPodsSnapshot {
		return this.queue.snapshot();
	}
}

/**
 * Every pod of a view once: those it holds (tombstones included), then the ended ones it no longer
 * holds — pruned, or replaced by a new pod of the same name — oldest deletion first.
 */
export function podsAndEnded(view: {pods: ReadonlyMap<string, PodState>; endedPods: readonly PodState[]}): PodState[] {
	const all = [...view.pods.values()];
	for (const pod of view.endedPods) if (!stillHeld(view.pods, pod)) all.push(pod);
	return all;
}

// The ended pods by uid, once per list of them (the store hands out the same array until it changes).
const byUid = new WeakMap<readonly PodState[], Map<string, PodState>>();

/**
 * The life of pod `key` whose uid is `uid`: the pod the view holds under the key when it is that
 * life (live, deleted or back again in a replay gone back), else the ended pod the store kept of it;
 * undefined when the view knows no such life.
 */
export function lifeOf(view: {pods: ReadonlyMap<string, PodState>; endedPods: readonly PodState[]}, key: string, uid: string): PodState | undefined {
	const held = view.pods.get(key);
	if (held?.uid === uid) return held;
	let index = byUid.get(view.endedPods);
	if (!index) {
		index = new Map(view.endedPods.map(pod => [pod.uid, pod]));
		byUid.set(view.endedPods, index);
	}
	const ended = index.get(uid);
	return ended?.key === key ? ended : undefined;
}

/** Whether the store still holds this ended pod (as its tombstone, or back again). */
export function stillHeld(pods: ReadonlyMap<string, PodState>, ended: PodState): boolean {
	return pods.get(ended.key)?.uid === ended.uid;
}
