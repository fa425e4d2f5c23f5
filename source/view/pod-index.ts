// The table's model for many pods (10k): one IndexEntry per pod, kept sorted and
// updated incrementally from the store's `changedSince(version)`, so a frame costs
// what changed, not what the store holds. Only changed pods are re-projected; each
// change is applied by binary search to the sorted entries, to the filtered lists
// of the last few filters and to the counts (per namespace), so a frame at 10k pods
// neither re-sorts, re-filters, re-counts nor re-collects namespaces. Rows of
// strings are made only for the visible window (pod-row.ts).

import type {PodState, StoreView} from '../model/pod-state.js';
import {indexEntry, type IndexEntry} from './index-entry.js';
import {filterKey, filterPredicate, type RowFilter} from './filter.js';
import {comparatorFor, type SortMode} from './sort.js';
import {applyChanges, positionOf, type Compare, type EntryChange} from './sorted-entries.js';
import type {StatusBucket} from '../model/health.js';

/** How long a deleted pod stays in the table, dimmed with its last status. */
export const TOMBSTONE_SHOW_MS = 60_000;
/** Health can move with time alone (restarts leave the loop window, a not-ready grace runs out): re-project the pods it can happen to this often. */
export const FULL_REFRESH_MS = 5_000;

/** What the index needs from the pod store (source/model/store/pod-store.ts PodStore). */
export interface IndexSource {
	readonly version: number;
	view(): StoreView;
	changedSince(version: number): {readonly pods: ReadonlySet<string>} | null;
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

/** How many filters keep an incrementally updated list (the active one, the one typed before, …). */
const LIST_CACHE_SIZE = 4;

/**
 * A filtered list in order. Current while the index keeps it (indexOf is then a binary
 * search with the pod's entry); once the index replaces it, it still answers for the
 * rows it held, through a key → position map made on first use.
 */
class EntryList implements RowList {
	stale = false;
	private positions: Map<string, number> | null = null;
	constructor(
		readonly items: readonly IndexEntry[],
		private readonly compare: Compare,
		private readonly current: (key: string) => IndexEntry | undefined,
	) {}
	get length(): number {
		return this.items.length;
	}
	keyAt(index: number): string | undefined {
		return this.items[index]?.key;
	}
	indexOf(key: string): number {
		if (!this.stale) {
			const entry = this.current(key);
			return entry ? positionOf(this.items, entry, this.compare) : -1;
		}
		if (!this.positions) this.positions = new Map(this.items.map((e, i) => [e.key, i]));
		return this.positions.get(key) ?? -1;
	}
}

interface CachedList {
	matches: (entry: IndexEntry) => boolean;
	list: EntryList;
}

function emptyCounts(): PodCounts {
	return {total: 0, buckets: {running: 0, pending: 0, failing: 0, succeeded: 0, terminating: 0}, faulty: 0, deleted: 0};
}

function tally(counts: PodCounts, entry: IndexEntry, sign: 1 | -1): void {
	if (entry.deletedAt !== null) {
		counts.deleted += sign;
		return;
	}
	counts.total += sign;
	counts.buckets[entry.bucket] += sign;
	if (entry.faulty) counts.faulty += sign;
}

export class PodIndex {
	private readonly entries = new Map<string, IndexEntry>();
	private sorted: IndexEntry[] = [];
	/** Keys of the deleted pods shown (dropped TOMBSTONE_SHOW_MS after deletion). */
	private readonly tombstones = new Set<string>();
	private source: IndexSource | null = null;
	private seenVersion = -1;
	private lastFullAt = -Infinity;
	private mode: SortMode;
	/** Filtered lists by filterKey, least recently used first; each kept up to date change by change. */
	private readonly lists = new Map<string, CachedList>();
	/** Counts of all pods and per namespace, kept up to date change by change. */
	private allCounts = emptyCounts();
	private readonly namespaceCounts = new Map<string, PodCounts>();
	private namespaceList: string[] | null = null;
	private readonly current = (key: string) => this.entries.get(key);

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
		this.dropLists();
	}

	/** Brings the index up to the store's state at `now`. Cheap when nothing changed: work grows with the pods that changed, not with the store. */
	update(source: IndexSource, now: number): void {
		const fromStore = source === this.source ? (source.changedSince(this.seenVersion)?.pods ?? null) : null;
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
		const changes: EntryChange[] = [];
		for (const key of changed) {
			const change = this.refresh(key, view.pods.get(key), now);
			if (change) changes.push(change);
		}
		for (const key of this.tombstones) {
			const entry = this.entries.get(key)!;
			if (now - entry.deletedAt! > TOMBSTONE_SHOW_MS) {
				this.setEntry(key, entry, undefined);
				changes.push({before: entry, after: undefined});
			}
		}
		if (changes.length === 0) return;
		const compare = comparatorFor(this.mode);
		this.sorted = applyChanges(this.sorted, changes, compare, () => true);
		for (const [signature, cached] of this.lists) {
			const items = applyChanges(cached.list.items.slice(), changes, compare, cached.matches);
			cached.list.stale = true;
			this.lists.set(signature, {matches: cached.matches, list: new EntryList(items, compare, this.current)});
		}
	}

	private rebuild(pods: ReadonlyMap<string, PodState>, now: number): void {
		this.entries.clear();
		this.tombstones.clear();
		this.allCounts = emptyCounts();
		this.namespaceCounts.clear();
		this.namespaceList = null;
		for (const [key, state] of pods) {
			if (visible(state, now)) this.setEntry(key, undefined, indexEntry(state, now));
		}
		this.sorted = [...this.entries.values()].sort(comparatorFor(this.mode));
		this.lastFullAt = now;
		this.dropLists();
	}

	/** The pod's new entry (or its removal), with the counts, tombstones and namespaces brought along. */
	private refresh(key: string, state: PodState | undefined, now: number): EntryChange | null {
		const before = this.entries.get(key);
		const after = state && visible(state, now) ? indexEntry(state, now) : undefined;
		if (!before && !after) return null;
		this.setEntry(key, before, after);
		return {before, after};
	}

	private setEntry(key: string, before: IndexEntry | undefined, after: IndexEntry | undefined): void {
		if (before) {
			tally(this.allCounts, before, -1);
			const inNamespace = this.namespaceCounts.get(before.namespace)!;
			tally(inNamespace, before, -1);
			if (inNamespace.total + inNamespace.deleted === 0) {
				this.namespaceCounts.delete(before.namespace);
				this.namespaceList = null;
			}
		}
		if (after) {
			this.entries.set(key, after);
			tally(this.allCounts, after, 1);
			let inNamespace = this.namespaceCounts.get(after.namespace);
			if (!inNamespace) {
				inNamespace = emptyCounts();
				this.namespaceCounts.set(after.namespace, inNamespace);
				this.namespaceList = null;
			}
			tally(inNamespace, after, 1);
			if (after.deletedAt !== null) this.tombstones.add(key);
			else this.tombstones.delete(key);
		} else {
			this.entries.delete(key);
			this.tombstones.delete(key);
		}
	}

	private dropLists(): void {
		for (const cached of this.lists.values()) cached.list.stale = true;
		this.lists.clear();
	}

	/** The keys that pass the filter, in order (kept up to date for the last few filters asked for). */
	rows(filter: RowFilter): RowList {
		const signature = filterKey(filter);
		const cached = this.lists.get(signature);
		if (cached) {
			// Most recently used last.
			this.lists.delete(signature);
			this.lists.set(signature, cached);
			return cached.list;
		}
		const matches = filterPredicate(filter);
		const list = new EntryList(this.sorted.filter(matches), comparatorFor(this.mode), this.current);
		this.lists.set(signature, {matches, list});
		if (this.lists.size > LIST_CACHE_SIZE) {
			const [oldest] = this.lists.keys();
			this.lists.get(oldest!)!.list.stale = true;
			this.lists.delete(oldest!);
		}
		return list;
	}

	/** Counts by bucket among the pods in the namespace scope (the filter text is ignored). */
	counts(namespace: string | null): PodCounts {
		const counts = namespace === null ? this.allCounts : (this.namespaceCounts.get(namespace) ?? emptyCounts());
		return {...counts, buckets: {...counts.buckets}};
	}

	/** Namespaces present, sorted (for `n` scope cycling). */
	namespaces(): string[] {
		this.namespaceList ??= [...this.namespaceCounts.keys()].sort();
		return this.namespaceList;
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
