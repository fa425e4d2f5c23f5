// What the timeline bar and the change keys ask of the loaded session: the next or previous entry
// that changed a pod, how many entries fall in each stretch of time, and when pods started failing.
// Read from the entry log's times and the change index: numbers only.

import {partitionPoint} from '../../model/partition-point.js';
import type {ChangeIndex} from './change-index.js';
import type {EntryLog} from './entry-log.js';

export class TimelineQueries {
	private densityCache: {buckets: number; count: number; counts: number[]} | null = null;

	constructor(
		private readonly log: EntryLog,
		private readonly changes: ChangeIndex,
	) {}

	/** t of the next (1) or previous (−1) entry that changed pod `podKey`, seen from `position`, or null. */
	nextChangeOf(podKey: string, direction: 1 | -1, position: number): number | null {
		const indices = this.changes.changesOf(podKey);
		// First change with t > position.
		const low = partitionPoint(indices.length, at => this.log.t(indices[at]!) <= position);
		if (direction === 1) return low < indices.length ? this.log.t(indices[low]!) : null;
		// Last change with t < position (a change at exactly the position is the current one).
		for (let at = low - 1; at >= 0; at--) {
			const t = this.log.t(indices[at]!);
			if (t < position) return t;
		}
		return null;
	}

	/** Entries per time bucket over the loaded entries' span. */
	density(buckets: number): number[] {
		const count = this.log.count;
		const cached = this.densityCache;
		if (cached && cached.buckets === buckets && cached.count === count) return [...cached.counts];
		const counts = new Array<number>(Math.max(0, buckets)).fill(0);
		if (buckets > 0 && count > 0) {
			const start = this.log.t(0);
			const span = this.log.t(count - 1) - start;
			for (let index = 0; index < count; index++) {
				const bucket = span > 0 ? Math.min(buckets - 1, Math.floor(((this.log.t(index) - start) / span) * buckets)) : 0;
				counts[bucket]!++;
			}
		}
		this.densityCache = {buckets, count, counts};
		return [...counts];
	}

	/** t of every entry where a pod entered a failing STATUS (statusBucket 'failing'). */
	failureMarks(): number[] {
		return [...this.changes.failureTimes()];
	}
}
