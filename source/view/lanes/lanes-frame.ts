// The Lanes view's body: a line per row, a row being a pod's lane or a workload's heading (on more
// lines when it is wider than the screen), under an axis of time; the TUI (view/frame.ts) and `--output lanes` (output/lanes.ts) both
// draw it from here. Pure: given the rows, the pods, the window of time and the width, it gives
// lines of styled spans. Only the rows on screen are drawn, and a pod's lane is built once per
// version of the pod (model/status-lane.ts), so a frame costs the rows shown.

import stringWidth from 'string-width';
import {podLane} from '../../model/status-lane.js';
import type {PodState} from '../../model/pod-state.js';
import {fitLine, span, truncate, wrapLine, type Line} from '../detail/lines.js';
import type {RowList} from '../pod-index.js';
import {laneNames} from './lane-names.js';
import {laneLine, laneMarks} from './lane-cells.js';
import {axisText, cellOf, startCellOf, type LaneWindow} from './time-axis.js';

/**
 * A row of the Lanes view: a pod's lane, or a line that stands for a group of them (a workload's
 * summary, drawn as given). The rows come as one ordered list, so grouping is a matter of which
 * rows the list holds and in what order.
 */
export type LaneRow =
	/** `indent`: columns before the name, under a group's heading. */
	{kind: 'pod'; key: string; indent?: number} | {kind: 'group'; id: string; line: Line};

/** The rows in order (only the visible window is read). */
export interface LaneRows {
	readonly length: number;
	rowAt(index: number): LaneRow | undefined;
}

/** The table's list as lane rows: one pod lane per row, in the table's order. */
export function podLaneRows(list: RowList): LaneRows {
	return {
		get length() {
			return list.length;
		},
		rowAt(index) {
			const key = list.keyAt(index);
			return key === undefined ? undefined : {kind: 'pod', key};
		},
	};
}

/** Width of "› " before a row's name. */
export const LANE_PREFIX_WIDTH = 2;
const MIN_CELLS = 10;

export interface LanesInput {
	rows: LaneRows;
	/** The row under the cursor (−1: none, as in a file) and the first row shown. */
	cursor: number;
	offset: number;
	/**
	 * Lines for the rows (under the axis line): a row is a line, but a heading too wide for the width
	 * goes on over further lines rather than being cut — a stalled rollout's why ends its heading.
	 */
	height: number;
	width: number;
	/** The pod of a row's key (the Lanes view's rows include ended lives: ended-rows.ts podOfRow). */
	pods: Pick<ReadonlyMap<string, PodState>, 'get'>;
	/** The store's clock: nothing is drawn after it. */
	now: number;
	/** The window's end and its span (epoch ms, ms); its cells are what the width leaves. */
	end: number;
	spanMs: number;
	/** The vertical cursor (epoch ms), or null. */
	timeCursor: number | null;
	/** Only one namespace listed: names without it. */
	oneNamespace: boolean;
	/** Replay: the recording's first moment (epoch ms), marked on the axis when the window shows time before it; live: null. */
	recordingStart: number | null;
	/** Over the names, in the axis line: the zoom and whether the view follows the clock. */
	title: string;
}

export interface LanesBody {
	kind: 'lanes';
	/** The title over the names, then the time axis over the lanes. */
	header: Line;
	lines: readonly Line[];
	/** The cursor's line among `lines` (−1: none shown). */
	selected: number;
	height: number;
	/** The window drawn (its cells are the lanes' columns). */
	window: LaneWindow;
	/** The column of the cursor's time among the cells, or null. */
	cursorCell: number | null;
	/** The column the axis marks as the recording's first (time-axis.ts startCellOf), or null. */
	startCell: number | null;
	/** The name column's width (cells start after the prefix, this and a blank). */
	nameWidth: number;
}

function rowName(pod: PodState | undefined, key: string, oneNamespace: boolean): string {
	if (!pod) return key;
	return oneNamespace ? pod.name : pod.key;
}

export function lanesFrame(input: LanesInput): LanesBody {
	const {rows, cursor, offset, height, width, pods, now, oneNamespace} = input;
	// Each row read once, a heading's lines wrapped once (the cursor's mark goes on its first line when drawn).
	const read = new Map<number, {row: LaneRow | undefined; lines: Line[] | null}>();
	const rowAt = (index: number): {row: LaneRow | undefined; lines: Line[] | null} => {
		let known = read.get(index);
		if (!known) {
			const row = rows.rowAt(index);
			const lines = row?.kind === 'group' ? wrapLine([span('  '), ...row.line], width).map(part => fitLine(part, width)) : null;
			known = {row, lines};
			read.set(index, known);
		}
		return known;
	};
	const linesOf = (index: number): number => rowAt(index).lines?.length ?? 1;
	// From the table's first row shown, as many rows as fill the lines; when headings over several
	// lines would push the cursor's row off the bottom, the first rows give way to it.
	let first = offset;
	if (cursor >= offset && cursor < rows.length) {
		let used = 0;
		for (let index = offset; index <= cursor; index++) used += linesOf(index);
		while (used > height && first < cursor) used -= linesOf(first++);
	}
	const shown: Array<{row: LaneRow; index: number; lines: Line[] | null}> = [];
	let used = 0;
	for (let index = first; index < rows.length && used < height; index++) {
		const {row, lines} = rowAt(index);
		if (!row) continue;
		shown.push({row, index, lines});
		used += lines?.length ?? 1;
	}
	// The names take what the longest one shown needs, up to 40 % of the screen, leaving the lanes MIN_CELLS.
	const longest = Math.max(
		4,
		...shown.map(({row}) => (row.kind === 'pod' ? (row.indent ?? 0) + stringWidth(rowName(pods.get(row.key), row.key, oneNamespace)) : 0)),
	);
	const room = Math.max(1, width - LANE_PREFIX_WIDTH - 1 - MIN_CELLS);
	const nameWidth = Math.max(1, Math.min(longest, Math.max(12, Math.floor(width * 0.4)), room));
	const cells = Math.max(1, width - LANE_PREFIX_WIDTH - nameWidth - 1);
	const window: LaneWindow = {start: input.end - input.spanMs, end: input.end, cells};
	const inWindow = input.timeCursor !== null && input.timeCursor >= window.start && input.timeCursor <= window.end;
	const cursorCell = inWindow ? cellOf(window, input.timeCursor!) : null;

	// The names of the pod rows shown, cut so that they stay told apart.
	const indentOf = (row: LaneRow): number => (row.kind === 'pod' ? Math.min(row.indent ?? 0, nameWidth - 1) : 0);
	const podRows = shown.filter(({row}) => row.kind === 'pod');
	const labels = laneNames(
		podRows.map(({row}) => {
			const key = row.kind === 'pod' ? row.key : '';
			const pod = pods.get(key);
			return {namespace: pod && !oneNamespace ? pod.namespace : null, name: pod?.name ?? key, width: nameWidth - indentOf(row)};
		}),
	);
	const labelOf = new Map(podRows.map(({index}, at) => [index, labels[at]!]));

	const rowLines = (row: LaneRow, index: number, heading: Line[] | null, onCursor: boolean): Line[] => {
		const mark = span(onCursor ? '› ' : '  ', 'accent');
		if (row.kind === 'group') return (heading ?? []).map((line, at) => (at === 0 ? [mark, ...line.slice(1)] : line));
		const pod = pods.get(row.key);
		const indent = indentOf(row);
		const name = span((labelOf.get(index) ?? '').padEnd(nameWidth - indent), pod?.deletedAt != null ? 'dim' : 'plain');
		if (onCursor) name.inverse = true;
		const lane = pod ? laneLine(laneMarks(podLane(pod), window, now, inWindow ? input.timeCursor : null), cursorCell) : [];
		return [[mark, ...(indent > 0 ? [span(' '.repeat(indent))] : []), name, span(' '), ...lane]];
	};
	const lines: Line[] = [];
	let selected = -1;
	for (const {row, index, lines: heading} of shown) {
		if (index === cursor) selected = lines.length;
		lines.push(...rowLines(row, index, heading, index === cursor));
	}
	// The last heading shown may have more lines than are left.
	lines.length = Math.min(lines.length, height);
	const title = truncate(input.title, nameWidth).padEnd(nameWidth);
	const startCell = startCellOf(window, input.recordingStart);
	const header: Line = [span(' '.repeat(LANE_PREFIX_WIDTH)), span(title, 'heading'), span(' '), span(axisText(window, cursorCell, startCell), 'label')];
	return {kind: 'lanes', header, lines, selected, height, window, cursorCell, startCell, nameWidth};
}
