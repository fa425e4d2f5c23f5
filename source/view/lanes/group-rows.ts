// Lanes grouped by workload, for the TUI's Lanes view (o) and `--output lanes` alike: the grouped
// list (view/workloads/grouped-list.ts) as lane rows — a workload's heading (its summary, a stalled
// rollout's why at its end), a ReplicaSet's heading with its revision when the workload's pods span
// several (heading-lines.ts), each pod's lane indented under its heading. The rows come as one list
// (lanes-frame.ts LaneRows), so the frame draws them like any other.

import type {LaneRows} from './lanes-frame.js';
import {headingLines, type GroupedRows} from '../workloads/heading-lines.js';

/**
 * The grouped list as lane rows: the same rows, so the table and the Lanes view share one cursor —
 * a heading's line, a pod's lane indented under it.
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
