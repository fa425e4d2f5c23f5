// The FLAGS cell: podlife's own marks next to the server's columns, in words so they read
// without colour — the crash-loop signal with the kubelet's back-off countdown first (it is
// the mark that matters, and a narrow column is cut from the right), then "static" for a
// mirror pod and "sidecars:N". One wording for the TUI and `--output table`; the TUI drops
// the word "crashloop" because its row glyph ↻ already says it.

import {humanDuration} from '../model/duration.js';
import type {CrashLoopSignal, PodState} from '../model/types.js';

export function flagsCell(state: PodState, crashLoop: CrashLoopSignal | null, now: number, options: {glyphShowsCrashLoop?: boolean} = {}): string {
	const marks: string[] = [];
	if (crashLoop) {
		const word = options.glyphShowsCrashLoop ? '' : 'crashloop ';
		if (crashLoop.nextRestartMs === null) marks.push(options.glyphShowsCrashLoop ? 'crashloop' : `crashloop(${crashLoop.reason})`);
		else {
			const left = crashLoop.nextRestartMs - now;
			marks.push(word + (left > 0 ? `restart in ${humanDuration(left)}` : 'restart due'));
		}
	}
	if (state.mirror) marks.push('static');
	if (state.sidecars > 0) marks.push(`sidecars:${state.sidecars}`);
	return marks.join(' ');
}
