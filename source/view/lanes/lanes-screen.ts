// The Lanes view's part of a frame (L from the table): the table's own list — same filter,
// faulty-only, namespace scope, sort and cursor — drawn as lanes under a time axis; the window the
// keys move in; what the pod under the cursor was at the time cursor; and what the footer says
// about following. Pure: view/frame.ts calls it in place of the table's part.
//
// A frame builds lanes for the rows on screen only, each from the history the store keeps for the
// pod (model/status-lane.ts, built once per version of a pod), so it costs the rows shown.

import type {StoreView} from '../../model/pod-state.js';
import {LANE_CLASSES, podLane, printedAt, segmentAt, type PodLane} from '../../model/status-lane.js';
import {explainPod, whyContext, type Why} from '../../model/why.js';
import {podEvents} from '../../model/store/pod-events.js';
import {formatClock} from '../goto-time.js';
import {formatSpan, wrapLine, type Line} from '../detail/lines.js';
import type {RowList} from '../pod-index.js';
import {podRow, type PodRow} from '../pod-row.js';
import {BEFORE_MARKS, LANE_STYLE, laneLegend} from './lane-cells.js';
import {podKeyOfRow, podOfRow} from './ended-rows.js';
import {lanesFrame, podLaneRows, type LaneRows, type LanesBody} from './lanes-frame.js';
import {resolveLanes, type LaneClock, type LanesLimits, type LanesState} from './lane-time.js';
import {cellMs, spanLabel} from './time-axis.js';
import {listLaneRows} from './group-rows.js';
import {headingOf} from '../workloads/grouped-list.js';
import type {GroupedRows} from '../workloads/heading-lines.js';

/**
 * The rows the Lanes view draws for the table's list, row i being the table's row i (so the two
 * share one cursor): one lane per pod, or grouped by owner (o) the headings and pods of the
 * grouped list (group-rows.ts listLaneRows).
 */
export function laneRowsOf(list: RowList, grouped: GroupedRows | null): LaneRows {
	return grouped ? listLaneRows(grouped) : podLaneRows(list);
}

export interface LanesScreenInput {
	lanes: LanesState;
	list: RowList;
	/** The table's cursor and first row shown (view/ui-state.ts tableWindow). */
	cursor: number;
	offset: number;
	/** Lines for the lanes (under the axis line). */
	height: number;
	width: number;
	view: StoreView;
	clock: LaneClock;
	oneNamespace: boolean;
	/** The index holds no pod at all. */
	noPods: boolean;
	/** `list` grouped by owner (o), and what its headings are made with: a heading over each workload's lanes. */
	grouped?: GroupedRows | null;
}

export interface LanesScreenBody extends LanesBody {
	/** The legend, under the lanes when they leave room for it. */
	legend: readonly Line[];
	/** What shows when no row does. */
	empty: string;
}

export interface LanesScreen {
	body: LanesScreenBody;
	limits: LanesLimits;
	/** The pod under the cursor as the table would show it, and its diagnosis (the status line, `l`). */
	selected: PodRow | null;
	selectedWhy: Why | null;
	/** The status line while the time cursor is not now: what the pod was then. */
	atCursor: string | null;
	/** The footer's word on time: what the view follows, or where it stopped. */
	note: string;
}

/** "default/web-1  ▼ 04:21:10  Running 0/1 (running, not ready since 04:20:58, for 12s)". */
export function podAtCursorText(key: string, view: StoreView, cursor: number): string {
	const pod = podOfRow(view, key);
	const head = `${podKeyOfRow(key)}  ▼ ${formatClock(cursor)}`;
	if (!pod) return `${head}  not in the store`;
	const lane = podLane(pod);
	const segment = segmentAt(lane, cursor);
	const before = lane.before.find(stretch => stretch.from <= cursor && cursor < stretch.to);
	if (!segment && before) {
		const count = pod.beforeSight?.restarts ?? 0;
		const restarts = count > 0 ? `, ${count} restart${count === 1 ? '' : 's'} by then` : '';
		return `${head}  ${before.cls} since ${formatClock(before.from)}${restarts} (before podlife watched: from the object, not seen)`;
	}
	if (!segment && lane.end !== null && cursor > lane.end) return `${head}  deleted at ${formatClock(lane.end)}`;
	const created = pod.columns.createdMs;
	if (!segment) return created !== null && cursor < created ? `${head}  not created yet (created ${formatClock(created)})` : `${head}  not seen yet`;
	const until = Math.min(segment.to, lane.end ?? Infinity);
	const lasted = Number.isFinite(until) ? `, for ${formatSpan(until - segment.from)}` : '';
	const row = printedAt(pod.history, pod.columns.ready, cursor) ?? segment;
	return `${head}  ${row.status} ${row.ready} (${LANE_STYLE[segment.cls].word} since ${formatClock(segment.from)}${lasted})`;
}

/** When a lane's seen part begins; null for a pod not seen yet (no segment). */
function firstSeen(lane: PodLane): number | null {
	return lane.segments.length === 0 ? null : lane.start;
}

export function lanesScreen(input: LanesScreenInput): LanesScreen {
	const {list, cursor, offset, height, width, view, clock} = input;
	const resolved = resolveLanes(input.lanes, clock);
	const replay = clock.earliest !== null;
	const body = lanesFrame({
		rows: laneRowsOf(list, input.grouped ?? null),
		cursor,
		offset,
		height,
		width,
		pods: {get: key => podOfRow(view, key)},
		now: clock.now,
		end: resolved.end,
		spanMs: resolved.spanMs,
		timeCursor: resolved.cursor,
		oneNamespace: input.oneNamespace,
		recordingStart: clock.earliest,
		title: `${spanLabel(resolved.spanMs)} a screen`,
	});
	// The legend goes under the lanes when a blank line and all of it fit.
	// Live, lanes begin before the watch did, and a replay's pods there before the recording began do
	// too (the window reaches back to their creation): the legend says how that part is drawn.
	// A screen full of lanes leaves no room for it: it is not made.
	const room = height - body.lines.length;
	const legend = room > 1 ? wrapLine([{text: '  '}, ...laneLegend(!replay || clock.beforeSightFrom !== null, body.startCell !== null)], width, 2) : [];
	const key = list.keyAt(cursor);
	const pod = key === undefined ? undefined : podOfRow(view, key);
	// The selected row only: its why reads its events and node, as the table's selected row does.
	const selectedWhy = pod ? explainPod(pod, whyContext(view, pod, clock.now, view)) : null;
	const selected = pod ? podRow(pod, clock.now, selectedWhy, podEvents(view, pod), view.owners) : null;
	const atNow = resolved.cursor >= clock.now;
	const empty = input.noPods ? 'No pods yet.' : 'No pods match: / edits the filter, n changes the namespace (f in the table: faulty only).';
	return {
		body: {...body, legend: room > legend.length ? legend : [], empty},
		limits: {resolved, cellMs: cellMs(body.window), clock, selectedFrom: pod ? firstSeen(podLane(pod)) : null},
		selected,
		selectedWhy,
		atCursor: key !== undefined && headingOf(key) === null && !atNow ? podAtCursorText(key, view, resolved.cursor) : null,
		note: resolved.follow ? (replay ? 'following replay' : 'following now') : `▼ ${formatClock(resolved.cursor)}, f follows`,
	};
}

/** The classes in legend order, for the help overlay's marks. */
export const LANE_MARKS = [...LANE_CLASSES, 'restart', 'end', ...BEFORE_MARKS] as const;
