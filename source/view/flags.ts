// The FLAGS cell: podlife's own marks next to the server's columns, in words so they read
// without colour — what the kubelet is doing about a failing container first, with its
// countdown (it is the mark that matters, and a narrow column is cut from the right): a crash
// loop's next restart, an image pull back-off's next pull; then "static" for a mirror pod and
// "sidecars:N". Other failures get no mark: STATUS and WHY say them. One wording for the TUI and
// `--output table`; the TUI drops the words "crashloop" and "pullbackoff" when it shows a
// countdown, because its row glyph (↻, ⇣) already says which.

import {humanDuration} from '../model/duration.js';
import type {PodState} from '../model/pod-state.js';
import type {TroubleSignal} from '../model/health.js';

/** The FLAGS word of each signal that gets a mark, and what its countdown counts down to. */
const MARKS = {
	'crash-loop': {word: 'crashloop', next: 'restart'},
	'pull-back-off': {word: 'pullbackoff', next: 'next pull'},
} as const;

/** "restart in 8s", "next pull due": when the kubelet tries again; null when that is unknown or it is no loop. */
export function nextTryText(signal: TroubleSignal, now: number): string | null {
	if (signal.kind === 'failing' || signal.nextTryMs === null) return null;
	const left = signal.nextTryMs - now;
	const next = MARKS[signal.kind].next;
	return left > 0 ? `${next} in ${humanDuration(left)}` : `${next} due`;
}

export function flagsCell(state: PodState, signal: TroubleSignal | null, now: number, options: {glyphShowsKind?: boolean} = {}): string {
	return flagMarks(state, signal, now, options).join(' ');
}

/** The cell's marks, the one with the countdown first: the TUI keeps the first whole when it must cut. */
export function flagMarks(state: PodState, signal: TroubleSignal | null, now: number, options: {glyphShowsKind?: boolean} = {}): string[] {
	const marks: string[] = [];
	if (signal && signal.kind !== 'failing') {
		const {word} = MARKS[signal.kind];
		const next = nextTryText(signal, now);
		if (next === null) marks.push(options.glyphShowsKind ? word : `${word}(${signal.reason})`);
		else marks.push(options.glyphShowsKind ? next : `${word} ${next}`);
	}
	if (state.mirror) marks.push('static');
	if (state.sidecars > 0) marks.push(`sidecars:${state.sidecars}`);
	return marks;
}
