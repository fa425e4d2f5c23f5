// The table's model for many pods (10k): one IndexEntry per pod, kept sorted and
// updated incrementally from the store's `changedSince(version)`, so a frame does
// not rebuild 10k rows. Only changed pods are re-projected; a changed pod is
// re-inserted (binary search) only when its sort key moved. The filtered list is
// recomputed when the order or the filter changes, and rows of strings are made
// only for the visible window (pod-row.ts).

import type {PodState, StoreView} from '../model/types.js';
import {indexEntry, type IndexEntry} from './index-entry.js';
import {filterKey, filterPredicate, type RowFilter} from './filter.js';
import {comparatorFor, sortKeyChanged, type SortMode} from './sort.js';
import type {StatusBucket} from '../model/health.js';

/** How long a deleted pod stays in the table, dimmed with its last status. */
export const TOMBSTONE_SHOW_MS = 60_000;
/** Health can move with time alone (restarts leave the loop window, a not-ready grace runs out): re-project the pods it can happen to this often. */
export const FULL_REFRESH_MS = 5_000;
/** Above this many moved rows a full sort is cheaper than binary inserts. */
const INSERT_LIMIT = 64;

/** What the index needs from the pod store (source/model/store.ts PodStore). */
export interface IndexSource {
	readonly version: number;
	view(): StoreView;
	changedSince(version: number): ReadonlySet<string> | null;
}

/** The visible list: keys in order, with a key → position lookup. */
export interface RowList {
	readonly length: number;
	keyAt(index: number): string | undefined;
	indexOf(key: string): number;
}

/** The header's counts: live pods by STATUS bucket, faulty ones, and tombstones shown. */
export interface PodCounts {
	total: number;
	buckets: Record<StatusBucket, number>;
	faulty: number;
	deleted: number;
}

class KeyList implements RowList {
	private positions: Map<string, number> | null = null;
	constructor(readonly keys: readonly string[]) {}
	get length(): number {
		return this.keys.length;
	}
	keyAt(index: number): string | undefined {
		return this.keys[index];
	}
	indexOf(key: string): number {
		if (!this.positions) this.positions = new Map(this.keys.map((k, i) => [k, i]));
		return this.positions.get(key) ?? -1;
	}
}

export class PodIndex {
	private readonly entries = new Map<string, IndexEntry>();
	private sorted: IndexEntry[] = [];
	private source: IndexSource | null = null;
	private seenVersion = -1;
	private lastFullAt = -Infinity;
	private mode: SortMode;
	/** Bumped whenever the order or membership changes. */
	private orderVersion = 0;
	private listCache: {order: number; filter: string; list: KeyList} | null = null;
	private countsCache: {order: number; namespace: string | null; counts: PodCounts} | null = null;
	private namespaceList: {order: number; names: string[]} | null = null;

	constructor(mode: SortMode = 'worst') {
		this.mode = mode;
	}

	get sortMode(): SortMode {
		return this.mode;
	}

	setSort(mode: SortMode): void {
		if (mode === this.mode) return;
		this.mode = mode;
		this.sorted.sort(comparatorFor(mode));
		this.orderVersion++;
	}

	/** Brings the index up to the store's state at `now`. Cheap when nothing changed. */
	update(source: IndexSource, now: number): void {
		const fromStore = source === this.source ? source.changedSince(this.seenVersion) : null;
		const view = source.view();
		this.source = source;
		this.seenVersion = source.version;
		if (fromStore === null) {
			this.rebuild(view.pods, now);
			return;
		}
		let changed: ReadonlySet<string> = fromStore;
		if (Math.abs(now - this.lastFullAt) >= FULL_REFRESH_MS) {
			// Only a failing or progressing pod can change health with time alone (a restart leaves
			// the loop window, a not-ready grace runs out); an ok pod needs a new object to change.
			const timed = new Set(fromStore);
			for (const entry of this.entries.values()) if (entry.tone === 'failing' || entry.tone === 'progressing') timed.add(entry.key);
			changed = timed;
			this.lastFullAt = now;
		}
		const moved: IndexEntry[] = [];
		const removed = new Set<string>();
		for (const key of changed) this.refresh(key, view.pods.get(key), now, moved, removed);
		for (const entry of this.entries.values()) {
			if (entry.deletedAt !== null && !removed.has(entry.key) && now - entry.deletedAt > TOMBSTONE_SHOW_MS) {
				this.entries.delete(entry.key);
				removed.add(entry.key);
			}
		}
		if (changed.size === 0 && removed.size === 0) return;
		// Any change can alter what the filter keeps or the counts: the filtered list is redone (O(n), cheap).
		this.orderVersion++;
		const compare = comparatorFor(this.mode);
		if (moved.length > INSERT_LIMIT) {
			this.sorted = [...this.entries.values()].sort(compare);
			return;
		}
		// One pass: drop removed and moving entries, swap in the new entry of a pod that keeps its place.
		const movedKeys = new Set(moved.map(e => e.key));
		const kept: IndexEntry[] = [];
		for (const old of this.sorted) {
			if (removed.has(old.key) || movedKeys.has(old.key)) continue;
			kept.push(this.entries.get(old.key) ?? old);
		}
		for (const entry of moved) kept.splice(insertionPoint(kept, entry, compare), 0, entry);
		this.sorted = kept;
	}

	private rebuild(pods: ReadonlyMap<string, PodState>, now: number): void {
		this.entries.clear();
		for (const [key, state] of pods) {
			if (visible(state, now)) this.entries.set(key, indexEntry(state, now));
		}
		this.sorted = [...this.entries.values()].sort(comparatorFor(this.mode));
		this.lastFullAt = now;
		this.orderVersion++;
	}

	private refresh(key: string, state: PodState | undefined, now: number, moved: IndexEntry[], removed: Set<string>): void {
		const before = this.entries.get(key);
		if (!state || !visible(state, now)) {
			if (before) {
				this.entries.delete(key);
				removed.add(key);
			}
			return;
		}
		const after = indexEntry(state, now);
		this.entries.set(key, after);
		// A pod whose sort key did not change keeps its place (update() swaps the new entry in).
		if (!before || sortKeyChanged(this.mode, before, after)) moved.push(after);
	}

	/** The keys that pass the filter, in order (cached until the order or the filter changes). */
	rows(filter: RowFilter): RowList {
		const signature = filterKey(filter);
		if (this.listCache?.order === this.orderVersion && this.listCache.filter === signature) return this.listCache.list;
		const keys: string[] = [];
		const matches = filterPredicate(filter);
		for (const entry of this.sorted) if (matches(entry)) keys.push(entry.key);
		const list = new KeyList(keys);
		this.listCache = {order: this.orderVersion, filter: signature, list};
		return list;
	}

	/** Counts by bucket among the pods in the namespace scope (the filter text is ignored). */
	counts(namespace: string | null): PodCounts {
		if (this.countsCache?.order === this.orderVersion && this.countsCache.namespace === namespace) return this.countsCache.counts;
		const counts: PodCounts = {total: 0, buckets: {running: 0, pending: 0, failing: 0, succeeded: 0, terminating: 0}, faulty: 0, deleted: 0};
		for (const entry of this.sorted) {
			if (namespace !== null && entry.namespace !== namespace) continue;
			if (entry.deletedAt !== null) {
				counts.deleted++;
				continue;
			}
			counts.total++;
			counts.buckets[entry.bucket]++;
			if (entry.faulty) counts.faulty++;
		}
		this.countsCache = {order: this.orderVersion, namespace, counts};
		return counts;
	}

	/** Namespaces present, sorted (for `n` scope cycling). */
	namespaces(): string[] {
		if (this.namespaceList?.order === this.orderVersion) return this.namespaceList.names;
		const names = [...new Set([...this.entries.values()].map(e => e.namespace))].sort();
		this.namespaceList = {order: this.orderVersion, names};
		return names;
	}

	entry(key: string): IndexEntry | undefined {
		return this.entries.get(key);
	}

	get size(): number {
		return this.entries.size;
	}
}

function visible(state: PodState, now: number): boolean {
	return state.deletedAt === null || now - state.deletedAt <= TOMBSTONE_SHOW_MS;
}

function insertionPoint(list: readonly IndexEntry[], entry: IndexEntry, compare: (a: IndexEntry, b: IndexEntry) => number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (compare(list[mid]!, entry) <= 0) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
