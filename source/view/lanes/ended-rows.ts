// The Lanes view's rows for pods the table no longer lists: the table drops a deleted pod a minute
// after its deletion and the store lets it go minutes later (a name made again replaces it at
// once), yet its lane belongs to every window its life meets — zoomed out over a rollout, the old
// ReplicaSet's pods. The store keeps them (model/store/ended-pods.ts); here they join the table's
// list after its rows, newest deletion first, when their lane meets the window shown and they pass
// the table's filter (namespace scope and text; faulty-only leaves them out, as the table leaves its
// deleted rows out). Grouped by owner (o), the grouping puts each under its workload and part.
//
// Each is a row like a pod's, under a key of its own (a name's lives differ by uid): the one cursor
// rests on it, and Enter opens that life (replaying, the replay goes back to where it lived).

import type {PodState, StoreView} from '../../model/pod-state.js';
import {filterKey, filterPredicate, type RowFilter} from '../filter.js';
import {searchText} from '../index-entry.js';
import {TOMBSTONE_SHOW_MS, type EntryRows, type RowList} from '../pod-index.js';
import type {PodPlace} from '../workloads/grouped-list.js';
import {endedPlace} from '../workloads/ended-place.js';
import {lifeOf} from '../../model/store/ended-pods.js';

const ENDED = 'ended:';

/** The row key of an ended pod's life: never a pod's (namespace/name) nor a heading's. */
export function endedRowKey(pod: PodState): string {
	return `${ENDED}${pod.uid}:${pod.key}`;
}

/** The pod's key ("namespace/name") a row key stands for: the key itself, or an ended life's pod. */
export function podKeyOfRow(key: string): string {
	if (!key.startsWith(ENDED)) return key;
	return key.slice(key.indexOf(':', ENDED.length) + 1);
}

/**
 * The pod a row key stands for: a listed pod, or an ended life — as the store holds it while it does
 * (a replay gone back to when it lived), else as the store kept it for its lane.
 */
export function podOfRow(view: StoreView, key: string): PodState | undefined {
	if (!key.startsWith(ENDED)) return view.pods.get(key);
	const colon = key.indexOf(':', ENDED.length);
	return lifeOf(view, key.slice(colon + 1), key.slice(ENDED.length, colon));
}

// What the filter reads of an ended pod, made once (a deleted pod is never faulty: its health is not judged).
const filterFields = new WeakMap<PodState, {namespace: string; faulty: false; search: string}>();

function filterFieldsOf(pod: PodState): {namespace: string; faulty: false; search: string} {
	let fields = filterFields.get(pod);
	if (!fields) {
		fields = {namespace: pod.namespace, faulty: false, search: searchText(pod)};
		filterFields.set(pod, fields);
	}
	return fields;
}

// A row key per ended pod, made once.
const rowKeys = new WeakMap<PodState, string>();

function rowKeyOf(pod: PodState): string {
	let key = rowKeys.get(pod);
	if (key === undefined) {
		key = endedRowKey(pod);
		rowKeys.set(pod, key);
	}
	return key;
}

/**
 * Where the grouping puts each row of `rows` (withEndedRows over `table`): a table row's place is
 * its index entry's, an ended life's is worked out from the pod.
 */
export function rowPlaces(rows: RowList, table: EntryRows, view: StoreView): (index: number) => PodPlace | undefined {
	if (!(rows instanceof WithEnded)) return index => table.entryAt(index);
	return index => {
		if (index < table.length) return table.entryAt(index);
		const pick = rows.picks[index - table.length];
		return pick === undefined ? undefined : endedPlace(rows.candidates.pods[pick]!, view.owners);
	};
}

/**
 * The ended pods that pass one filter, newest deletion first, with what the window reads of each:
 * made once per list of them (the store hands out the same array until a deletion or a pruning)
 * and filter, so a frame reads numbers, not pods.
 */
interface Candidates {
	readonly pods: readonly PodState[];
	readonly keys: readonly string[];
	/** Each one's deletion, descending. */
	readonly deleted: Float64Array;
	/** Where each one's lane begins: its creation (what its object told of the time before it was seen) or first sight. */
	readonly starts: Float64Array;
}

const candidatesMade = new WeakMap<readonly PodState[], {filter: string; candidates: Candidates}>();

function candidatesOf(ended: readonly PodState[], filter: RowFilter): Candidates {
	const key = filterKey(filter);
	const known = candidatesMade.get(ended);
	if (known?.filter === key) return known.candidates;
	const passes = filterPredicate(filter);
	const everyOne = filter.text.trim() === '' && filter.namespace === null && !filter.faultyOnly;
	const pods: PodState[] = [];
	for (let index = ended.length - 1; index >= 0; index--) {
		const pod = ended[index]!;
		if (everyOne || passes(filterFieldsOf(pod))) pods.push(pod);
	}
	const candidates: Candidates = {
		pods,
		keys: pods.map(rowKeyOf),
		deleted: Float64Array.from(pods, pod => pod.deletedAt!),
		starts: Float64Array.from(pods, pod => Math.min(pod.firstSeenAt, pod.columns.createdMs ?? Infinity)),
	};
	candidatesMade.set(ended, {filter: key, candidates});
	return candidates;
}

/**
 * Whether the table lists this ended life (deleted at `deletedAt`, passing the filter) itself, as
 * its tombstone: the pod index lists the deleted pods it holds for TOMBSTONE_SHOW_MS after their
 * deletion (pod-index.ts) that pass the filter, and the version the store holds of this life (the
 * same uid) is the deleted one this was kept from, so it passes the filter as this one does. The
 * many deleted longer ago cost nothing, the few since no search of the list.
 */
function listedByTable(pod: PodState, deletedAt: number, list: RowList, view: StoreView, now: number): boolean {
	if (now - deletedAt > TOMBSTONE_SHOW_MS) return false;
	const held = view.pods.get(pod.key);
	if (held?.uid !== pod.uid) return false;
	// A life is deleted once; should the store hold it undeleted, the list says.
	return held.deletedAt === null ? list.indexOf(pod.key) !== -1 : now - held.deletedAt <= TOMBSTONE_SHOW_MS;
}

/** How many of `deleted` (descending) are after `time`: deletion order is time order. */
function deletedAfter(deleted: Float64Array, time: number): number {
	let low = 0;
	let high = deleted.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (deleted[middle]! > time) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** The ended lives to list, as indices among their candidates: not in `list`, their lanes meeting (start, end]; newest deletion first. */
function endedPicks(candidates: Candidates, list: RowList, view: StoreView, window: {start: number; end: number}, now: number): Int32Array {
	const {deleted, starts, pods} = candidates;
	// Those deleted after the window's start are the first ones; of them, only those deleted within
	// the table's minute of tombstones can be listed by it.
	const low = deletedAfter(deleted, window.start);
	const recent = deletedAfter(deleted, now - TOMBSTONE_SHOW_MS - 1);
	const picks = new Int32Array(low);
	let count = 0;
	for (let index = 0; index < low; index++) {
		if (starts[index]! > window.end) continue;
		// Still listed as the table's tombstone (its first minute): that row is its lane.
		if (index < recent && listedByTable(pods[index]!, deleted[index]!, list, view, now)) continue;
		picks[count++] = index;
	}
	return picks.subarray(0, count);
}

/**
 * The picks last made for these candidates, with what they were made of: a frame over the same
 * list, pods, window and time (a paused replay's, live or replaying while nothing moves: an open,
 * the cursor moving) takes them again rather than reading every recently deleted pod of the store.
 */
interface PicksMade {
	readonly list: RowList;
	readonly pods: StoreView['pods'];
	readonly start: number;
	readonly end: number;
	readonly now: number;
	readonly picks: Int32Array;
}

const picksMade = new WeakMap<Candidates, PicksMade>();

function picksOf(candidates: Candidates, list: RowList, view: StoreView, window: {start: number; end: number}, now: number): Int32Array {
	const known = picksMade.get(candidates);
	if (known && known.list === list && known.pods === view.pods && known.start === window.start && known.end === window.end && known.now === now)
		return known.picks;
	const picks = endedPicks(candidates, list, view, window, now);
	picksMade.set(candidates, {list, pods: view.pods, start: window.start, end: window.end, now, picks});
	return picks;
}

class WithEnded implements RowList {
	private positions: Map<string, number> | null = null;
	constructor(
		private readonly list: RowList,
		readonly candidates: Candidates,
		/** The candidates shown, by index. */
		readonly picks: Int32Array,
	) {}
	get length(): number {
		return this.list.length + this.picks.length;
	}
	keyAt(index: number): string | undefined {
		if (index < this.list.length) return this.list.keyAt(index);
		const pick = this.picks[index - this.list.length];
		return pick === undefined ? undefined : this.candidates.keys[pick];
	}
	indexOf(key: string): number {
		if (!key.startsWith(ENDED)) return this.list.indexOf(key);
		if (!this.positions) {
			this.positions = new Map();
			for (let at = 0; at < this.picks.length; at++) this.positions.set(this.candidates.keys[this.picks[at]!]!, at);
		}
		const at = this.positions.get(key);
		return at === undefined ? -1 : this.list.length + at;
	}
}

// The last list made for a table list: the same object while the ended rows stay the same, so a
// grouping remembered for it (grouped-list.ts groupedList) is not made again each frame.
const made = new WeakMap<RowList, WithEnded>();

function samePicks(a: Int32Array, b: Int32Array): boolean {
	if (a.length !== b.length) return false;
	for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
	return true;
}

/**
 * `list` (the table's list at `now`), then as rows the ended lives it does not list that pass
 * `filter` and whose lanes meet (start, end], newest deletion first.
 */
export function withEndedRows(list: RowList, view: StoreView, filter: RowFilter, window: {start: number; end: number}, now: number): RowList {
	const candidates = candidatesOf(view.endedPods, filter);
	const picks = picksOf(candidates, list, view, window, now);
	if (picks.length === 0) return list;
	const known = made.get(list);
	if (known && known.candidates === candidates && samePicks(known.picks, picks)) return known;
	const rows = new WithEnded(list, candidates, picks);
	made.set(list, rows);
	return rows;
}
