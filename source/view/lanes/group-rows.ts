// Lanes grouped by workload: each group's summary row (view/workloads/workload-summary.ts) and,
// unless the group is folded, its pods' lanes under it; a stalled rollout's why on a row of its
// own under the summary. The rows come as one list (lanes-frame.ts LaneRows), so the frame draws
// them like any other.

import type {PodState, StoreView} from '../../model/pod-state.js';
import {groupPods, type WorkloadGroup} from '../../model/workloads/workload-groups.js';
import {span} from '../detail/lines.js';
import {workloadSummary} from '../workloads/workload-summary.js';
import type {LaneRow, LaneRows} from './lanes-frame.js';
import type {RowList} from '../pod-index.js';
import {workloadOf} from '../../model/workloads/workload-of.js';

export interface GroupedLanes extends LaneRows {
	readonly rows: readonly LaneRow[];
	readonly groups: readonly WorkloadGroup[];
}

export interface GroupContext {
	view: StoreView;
	now: number;
	/** When the session (or watch) began: whether a Deployment's revisions can be counted. */
	observedFrom: number;
	withNamespace: boolean;
}

export interface GroupOptions {
	view: StoreView;
	now: number;
	/** When the session (or watch) began: whether a Deployment's revisions can be counted. */
	observedFrom: number;
	withNamespace: boolean;
	/** Workload ids whose pods are hidden under their summary. */
	folded?: ReadonlySet<string>;
	/** The key a pod's row looks it up by (default: its key; --output lanes tells a name's lives apart). */
	rowKey?: (pod: PodState) => string;
}

/** `pods` (in any order) as rows grouped by workload. */
export function groupedLaneRows(pods: Iterable<PodState>, options: GroupOptions): GroupedLanes {
	const {view, now, observedFrom, withNamespace} = options;
	const groups = groupPods(pods, view.owners);
	const rows: LaneRow[] = [];
	for (const group of groups) {
		const id = group.workload.id;
		const folded = options.folded?.has(id) ?? false;
		const summary = workloadSummary(group, view, now, observedFrom, withNamespace);
		rows.push({kind: 'group', id, line: [span(folded ? '▸ ' : '▾ ', 'label'), ...summary.line]});
		if (summary.why) rows.push({kind: 'group', id, line: [span('  ✗ ', 'bad'), span(summary.why, 'bad')]});
		if (!folded) for (const pod of group.pods) rows.push({kind: 'pod', key: options.rowKey?.(pod) ?? pod.key});
	}
	return {rows, groups, length: rows.length, rowAt: index => rows[index]};
}

/** Live, watching began about when the first pod was seen. */
export function earliestSeen(view: StoreView): number {
	let first = Infinity;
	for (const pod of view.pods.values()) first = Math.min(first, pod.firstSeenAt);
	return first;
}

// A pod's workload, once per version of the pod (versions are immutable).
const workloads = new WeakMap<PodState, string>();

function workloadIdOf(pod: PodState): string {
	let id = workloads.get(pod);
	if (id === undefined) {
		id = workloadOf(pod).id;
		workloads.set(pod, id);
	}
	return id;
}

// The store's pods by workload id, once per store view (a view never changes).
const byWorkload = new WeakMap<ReadonlyMap<string, PodState>, Map<string, PodState[]>>();

function podsByWorkload(view: StoreView): Map<string, PodState[]> {
	let index = byWorkload.get(view.pods);
	if (!index) {
		index = new Map();
		for (const pod of view.pods.values()) {
			const id = workloadIdOf(pod);
			const pods = index.get(id);
			if (pods) pods.push(pod);
			else index.set(id, [pod]);
		}
		byWorkload.set(view.pods, index);
	}
	return index;
}

/**
 * The table's list (in owner order) with a summary row before each workload's pods; the table's
 * cursor and first row (list indices) as row indices, the window moved so that the cursor's row
 * shows. A summary is made only for the rows read (those on screen).
 */
export function groupedListRows(
	list: RowList,
	at: {cursor: number; offset: number; height: number},
	context: GroupContext,
): {rows: LaneRows; cursor: number; offset: number} {
	const {view} = context;
	type Slot = {kind: 'pod'; key: string} | {kind: 'group'; id: string};
	const slots: Slot[] = [];
	const rowOfIndex: number[] = [];
	let open: string | null = null;
	for (let index = 0; index < list.length; index++) {
		const key = list.keyAt(index)!;
		const pod = view.pods.get(key);
		const id = pod ? workloadIdOf(pod) : key;
		if (open !== id) {
			open = id;
			slots.push({kind: 'group', id});
		}
		rowOfIndex.push(slots.length);
		slots.push({kind: 'pod', key});
	}
	const made = new Map<number, LaneRow>();
	const rowAt = (row: number): LaneRow | undefined => {
		const slot = slots[row];
		if (!slot || slot.kind === 'pod') return slot;
		let done = made.get(row);
		if (!done) {
			// All the workload's pods the store holds, not only those listed: a rollout's old pods are
			// off the list a minute after their deletion, and its revisions are counted from them.
			const group = groupPods(podsByWorkload(view).get(slot.id) ?? [])[0];
			const summary = group ? workloadSummary(group, view, context.now, context.observedFrom, context.withNamespace) : null;
			const line = summary ? [span('▾ ', 'label'), ...summary.line, ...(summary.why ? [span(`  ✗ ${summary.why}`, 'bad')] : [])] : [span(slot.id, 'heading')];
			done = {kind: 'group', id: slot.id, line};
			made.set(row, done);
		}
		return done;
	};
	const cursor = rowOfIndex[at.cursor] ?? -1;
	// The table's first row, with its workload's summary over it when it is the workload's first pod.
	let offset = rowOfIndex[at.offset] ?? 0;
	if (offset > 0 && slots[offset - 1]?.kind === 'group') offset--;
	if (cursor >= offset + at.height) offset = cursor - at.height + 1;
	return {rows: {length: slots.length, rowAt}, cursor, offset: Math.max(0, offset)};
}
