// The app shell: header (+ scrubber when replaying), the pod table or a pod's
// detail, the status/prompt line and the footer. It reads the store and the
// clock once per frame (useFrame), asks the view model for the visible rows,
// and turns keys into reducer actions or player calls through the key table.

import React, {useReducer, useRef} from 'react';
import {Box, Text, useApp, useInput, type Key} from 'ink';
import type {StoreView} from '../model/pod-state.js';
import type {Clock, SourceInfo} from '../sources/source-info.js';
import type {ReplayPlayer} from '../sources/replay/player.js';
import {PodIndex, type IndexSource, type RowList} from '../view/pod-index.js';
import {podRow, statusLineText, type PodRow} from '../view/pod-row.js';
import {explainPod, whyContext, whyText} from '../model/why.js';
import {TableWidths} from '../view/table-widths.js';
import {screenLayout, tooSmallMessage} from '../view/screen-layout.js';
import {activeFilter, initialUiState, inputView, tableWindow, uiReducer, type UiAction, type UiState} from '../view/ui-state.js';
import {containerBlocks, containerListOrder, type ContainerBlock} from '../view/detail/containers.js';
import {clampIndex} from '../view/scroll-window.js';
import {countsText, liveClockText, replayClockText, scopeText, sourceText} from '../view/header-text.js';
import {scrubberCells} from '../view/scrubber.js';
import {positionText, resolveTime, type SessionSpan} from '../view/goto-time.js';
import {commandHint, completeCommand, LIVE_SEEK_PROBLEM, parseCommand} from '../view/command-line.js';
import {readProblemLine} from '../view/read-problem.js';
import {TONE_STYLE} from '../view/health-style.js';
import {resolveTimelineCursor, seekOffsetOf, timelineTargetsOf, type TimelineTargets} from '../view/timeline-cursor.js';
import type {FrameSource} from './frame-source.js';
import {useFrame} from './use-frame.js';
import {useTerminalSize} from './use-terminal-size.js';
import {keyName} from './key-name.js';
import {actionFor, type KeyAction} from './keys.js';
import {Header} from './header.js';
import {ScrubberLine} from './scrubber-line.js';
import {PodTable, ROW_PREFIX_WIDTH} from './pod-table.js';
import {StatusLine} from './status-line.js';
import {PromptLine} from './prompt-line.js';
import {Footer} from './footer.js';
import {HelpOverlay, helpGroups} from './help-overlay.js';
import {helpLayout} from '../view/help-layout.js';
import {DetailScreen, detailLines} from './detail-screen.js';
import {useTheme} from './theme.js';
import type {ConnectionStatus} from '../model/connection-status.js';

/** What the app needs from the pod store (model/store/pod-store.ts PodStore). */
export interface AppStore extends IndexSource {
	readonly connection: ConnectionStatus | null;
}

export interface AppProps {
	store: AppStore;
	clock: Clock;
	info: SourceInfo;
	player?: ReplayPlayer;
	frames: FrameSource;
	initial?: Partial<UiState>;
}

/**
 * UI state in a ref, advanced by the pure uiReducer: keys that arrive before
 * React re-renders (fast typing, pasted text) still see the state the previous
 * key made. `record` applies an action that states what the frame being drawn
 * already shows (the pod under the cursor), so it needs no new render.
 */
function useUiState(initial: Partial<UiState> | undefined): [UiState, (action: UiAction) => void, {readonly current: UiState | null}, (action: UiAction) => UiState] {
	const ref = useRef<UiState | null>(null);
	ref.current ??= {...initialUiState(), ...initial};
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	const dispatch = (action: UiAction) => {
		const next = uiReducer(ref.current!, action);
		if (next === ref.current) return;
		ref.current = next;
		rerender();
	};
	const record = (action: UiAction): UiState => (ref.current = uiReducer(ref.current!, action));
	return [ref.current, dispatch, ref, record];
}

interface FrameContext {
	rows: RowList;
	/** The detail section's largest scroll offset. */
	detailMax: number;
	bodyLines: number;
	namespaces: readonly string[];
	selectedKey: string | null;
	/** The Containers list's blocks, in list order (detail, Containers section, the list showing). */
	containerBlocks: readonly ContainerBlock[];
	/** How many containers the Containers section lists. */
	containerCount: number;
	/** The Timeline's transition rows (detail, Timeline section, replaying only). */
	timeline: TimelineTargets | null;
	/** The column offsets ← and → scroll the table to (null: nothing off-screen that way). */
	columnOffsets: {prev: number | null; next: number | null};
	/** The help overlay's largest scroll offset, and its rows shown at once (0: it is closed). */
	helpMax: number;
	helpWindow: number;
}

export function App({store, clock, info, player, frames, initial}: AppProps): React.JSX.Element {
	useFrame(frames);
	const {exit} = useApp();
	const theme = useTheme();
	const {columns, rows: terminalRows} = useTerminalSize();
	const [current, dispatch, uiRef, record] = useUiState(initial);
	const stateRef = uiRef as {readonly current: UiState};
	const indexRef = useRef<PodIndex | null>(null);
	indexRef.current ??= new PodIndex(current.sort);
	const index = indexRef.current;
	// The table's column widths live beside the index: they remember what earlier frames showed.
	const widthsRef = useRef<TableWidths | null>(null);
	widthsRef.current ??= new TableWidths();
	const replaying = player !== undefined;
	const span: SessionSpan | null = player ? {recordedAtMs: player.recordedAtMs, endMs: player.endMs, loading: !player.loaded} : null;
	const problem = player && span ? readProblemLine({error: player.loadError, warnings: player.warnings, endText: positionText(span.endMs, span.recordedAtMs)}) : null;
	const layout = screenLayout(columns, terminalRows, replaying, problem ? 1 : 0);

	const now = clock.now();
	index.setSort(current.sort);
	index.update(store, now);
	const filter = activeFilter(current);
	const list = index.rows(filter);
	// The cursor is on a pod from the first frame: the one it is drawn on is pinned, and stays under it as rows re-sort.
	const state = record({type: 'pin', rows: list});
	const {cursor, offset} = tableWindow(state, list, layout.bodyLines);
	const selectedKey = list.keyAt(cursor) ?? null;
	const view: StoreView = store.view();
	const detailPod = state.screen === 'detail' && state.selectedKey !== null ? (view.pods.get(state.selectedKey) ?? null) : null;
	// The diagnosis reads the pod's events and node: made for the pod on screen only, never per row of the store.
	const detailDiagnosis = detailPod ? explainPod(detailPod, whyContext(view, detailPod.key, now)) : null;
	const detailWhy = detailDiagnosis ? whyText(detailDiagnosis) : undefined;
	// Containers: the cursor walks the list's order (init, sidecar, regular, ephemeral), not pod.containers' own.
	const containerOrder = detailPod && state.section === 'Containers' ? containerListOrder(detailPod) : [];
	const containerCursor = clampIndex(state.containerCursor, containerOrder.length);
	const selectedContainer = state.containerOpen ? containerOrder[containerCursor] : undefined;
	const listCursor = !state.containerOpen && containerOrder.length > 0 ? containerCursor : undefined;
	const blocks = detailPod && listCursor !== undefined ? containerBlocks(detailPod, now) : [];
	const wrap = state.detailWrap;
	const timeline = replaying && detailPod && state.section === 'Timeline' ? timelineTargetsOf({pod: detailPod, events: view.eventsByPod.get(detailPod.key) ?? [], now, width: layout.width, wrap}) : null;
	// The Timeline is the costliest section to build: when its targets are built, their line count serves too.
	const detailCount = !detailPod
		? 0
		: timeline
			? timeline.lineCount
			: detailLines({section: state.section, pod: detailPod, view, now, width: layout.width, why: detailWhy, selectedContainer, wrap});
	const detailMax = Math.max(0, detailCount - layout.bodyLines);
	const containerFrame = {containerBlocks: blocks, containerCount: containerOrder.length};

	// Only the visible window becomes rows of strings; a row gets its why when the WHY column
	// shows (wide) or it is the selected one (the status line), so a frame diagnoses at most a screenful.
	const visible: PodRow[] = [];
	const tableShown = !state.help && !(state.screen === 'detail' && state.selectedKey !== null);
	for (let i = offset; i < Math.min(list.length, offset + layout.bodyLines); i++) {
		const pod = view.pods.get(list.keyAt(i)!);
		if (!pod) continue;
		const diagnose = tableShown && (state.wide || i === cursor);
		visible.push(podRow(pod, now, diagnose ? explainPod(pod, whyContext(view, pod.key, now)) : null, view.eventsByPod.get(pod.key)));
	}
	const columnLayout = tableShown
		? widthsRef.current.layout(visible, {wide: state.wide, width: layout.width - ROW_PREFIX_WIDTH, oneNamespace: state.namespace !== null, offset: state.columnOffset})
		: null;
	const columnOffsets = {prev: columnLayout?.prevOffset ?? null, next: columnLayout?.nextOffset ?? null};
	// The overlay takes the body, its title line and the status line (the footer says how to close it).
	const help = state.help ? helpLayout(helpGroups(replaying), layout.width, layout.bodyLines + 2) : null;
	const helpFrame = {helpMax: help?.scrollMax ?? 0, helpWindow: help?.window ?? 0};
	const frameRef = useRef<FrameContext>({rows: list, detailMax, bodyLines: layout.bodyLines, namespaces: [], selectedKey, timeline, columnOffsets, ...containerFrame, ...helpFrame});
	frameRef.current = {rows: list, detailMax, bodyLines: layout.bodyLines, namespaces: index.namespaces(), selectedKey, timeline, columnOffsets, ...containerFrame, ...helpFrame};

	const perform = (action: KeyAction) => {
		const frame = frameRef.current;
		const s = stateRef.current;
		const detail = s.screen === 'detail';
		const podKey = detail ? s.selectedKey : frame.selectedKey;
		const move = (m: 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom') =>
			dispatch({type: 'move', move: m, rows: frame.rows, height: frame.bodyLines});
		if (s.help) {
			const delta = {up: -1, down: 1, pageUp: -frame.helpWindow, pageDown: frame.helpWindow, top: -Infinity, bottom: Infinity}[action as string];
			if (delta !== undefined) return dispatch({type: 'help-scroll', delta, max: frame.helpMax});
		}
		switch (action) {
			case 'up':
				return detail ? dispatch({type: 'detail-scroll', delta: -1, max: frame.detailMax}) : move('up');
			case 'down':
				return detail ? dispatch({type: 'detail-scroll', delta: 1, max: frame.detailMax}) : move('down');
			case 'pageUp':
				return detail ? dispatch({type: 'detail-scroll', delta: -frame.bodyLines, max: frame.detailMax}) : move('pageUp');
			case 'pageDown':
				return detail ? dispatch({type: 'detail-scroll', delta: frame.bodyLines, max: frame.detailMax}) : move('pageDown');
			case 'top':
				return detail ? dispatch({type: 'detail-scroll', delta: -Infinity, max: frame.detailMax}) : move('top');
			case 'bottom':
				return detail ? dispatch({type: 'detail-scroll', delta: Infinity, max: frame.detailMax}) : move('bottom');
			case 'open':
				return dispatch({type: 'open', rows: frame.rows});
			case 'back':
				return dispatch({type: 'back'});
			case 'nextSection':
				return dispatch({type: 'section', delta: 1});
			case 'prevSection':
				return dispatch({type: 'section', delta: -1});
			case 'filter':
				return dispatch({type: 'prompt-open', kind: 'filter'});
			case 'faulty':
				return dispatch({type: 'toggle-faulty'});
			case 'scope':
				return dispatch({type: 'scope-next', namespaces: frame.namespaces});
			case 'sort':
				return dispatch({type: 'sort-next'});
			case 'wide':
				return dispatch({type: 'toggle-wide'});
			case 'columnsLeft':
			case 'columnsRight': {
				const to = action === 'columnsRight' ? frame.columnOffsets.next : frame.columnOffsets.prev;
				return to === null ? undefined : dispatch({type: 'column-offset', offset: to});
			}
			case 'wrap':
				return dispatch({type: 'toggle-wrap'});
			case 'help':
				return dispatch({type: 'help', show: true});
			case 'closeHelp':
				return dispatch({type: 'help', show: false});
			case 'quit':
				return exit();
			case 'escape':
				// The top level: Esc takes back a filter (as k9s does) and otherwise does nothing; q quits.
				return dispatch({type: 'filter-clear'});
			case 'pause':
				return player?.toggle();
			case 'stepForward':
				return player?.step(1);
			case 'stepBack':
				return player?.step(-1);
			case 'faster':
				return player?.faster();
			case 'slower':
				return player?.slower();
			case 'command':
				return dispatch({type: 'prompt-open', kind: 'command'});
			case 'clearFilter':
				return dispatch({type: 'filter-clear'});
			case 'start':
				return player?.seekToStart();
			case 'end':
				return player?.seekToEnd();
			case 'containerUp':
			case 'containerDown':
				return dispatch({type: 'container-move', delta: action === 'containerDown' ? 1 : -1, blocks: frame.containerBlocks, height: frame.bodyLines});
			case 'openContainer':
				return dispatch({type: 'container-open', count: frame.containerCount});
			case 'closeContainer':
				return dispatch({type: 'container-close'});
			case 'transitionUp':
			case 'transitionDown':
				if (!frame.timeline) return;
				return dispatch({type: 'timeline-move', delta: action === 'transitionDown' ? 1 : -1, targets: frame.timeline, height: frame.bodyLines});
			case 'seekTransition': {
				if (!player || !frame.timeline) return;
				const at = resolveTimelineCursor(s.timelineCursor, frame.timeline.targets);
				if (at === -1) return dispatch({type: 'notice', text: 'pick a transition with ↑/↓ first'});
				// Paused at that moment, so the user can look; the detail stays on the pod.
				player.pause();
				player.seek(seekOffsetOf(frame.timeline.targets[at]!, player.recordedAtMs));
				// The seek applied synchronously: the rows above the transition are those of then now.
				const seen = s.selectedKey === null ? undefined : store.view().pods.get(s.selectedKey);
				if (!seen) return;
				const targets = timelineTargetsOf({pod: seen, events: store.view().eventsByPod.get(seen.key) ?? [], now: clock.now(), width: layout.width, wrap: s.detailWrap});
				return dispatch({type: 'timeline-reveal', targets, height: frame.bodyLines});
			}
			case 'prevChange':
			case 'nextChange': {
				if (!player) return;
				if (podKey === null) return dispatch({type: 'notice', text: 'no pod selected'});
				const direction = action === 'nextChange' ? 1 : -1;
				const t = player.nextChangeOf(podKey, direction);
				if (t === null) return dispatch({type: 'notice', text: `no ${direction === 1 ? 'later' : 'earlier'} change of ${podKey}`});
				// Keep the pod selected while its row moves with the change.
				dispatch({type: 'select', key: podKey});
				player.pause();
				return player.seek(t);
			}
		}
	};

	/** Enter on the `:` command line. */
	const runCommand = (text: string) => {
		const here = player ? {recordedAtMs: player.recordedAtMs, endMs: player.endMs, loading: !player.loaded} : null;
		const command = parseCommand(text, frameRef.current.namespaces, here);
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
				if (!player || !here) return dispatch({type: 'prompt-error', error: LIVE_SEEK_PROBLEM});
				const {target, text: typed} = command.time;
				const resolved = resolveTime(target, typed, here, player.positionMs);
				if (!resolved.ok) return dispatch({type: 'prompt-error', error: resolved.problem});
				dispatch({type: 'prompt-close'});
				// `end` keeps following the end while the session still loads.
				return target.kind === 'end' ? player.seekToEnd() : player.seek(resolved.ms);
			}
		}
	};

	const onPromptKey = (name: string, input: string) => {
		const prompt = stateRef.current.prompt!;
		switch (actionFor(name, prompt.kind, replaying)) {
			case 'promptCancel':
				return dispatch({type: 'prompt-cancel'});
			case 'promptBackspace':
				return dispatch({type: 'prompt-backspace'});
			case 'promptClear':
				return dispatch({type: 'prompt-set', text: '', note: null});
			case 'promptComplete': {
				const completion = completeCommand(prompt.text, frameRef.current.namespaces);
				return dispatch({type: 'prompt-set', text: completion.text, note: completion.choices.length > 1 ? completion.choices.join('  ') : null});
			}
			case 'promptEnter':
				return prompt.kind === 'filter' ? dispatch({type: 'prompt-close'}) : runCommand(prompt.text);
		}
		if (name === 'space') return dispatch({type: 'prompt-type', text: ' '});
		// Printable text only (also pasted runs); named keys (arrows, tab) are ignored here.
		if (input !== '' && name === input && !/[\u0000-\u001f\u007f]/.test(input)) dispatch({type: 'prompt-type', text: input});
	};

	const onKey = (input: string, key: Key) => {
		const name = keyName(input, key);
		if (name === 'ctrl+c') return exit();
		const s = stateRef.current;
		if (s.notice !== null) dispatch({type: 'notice', text: null});
		if (s.prompt) return onPromptKey(name, input);
		const action = actionFor(name, inputView(s), replaying, s.screen === 'detail' ? s.section : undefined);
		if (action) perform(action);
	};

	useInput((input: string, key: Key) => {
		// Keys typed faster than the terminal is read (or pasted) arrive as one chunk: "/crash\r".
		// Each character is a key of its own; the state ref makes each see the state the one before left.
		const plain = !key.ctrl && !key.meta && !key.return && !key.tab && !key.escape && !key.backspace && !key.delete;
		if (plain && [...input].length > 1) {
			for (const char of input) onKey(/[\u0000-\u001f\u007f]/.test(char) ? '' : char, charKey(key, char));
			return;
		}
		onKey(input, key);
	});

	if (layout.tooSmall) return <Text>{tooSmallMessage(columns, terminalRows)}</Text>;

	const counts = index.counts(state.namespace);
	// Every pod in scope, tombstones included: what the list shows with no filter text and no faulty-only.
	const totalShown = counts.total + counts.deleted;
	const scope = scopeText({filter: filter.text, faultyOnly: state.faultyOnly, namespace: state.namespace, sort: state.sort, shown: list.length, total: totalShown});
	const clockText = player ? replayClockText(player) : liveClockText(now, store.connection);
	const clockColor = player ? (player.paused ? 'yellow' : 'green') : store.connection?.state === 'connected' ? 'green' : store.connection?.state === 'disconnected' ? 'red' : 'yellow';

	const selectedRow = visible[cursor - offset] ?? null;
	// While the watch is down the rows are the last ones seen: dimmed, and the header says since when.
	const stale = !player && (store.connection?.state === 'reconnecting' || store.connection?.state === 'disconnected');

	let body: React.JSX.Element;
	let statusText = '';
	let statusWhy: string | null = null;
	let statusColor: string | undefined;
	if (help) {
		body = <HelpOverlay layout={help} scroll={state.helpScroll} height={layout.bodyLines + 2} />;
	} else if (state.screen === 'detail' && state.selectedKey !== null) {
		const pod = detailPod;
		body = <DetailScreen section={state.section} podKey={state.selectedKey} pod={pod} view={view} now={now} width={layout.width} height={layout.bodyLines} scroll={state.detailScroll} noColor={theme.noColor} why={detailWhy} timelineCursor={replaying ? state.timelineCursor : null} selectedContainer={selectedContainer} containerCursor={listCursor} lineCount={detailCount} wrap={wrap} />;
		if (pod) {
			const row = podRow(pod, now, detailDiagnosis, view.eventsByPod.get(pod.key));
			({text: statusText, why: statusWhy} = statusLineText(row, now, layout.width));
			statusColor = TONE_STYLE[row.tone].color;
		} else {
			statusText = `${state.selectedKey} is gone from the store`;
		}
	} else {
		const empty = index.size === 0 ? 'No pods yet.' : 'No pods match: / edits the filter, f toggles faulty only, n changes the namespace.';
		body = <PodTable layout={columnLayout!} rows={visible} selected={cursor - offset} height={layout.bodyLines} empty={empty} stale={stale} />;
		if (selectedRow) {
			({text: statusText, why: statusWhy} = statusLineText(selectedRow, now, layout.width));
			statusColor = TONE_STYLE[selectedRow.tone].color;
		}
	}

	let scrubber: React.JSX.Element | null = null;
	if (player) {
		// Times are session offsets (t, ms since recordedAt), as the go-to prompt and --at take them.
		const left = positionText(player.positionMs, player.recordedAtMs);
		const end = positionText(player.endMs, player.recordedAtMs);
		const right = player.loaded ? end : `${end} loading ${Math.floor(player.progress * 100)}%`;
		const barWidth = Math.max(10, layout.width - left.length - right.length - 2);
		const cells = scrubberCells({density: player.density(barWidth), failures: player.failureMarks(), startMs: player.startMs, endMs: player.endMs, positionMs: player.positionMs});
		scrubber = <ScrubberLine cells={cells} left={left} right={right} />;
	}

	return (
		<Box flexDirection="column" width={layout.width} height={layout.height}>
			<Header width={layout.width} source={sourceText(info, info.recording?.progress())} clock={clockText} clockColor={clockColor} counts={countsText(counts)} scope={scope} />
			{problem ? (
				<Text color={theme.color(problem.tone === 'error' ? 'red' : 'yellow')} wrap="truncate-end">
					{problem.text}
				</Text>
			) : null}
			{scrubber}
			<Box flexDirection="column" height={layout.bodyLines + (help ? 2 : 1)}>
				{body}
			</Box>
			{help ? null : state.prompt ? (
				<PromptLine prompt={state.prompt} hint={state.prompt.kind === 'command' ? commandHint(span) : undefined} />
			) : state.notice ? (
				<Text color={theme.color('yellow')} wrap="truncate-end">
					{state.notice}
				</Text>
			) : (
				<StatusLine text={statusText} why={statusWhy} color={statusColor} />
			)}
			<Footer view={inputView(state)} replaying={replaying} section={!state.help && state.screen === 'detail' ? state.section : undefined} />
		</Box>
	);
}

/** The Key of one character out of a chunk: Enter, Tab and Backspace are the control characters in one. */
function charKey(chunk: Key, char: string): Key {
	return {...chunk, return: char === '\r' || char === '\n', tab: char === '\t', backspace: char === '\u007f' || char === '\b', shift: /[A-Z]/.test(char)};
}
