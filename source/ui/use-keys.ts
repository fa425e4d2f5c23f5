// The app's one useInput: every key press, routed. Ctrl-C quits wherever it is pressed; the next
// key takes the last notice away; a key the key table (keys.ts) binds in the current view runs its
// action (key-actions.ts); what the table does not bind is typed into an open prompt. A chunk of
// keys typed at once, or pasted, is split into keys (key-name.ts), and each sees the state the one
// before it left: the UI state is read from its ref, the frame's limits from the last frame drawn.

import {useRef} from 'react';
import {useApp, useInput} from 'ink';
import type {KeyLimits} from '../view/key-limits.js';
import {inputView} from '../view/ui-state.js';
import type {TimelineTargets} from '../view/timeline-cursor.js';
import {actionFor} from './keys.js';
import {KEY_ACTIONS, type Controls, type ReplayControls} from './key-actions.js';
import {isPrintable, keyPresses, type KeyPress} from './key-name.js';
import type {UiStateHandle} from './use-ui-state.js';

export interface KeysInput {
	ui: UiStateHandle;
	/** What the frame being drawn shows the keys (view/frame.ts). */
	limits: KeyLimits;
	player?: ReplayControls;
	/** The selected pod's Timeline transitions as the store holds them now, for this UI state. */
	timelineNow(state: Controls['state']): TimelineTargets | null;
}

export function useKeys(input: KeysInput): void {
	const {exit} = useApp();
	const latest = useRef(input);
	latest.current = input;
	const controls = (): Controls => {
		const {ui, limits, player, timelineNow} = latest.current;
		const state = ui.current();
		return {state, limits, dispatch: ui.dispatch, player, exit, timelineNow: () => timelineNow(state)};
	};
	useInput((text, key) => {
		for (const press of keyPresses(text, key)) routeKey(press, controls);
	});
}

/** One key press: `controls` is asked again after each change, so what the key does sees the state it arrives in. */
export function routeKey({name, text}: KeyPress, controls: () => Controls): void {
	const before = controls();
	if (name === 'ctrl+c') return before.exit();
	if (before.state.notice !== null) before.dispatch({type: 'notice', text: null});
	const now = controls();
	const {state} = now;
	const action = actionFor(name, inputView(state), now.player !== undefined, state.screen === 'detail' ? state.section : undefined);
	if (action) return KEY_ACTIONS[action](now);
	if (!state.prompt) return;
	// Printable text only (also pasted runs); named keys (arrows, tab) are not typed.
	if (name === 'space') return now.dispatch({type: 'prompt-type', text: ' '});
	if (name === text && isPrintable(text)) now.dispatch({type: 'prompt-type', text});
}
