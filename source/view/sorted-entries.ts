// Binary-search edits of an array of index entries kept in one total order (every
// sort order ends with namespace/name, so no two pods compare equal). The pod
// index applies a frame's few changes with these instead of re-sorting or
// re-filtering 10k entries: O(log n) to find, one memmove to splice.

import {partitionPoint} from '../model/partition-point.js';
import type {IndexEntry} from './index-entry.js';

export type Compare = (a: IndexEntry, b: IndexEntry) => number;

/** Where `entry` goes so that the array stays sorted. */
export function insertionPoint(list: readonly IndexEntry[], entry: IndexEntry, compare: Compare): number {
	return partitionPoint(list.length, at => compare(list[at]!, entry) < 0);
}

/** Position of the entry of `entry.key` that sorts like `entry`, or -1 when the list does not hold it. */
export function positionOf(list: readonly IndexEntry[], entry: IndexEntry, compare: Compare): number {
	const at = insertionPoint(list, entry, compare);
	return at < list.length && list[at]!.key === entry.key ? at : -1;
}

/**
 * One pod's change, applied in place: `before` (the entry the list holds, if any) leaves,
 * `after` comes in when `keep(after)`. An entry that sorts between the same neighbours
 * replaces the old one where it is.
 */
export function applyChange(
	list: IndexEntry[],
	before: IndexEntry | undefined,
	after: IndexEntry | undefined,
	compare: Compare,
	keep: (entry: IndexEntry) => boolean,
): void {
	const at = before ? positionOf(list, before, compare) : -1;
	const add = after !== undefined && keep(after);
	if (at !== -1 && add && (at === 0 || compare(list[at - 1]!, after) < 0) && (at === list.length - 1 || compare(after, list[at + 1]!) < 0)) {
		list[at] = after;
		return;
	}
	if (at !== -1) list.splice(at, 1);
	if (add) list.splice(insertionPoint(list, after, compare), 0, after);
}

/** Above this many changes one pass over the list (drop, then merge) is cheaper than a splice per change. */
const SPLICE_LIMIT = 32;

export interface EntryChange {
	/** The entry the lists hold for the pod, if any. */
	before: IndexEntry | undefined;
	/** Its new entry; undefined when the pod leaves the table. */
	after: IndexEntry | undefined;
}

/**
 * A frame's changes, in the order they happened (a pod may change twice: the second
 * change's `before` is the first one's `after`). Few: one applyChange each, in place.
 * Many: each old entry's position and each new entry's place are found by binary
 * search in the list as it was, and the list is copied once around them, so the cost
 * is O(k log n) compares and one copy, never a sort or a compare per row.
 */
export function applyChanges(list: IndexEntry[], changes: readonly EntryChange[], compare: Compare, keep: (entry: IndexEntry) => boolean): IndexEntry[] {
	if (changes.length <= SPLICE_LIMIT) {
		for (const {before, after} of changes) applyChange(list, before, after, compare, keep);
		return list;
	}
	const leaving = new Set<IndexEntry>();
	for (const {before} of changes) if (before) leaving.add(before);
	const removals: number[] = [];
	for (const before of leaving) {
		const at = positionOf(list, before, compare);
		if (at !== -1 && list[at] === before) removals.push(at);
	}
	removals.sort((a, b) => a - b);
	const incoming: IndexEntry[] = [];
	for (const {after} of changes) if (after && !leaving.has(after) && keep(after)) incoming.push(after);
	incoming.sort(compare);
	const out: IndexEntry[] = [];
	let from = 0;
	let r = 0;
	let i = 0;
	let point = incoming.length > 0 ? insertionPoint(list, incoming[0]!, compare) : Infinity;
	while (r < removals.length || i < incoming.length) {
		const removal = r < removals.length ? removals[r]! : Infinity;
		const to = Math.min(point, removal);
		for (let j = from; j < to; j++) out.push(list[j]!);
		from = to;
		if (point <= removal) {
			out.push(incoming[i++]!);
			point = i < incoming.length ? insertionPoint(list, incoming[i]!, compare) : Infinity;
		} else {
			from = removal + 1;
			r++;
		}
	}
	for (let j = from; j < list.length; j++) out.push(list[j]!);
	return out;
}
