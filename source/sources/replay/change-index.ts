// What the timeline bar and the "next change of this pod" keys need, gathered once while
// loading: for each pod, the indices of the entries that changed it; the t of every entry
// where a pod entered a failing STATUS; how far back the pods' lives reconstructed from their
// objects reach. Numbers only, no objects.

import type {PodState} from '../../model/pod-state.js';
import {statusBucket} from '../../model/health.js';
import {beforeSightFrom} from '../../model/status-lane.js';

export class ChangeIndex {
	private readonly changesByPod = new Map<string, number[]>();
	private readonly failures: number[] = [];
	private beforeFrom = Infinity;

	/** Records entry `index` (time t) that turned pod `key` from `before` into `after`. */
	record(index: number, t: number, key: string, before: PodState | undefined, after: PodState | undefined): void {
		if (!after || !changed(before, after)) return;
		// A pod's reconstruction is made at its first sight and kept: its first version tells it.
		if (!before) this.beforeFrom = Math.min(this.beforeFrom, beforeSightFrom(after) ?? Infinity);
		let list = this.changesByPod.get(key);
		if (!list) {
			list = [];
			this.changesByPod.set(key, list);
		}
		list.push(index);
		const failingNow = statusBucket(after.columns.status) === 'failing';
		const failingBefore = before !== undefined && statusBucket(before.columns.status) === 'failing';
		if (failingNow && !failingBefore) this.failures.push(t);
	}

	/** Pods seen so far (deleted ones included). */
	get podCount(): number {
		return this.changesByPod.size;
	}

	/** Indices of the entries that changed pod `key`, ascending. */
	changesOf(key: string): readonly number[] {
		return this.changesByPod.get(key) ?? [];
	}

	/**
	 * The earliest moment a pod's life reconstructed from its object reaches (model/before-sight.ts),
	 * epoch ms: the oldest creation of a pod seen after it (one there before the recording began);
	 * null when every pod was seen from its creation.
	 */
	get beforeSightFrom(): number | null {
		return Number.isFinite(this.beforeFrom) ? this.beforeFrom : null;
	}

	failureTimes(): readonly number[] {
		return this.failures;
	}
}

/** A pod entry changed what a user sees: a new transition, a column, a deletion. */
function changed(before: PodState | undefined, after: PodState): boolean {
	if (!before) return true;
	if (before.historyLength !== after.historyLength) return true;
	if (before.deletedAt !== after.deletedAt) return true;
	const a = before.columns;
	const b = after.columns;
	return a.status !== b.status || a.ready !== b.ready || a.restarts !== b.restarts || a.ip !== b.ip || a.node !== b.node;
}
