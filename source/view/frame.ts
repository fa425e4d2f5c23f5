// One frame of the screen, derived: given the store, the UI state, the clock's `now`, the
// terminal's size and (replaying) the player, everything the screen shows — the header's texts,
// the scrubber, the body (the pod table, a pod's detail or the help overlay), the status or prompt
// line, which keys the footer lists — and what the key handlers need from the frame being drawn
// (KeyLimits, view/key-limits.ts; the line under the body: view/bottom-line.ts). No React here: the app renders a Frame and routes keys; tests call deriveFrame.
//
// The derivation keeps two things across frames (FrameMemory): the pod index, so a frame costs
// what changed in the store, and the table's column widths, which remember what earlier frames
// showed so columns do not jump. A frame turns only the visible rows into strings.

import type {ConnectionStatus} from '../model/connection-status.js';
import type {StoreView} from '../model/pod-state.js';
import type {SourceInfo} from '../sources/source-info.js';
import {PodIndex, type IndexSource} from './pod-index.js';
import {TableWidths} from './table-widths.js';
import {screenLayout, tooSmallMessage} from './screen-layout.js';
import {cells} from './fit-text.js';
import {activeFilter, inputView, tableWindow, uiReducer, type UiState} from './ui-state.js';
import type {Section} from './detail/sections.js';
import {countsText, liveClockText, replayClockText, scopeText, sourceText, type ReplayClockState} from './header-text.js';
import {scrubberCells, type ScrubberCell} from './scrubber.js';
import {positionText, type SessionSpan} from './goto-time.js';
import {sessionSpanLine} from './command-line.js';
import {bottomLine, logStatusLine, statusLine, type BottomLine} from './bottom-line.js';
import type {KeyLimits} from './key-limits.js';
import {accessProblemLine, readProblemLine, recordingLogsLine, type ReadProblemLine} from './read-problem.js';
import {NO_LIMITS} from '../sources/source-info.js';
import {helpLayout, helpWindow, type HelpGroup, type HelpWindow} from './help-layout.js';
import {tableFrame, type TableBody, type TableFrame} from './table-frame.js';
import {detailFrame, type DetailBody, type DetailFrame} from './detail-frame.js';
import {sessionCapturesLogs} from '../model/container-logs.js';
import {logFrame, type LogBody} from './log-view.js';
import {logChoice, noPreviousRun, type LogChoice} from './log-target.js';
import type {LogSnapshot} from '../sources/log-feed.js';
import {lanesScreen, type LanesScreenBody} from './lanes/lanes-screen.js';
import {groupedList} from './workloads/grouped-list.js';
import type {GroupedRows} from './workloads/heading-lines.js';
import {WorkloadMembers} from './workloads/workload-members.js';
import {resolveLanes, type LaneClock} from './lanes/lane-time.js';
import {podOfRow, rowPlaces, withEndedRows} from './lanes/ended-rows.js';

export type {TableBody, TableLine} from './table-frame.js';
export type {DetailBody} from './detail-frame.js';
export type {LogBody} from './log-view.js';
export type {LanesScreenBody} from './lanes/lanes-screen.js';

/** What a frame reads of the pod store (model/store/pod-store.ts PodStore). */
export interface FrameStore extends IndexSource {
	readonly connection: ConnectionStatus | null;
}

/** What a frame reads of the replay player (sources/replay/player.ts ReplayPlayer). */
export interface PlayerView extends ReplayClockState {
	readonly loadError: Error | null;
	readonly warnings: readonly string[];
	/** Entries per cell over the session (the scrubber's bar). */
	density(cells: number): number[];
	/** Session times where a pod entered a failing STATUS. */
	failureMarks(): number[];
	/** The earliest moment the pods' lives reconstructed from their objects reach (epoch ms; before the session's start), or null. */
	readonly beforeSightFrom: number | null;
}

/** What frames keep from one to the next: the pod index and the table's column widths. */
export interface FrameMemory {
	index: PodIndex;
	widths: TableWidths;
	/** Grouped by owner: every pod the store keeps by workload, for the headings' summaries. */
	workloads: WorkloadMembers;
}

export function frameMemory(state: Pick<UiState, 'sort'>): FrameMemory {
	return {index: new PodIndex(state.sort), widths: new TableWidths(), workloads: new WorkloadMembers()};
}

export interface FrameInput {
	store: FrameStore;
	memory: FrameMemory;
	state: UiState;
	info: SourceInfo;
	/** Present while replaying. */
	player: PlayerView | null;
	/** The source's clock (replay position or wall clock), epoch ms. */
	now: number;
	columns: number;
	rows: number;
	/** The help overlay's groups (ui/help-groups.ts: from the key table). */
	help: readonly HelpGroup[];
	/** The open log's feed as it is now (state.log set); null when none could be opened. */
	log?: LogSnapshot | null;
}

export interface HelpBody {
	kind: 'help';
	/** The overlay's rows on screen and the indicator line about the rest. */
	shown: HelpWindow;
	/** Its lines: the body's, the title line's and the status line's. */
	height: number;
}

export type FrameBody = TableBody | DetailBody | HelpBody | LogBody | LanesScreenBody;

export interface Frame {
	/** The UI state the frame was drawn for: the pod under the table's cursor pinned as the selected one. */
	state: UiState;
	/** What shows instead when the terminal is too small (a line or a few, q to quit among them), else null. */
	tooSmall: string | null;
	width: number;
	height: number;
	header: {source: string; clock: string; clockColor: string; counts: string; scope: string};
	/** What reading the session met (replay), or what the user may not see (live: a narrowed scope, a revoked permission), under the header. */
	problem: ReadProblemLine | null;
	scrubber: {cells: ScrubberCell[]; left: string; right: string} | null;
	body: FrameBody;
	/** The body's lines, its title line (column header or tabs) included. */
	bodyHeight: number;
	/** Null while the help overlay takes the line. */
	bottom: BottomLine | null;
	/**
	 * `note`: the Lanes view's word on time (what it follows), before the keys; `aside`: what the
	 * transport keys' line says while a prompt leaves it empty (the command line's session span).
	 */
	footer: {view: ReturnType<typeof inputView>; replaying: boolean; section?: Section; note?: string; aside?: string};
	keys: KeyLimits;
}

export function deriveFrame(input: FrameInput): Frame {
	const {store, memory, player, now} = input;
	const {index, widths} = memory;
	const replaying = player !== null;
	const span: SessionSpan | null = player ? {recordedAtMs: player.recordedAtMs, endMs: player.endMs, loading: !player.loaded} : null;
	const limits = input.info.limits?.() ?? NO_LIMITS;
	const problem =
		player && span
			? readProblemLine({error: player.loadError, warnings: player.warnings, endText: positionText(span.endMs, span.recordedAtMs)})
			: (accessProblemLine(limits) ?? recordingLogsLine(input.info.recording));
	const layout = screenLayout(input.columns, input.rows, replaying, problem ? 1 : 0);
	const {width, bodyLines} = layout;

	index.setSort(input.state.sort);
	index.update(store, now);
	const filter = activeFilter(input.state);
	const view = store.view();
	// The Lanes view lists the pods deleted before the table's minute too, whose lanes meet its window (view/lanes/ended-rows.ts).
	const lanesWindow = input.state.lanes.open ? resolveLanes(input.state.lanes, laneClock(player, now)) : null;
	const tableRows = index.rows(filter);
	const pods = lanesWindow ? withEndedRows(tableRows, view, filter, {start: lanesWindow.end - lanesWindow.spanMs, end: lanesWindow.end}, now) : tableRows;
	// Grouped by owner (o): headings over each workload's pods, which a fold hides (view/workloads/grouped-list.ts).
	const groupedPods = input.state.sort === 'owner' ? groupedList(pods, rowPlaces(pods, tableRows, view), input.state.folded) : null;
	const list = groupedPods ?? pods;
	// The cursor is on a row from the first frame: the one it is drawn on is pinned, and stays under it as rows re-sort.
	const state = uiReducer(input.state, {type: 'pin', rows: list});
	const {cursor, offset} = tableWindow(state, list, bodyLines);
	if (groupedPods) memory.workloads.update(store);
	const grouped: GroupedRows | null = groupedPods
		? {
				list: groupedPods,
				context: {
					view,
					now,
					observedFrom: player ? player.recordedAtMs + player.startMs : memory.workloads.earliestSeen,
					withNamespace: state.namespace === null,
					members: memory.workloads,
				},
			}
		: null;
	// While the watch is down the rows are the last ones seen: dimmed, and the header says since when.
	const stale = !player && (store.connection?.state === 'reconnecting' || store.connection?.state === 'disconnected');

	// A log takes the body over the table or the detail, which are not drawn meanwhile.
	const log =
		state.log && !state.help
			? logFrame({
					log: state.log,
					snapshot: input.log ?? null,
					search: state.prompt?.kind === 'search' ? state.prompt.text : state.log.search,
					wrap: state.logWrap,
					timestamps: state.logTimestamps,
					width,
					height: bodyLines,
					noPreviousRun: state.log.target.previous ? noPreviousRun(view, state.log.target) : null,
				})
			: null;
	const detail =
		!log && state.screen === 'detail' && state.selectedKey !== null
			? detailFrame({state, view, now, width, height: bodyLines, replaying, limits, capturesLogs: sessionCapturesLogs(input.info.header)})
			: null;
	// The Lanes view takes the table's place, over the same list and cursor.
	const lanes =
		!state.help && !detail && !log && state.lanes.open
			? lanesScreen({
					lanes: state.lanes,
					list,
					cursor,
					offset,
					height: bodyLines,
					width,
					view,
					clock: laneClock(player, now),
					oneNamespace: state.namespace !== null,
					noPods: index.size === 0,
					grouped,
				})
			: null;
	const table =
		!state.help && !detail && !log && !lanes
			? tableFrame({
					rows: list,
					cursor,
					offset,
					height: bodyLines,
					width,
					view,
					now,
					wide: state.wide,
					owner: state.sort === 'owner',
					grouped,
					oneNamespace: state.namespace !== null,
					columnOffset: state.columnOffset,
					widths,
					noPods: index.size === 0,
					stale,
				})
			: null;
	// The overlay takes the body, its title line and the status line (the footer says how to close it).
	const help = state.help ? helpLayout(input.help, width, bodyLines + 2) : null;

	const body: FrameBody = help
		? {kind: 'help', shown: helpWindow(help, state.helpScroll), height: bodyLines + 2}
		: log
			? log.body
			: detail
				? detail.body
				: lanes
					? lanes.body
					: table!.body;
	// The cursor on a heading of the grouped list: the status line speaks of it.
	const under = grouped?.list.rowAt(cursor);
	const heading = under && under.kind !== 'pod' ? under : null;
	const bottom = help
		? null
		: bottomLine(state, span, width, () =>
				log && state.log ? logStatusLine(state.log.target, view, now, width) : statusLine({state, detail, table, lanes, view, now, width, heading}),
			);

	const counts = index.counts(state.namespace);
	// Every pod in scope, tombstones included: what the list shows with no filter text and no faulty-only.
	const scope = scopeText({
		filter: filter.text,
		faultyOnly: state.faultyOnly,
		namespace: state.namespace,
		watched: input.info.namespace,
		sort: state.sort,
		wide: state.wide,
		shown: list.length,
		total: counts.total + counts.deleted,
	});
	const connection = store.connection?.state;
	const listing = !player && connection === 'connected' && (input.info.listing?.() ?? null) !== null;
	const clockColor = player
		? player.paused
			? 'yellow'
			: 'green'
		: connection === 'connected' && !listing
			? 'green'
			: connection === 'disconnected'
				? 'red'
				: 'yellow';

	return {
		state,
		tooSmall: layout.tooSmall ? tooSmallMessage(input.columns, input.rows) : null,
		width,
		height: layout.height,
		header: {
			source: sourceText(input.info, input.info.recording?.progress()),
			clock: player ? replayClockText(player) : liveClockText(now, store.connection, input.info.listing?.() ?? null),
			clockColor,
			// Beside the scope, which keeps its width (ui/header.tsx): whole counts left out rather than one cut.
			counts: countsText(counts, width - cells(scope) - 2),
			scope,
		},
		problem,
		scrubber: player ? scrubberOf(player, width) : null,
		body,
		bodyHeight: bodyLines + (help ? 2 : 1),
		bottom,
		footer: {
			view: inputView(state),
			replaying,
			section: !state.help && !state.log && state.screen === 'detail' ? state.section : undefined,
			note: lanes && !state.prompt ? lanes.note : undefined,
			aside: span && state.prompt?.kind === 'command' ? sessionSpanLine(span) : undefined,
		},
		keys: {
			rows: list,
			selectedKey: list.keyAt(cursor) ?? null,
			bodyLines,
			namespaces: index.namespaces(),
			detailMax: detail?.limits.detailMax ?? 0,
			containerBlocks: detail?.limits.containerBlocks ?? [],
			containerCount: detail?.limits.containerCount ?? 0,
			timeline: detail?.limits.timeline ?? null,
			columnOffsets: table?.columnOffsets ?? {prev: null, next: null},
			helpMax: help?.scrollMax ?? 0,
			helpWindow: help?.window ?? 0,
			logChoice: log ? {ok: false, problem: 'a log is open'} : chooseLog(detail, table ?? lanes, list.keyAt(cursor), view, !replaying),
			log: log?.limits ?? null,
			lanes: lanes?.limits ?? null,
		},
	};
}

/** Replay: the session's span; live: the clock alone (view/lanes/lane-time.ts). */
function laneClock(player: PlayerView | null, now: number): LaneClock {
	if (!player) return {now, earliest: null, sessionMs: null, beforeSightFrom: null};
	return {now, earliest: player.recordedAtMs + player.startMs, sessionMs: player.endMs - player.startMs, beforeSightFrom: player.beforeSightFrom};
}

/** The container `l` opens: the detail's (its Containers cursor, its why), or the table's (or Lanes view's) selected pod's. */
function chooseLog(
	detail: DetailFrame | null,
	table: Pick<TableFrame, 'selectedWhy'> | null,
	rowKey: string | undefined,
	view: StoreView,
	live: boolean,
): LogChoice {
	if (detail) return logChoice(detail.pod, detail.why, {cursorContainer: detail.limits.cursorContainer, live});
	// The row's own life: a Lanes row may be an ended one, whose name another pod holds now.
	return logChoice(rowKey === undefined ? null : podOfRow(view, rowKey), table?.selectedWhy ?? null, {live});
}

/** Times are session offsets (t, ms since recordedAt), as the go-to prompt and --at take them. */
function scrubberOf(player: PlayerView, width: number): Frame['scrubber'] {
	const left = positionText(player.positionMs, player.recordedAtMs);
	const end = positionText(player.endMs, player.recordedAtMs);
	const right = player.loaded ? end : `${end} loading ${Math.floor(player.progress * 100)}%`;
	const barWidth = Math.max(10, width - left.length - right.length - 2);
	const cells = scrubberCells({
		density: player.density(barWidth),
		failures: player.failureMarks(),
		startMs: player.startMs,
		endMs: player.endMs,
		positionMs: player.positionMs,
	});
	return {cells, left, right};
}
