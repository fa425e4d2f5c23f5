// The pod index's sorted lists, kept in chunks and shared copy-on-write. A frame hands its list out
// (the rows on screen, the list the keys move in) and must find it unchanged whatever the index
// does after; with one array per list, each frame that changed a list copied all of it, and while
// a big cluster's list streams in (a change in every frame) those copies were most of the TUI's
// garbage: O(pods) per frame. Here a list is an array of chunks of a few hundred entries; a
// snapshot shares them, and an edit after it copies only the chunk it touches (once per snapshot)
// and the array of chunks. A change costs O(log n + chunk) whatever the list's length.
//
// Every list is in one total order (every sort order ends with namespace/name, sort.ts): no two
// entries compare equal, so an entry's place is found by binary search.

import {partitionPoint} from '../model/partition-point.js';

export type Compare<T> = (a: T, b: T) => number;

/** Chunks are cut at this length (into two halves); a list is built in chunks of half of it. */
export const CHUNK_MAX = 512;
/** A chunk shorter than this is merged with a neighbour when they fit in one. */
const CHUNK_MIN = CHUNK_MAX / 8;

/** One pod's change: `before` (the entry the lists hold, if any) leaves, `after` (if any) comes in. */
export interface Change<T> {
	before: T | undefined;
	after: T | undefined;
}

/** A list as it was when taken: never changes. */
export class ChunkedRows<T extends {readonly key: string}> {
	/** starts[c]: the position of chunk c's first entry; starts[chunks.length] = length. */
	private readonly starts: number[];

	constructor(private readonly chunks: ReadonlyArray<readonly T[]>) {
		this.starts = new Array<number>(chunks.length + 1);
		let at = 0;
		for (let c = 0; c < chunks.length; c++) {
			this.starts[c] = at;
			at += chunks[c]!.length;
		}
		this.starts[chunks.length] = at;
	}

	get length(): number {
		return this.starts[this.chunks.length]!;
	}

	at(index: number): T | undefined {
		if (!(index >= 0 && index < this.length)) return undefined;
		const c = partitionPoint(this.chunks.length, at => this.starts[at + 1]! <= index);
		return this.chunks[c]![index - this.starts[c]!];
	}

	/** The position of `entry`, found by binary search: the list must hold it or not hold its key at all. */
	positionOf(entry: T, compare: Compare<T>): number {
		const found = locate(this.chunks, entry, compare);
		return found === null ? -1 : this.starts[found.chunk]! + found.offset;
	}

	/** The position of the entry of `key`, by a walk over the list (for a list whose order the caller cannot rebuild). */
	scanFor(key: string): number {
		for (let c = 0; c < this.chunks.length; c++) {
			const chunk = this.chunks[c]!;
			for (let i = 0; i < chunk.length; i++) if (chunk[i]!.key === key) return this.starts[c]! + i;
		}
		return -1;
	}

	*[Symbol.iterator](): Generator<T, undefined> {
		for (const chunk of this.chunks) yield* chunk;
		return undefined;
	}
}

/** The chunk and offset of the entry of `entry.key` that sorts like `entry`, or null. */
function locate<T extends {readonly key: string}>(chunks: ReadonlyArray<readonly T[]>, entry: T, compare: Compare<T>): {chunk: number; offset: number} | null {
	const c = chunkFor(chunks, entry, compare);
	const chunk = chunks[c];
	if (chunk === undefined) return null;
	const offset = partitionPoint(chunk.length, at => compare(chunk[at]!, entry) < 0);
	return offset < chunk.length && chunk[offset]!.key === entry.key ? {chunk: c, offset} : null;
}

/** The chunk `entry` sorts into: the first whose last entry does not sort before it, else the last one. */
function chunkFor<T>(chunks: ReadonlyArray<readonly T[]>, entry: T, compare: Compare<T>): number {
	const c = partitionPoint(chunks.length, at => compare(chunks[at]!.at(-1)!, entry) < 0);
	return Math.min(c, chunks.length - 1);
}

/** A sorted list to edit; snapshot() hands out its state, which later edits leave as it was. */
export class SortedChunks<T extends {readonly key: string}> {
	/** Chunks made since the last snapshot: only these may change in place. */
	private readonly owned = new Set<T[]>();
	private frozen: ChunkedRows<T> | null = null;

	private constructor(private chunks: T[][]) {
		for (const chunk of chunks) this.owned.add(chunk);
	}

	/** A list of `entries`, already in order. */
	static of<T extends {readonly key: string}>(entries: Iterable<T>): SortedChunks<T> {
		const chunks: T[][] = [];
		let chunk: T[] = [];
		for (const entry of entries) {
			if (chunk.length === CHUNK_MAX / 2) {
				chunks.push(chunk);
				chunk = [];
			}
			chunk.push(entry);
		}
		if (chunk.length > 0) chunks.push(chunk);
		return new SortedChunks(chunks);
	}

	/** The list as it is now; the same object until the next edit. */
	snapshot(): ChunkedRows<T> {
		if (this.frozen === null) {
			this.frozen = new ChunkedRows(this.chunks.slice());
			this.owned.clear();
		}
		return this.frozen;
	}

	/** The entries that pass `keep`, in order, as a list of their own. */
	filter(keep: (entry: T) => boolean): SortedChunks<T> {
		const kept: T[] = [];
		for (const chunk of this.chunks) for (const entry of chunk) if (keep(entry)) kept.push(entry);
		return SortedChunks.of(kept);
	}

	/** The same entries in another order, as a list of their own. */
	sorted(compare: Compare<T>): SortedChunks<T> {
		return SortedChunks.of(this.chunks.flat().sort(compare));
	}

	/** Applies the changes in the order given (a pod may change twice); true when the list changed. */
	apply(changes: readonly Change<T>[], compare: Compare<T>, keep: (entry: T) => boolean): boolean {
		let changed = false;
		for (const {before, after} of changes) if (this.change(before, after, compare, keep)) changed = true;
		return changed;
	}

	/**
	 * `before` leaves (when the list holds it), `after` comes in when `keep(after)`. An entry that
	 * sorts between the same neighbours replaces the old one where it is.
	 */
	change(before: T | undefined, after: T | undefined, compare: Compare<T>, keep: (entry: T) => boolean): boolean {
		const at = before === undefined ? null : locate(this.chunks, before, compare);
		const add = after !== undefined && keep(after);
		if (at !== null && add && this.fitsAt(at.chunk, at.offset, after, compare)) {
			this.writable(at.chunk)[at.offset] = after;
			return true;
		}
		if (at !== null) this.removeAt(at.chunk, at.offset);
		if (add) this.insert(after, compare);
		return at !== null || add;
	}

	/** Whether `entry` sorts between the neighbours of the entry at (chunk, offset). */
	private fitsAt(chunk: number, offset: number, entry: T, compare: Compare<T>): boolean {
		const entries = this.chunks[chunk]!;
		const previous = offset > 0 ? entries[offset - 1] : this.chunks[chunk - 1]?.at(-1);
		const next = offset < entries.length - 1 ? entries[offset + 1] : this.chunks[chunk + 1]?.[0];
		return (previous === undefined || compare(previous, entry) < 0) && (next === undefined || compare(entry, next) < 0);
	}

	private insert(entry: T, compare: Compare<T>): void {
		this.frozen = null;
		if (this.chunks.length === 0) {
			const chunk = [entry];
			this.chunks.push(chunk);
			this.owned.add(chunk);
			return;
		}
		const c = chunkFor(this.chunks, entry, compare);
		const chunk = this.writable(c);
		chunk.splice(
			partitionPoint(chunk.length, at => compare(chunk[at]!, entry) < 0),
			0,
			entry,
		);
		if (chunk.length > CHUNK_MAX) {
			const tail = chunk.splice(CHUNK_MAX / 2);
			this.chunks.splice(c + 1, 0, tail);
			this.owned.add(tail);
		}
	}

	private removeAt(c: number, offset: number): void {
		this.frozen = null;
		const chunk = this.writable(c);
		chunk.splice(offset, 1);
		if (chunk.length === 0) {
			this.chunks.splice(c, 1);
			this.owned.delete(chunk);
			return;
		}
		if (chunk.length >= CHUNK_MIN) return;
		// Few left: into a neighbour, so that deletions never leave a long list of short chunks.
		const into =
			c > 0 && this.chunks[c - 1]!.length + chunk.length <= CHUNK_MAX
				? c - 1
				: c + 1 < this.chunks.length && this.chunks[c + 1]!.length + chunk.length <= CHUNK_MAX
					? c + 1
					: -1;
		if (into === -1) return;
		const first = Math.min(c, into);
		const merged = [...this.chunks[first]!, ...this.chunks[first + 1]!];
		this.owned.delete(this.chunks[first]!);
		this.owned.delete(this.chunks[first + 1]!);
		this.chunks.splice(first, 2, merged);
		this.owned.add(merged);
	}

	/** Chunk `c`, copied first when the last snapshot shares it. */
	private writable(c: number): T[] {
		this.frozen = null;
		let chunk = this.chunks[c]!;
		if (!this.owned.has(chunk)) {
			chunk = chunk.slice();
			this.chunks[c] = chunk;
			this.owned.add(chunk);
		}
		return chunk;
	}
}
