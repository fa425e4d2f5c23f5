// The FLAGS cell: podlife's own marks next to the server's columns, in words so
// they read without colour: "static" for a mirror pod, "sidecars:N", and the
// crash-loop signal with the kubelet's back-off countdown.

import {humanDuration} from '../model/duration.js';
import type {CrashLoopSignal, PodState} from '../model/types.js';

export function crashLoopText(crashLoop: CrashLoopSignal, now: number): string {
	if (crashLoop.nextRestartMs === null) return `crashloop(${crashLoop.reason})`;
	const left = crashLoop.nextRestartMs - now;
	return left > 0 ? `crashloop restart in ${humanDuration(left)}` : 'crashloop restart due';
}

export function flagsCell(state: PodState, crashLoop: CrashLoopSignal | null, now: number): string {
	const marks: string[] = [];
	if (state.mirror) marks.push('static');
	if (state.sidecars > 0) marks.push(`sidecars:${state.sidecars}`);
	if (crashLoop) marks.push(crashLoopText(crashLoop, now));
	return marks.join(',');
}
