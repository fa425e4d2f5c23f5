// The app shell: header (+ scrubber when replaying), the pod table or a pod's
// detail, the status/prompt line and the footer. It reads the store and the
// clock once per frame (useFrame), asks the view model for the visible rows,
// and turns keys into reducer actions or player calls through the key table.

import React, {useMemo, useRef} from 'react';
import {Box, Text, useApp, useInput, type Key} from 'ink';
import type {Clock, SourceInfo} from '../sources/source-info.js';
import type {ReplayPlayer} from '../sources/replay/player.js';
import {inputView, type UiState} from '../view/ui-state.js';
import {resolveTime} from '../view/goto-time.js';
import {completeCommand, LIVE_SEEK_PROBLEM, parseCommand} from '../view/command-line.js';
import {resolveTimelineCursor, seekOffsetOf} from '../view/timeline-cursor.js';
import {deriveFrame, frameMemory, type FrameMemory, type FrameStore, type KeyLimits} from '../view/frame.js';
import {timelineNow} from '../view/detail-frame.js';
import type {FrameSource} from './frame-source.js';
import {useFrame} from './use-frame.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useUiState} from './use-ui-state.js';
import {keyName} from './key-name.js';
import {actionFor, type KeyAction} from './keys.js';
import {Header} from './header.js';
import {ScrubberLine} from './scrubber-line.js';
import {PodTable} from './pod-table.js';
import {StatusLine} from './status-line.js';
import {PromptLine} from './prompt-line.js';
import {Footer} from './footer.js';
import {HelpOverlay, helpGroups} from './help-overlay.js';
import {DetailScreen} from './detail-screen.js';
import {useTheme} from './theme.js';

export interface AppProps {
	store: FrameStore;
	clock: Clock;
	info: SourceInfo;
	player?: ReplayPlayer;
	frames: FrameSource;
	initial?: Partial<UiState>;
}

export function App({store, clock, info, player, frames, initial}: AppProps): React.JSX.Element {
	useFrame(frames);
	const {exit} = useApp();
	const theme = useTheme();
	const {columns, rows: terminalRows} = useTerminalSize();
	const ui = useUiState(initial);
	const dispatch = ui.dispatch;
	const stateRef = {get current() { return ui.current(); }};
	const memory = useRef<FrameMemory | null>(null);
	memory.current ??= frameMemory(ui.current());
	const replaying = player !== undefined;
	const help = useMemo(() => helpGroups(replaying), [replaying]);
	const frame = deriveFrame({store, memory: memory.current, state: ui.current(), info, player: player ?? null, now: clock.now(), columns, rows: terminalRows, help});
	ui.drawn(frame.state);
	const limits = useRef<KeyLimits>(frame.keys);
	limits.current = frame.keys;

	const perform = (action: KeyAction) => {
		const frame = limits.current;
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
				const targets = timelineNow(store.view(), s, clock.now(), frame.width);
				if (!targets) return;
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
		const command = parseCommand(text, limits.current.namespaces, here);
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
				const completion = completeCommand(prompt.text, limits.current.namespaces);
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

	if (frame.tooSmall !== null) return <Text>{frame.tooSmall}</Text>;

	const {header, problem, scrubber, body, bottom, footer} = frame;
	return (
		<Box flexDirection="column" width={frame.width} height={frame.height}>
			<Header width={frame.width} {...header} />
			{problem ? (
				<Text color={theme.color(problem.tone === 'error' ? 'red' : 'yellow')} wrap="truncate-end">
					{problem.text}
				</Text>
			) : null}
			{scrubber ? <ScrubberLine {...scrubber} /> : null}
			<Box flexDirection="column" height={frame.bodyHeight}>
				{body.kind === 'help' ? <HelpOverlay body={body} /> : body.kind === 'detail' ? <DetailScreen body={body} width={frame.width} /> : <PodTable body={body} />}
			</Box>
			{bottom === null ? null : bottom.kind === 'prompt' ? (
				<PromptLine prompt={bottom.prompt} hint={bottom.hint} />
			) : bottom.kind === 'notice' ? (
				<Text color={theme.color('yellow')} wrap="truncate-end">
					{bottom.text}
				</Text>
			) : (
				<StatusLine text={bottom.text} why={bottom.why} color={bottom.color} />
			)}
			<Footer {...footer} />
		</Box>
	);
}

/** The Key of one character out of a chunk: Enter, Tab and Backspace are the control characters in one. */
function charKey(chunk: Key, char: string): Key {
	return {...chunk, return: char === '\r' || char === '\n', tab: char === '\t', backspace: char === '\u007f' || char === '\b', shift: /[A-Z]/.test(char)};
}
