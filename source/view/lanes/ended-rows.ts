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
import {stillHeld} from '../../model/store/ended-pods.js';
import {workloadOf} from '../../model/workloads/workload-of.js';
import {filterPredicate, type RowFilter} from '../filter.js';
import {searchText} from '../index-entry.js';
import type {RowList} from '../pod-index.js';
import type {PodPlace} from '../workloads/grouped-list.js';

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

// The ended pods by uid, once per list of them (the store hands out the same array until it changes).
const byUid = new WeakMap<readonly PodState[], Map<string, PodState>>();

/**
 * The pod a row key stands for: a listed pod, or an ended life — as the store holds it while it does
 * (a replay gone back to when it lived), else as the store kept it for its lane.
 */
export function podOfRow(view: StoreView, key: string): PodState | undefined {
	if (!key.startsWith(ENDED)) return view.pods.get(key);
	const colon = key.indexOf(':', ENDED.length);
	const uid = key.slice(ENDED.length, colon);
	const held = view.pods.get(key.slice(colon + 1));
	if (held?.uid === uid) return held;
	let index = byUid.get(view.endedPods);
	if (!index) {
		index = new Map(view.endedPods.map(pod => [pod.uid, pod]));
		byUid.set(view.endedPods, index);
	}
	return index.get(uid);
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

/** Where the grouping puts an ended life: its workload and part, as for a listed pod. */
export function endedPlace(view: StoreView, key: string): PodPlace | undefined {
	const pod = key.startsWith(ENDED) ? podOfRow(view, key) : undefined;
	if (!pod) return undefined;
	const workload = workloadOf(pod, view.owners);
	return {workload: workload.id, part: workload.part?.name ?? null};
}

/** The ended lives to list: not in `list`, passing `filter`, their lanes meeting (start, end]; newest deletion first. */
export function endedLives(list: RowList, view: StoreView, filter: RowFilter, window: {start: number; end: number}): PodState[] {
	const ended = view.endedPods;
	const passes = filterPredicate(filter);
	const everyOne = filter.text.trim() === '' && filter.namespace === null && !filter.faultyOnly;
	// Deletion order is time order: those deleted at or before the window's start are all before the first one after it.
	let low = 0;
	let high = ended.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (ended[middle]!.deletedAt! <= window.start) low = middle + 1;
		else high = middle;
	}
	const lives: PodState[] = [];
	for (let index = ended.length - 1; index >= low; index--) {
		const pod = ended[index]!;
		// Its lane begins at its creation (what its object told of the time before it was seen) or first sight.
		if (Math.min(pod.firstSeenAt, pod.columns.createdMs ?? Infinity) > window.end) continue;
		// Still listed as the table's tombstone (its first minute): that row is its lane.
		if (stillHeld(view.pods, pod) && list.indexOf(pod.key) !== -1) continue;
		if (everyOne || passes(filterFieldsOf(pod))) lives.push(pod);
	}
	return lives;
}

class WithEnded implements RowList {
	private positions: Map<string, number> | null = null;
	constructor(
		private readonly list: RowList,
		readonly keys: readonly string[],
	) {}
	get length(): number {
		return this.list.length + this.keys.length;
	}
	keyAt(index: number): string | undefined {
		return index < this.list.length ? this.list.keyAt(index) : this.keys[index - this.list.length];
	}
	indexOf(key: string): number {
		if (!key.startsWith(ENDED)) return this.list.indexOf(key);
		this.positions ??= new Map(this.keys.map((ended, at) => [ended, at]));
		const at = this.positions.get(key);
		return at === undefined ? -1 : this.list.length + at;
	}
}

// The last list made for a table list: the same object while the ended rows stay the same, so a
// grouping remembered for it (grouped-list.ts groupedList) is not made again each frame.
const made = new WeakMap<RowList, WithEnded>();

/** `list`, then the ended lives it does not list (endedLives) as rows. */
export function withEndedRows(list: RowList, view: StoreView, filter: RowFilter, window: {start: number; end: number}): RowList {
	const keys = endedLives(list, view, filter, window).map(rowKeyOf);
	if (keys.length === 0) return list;
	const known = made.get(list);
	if (known && known.keys.length === keys.length && known.keys.every((key, at) => key === keys[at])) return known;
	const rows = new WithEnded(list, keys);
	made.set(list, rows);
	return rows;
}
