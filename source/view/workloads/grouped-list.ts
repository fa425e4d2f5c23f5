// The list grouped by workload, as the table and the Lanes view show it with `o`: a heading row per
// workload, under it a heading per part when the workload's listed pods belong to more than one (a
// Deployment's ReplicaSets, a CronJob's Jobs, a set's revisions: Deployment → ReplicaSet revision →
// pods), then the pods. Headings are rows like the pods: the one cursor rests on them (a heading's
// row key is headingKey(id), never a pod's key), and Enter folds one — its pods are then left out
// and the heading stands for them, so asking for a hidden pod's row gives its heading's.
//
// Groups come in the order of their first pod in the list, parts in the order of their first pod,
// pods in list order within their part: with the owner order (sort.ts) that is each workload's pods
// together, oldest first, and a rollout's ReplicaSets one after the other.

import type {RowList} from '../pod-index.js';

/** Where a listed pod goes: its workload's id and its part's name (null: the workload has no parts). */
export interface PodPlace {
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

class Grouped implements GroupedList {
	constructor(
		private readonly rows: readonly GroupedRow[],
		private readonly positions: ReadonlyMap<string, number>,
		readonly depth: 1 | 2,
		readonly groups: number,
	) {}
	get length(): number {
		return this.rows.length;
	}
	rowAt(index: number): GroupedRow | undefined {
		return this.rows[index];
	}
	keyAt(index: number): string | undefined {
		const row = this.rows[index];
		return row === undefined ? undefined : row.kind === 'pod' ? row.key : headingKey(row.id);
	}
	/** A pod under a folded heading: that heading's row. */
	indexOf(key: string): number {
		return this.positions.get(key) ?? -1;
	}
}

interface Bucket {
	id: string;
	parts: Map<string | null, string[]>;
	pods: number;
}

/** `list` (pod keys in order) grouped; `folded`: the heading ids folded (any not listed are ignored). */
export function groupList(list: RowList, placeOf: (key: string) => PodPlace | undefined, folded: ReadonlySet<string>): GroupedList {
	const buckets = new Map<string, Bucket>();
	for (let index = 0; index < list.length; index++) {
		const key = list.keyAt(index)!;
		const place = placeOf(key);
		// A pod the index no longer holds is a group of its own, so it still shows.
		const id = place?.workload ?? key;
		const part = place?.part ?? null;
		let bucket = buckets.get(id);
		if (!bucket) {
			bucket = {id, parts: new Map(), pods: 0};
			buckets.set(id, bucket);
		}
		const keys = bucket.parts.get(part);
		if (keys) keys.push(key);
		else bucket.parts.set(part, [key]);
		bucket.pods++;
	}
	const rows: GroupedRow[] = [];
	const positions = new Map<string, number>();
	let depth: 1 | 2 = 1;
	const hide = (keys: readonly string[], at: number): void => {
		for (const key of keys) positions.set(key, at);
	};
	for (const bucket of buckets.values()) {
		const groupAt = rows.length;
		const groupFolded = folded.has(bucket.id);
		rows.push({kind: 'group', id: bucket.id, workload: bucket.id, folded: groupFolded, pods: bucket.pods});
		positions.set(headingKey(bucket.id), groupAt);
		const split = bucket.parts.size > 1;
		for (const [part, keys] of bucket.parts) {
			if (groupFolded) {
				hide(keys, groupAt);
				continue;
			}
			if (!split) {
				for (const key of keys) {
					positions.set(key, rows.length);
					rows.push({kind: 'pod', key, depth: 1});
				}
				continue;
			}
			depth = 2;
			const id = partId(bucket.id, part ?? '');
			const partAt = rows.length;
			const partFolded = folded.has(id);
			rows.push({kind: 'part', id, workload: bucket.id, part: part ?? '', folded: partFolded, pods: keys.length});
			positions.set(headingKey(id), partAt);
			if (partFolded) {
				hide(keys, partAt);
				continue;
			}
			for (const key of keys) {
				positions.set(key, rows.length);
				rows.push({kind: 'pod', key, depth: 2});
			}
		}
	}
	return new Grouped(rows, positions, depth, buckets.size);
}

// One grouping per list and fold state: the index hands out the same list object until something in
// it changes, so frames in between (a key, a clock tick) do not group the list again.
const made = new WeakMap<RowList, {folded: ReadonlySet<string>; grouped: GroupedList}>();

/** groupList, remembered for `list` and `folded` (the same objects give the same answer). */
export function groupedList(list: RowList, placeOf: (key: string) => PodPlace | undefined, folded: ReadonlySet<string>): GroupedList {
	const known = made.get(list);
	if (known?.folded === folded) return known.grouped;
	const grouped = groupList(list, placeOf, folded);
	made.set(list, {folded, grouped});
	return grouped;
}

/** Its listed pods in words: "1 pod", "4 pods". */
export function podCount(pods: number): string {
	return `${pods} pod${pods === 1 ? '' : 's'}`;
}
