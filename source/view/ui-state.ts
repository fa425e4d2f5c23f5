// The app's UI state as a reducer: cursor, scroll window, sort, filter, scope,
// wide, screen and section, help overlay, prompt. Key handlers only dispatch;
// this file has no React in it and is tested with plain assertions.
//
// The cursor follows a pod, not a position: `selectedKey` is the truth and
// `cursor` is where it was last seen, used when the pod leaves the list (filtered
// out, deleted) so the cursor stays near where it was. The table pins the pod it
// draws the cursor on (`pin`) from the first frame on: before that a null
// selectedKey made the cursor a position, and row 1's pod changed under it.
// Grouped by owner (o), the rows are headings and pods (view/workloads/grouped-list.ts): the cursor
// may rest on a heading, whose row key then is the selected key; a pod hidden by a fold is found
// at its heading's row, which the pin then selects.

import {clampIndex, fitWindow} from './scroll-window.js';
import {nextScope} from './filter.js';
import {nextSortMode, type SortMode} from './sort.js';
import type {RowFilter} from './filter.js';
import type {RowList} from './pod-index.js';
import {SECTIONS, type Section} from './detail/sections.js';
import type {ContainerBlock} from './detail/containers.js';
import {moveTimelineCursor, revealTimelineCursor, type TimelineCursor, type TimelineTargets} from './timeline-cursor.js';
import {openLogView, type LogViewState} from './log-view.js';
import type {LogTarget} from '../sources/log-feed.js';
import {headingKey, headingOf} from './workloads/grouped-list.js';
import {podKeyOfRow} from './lanes/ended-rows.js';
import {INITIAL_LANES, moveLanes, type LaneMove, type LanesLimits, type LanesState} from './lanes/lane-time.js';

/** The detail screen's sections, in tab order (defined with the sections, view/detail/sections.ts). */
export const DETAIL_SECTIONS = SECTIONS;
export type DetailSectionName = Section;

export type Screen = 'table' | 'detail';
/** `/` filters as you type (in a log: searches); `:` is the command line (q, ns NAME, a replay time). */
export type PromptKind = 'filter' | 'command' | 'search';

export interface Prompt {
	kind: PromptKind;
	text: string;
	/** Shown after a rejected submit (e.g. a go-to time that does not parse). */
	error: string | null;
	/** Shown in place of the hint (the names Tab could complete to). */
	note: string | null;
}

export interface UiState {
	screen: Screen;
	/** The selected row's key: a pod's, or a heading's (view/workloads/grouped-list.ts headingKey). */
	selectedKey: string | null;
	cursor: number;
	offset: number;
	sort: SortMode;
	filter: string;
	faultyOnly: boolean;
	namespace: string | null;
	wide: boolean;
	/** Table: how many columns after NAME are scrolled off to the left (←/→; view/table-layout.ts). */
	columnOffset: number;
	section: DetailSectionName;
	detailScroll: number;
	/** Detail: long lines wrapped instead of cut (`w`, as k9s's YAML and describe views), for every section and pod until toggled. */
	detailWrap: boolean;
	/** Timeline (replay only): the selected transition, null until ↑/↓ picks one. */
	timelineCursor: TimelineCursor | null;
	/** Containers section: the cursor's position in the list (containerListOrder, not pod.containers). */
	containerCursor: number;
	/** Containers section: the cursor's container is shown in full (Enter), not the list. */
	containerOpen: boolean;
	/** The list's scroll while a container is open, given back by Esc. */
	containerListScroll: number;
	help: boolean;
	/** The help overlay's first row shown (when it is taller than the screen). */
	helpScroll: number;
	prompt: Prompt | null;
	/** A one-line answer to the last key ("no later change of this pod"), cleared by the next key. */
	notice: string | null;
	/** A container's log over the table or the detail (`l`, `p`); Esc gives back what was under it. */
	log: LogViewState | null;
	/** Log lines wrapped (`w` in a log; on by default: a crash's last line is read whole). */
	logWrap: boolean;
	/** The server's timestamps shown before each log line (`t`). */
	logTimestamps: boolean;
	/** The Lanes view (L): shown in place of the table, over the same list and cursor; its zoom and time. */
	lanes: LanesState;
	/**
	 * Grouped by owner (o): the headings folded (Enter on one), by workload id (or part id,
	 * view/workloads/grouped-list.ts) — kept whatever the list shows, so a fold outlives a filter,
	 * a sort, ungrouping, and going between the table and the Lanes view.
	 */
	folded: ReadonlySet<string>;
}

export function initialUiState(options: Partial<Pick<UiState, 'namespace' | 'wide' | 'sort' | 'filter' | 'faultyOnly'>> = {}): UiState {
	return {
		screen: 'table',
		selectedKey: null,
		cursor: 0,
		offset: 0,
		sort: options.sort ?? 'worst',
		filter: options.filter ?? '',
		faultyOnly: options.faultyOnly ?? false,
		namespace: options.namespace ?? null,
		wide: options.wide ?? false,
		columnOffset: 0,
		section: 'Overview',
		detailScroll: 0,
		detailWrap: false,
		timelineCursor: null,
		containerCursor: 0,
		containerOpen: false,
		containerListScroll: 0,
		help: false,
		helpScroll: 0,
		prompt: null,
		notice: null,
		log: null,
		logWrap: true,
		logTimestamps: false,
		lanes: INITIAL_LANES,
		folded: NO_FOLDS,
	};
}

const NO_FOLDS: ReadonlySet<string> = new Set();

export type CursorMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export type UiAction =
	| {type: 'move'; move: CursorMove; rows: RowList; height: number}
	| {type: 'select'; key: string}
	| {type: 'pin'; rows: RowList}
	| {type: 'sort-next'}
	| {type: 'toggle-group'}
	/** Enter on a heading of the grouped list: its pods hidden under it, or shown again; the cursor stays on it. */
	| {type: 'toggle-fold'; id: string}
	| {type: 'toggle-faulty'}
	| {type: 'toggle-wide'}
	| {type: 'column-offset'; offset: number}
	| {type: 'toggle-wrap'}
	| {type: 'scope-next'; namespaces: readonly string[]}
	| {type: 'scope-set'; namespace: string | null}
	| {type: 'open'; rows: RowList}
	/** Enter in the Lanes view: the detail, on its Timeline at `at` (the transition at or before it) when given. */
	| {type: 'open-at'; rows: RowList; at: number | null}
	| {type: 'lanes-open'; open: boolean}
	| {type: 'lanes-move'; move: LaneMove; limits: LanesLimits}
	| {type: 'back'}
	| {type: 'section'; delta: 1 | -1}
	| {type: 'detail-scroll'; delta: number; max: number}
	| {type: 'help'; show: boolean}
	| {type: 'help-scroll'; delta: number; max: number}
	| {type: 'prompt-open'; kind: PromptKind}
	| {type: 'prompt-type'; text: string}
	| {type: 'prompt-backspace'}
	| {type: 'prompt-set'; text: string; note: string | null}
	| {type: 'prompt-error'; error: string}
	| {type: 'prompt-close'}
	| {type: 'prompt-cancel'}
	| {type: 'filter-clear'}
	| {type: 'notice'; text: string | null}
	| {type: 'container-move'; delta: 1 | -1; blocks: readonly ContainerBlock[]; height: number}
	| {type: 'container-open'; count: number}
	| {type: 'container-close'}
	| {type: 'timeline-move'; delta: 1 | -1; targets: TimelineTargets; height: number}
	| {type: 'timeline-reveal'; targets: TimelineTargets; height: number}
	| {type: 'log-open'; target: LogTarget}
	| {type: 'log-close'}
	/** top null: follow the end; match: the line the view went to for the search. */
	| {type: 'log-scroll'; top: number | null; match?: number | null}
	| {type: 'log-search'; text: string}
	| {type: 'toggle-log-wrap'}
	| {type: 'toggle-log-timestamps'};

/**
 * Which key set applies: an open prompt's, the help overlay, the table (or the Lanes view in its
 * place), the detail screen, or one container shown in full (Esc goes back to the list).
 */
export function inputView(state: UiState): Screen | 'lanes' | 'container' | 'log' | PromptKind | 'help' {
	if (state.prompt) return state.prompt.kind;
	if (state.help) return 'help';
	if (state.log) return 'log';
	if (state.screen === 'detail' && state.section === 'Containers' && state.containerOpen) return 'container';
	if (state.screen === 'table' && state.lanes.open) return 'lanes';
	return state.screen;
}

/** The first visible line that shows all of `block` (or its top, when it is taller than the window). */
function fitBlock(scroll: number, block: ContainerBlock, height: number): number {
	const rows = Math.max(1, height);
	if (block.start < scroll) return block.start;
	if (block.end > scroll + rows) return Math.min(block.start, block.end - rows);
	return scroll;
}

/** The filter the table applies now (a filter prompt filters as you type). */
export function activeFilter(state: UiState): RowFilter {
	const text = state.prompt?.kind === 'filter' ? state.prompt.text : state.filter;
	return {text, faultyOnly: state.faultyOnly, namespace: state.namespace};
}

/** Where the cursor is in `rows`: on the selected pod if it is listed, else near where it was. */
export function resolveCursor(state: UiState, rows: RowList): number {
	if (state.selectedKey !== null) {
		const at = rows.indexOf(state.selectedKey);
		if (at !== -1) return at;
		// An ended life no longer listed as one (the replay went back to when it lived, and the table
		// lists it under its name): the row of its name.
		const name = podKeyOfRow(state.selectedKey);
		const named = name === state.selectedKey ? -1 : rows.indexOf(name);
		if (named !== -1) return named;
	}
	return clampIndex(state.cursor, rows.length);
}

/** The cursor and the first visible row for a table `height` rows tall. */
export function tableWindow(state: UiState, rows: RowList, height: number): {cursor: number; offset: number} {
	const cursor = resolveCursor(state, rows);
	return {cursor, offset: fitWindow(state.offset, cursor, height, rows.length)};
}

function moveTarget(move: CursorMove, from: number, count: number, height: number): number {
	const page = Math.max(1, height - 1);
	switch (move) {
		case 'up':
			return from - 1;
		case 'down':
			return from + 1;
		case 'pageUp':
			return from - page;
		case 'pageDown':
			return from + page;
		case 'top':
			return 0;
		case 'bottom':
			return count - 1;
	}
}

/** A list change (filter, sort, scope) keeps the selected pod and scrolls to it. */
function relist(state: UiState, patch: Partial<UiState>): UiState {
	return {...state, ...patch, offset: 0};
}

export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'move': {
			const {rows, height} = action;
			if (rows.length === 0) return state;
			const from = resolveCursor(state, rows);
			const cursor = clampIndex(moveTarget(action.move, from, rows.length, height), rows.length);
			const offset = fitWindow(fitWindow(state.offset, from, height, rows.length), cursor, height, rows.length);
			return {...state, cursor, offset, selectedKey: rows.keyAt(cursor) ?? null};
		}
		case 'select':
			return {...state, selectedKey: action.key};
		case 'pin': {
			// The table shows the cursor on the pod at resolveCursor: that pod is the selected one from now
			// on (first frame, or the selected pod left the list). The detail keeps its own pod.
			if (state.screen !== 'table') return state;
			const cursor = resolveCursor(state, action.rows);
			const key = action.rows.keyAt(cursor);
			if (key === undefined || (key === state.selectedKey && cursor === state.cursor)) return state;
			return {...state, selectedKey: key, cursor};
		}
		case 'sort-next':
			return relist(state, {sort: nextSortMode(state.sort)});
		case 'toggle-group':
			return relist(state, {sort: state.sort === 'owner' ? 'worst' : 'owner'});
		case 'toggle-fold': {
			const folded = new Set(state.folded);
			if (!folded.delete(action.id)) folded.add(action.id);
			return {...state, folded, selectedKey: headingKey(action.id)};
		}
		case 'toggle-faulty':
			return relist(state, {faultyOnly: !state.faultyOnly});
		case 'toggle-wide':
			return {...state, wide: !state.wide};
		case 'column-offset':
			return action.offset === state.columnOffset ? state : {...state, columnOffset: Math.max(0, action.offset)};
		case 'toggle-wrap':
			return {...state, detailWrap: !state.detailWrap};
		case 'scope-next':
			return relist(state, {namespace: nextScope(state.namespace, action.namespaces)});
		case 'scope-set':
			return relist(state, {namespace: action.namespace});
		case 'open': {
			if (action.rows.length === 0) return state;
			const cursor = resolveCursor(state, action.rows);
			const key = action.rows.keyAt(cursor);
			// A heading is no pod: Enter folds it (key-actions.ts), it never opens.
			if (key === undefined || headingOf(key) !== null) return state;
			return {
				...state,
				screen: 'detail',
				selectedKey: key,
				cursor,
				detailScroll: 0,
				section: 'Overview',
				timelineCursor: null,
				containerCursor: 0,
				containerOpen: false,
			};
		}
		case 'open-at': {
			const opened = uiReducer(state, {type: 'open', rows: action.rows});
			if (opened === state || action.at === null) return opened;
			// The last transition at or before the moment: none of that moment is after it.
			return {...opened, section: 'Timeline', timelineCursor: {at: action.at, nth: Number.MAX_SAFE_INTEGER}};
		}
		case 'lanes-open':
			return state.lanes.open === action.open ? state : {...state, lanes: {...state.lanes, open: action.open}};
		case 'lanes-move': {
			const lanes = moveLanes(state.lanes, action.move, action.limits);
			return lanes === state.lanes ? state : {...state, lanes};
		}
		case 'back':
			// To the list: the table, or the Lanes view when the detail was opened from there.
			return {...state, screen: 'table'};
		case 'section': {
			const at = DETAIL_SECTIONS.indexOf(state.section);
			const next = (at + action.delta + DETAIL_SECTIONS.length) % DETAIL_SECTIONS.length;
			return {...state, section: DETAIL_SECTIONS[next]!, detailScroll: 0, timelineCursor: null, containerCursor: 0, containerOpen: false};
		}
		case 'detail-scroll':
			return {...state, detailScroll: Math.max(0, Math.min(action.max, state.detailScroll + action.delta))};
		case 'container-move': {
			if (action.blocks.length === 0) return state;
			const containerCursor = clampIndex(clampIndex(state.containerCursor, action.blocks.length) + action.delta, action.blocks.length);
			return {...state, containerCursor, detailScroll: fitBlock(state.detailScroll, action.blocks[containerCursor]!, action.height)};
		}
		case 'container-open':
			if (action.count === 0 || state.containerOpen) return state;
			return {
				...state,
				containerOpen: true,
				containerCursor: clampIndex(state.containerCursor, action.count),
				containerListScroll: state.detailScroll,
				detailScroll: 0,
			};
		case 'container-close':
			if (!state.containerOpen) return state;
			return {...state, containerOpen: false, detailScroll: state.containerListScroll};
		case 'timeline-move': {
			const moved = moveTimelineCursor({cursor: state.timelineCursor, scroll: state.detailScroll}, action.delta, action.targets, action.height);
			return {...state, timelineCursor: moved.cursor, detailScroll: moved.scroll};
		}
		case 'timeline-reveal': {
			const shown = revealTimelineCursor({cursor: state.timelineCursor, scroll: state.detailScroll}, action.targets, action.height);
			return shown.scroll === state.detailScroll ? state : {...state, detailScroll: shown.scroll};
		}
		case 'help':
			return {...state, help: action.show, helpScroll: 0};
		case 'help-scroll':
			// ±Infinity for g/G: clamped to the ends like any other step.
			return {...state, helpScroll: Math.max(0, Math.min(action.max, state.helpScroll + action.delta))};
		case 'prompt-open': {
			const text = action.kind === 'filter' ? state.filter : action.kind === 'search' ? (state.log?.search ?? '') : '';
			return {...state, help: false, prompt: {kind: action.kind, text, error: null, note: null}};
		}
		case 'prompt-type':
			if (!state.prompt) return state;
			return {
				...state,
				prompt: {...state.prompt, text: state.prompt.text + action.text, error: null, note: null},
				offset: state.prompt.kind === 'filter' ? 0 : state.offset,
			};
		case 'prompt-backspace':
			if (!state.prompt) return state;
			return {...state, prompt: {...state.prompt, text: state.prompt.text.slice(0, -1), error: null, note: null}};
		case 'prompt-set':
			// Ctrl-U (text '') and Tab completion.
			if (!state.prompt) return state;
			return {
				...state,
				prompt: {...state.prompt, text: action.text, error: null, note: action.note},
				offset: state.prompt.kind === 'filter' ? 0 : state.offset,
			};
		case 'prompt-error':
			if (!state.prompt) return state;
			return {...state, prompt: {...state.prompt, error: action.error}};
		case 'prompt-close':
			// Enter: a filter prompt applies what was typed.
			if (!state.prompt) return state;
			if (state.prompt.kind === 'search') return {...state, prompt: null, log: state.log && {...state.log, search: state.prompt.text, match: null}};
			return state.prompt.kind === 'filter' ? relist(state, {filter: state.prompt.text.trim(), prompt: null}) : {...state, prompt: null};
		case 'log-open':
			return {...state, help: false, prompt: null, log: openLogView(action.target)};
		case 'log-close':
			return state.log ? {...state, log: null} : state;
		case 'log-scroll':
			if (!state.log) return state;
			return {...state, log: {...state.log, top: action.top, match: action.match === undefined ? state.log.match : action.match}};
		case 'log-search':
			return state.log ? {...state, log: {...state.log, search: action.text, match: null}} : state;
		case 'toggle-log-wrap':
			return {...state, logWrap: !state.logWrap};
		case 'toggle-log-timestamps':
			return {...state, logTimestamps: !state.logTimestamps};
		case 'notice':
			return state.notice === action.text ? state : {...state, notice: action.text};
		case 'filter-clear':
			return state.filter ? relist(state, {filter: ''}) : state;
		case 'prompt-cancel':
			// Esc: a filter prompt clears the filter; the command line and a log's search just close.
			if (!state.prompt) return state;
			if (state.prompt.kind === 'search') return {...state, prompt: null};
			return state.prompt.kind === 'filter' ? relist(state, {filter: '', prompt: null}) : {...state, prompt: null};
	}
}
