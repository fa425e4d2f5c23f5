// The key handlers' wiring in small, as the app has it (use-keys.ts): the UI reducer applied to a
// state, the limits of one frame, and a replay player that writes down what it was asked.

import {KEY_ACTIONS, type Controls, type KeyAction, type ReplayControls} from '../../../source/ui/key-actions.js';
import {initialUiState, uiReducer, type UiState} from '../../../source/view/ui-state.js';
import type {KeyLimits} from '../../../source/view/key-limits.js';
import type {RowList} from '../../../source/view/pod-index.js';
import type {TimelineTargets} from '../../../source/view/timeline-cursor.js';

function list(...keys: string[]): RowList {
	return {length: keys.length, keyAt: i => keys[i], indexOf: k => keys.indexOf(k)};
}

const ROWS = list('default/a', 'default/b', 'default/c', 'default/d', 'default/e', 'kube-system/f');

function limits(over: Partial<KeyLimits> = {}): KeyLimits {
	return {
		rows: ROWS,
		selectedKey: 'default/a',
		bodyLines: 4,
		namespaces: ['default', 'kube-system'],
		detailMax: 0,
		containerBlocks: [],
		containerCount: 0,
		timeline: null,
		columnOffsets: {prev: null, next: null},
		helpMax: 0,
		helpWindow: 0,
		logChoice: {ok: false, problem: 'no pod selected'},
		log: null,
		lanes: null,
		...over,
	};
}

/** A replay player that writes down what it was asked. */
export function fakePlayer(changes: Record<string, number | null> = {}): ReplayControls & {calls: string[]} {
	const calls: string[] = [];
	return {
		calls,
		recordedAtMs: 1_000_000,
		endMs: 60_000,
		positionMs: 30_000,
		loaded: true,
		toggle: () => calls.push('toggle'),
		pause: () => calls.push('pause'),
		step: direction => calls.push(`step ${direction}`),
		faster: () => calls.push('faster'),
		slower: () => calls.push('slower'),
		seek: ms => calls.push(`seek ${ms}`),
		seekToStart: () => calls.push('start'),
		seekToEnd: () => calls.push('end'),
		nextChangeOf: (key, direction) => changes[`${key} ${direction}`] ?? null,
	};
}

export interface Harness {
	state: UiState;
	exited: boolean;
}

/** The app's wiring in small: the reducer applied to a state, the limits of one frame. */
export function keyHarness(state: Partial<UiState>, over: {limits?: Partial<KeyLimits>; player?: ReplayControls; timelineNow?: TimelineTargets} = {}) {
	const h: Harness = {state: {...initialUiState(), ...state}, exited: false};
	const controls = (): Controls => ({
		state: h.state,
		limits: limits(over.limits),
		dispatch: action => {
			h.state = uiReducer(h.state, action);
		},
		player: over.player,
		exit: () => {
			h.exited = true;
		},
		timelineNow: () => over.timelineNow ?? null,
	});
	const act = (action: KeyAction) => KEY_ACTIONS[action](controls());
	return {h, act, controls};
}
