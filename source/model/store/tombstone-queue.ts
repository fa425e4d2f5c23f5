// Deleted pods in deletion order, for pruning the oldest first (the marks of tombstones, and the
// ended pods the Lanes view keeps: ended-pods.ts). An append-only array read from a head index: a
// snapshot is three fields (the array, its head, its length), shared with the store that keeps
// appending after it — a replay keeps a hundred snapshots, and a copied map of 10k
// tombstones in each was most of their cost. A store restored to an earlier snapshot appends to a
// copy of its own part (the array's later marks belong to another line of history).
//
// Marks are not removed when a pod comes back under the same name: the pruner checks that the
// pod is still deleted at that time (a stale mark is skipped).

export interface TombstoneMark {
	readonly key: string;
	/** deletedAt of the pod (epoch ms). */
	readonly at: number;
}

export interface TombstoneQueueSnapshot<T = TombstoneMark> {
	readonly items: readonly T[];
	readonly head: number;
	readonly length: number;
}

/** Marks dropped from the front before the array is compacted. */
const COMPACT_AFTER = 1024;

export class TombstoneQueue<T = TombstoneMark> {
	private items: T[];
	private head: number;
	private length: number;

	constructor(from?: TombstoneQueueSnapshot<T>) {
		this.items = (from?.items as T[] | undefined) ?? [];
		this.head = from?.head ?? 0;
		this.length = from?.length ?? 0;
	}

	/** Marks between the head and the end (stale ones included). */
	get size(): number {
		return this.length - this.head;
	}

	push(item: T): void {
		if (this.length !== this.items.length) {
			// Another line of history owns the marks after ours: continue on a copy.
			this.items = this.items.slice(this.head, this.length);
			this.length -= this.head;
			this.head = 0;
		}
		this.items.push(item);
		this.length++;
	}

	/** The oldest mark, if any. */
	peek(): T | undefined {
		return this.head < this.length ? this.items[this.head] : undefined;
	}

	/** Drops the oldest mark. */
	shift(): void {
		if (this.head >= this.length) return;
		this.head++;
		if (this.head >= COMPACT_AFTER && this.head * 2 >= this.length) {
			// A new array: snapshots keep the old one.
			this.items = this.items.slice(this.head, this.length);
			this.length -= this.head;
			this.head = 0;
		}
	}

	/** The marks from the oldest, as a new array. */
	toArray(): T[] {
		return this.items.slice(this.head, this.length);
	}

	snapshot(): TombstoneQueueSnapshot<T> {
		return {items: this.items, head: this.head, length: this.length};
	}
}
