// Lanes grouped by workload: each group's summary row (view/workloads/workload-summary.ts) and,
// unless the group is folded, its pods' lanes under it. `--output lanes` groups the pods it draws
// (groupedLaneRows: a stalled rollout's why on a row of its own under the summary); the TUI draws
// the table's grouped list (listLaneRows). Both place a pod with the owner objects the store
// view holds (model/workloads/workload-of.ts). The rows come as one list (lanes-frame.ts
// LaneRows), so the frame draws them like any other.

import type {PodState, StoreView} from '../../model/pod-state.js';
import {groupPods, type WorkloadGroup} from '../../model/workloads/workload-groups.js';
import {span} from '../detail/lines.js';
import {workloadSummary} from '../workloads/workload-summary.js';
import type {LaneRow, LaneRows} from './lanes-frame.js';
import {foldMark, headingLines, type GroupedRows} from '../workloads/heading-lines.js';

export interface GroupedLanes extends LaneRows {
	readonly rows: readonly LaneRow[];
	readonly groups: readonly WorkloadGroup[];
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
		rows.push({kind: 'group', id, line: [span(foldMark(folded), 'label'), ...summary.line]});
		if (summary.why) rows.push({kind: 'group', id, line: [span('  ✗ ', 'bad'), span(summary.why, 'bad')]});
		if (!folded) for (const pod of group.pods) rows.push({kind: 'pod', key: options.rowKey?.(pod) ?? pod.key});
	}
	return {rows, groups, length: rows.length, rowAt: index => rows[index]};
}

/**
 * The table's list grouped (view/workloads/grouped-list.ts) as lane rows: the same rows, so the
 * two share one cursor — a heading's line (heading-lines.ts), a pod's lane indented under it.
 */
export function listLaneRows({list, context}: GroupedRows): LaneRows {
	const lineOf = headingLines(context);
	const indent = 2 * list.depth;
	return {
		length: list.length,
		rowAt(index) {
			const row = list.rowAt(index);
			if (!row) return undefined;
			return row.kind === 'pod' ? {kind: 'pod', key: row.key, indent} : {kind: 'group', id: row.id, line: lineOf(row)};
		},
	};
}
