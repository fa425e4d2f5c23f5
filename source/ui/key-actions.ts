// What each action of the key table (keys.ts) does: one handler per action. The table's actions
// are this record's names, so a binding without a handler does not compile, and adding a key is a
// row in the table and an entry here. A handler reads the UI state and what the frame on screen
// shows (KeyLimits, view/frame.ts), and acts through Controls: the UI reducer's dispatch, the
// replay player, exit. No React here: tests call the handlers with plain objects.

import type {KeyLimits} from '../view/key-limits.js';
import type {CursorMove, UiAction, UiState} from '../view/ui-state.js';
import {resolveTimelineCursor, seekOffsetOf, type TimelineTargets} from '../view/timeline-cursor.js';
import {completeCommand, LIVE_SEEK_PROBLEM, parseCommand} from '../view/command-line.js';
import {resolveTime} from '../view/goto-time.js';
import {matchingLines, nextMatch, topShowing} from '../view/log-view.js';
import {podKey} from '../model/pod-key.js';
import type {LogTarget} from '../sources/log-feed.js';
import {resolveLanes, type LaneMove} from '../view/lanes/lane-time.js';
import {podKeyOfRow} from '../view/lanes/ended-rows.js';
import {headingOf} from '../view/workloads/grouped-list.js';

/** What the keys drive of a replay (sources/replay/player.ts ReplayPlayer). */
export interface ReplayControls {
	readonly recordedAtMs: number;
	readonly endMs: number;
	readonly positionMs: number;
	readonly loaded: boolean;
	toggle(): void;
	pause(): void;
	step(direction: 1 | -1): void;
	faster(): void;
	slower(): void;
	/** To a session offset (ms since recordedAt); applied at once. */
	seek(offsetMs: number): void;
	seekToStart(): void;
	seekToEnd(): void;
	nextChangeOf(podKey: string, direction: 1 | -1): number | null;
}

/** What a key action reads and drives. */
export interface Controls {
	/** The UI state the key arrives in (the key before it included). */
	readonly state: UiState;
	/** What the frame on screen shows the keys. */
	readonly limits: KeyLimits;
	dispatch(action: UiAction): void;
	/** Present while replaying (the transport keys are bound only then). */
	readonly player?: ReplayControls;
	exit(): void;
	/** The selected pod's Timeline transitions as the store holds them now (a seek applies before the next frame). */
	timelineNow(): TimelineTargets | null;
}

export type KeyHandler = (controls: Controls) => void;

export const KEY_ACTIONS = {
	up: scrollOrMove('up'),
	down: scrollOrMove('down'),
	pageUp: scrollOrMove('pageUp'),
	pageDown: scrollOrMove('pageDown'),
	top: scrollOrMove('top'),
	bottom: scrollOrMove('bottom'),
	open: ({limits, dispatch}) => {
		if (!foldHeading(limits, dispatch)) dispatch({type: 'open', rows: limits.rows});
	},
	openLanes: send({type: 'lanes-open', open: true}),
	closeLanes: send({type: 'lanes-open', open: false}),
	openAt,
	earlier: moveLanes({kind: 'step', cells: -1}),
	later: moveLanes({kind: 'step', cells: 1}),
	panEarlier: moveLanes({kind: 'pan', screens: -0.5}),
	panLater: moveLanes({kind: 'pan', screens: 0.5}),
	zoomIn: moveLanes({kind: 'zoom', delta: -1}),
	zoomOut: moveLanes({kind: 'zoom', delta: 1}),
	follow: moveLanes({kind: 'follow'}),
	back: send({type: 'back'}),
	nextSection: send({type: 'section', delta: 1}),
	prevSection: send({type: 'section', delta: -1}),
	filter: send({type: 'prompt-open', kind: 'filter'}),
	faulty: send({type: 'toggle-faulty'}),
	scope: ({limits, dispatch}) => dispatch({type: 'scope-next', namespaces: limits.namespaces}),
	sort: send({type: 'sort-next'}),
	group: send({type: 'toggle-group'}),
	wide: send({type: 'toggle-wide'}),
	columnsLeft: scrollColumns('prev'),
	columnsRight: scrollColumns('next'),
	wrap: send({type: 'toggle-wrap'}),
	help: send({type: 'help', show: true}),
	closeHelp: send({type: 'help', show: false}),
	quit: ({exit}) => exit(),
	// The top level: Esc takes back a filter (as k9s does) and otherwise does nothing; q quits.
	escape: send({type: 'filter-clear'}),
	clearFilter: send({type: 'filter-clear'}),
	command: send({type: 'prompt-open', kind: 'command'}),
	pause: play(player => player.toggle()),
	stepForward: play(player => player.step(1)),
	stepBack: play(player => player.step(-1)),
	faster: play(player => player.faster()),
	slower: play(player => player.slower()),
	start: play(player => player.seekToStart()),
	end: play(player => player.seekToEnd()),
	prevChange: changeOfPod(-1),
	nextChange: changeOfPod(1),
	containerUp: moveContainer(-1),
	containerDown: moveContainer(1),
	openContainer: ({limits, dispatch}) => dispatch({type: 'container-open', count: limits.containerCount}),
	closeContainer: send({type: 'container-close'}),
	transitionUp: moveTransition(-1),
	transitionDown: moveTransition(1),
	seekTransition,
	logs: openLog(false),
	previousLogs: openLog(true),
	closeLog: ({state, dispatch}) => dispatch(state.log?.search ? {type: 'log-search', text: ''} : {type: 'log-close'}),
	search: send({type: 'prompt-open', kind: 'search'}),
	nextMatch: stepMatch(1),
	prevMatch: stepMatch(-1),
	logWrap: send({type: 'toggle-log-wrap'}),
	logTimestamps: send({type: 'toggle-log-timestamps'}),
	promptEnter: controls => {
		const {prompt} = controls.state;
		if (prompt?.kind === 'command') return runCommand(controls, prompt.text);
		controls.dispatch({type: 'prompt-close'});
		if (prompt?.kind === 'search') findFirst(controls, prompt.text);
	},
	promptCancel: send({type: 'prompt-cancel'}),
	promptBackspace: send({type: 'prompt-backspace'}),
	promptClear: send({type: 'prompt-set', text: '', note: null}),
	promptComplete: ({state, limits, dispatch}) => {
		const completion = completeCommand(state.prompt?.text ?? '', limits.namespaces);
		dispatch({type: 'prompt-set', text: completion.text, note: completion.choices.length > 1 ? completion.choices.join('  ') : null});
	},
} satisfies Record<string, KeyHandler>;

/** The actions the key table binds keys to. */
export type KeyAction = keyof typeof KEY_ACTIONS;

function send(action: UiAction): KeyHandler {
	return ({dispatch}) => dispatch(action);
}

function play(call: (player: ReplayControls) => void): KeyHandler {
	return ({player}) => {
		if (player) call(player);
	};
}

/** A step of `move` when a page is `page` lines; g/G go to the ends (clamped like any other step). */
function stepOf(move: CursorMove, page: number): number {
	return {up: -1, down: 1, pageUp: -page, pageDown: page, top: -Infinity, bottom: Infinity}[move];
}

/** ↑ ↓ PgUp PgDn g G: scroll the help overlay, a log or the detail section, or move the table's cursor. */
function scrollOrMove(move: CursorMove): KeyHandler {
	return ({state, limits, dispatch}) => {
		if (state.help) return dispatch({type: 'help-scroll', delta: stepOf(move, limits.helpWindow), max: limits.helpMax});
		if (state.log) return scrollLog(move, limits, dispatch);
		if (state.screen === 'detail') return dispatch({type: 'detail-scroll', delta: stepOf(move, limits.bodyLines), max: limits.detailMax});
		dispatch({type: 'move', move, rows: limits.rows, height: limits.bodyLines});
	};
}

/** The Lanes view's time (view/lanes/lane-time.ts), within the window the frame on screen drew. */
function moveLanes(move: LaneMove): KeyHandler {
	return ({limits, dispatch}) => {
		if (limits.lanes) dispatch({type: 'lanes-move', move, limits: limits.lanes});
	};
}

/**
 * Enter in the Lanes view: the pod's detail, its Timeline on the transition at or before the time
 * cursor's moment. Replaying, the replay goes there, paused so the user can look; live, the store
 * holds the pod's history up to now, so the Timeline shows that moment among the later ones.
 */
function openAt({state, limits, dispatch, player, timelineNow}: Controls): void {
	if (foldHeading(limits, dispatch)) return;
	const lanes = limits.lanes;
	if (!lanes) return dispatch({type: 'open', rows: limits.rows});
	if (limits.rows.length === 0) return;
	// Not before the pod was seen: the replay would go where the pod is not yet, and its detail would
	// call it gone from the store. Its first moment is what Enter on the lane's empty start means.
	const at = Math.max(resolveLanes(state.lanes, lanes.clock).cursor, lanes.selectedFrom ?? -Infinity);
	if (player && at < lanes.clock.now) {
		player.pause();
		player.seek(Math.floor(at - player.recordedAtMs));
	}
	dispatch({type: 'open-at', rows: limits.rows, at});
	// A seek applied at once: the Timeline's rows are those of then.
	const targets = timelineNow();
	if (targets) dispatch({type: 'timeline-reveal', targets, height: limits.bodyLines});
}

/** Enter on a heading of the grouped list (o): folds it, or unfolds it; false when the cursor is on a pod. */
function foldHeading(limits: KeyLimits, dispatch: Controls['dispatch']): boolean {
	const id = headingOf(limits.selectedKey);
	if (id === null) return false;
	dispatch({type: 'toggle-fold', id});
	return true;
}

/** ← →: the table's columns that are off-screen that way, if any. */
function scrollColumns(way: 'prev' | 'next'): KeyHandler {
	return ({limits, dispatch}) => {
		const offset = limits.columnOffsets[way];
		if (offset !== null) dispatch({type: 'column-offset', offset});
	};
}

function moveContainer(delta: 1 | -1): KeyHandler {
	return ({limits, dispatch}) => dispatch({type: 'container-move', delta, blocks: limits.containerBlocks, height: limits.bodyLines});
}

function moveTransition(delta: 1 | -1): KeyHandler {
	return ({limits, dispatch}) => {
		if (limits.timeline) dispatch({type: 'timeline-move', delta, targets: limits.timeline, height: limits.bodyLines});
	};
}

/**
 * A log scrolls by its lines; reaching the last page (or G) follows the end again, and leaving it
 * holds the view where it is while new lines come in.
 */
function scrollLog(move: CursorMove, limits: KeyLimits, dispatch: Controls['dispatch']): void {
	const log = limits.log;
	if (!log) return;
	const page = Math.max(1, log.shown - 1);
	const top = {up: log.top - 1, down: log.top + 1, pageUp: log.top - page, pageDown: log.top + page, top: 0, bottom: Infinity}[move];
	dispatch({type: 'log-scroll', top: top >= log.endTop ? null : Math.max(0, top)});
}

/** l / p: the log of the container chosen (in a log: the same container's other instance). */
function openLog(previous: boolean): KeyHandler {
	return ({state, limits, dispatch}) => {
		if (state.log) {
			if (state.log.target.previous !== previous) dispatch({type: 'log-open', target: {...state.log.target, previous}});
			return;
		}
		const choice = limits.logChoice;
		if (!choice.ok) return dispatch({type: 'notice', text: choice.problem});
		dispatch({type: 'log-open', target: {...choice.target, previous}});
	};
}

/** Enter on a log's `/`: to the first match from the top line shown on (round the end, as less). */
function findFirst({limits, dispatch}: Controls, text: string): void {
	if (!limits.log || text === '') return;
	const line = nextMatch(matchingLines(limits.log, text), limits.log.top, 1, true);
	if (line === null) return dispatch({type: 'notice', text: `no line matches "${text}"`});
	dispatch({type: 'log-scroll', top: topShowing(line, limits.bodyLines), match: line});
}

/** n / N: the next or previous line that matches the log's search. */
function stepMatch(direction: 1 | -1): KeyHandler {
	return ({state, limits, dispatch}) => {
		const search = state.log?.search ?? '';
		if (!limits.log || search === '') return dispatch({type: 'notice', text: 'no search yet: / searches the log'});
		const from = state.log?.match ?? limits.log.top;
		const line = nextMatch(matchingLines(limits.log, search), from, direction, state.log?.match === null && direction === 1);
		if (line === null) return dispatch({type: 'notice', text: `no line matches "${search}"`});
		dispatch({type: 'log-scroll', top: topShowing(line, limits.bodyLines), match: line});
	};
}

function podKeyOfTarget(target: LogTarget): string {
	return podKey(target.namespace, target.pod);
}

/** Enter on a Timeline transition: the replay goes to its moment, paused there so the user can look; the detail stays on the pod. */
function seekTransition({state, limits, dispatch, player, timelineNow}: Controls): void {
	if (!player || !limits.timeline) return;
	const at = resolveTimelineCursor(state.timelineCursor, limits.timeline.targets);
	if (at === -1) return dispatch({type: 'notice', text: 'pick a transition with ↑/↓ first'});
	player.pause();
	player.seek(seekOffsetOf(limits.timeline.targets[at]!, player.recordedAtMs));
	// The seek applied at once: the rows above the transition are those of then now.
	const targets = timelineNow();
	if (targets) dispatch({type: 'timeline-reveal', targets, height: limits.bodyLines});
}

/** [ ]: the replay goes to the selected pod's previous or next change, paused, the pod kept selected. */
function changeOfPod(direction: 1 | -1): KeyHandler {
	return ({state, limits, dispatch, player}) => {
		if (!player) return;
		const rowKey = state.log ? podKeyOfTarget(state.log.target) : state.screen === 'detail' ? state.selectedKey : limits.selectedKey;
		// A Lanes row of a life the table no longer lists stands for its pod (view/lanes/ended-rows.ts).
		const podKey = rowKey === null ? null : podKeyOfRow(rowKey);
		if (podKey === null || headingOf(podKey) !== null) return dispatch({type: 'notice', text: 'no pod selected'});
		const t = player.nextChangeOf(podKey, direction);
		if (t === null) return dispatch({type: 'notice', text: `no ${direction === 1 ? 'later' : 'earlier'} change of ${podKey}`});
		// Keep the pod selected while its row moves with the change.
		dispatch({type: 'select', key: podKey});
		player.pause();
		player.seek(t);
	};
}

/** Enter on the `:` command line. */
function runCommand({limits, dispatch, player, exit}: Controls, text: string): void {
	const span = player ? {recordedAtMs: player.recordedAtMs, endMs: player.endMs, loading: !player.loaded} : null;
	const command = parseCommand(text, limits.namespaces, span);
	switch (command.kind) {
		case 'none':
			return dispatch({type: 'prompt-close'});
		case 'quit':
			return exit();
		case 'error':
			return dispatch({type: 'prompt-error', error: command.problem});
		case 'namespace':
			dispatch({type: 'prompt-close'});
			return dispatch({type: 'scope-set', namespace: command.namespace});
		case 'time': {
			if (!player || !span) return dispatch({type: 'prompt-error', error: LIVE_SEEK_PROBLEM});
			const {target, text: typed} = command.time;
			const resolved = resolveTime(target, typed, span, player.positionMs);
			if (!resolved.ok) return dispatch({type: 'prompt-error', error: resolved.problem});
			dispatch({type: 'prompt-close'});
			// `end` keeps following the end while the session still loads.
			return target.kind === 'end' ? player.seekToEnd() : player.seek(resolved.ms);
		}
	}
}
