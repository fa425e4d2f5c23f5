// The list grouped by workload, as the table and the Lanes view show it with `o`: a heading row per
// workload, under it a heading per part when the workload's listed pods belong to more than one (a
// Deployment's ReplicaSets, a CronJob's Jobs, a set's revisions: Deployment → ReplicaSet revision →
// pods), then the pods. Headings are rows like the pods: the one cursor rests on them (a heading's
// row key is headingKey(id), never a pod's key), and Enter folds one — its pods are then left out
// and the heading stands for them, so asking for a hidden pod's row gives its heading's.
//
// Workloads, and each workload's pods, come in the owner order (sort.ts compareOwnerOrder), parts in
// the order of their first pod: each workload's pods together, oldest first, a rollout's ReplicaSets
// one after the other as they came. The table's list is in that order already; the Lanes view adds
// the ended lives after the table's rows (lanes/ended-rows.ts), and here they go in among them by
// their creation, as `--output lanes` orders them.

import type {RowList} from '../pod-index.js';
import {compareOwnerOrder, type OwnerOrdered} from '../sort.js';

/**
 * Where a listed pod goes: its workload's id and its part's name (null: the workload has no parts),
 * and what orders it among them (an index entry is one).
 */
export interface PodPlace extends OwnerOrdered {
	readonly workload: string;
	readonly part: string | null;
}

export type GroupedRow =
	/** A workload's heading; `pods`: its listed pods, shown or folded. */
	| {kind: 'group'; id: string; workload: string; folded: boolean; pods: number}
	/** A part's heading (a ReplicaSet of a Deployment): shown when the workload's listed pods have more than one part. */
	| {kind: 'part'; id: string; workload: string; part: string; folded: boolean; pods: number}
	/** `depth`: 1 under a workload's heading, 2 under a part's. */
	| {kind: 'pod'; key: string; depth: 1 | 2};

export type HeadingRow = Extract<GroupedRow, {kind: 'group' | 'part'}>;

const HEADING = 'group:';

/** The row key of a heading: pod keys are namespace/name, and a namespace has no colon. */
export function headingKey(id: string): string {
	return HEADING + id;
}

/** The heading id a row key stands for, or null when it is a pod's key (or none). */
export function headingOf(key: string | null | undefined): string | null {
	return key?.startsWith(HEADING) ? key.slice(HEADING.length) : null;
}

/** A part's heading id: its workload's id and its name. */
export function partId(workload: string, part: string): string {
	return `${workload}#${part}`;
}

export interface GroupedList extends RowList {
	rowAt(index: number): GroupedRow | undefined;
	/** Pods are two deep somewhere (part headings shown): the table indents every pod as much, so its columns stay aligned. */
	readonly depth: 1 | 2;
	/** The list's workloads (those with a listed pod). */
	readonly groups: number;
}

/**
 * The rows as flat arrays — a pod row is its index in the list, a heading its index among the
 * headings — so grouping a list of 10 000 pods (as many as 5 000 workloads) makes no object per
 * pod or per workload: a row becomes an object when read, and only the rows on screen are read.
 */
class Grouped implements GroupedList {
	private headingRows: Map<string, number> | null = null;
	constructor(
		private readonly list: RowList,
		/** Each row: a list index (≥ 0, a pod), or −1 − a heading's index. */
		private readonly refs: Int32Array,
		private readonly depths: Uint8Array,
		private readonly headings: Headings,
		/** Each list index's row (a hidden pod's: its folded heading's). */
		private readonly rowOfListIndex: Int32Array,
		readonly depth: 1 | 2,
		readonly groups: number,
	) {}
	get length(): number {
		return this.refs.length;
	}
	/** The same grouping over `list`, a list of the same keys in the same order. */
	over(list: RowList): Grouped {
		return new Grouped(list, this.refs, this.depths, this.headings, this.rowOfListIndex, this.depth, this.groups);
	}
	rowAt(index: number): GroupedRow | undefined {
		if (!(index >= 0 && index < this.refs.length)) return undefined;
		const ref = this.refs[index]!;
		if (ref < 0) return this.headings.row(-1 - ref);
		return {kind: 'pod', key: this.list.keyAt(ref)!, depth: this.depths[index] as 1 | 2};
	}
	keyAt(index: number): string | undefined {
		if (!(index >= 0 && index < this.refs.length)) return undefined;
		const ref = this.refs[index]!;
		return ref < 0 ? headingKey(this.headings.id(-1 - ref)) : this.list.keyAt(ref);
	}
	/** A pod under a folded heading: that heading's row. */
	indexOf(key: string): number {
		const id = headingOf(key);
		if (id === null) {
			const at = this.list.indexOf(key);
			return at === -1 ? -1 : this.rowOfListIndex[at]!;
		}
		// Made when first asked (the cursor on a heading): most frames ask for a pod.
		if (!this.headingRows) {
			this.headingRows = new Map();
			for (let heading = 0; heading < this.headings.count; heading++) this.headingRows.set(this.headings.id(heading), this.headings.rowOf[heading]!);
		}
		return this.headingRows.get(id) ?? -1;
	}
}

/** The headings: a workload's (part null) or a part's, each with its row, fold and listed pods. */
class Headings {
	readonly workloads: string[] = [];
	readonly parts: Array<string | null> = [];
	readonly folded: boolean[] = [];
	readonly pods: number[] = [];
	readonly rowOf: number[] = [];
	get count(): number {
		return this.workloads.length;
	}
	add(workload: string, part: string | null, folded: boolean, pods: number, row: number): number {
		this.workloads.push(workload);
		this.parts.push(part);
		this.folded.push(folded);
		this.pods.push(pods);
		this.rowOf.push(row);
		return this.workloads.length - 1;
	}
	id(heading: number): string {
		const part = this.parts[heading]!;
		return part === null ? this.workloads[heading]! : partId(this.workloads[heading]!, part);
	}
	row(heading: number): HeadingRow {
		const workload = this.workloads[heading]!;
		const part = this.parts[heading]!;
		const common = {workload, folded: this.folded[heading]!, pods: this.pods[heading]!};
		return part === null ? {kind: 'group', id: workload, ...common} : {kind: 'part', id: partId(workload, part), part, ...common};
	}
}

/**
 * `list` (pod keys in order) grouped; `placeAt`: where the list's pod at an index goes; `folded`:
 * the heading ids folded (any not listed are ignored).
 */
export function groupList(list: RowList, placeAt: (index: number) => PodPlace | undefined, folded: ReadonlySet<string>): GroupedList {
	return group(list, placesOf(list, placeAt), folded);
}

function placesOf(list: RowList, placeAt: (index: number) => PodPlace | undefined): Array<PodPlace | undefined> {
	const places: Array<PodPlace | undefined> = new Array(list.length);
	for (let index = 0; index < list.length; index++) places[index] = placeAt(index);
	return places;
}

/** Whether `indices` are in the order `compare` gives (most lists are: the check is what they cost). */
function inOrder(indices: ArrayLike<number>, compare: (a: number, b: number) => number): boolean {
	for (let i = 1; i < indices.length; i++) if (compare(indices[i - 1]!, indices[i]!) > 0) return false;
	return true;
}

/** `places[i]`: where the list's pod at index i goes. */
function group(list: RowList, places: ReadonlyArray<PodPlace | undefined>, folded: ReadonlySet<string>): Grouped {
	const count = list.length;
	// Each pod's workload (as a number), each workload's id, first part, listed pods, and whether it has other parts.
	const bucketOf = new Int32Array(count);
	const ids: string[] = [];
	const firstPart: Array<string | null> = [];
	const sizes: number[] = [];
	const split: boolean[] = [];
	const bucketOfId = new Map<string, number>();
	let id: string | null = null;
	let bucket = -1;
	for (let index = 0; index < count; index++) {
		const place = places[index];
		// A pod the index no longer holds is a group of its own, so it still shows.
		const workload = place?.workload ?? list.keyAt(index)!;
		const part = place?.part ?? null;
		// Grouped by owner the list holds each workload's pods together: a map look-up per workload, not per pod.
		if (workload !== id) {
			id = workload;
			bucket = bucketOfId.get(workload) ?? -1;
			if (bucket === -1) {
				bucket = ids.length;
				bucketOfId.set(workload, bucket);
				ids.push(workload);
				firstPart.push(part);
				sizes.push(0);
				split.push(false);
			}
		}
		bucketOf[index] = bucket;
		sizes[bucket]!++;
		if (part !== firstPart[bucket]) split[bucket] = true;
	}
	// The pods in bucket order, list order within each (a counting sort).
	const starts = new Int32Array(ids.length + 1);
	for (let b = 0; b < ids.length; b++) starts[b + 1] = starts[b]! + sizes[b]!;
	const order = new Int32Array(count);
	const filled = starts.slice(0, ids.length);
	for (let index = 0; index < count; index++) order[filled[bucketOf[index]!]!++] = index;
	// Each workload's pods in the owner order; a pod with no place keeps its list position.
	const podBefore = (a: number, b: number): number => {
		const first = places[a];
		const second = places[b];
		return (first && second ? compareOwnerOrder(first, second) : 0) || a - b;
	};
	for (let b = 0; b < ids.length; b++) {
		const pods = order.subarray(starts[b]!, starts[b + 1]!);
		if (!inOrder(pods, podBefore)) pods.sort(podBefore);
	}
	// The workloads in the owner order, those of pods with no place last.
	const ownerOf = (b: number): string | undefined => places[order[starts[b]!]!]?.owner;
	const bucketBefore = (a: number, b: number): number => {
		const first = ownerOf(a);
		const second = ownerOf(b);
		if (first === undefined || second === undefined) return first !== undefined ? -1 : second !== undefined ? 1 : a - b;
		return (first < second ? -1 : first > second ? 1 : 0) || a - b;
	};
	const buckets = Array.from(ids, (_, b) => b);
	if (!inOrder(buckets, bucketBefore)) buckets.sort(bucketBefore);

	const refs: number[] = [];
	const depths: number[] = [];
	const rowOfListIndex = new Int32Array(count).fill(-1);
	const headings = new Headings();
	let depth: 1 | 2 = 1;
	const heading = (workload: string, part: string | null, isFolded: boolean, pods: number): number => {
		const row = refs.length;
		refs.push(-1 - headings.add(workload, part, isFolded, pods, row));
		depths.push(0);
		return row;
	};
	const show = (indices: ArrayLike<number>, at: 1 | 2): void => {
		for (let i = 0; i < indices.length; i++) {
			rowOfListIndex[indices[i]!] = refs.length;
			refs.push(indices[i]!);
			depths.push(at);
		}
	};
	const hide = (indices: ArrayLike<number>, under: number): void => {
		for (let i = 0; i < indices.length; i++) rowOfListIndex[indices[i]!] = under;
	};
	for (const b of buckets) {
		const workload = ids[b]!;
		const pods = order.subarray(starts[b]!, starts[b + 1]!);
		const groupFolded = folded.has(workload);
		const groupRow = heading(workload, null, groupFolded, pods.length);
		if (groupFolded) hide(pods, groupRow);
		else if (!split[b]) show(pods, 1);
		else {
			depth = 2;
			// Its parts in the order of their first pod.
			const parts = new Map<string | null, number[]>();
			for (const index of pods) {
				const part = places[index]?.part ?? null;
				const indices = parts.get(part);
				if (indices) indices.push(index);
				else parts.set(part, [index]);
			}
			for (const [part, indices] of parts) {
				const partFolded = folded.has(partId(workload, part ?? ''));
				const partRow = heading(workload, part ?? '', partFolded, indices.length);
				if (partFolded) hide(indices, partRow);
				else show(indices, 2);
			}
		}
	}
	return new Grouped(list, Int32Array.from(refs), Uint8Array.from(depths), headings, rowOfListIndex, depth, ids.length);
}

// One grouping per list and fold state: the index hands out the same list object until something in
// it changes, so frames in between (a key, a clock tick) do not group the list again. A pod update
// hands out a new list even when it moves no pod (its row changed): the grouping before still holds
// when the new list has the same pods in the same order, each in the same workload and part — so a
// frame after one update at 10 000 pods compares the list's entries (the same objects but the
// changed pod's) rather than grouping it again.
interface Made {
	list: RowList;
	folded: ReadonlySet<string>;
	grouped: Grouped;
	/** Each list index's place as the grouping read it. */
	places: ReadonlyArray<PodPlace | undefined>;
}
const made = new WeakMap<RowList, Made>();
let last: Made | null = null;

/**
 * `known`'s places, brought up to `list`'s entries, when `list` holds `known`'s pods in its order,
 * each placed where it was; null when it does not.
 */
function placedAlike(list: RowList, placeAt: (index: number) => PodPlace | undefined, known: Made): ReadonlyArray<PodPlace | undefined> | null {
	if (list.length !== known.list.length) return null;
	let places: Array<PodPlace | undefined> | null = null;
	for (let index = 0; index < list.length; index++) {
		const before = known.places[index];
		const place = placeAt(index);
		// An entry the index did not change is the same object.
		if (place === before && place !== undefined) continue;
		if (
			place?.workload !== before?.workload ||
			place?.part !== before?.part ||
			place?.createdMs !== before?.createdMs ||
			list.keyAt(index) !== known.list.keyAt(index)
		)
			return null;
		places ??= known.places.slice();
		places[index] = place;
	}
	return places ?? known.places;
}

/** groupList, remembered for `list` and `folded`, and kept for a next list that places its pods alike. */
export function groupedList(list: RowList, placeAt: (index: number) => PodPlace | undefined, folded: ReadonlySet<string>): GroupedList {
	const known = made.get(list);
	if (known?.folded === folded) return known.grouped;
	const alike = last !== null && last.folded === folded ? placedAlike(list, placeAt, last) : null;
	let next: Made;
	if (last !== null && alike !== null) next = {list, folded, grouped: last.grouped.over(list), places: alike};
	else {
		const places = placesOf(list, placeAt);
		next = {list, folded, grouped: group(list, places, folded), places};
	}
	made.set(list, next);
	last = next;
	return next.grouped;
}

/** Its listed pods in words: "1 pod", "4 pods". */
export function podCount(pods: number): string {
	return `${pods} pod${pods === 1 ? '' : 's'}`;
}
