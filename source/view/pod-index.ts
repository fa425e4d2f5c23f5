// The table's model for many pods (150k): one IndexEntry per pod, kept sorted and
// updated incrementally from the store's `changedSince(version)`, so a frame costs
// what changed, not what the store holds. Only changed pods are re-projected; each
// change is applied by binary search to the sorted entries, to the filtered lists
// of the last few filters and to the counts (per namespace), so a frame at 10k pods
// neither re-sorts, re-filters, re-counts nor re-collects namespaces. The lists are
// chunked and copy-on-write (sorted-chunks.ts): a list a frame took stays as it was,
// and the next change copies a chunk of it, not all of it. Rows of strings are made
// only for the visible window (pod-row.ts).

import type {PodState, StoreView} from '../model/pod-state.js';
import {indexEntry, sameEntry, type IndexEntry} from './index-entry.js';
import {filterKey, filterPredicate, type RowFilter} from './filter.js';
import {comparatorFor, type SortMode} from './sort.js';
import {SortedChunks, type ChunkedRows, type Change, type Compare} from './sorted-chunks.js';
import type {StatusBucket} from '../model/health.js';
import {NO_OWNER_OBJECTS, sameOwnership, type OwnerObjects} from '../model/workloads/owner-objects.js';

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

/** A list of the index: each row's entry too. */
export interface EntryRows extends RowList {
	entryAt(index: number): IndexEntry | undefined;
}

/** How many filters keep an incrementally updated list (the active one, the one typed before, …). */
const LIST_CACHE_SIZE = 4;

/**
 * A filtered list in order, as it was when the frame took it (sorted-chunks.ts: later changes
 * leave it as it was). While it is the index's latest, indexOf is a binary search with the pod's
 * entry; once the index has moved on, a walk over the rows it held.
 */
class EntryList implements EntryRows {
	stale = false;
	constructor(
		private readonly rows: ChunkedRows<IndexEntry>,
		private readonly compare: Compare<IndexEntry>,
		private readonly current: (key: string) => IndexEntry | undefined,
	) {}
	get length(): number {
		return this.rows.length;
	}
	keyAt(index: number): string | undefined {
		return this.rows.at(index)?.key;
	}
	/** The pod's entry at `index` (its workload and part, for grouping by owner without a look-up per pod). */
	entryAt(index: number): IndexEntry | undefined {
		return this.rows.at(index);
	}
	indexOf(key: string): number {
		if (this.stale) return this.rows.scanFor(key);
		const entry = this.current(key);
		return entry ? this.rows.positionOf(entry, this.compare) : -1;
	}
}

interface CachedList {
	matches: (entry: IndexEntry) => boolean;
	entries: SortedChunks<IndexEntry>;
	/** The list handed out last, while the entries have not changed since. */
	list: EntryList | null;
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
	/** Every entry shown, in order: the lists of new filters are taken from it. */
	private sorted = SortedChunks.of<IndexEntry>([]);
	/** Keys of the deleted pods shown (dropped TOMBSTONE_SHOW_MS after deletion). */
	private readonly tombstones = new Set<string>();
	/**
	 * No tombstone shown was deleted before this (epoch ms; their earliest deletion, or earlier): none
	 * is due to be dropped before TOMBSTONE_SHOW_MS after it, and a frame until then does not walk them
	 * (a replay's store holds thousands).
	 */
	private earliestTombstoneAt = Infinity;
	private source: IndexSource | null = null;
	/** The owner objects the entries were placed with (a pod's workload, for the owner order and grouping). */
	private owners: OwnerObjects = NO_OWNER_OBJECTS;
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
		this.sorted = this.sorted.sorted(comparatorFor(mode));
		this.dropLists();
	}

	/** Brings the index up to the store's state at `now`. Cheap when nothing changed: work grows with the pods that changed, not with the store. */
	update(source: IndexSource, now: number): void {
		const fromStore = source === this.source ? (source.changedSince(this.seenVersion)?.pods ?? null) : null;
		const view = source.view();
		this.source = source;
		this.seenVersion = source.version;
		// Owner objects that move pods to another workload (a ReplicaSet's object arriving) move every one of them.
		const moved = !sameOwnership(this.owners, view.owners);
		this.owners = view.owners;
		if (fromStore === null || moved) {
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
		const changes: Change<IndexEntry>[] = [];
		for (const key of changed) {
			const change = this.refresh(key, view.pods.get(key), now);
			if (change) changes.push(change);
		}
		if (now - this.earliestTombstoneAt > TOMBSTONE_SHOW_MS) {
			let earliest = Infinity;
			for (const key of this.tombstones) {
				const entry = this.entries.get(key)!;
				if (now - entry.deletedAt! > TOMBSTONE_SHOW_MS) {
					this.setEntry(key, entry, undefined);
					changes.push({before: entry, after: undefined});
				} else earliest = Math.min(earliest, entry.deletedAt!);
			}
			this.earliestTombstoneAt = earliest;
		}
		if (changes.length === 0) return;
		const compare = comparatorFor(this.mode);
		this.sorted.apply(changes, compare, always);
		for (const cached of this.lists.values()) {
			if (!cached.entries.apply(changes, compare, cached.matches) || cached.list === null) continue;
			cached.list.stale = true;
			cached.list = null;
		}
	}

	private rebuild(pods: ReadonlyMap<string, PodState>, now: number): void {
		this.entries.clear();
		this.tombstones.clear();
		this.earliestTombstoneAt = Infinity;
		this.allCounts = emptyCounts();
		this.namespaceCounts.clear();
		this.namespaceList = null;
		for (const [key, state] of pods) {
			if (visible(state, now)) this.setEntry(key, undefined, indexEntry(state, now, this.owners));
		}
		this.sorted = SortedChunks.of([...this.entries.values()].sort(comparatorFor(this.mode)));
		this.lastFullAt = now;
		this.dropLists();
	}

	/** The pod's new entry (or its removal), with the counts, tombstones and namespaces brought along. */
	private refresh(key: string, state: PodState | undefined, now: number): Change<IndexEntry> | null {
		const before = this.entries.get(key);
		const after = state && visible(state, now) ? indexEntry(state, now, this.owners) : undefined;
		// The timed re-projection finds most entries as they were: keeping those changes no list.
		if (!after ? !before : before !== undefined && sameEntry(before, after)) return null;
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
			if (after.deletedAt !== null) {
				this.tombstones.add(key);
				this.earliestTombstoneAt = Math.min(this.earliestTombstoneAt, after.deletedAt);
			} else this.tombstones.delete(key);
		} else {
			this.entries.delete(key);
			this.tombstones.delete(key);
		}
	}

	private dropLists(): void {
		for (const cached of this.lists.values()) if (cached.list) cached.list.stale = true;
		this.lists.clear();
	}

	/** The keys that pass the filter, in order (kept up to date for the last few filters asked for). */
	rows(filter: RowFilter): EntryRows {
		const signature = filterKey(filter);
		let cached = this.lists.get(signature);
		if (cached) {
			// Most recently used last.
			this.lists.delete(signature);
			this.lists.set(signature, cached);
		} else {
			const matches = filterPredicate(filter);
			cached = {matches, entries: this.sorted.filter(matches), list: null};
			this.lists.set(signature, cached);
			if (this.lists.size > LIST_CACHE_SIZE) {
				const [oldest] = this.lists.keys();
				const dropped = this.lists.get(oldest!)!.list;
				if (dropped) dropped.stale = true;
				this.lists.delete(oldest!);
			}
		}
		cached.list ??= new EntryList(cached.entries.snapshot(), comparatorFor(this.mode), this.current);
		return cached.list;
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

function always(): boolean {
	return true;
}

function visible(state: PodState, now: number): boolean {
	return state.deletedAt === null || now - state.deletedAt <= TOMBSTONE_SHOW_MS;
}
