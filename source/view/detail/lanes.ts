// The lanes of the Timeline: one per container, its states over the pod's life, rebuilt from the
// pod's history (history.ts diffContainers records every state label change and every restart).
// Then drawn into a fixed number of cells, each cell a glyph AND a tone, so the states read
// without colour too.

import stringWidth from 'string-width';
import {containerStateLabel, containerSubject} from '../../model/history.js';
import type {ContainerKind, PodState, Transition} from '../../model/pod-state.js';
import {span, type Line, type Tone} from './lines.js';

/** 'backoff': waiting for a reason that is an error (CrashLoopBackOff, ImagePullBackOff, ErrImagePull, …). */
export type LaneState = 'none' | 'waiting' | 'backoff' | 'running' | 'completed' | 'failed';

export interface LaneSegment {
	/** Epoch ms. */
	from: number;
	to: number;
	state: LaneState;
	/** The history label: "waiting(CrashLoopBackOff)", "terminated(Error, exit 1)". */
	label: string | null;
}

export interface Lane {
	name: string;
	kind: ContainerKind;
	segments: LaneSegment[];
	/** When each restart was seen (epoch ms). */
	restarts: number[];
}

export const LANE_GLYPHS: Readonly<Record<LaneState | 'restart', {glyph: string; tone: Tone; word: string}>> = {
	none: {glyph: '·', tone: 'dim', word: 'not started'},
	waiting: {glyph: '░', tone: 'warn', word: 'waiting'},
	backoff: {glyph: '≈', tone: 'bad', word: 'back-off/error'},
	running: {glyph: '█', tone: 'good', word: 'running'},
	completed: {glyph: '▒', tone: 'info', word: 'completed'},
	failed: {glyph: 'x', tone: 'bad', word: 'failed'},
	restart: {glyph: '↻', tone: 'accent', word: 'restart'},
};

/** A short state that must not vanish between long ones wins its cell: failures first. */
const CELL_PRIORITY: readonly LaneState[] = ['failed', 'running', 'backoff', 'waiting', 'completed', 'none'];

/** history.ts containerStateLabel → lane state. */
export function laneState(label: string | null): LaneState {
	if (label === null) return 'none';
	if (label.startsWith('running')) return 'running';
	if (label.startsWith('waiting')) return /BackOff|Err|Error|Invalid/.test(label) ? 'backoff' : 'waiting';
	const exit = /exit (-?\d+)\)$/.exec(label);
	if (label.startsWith('terminated')) return exit && exit[1] === '0' ? 'completed' : 'failed';
	return 'none';
}

/**
 * One lane per container of the pod (init → sidecar → regular → ephemeral, spec order) from
 * `start` to `end` (epoch ms). A container's state before its first recorded change is that
 * change's `from`; a container that never changed keeps its current state the whole way.
 */
export function containerLanes(pod: PodState, start: number, end: number): Lane[] {
	const order: ContainerKind[] = ['init', 'sidecar', 'regular', 'ephemeral'];
	const views = [...pod.containers].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
	return views.map(view => {
		const subject = containerSubject(view);
		const changes: Transition[] = pod.history.filter(
			transition => transition.subject === subject && (transition.kind === 'container' || transition.kind === 'restart'),
		);
		const stateChanges = changes.filter(transition => transition.kind === 'container');
		const segments: LaneSegment[] = [];
		let label = stateChanges.length > 0 ? stateChanges[0]!.from : containerStateLabel(view);
		let from = start;
		for (const change of stateChanges) {
			const at = Math.min(Math.max(change.at, start), end);
			if (at > from) segments.push({from, to: at, state: laneState(label), label});
			from = Math.max(from, at);
			label = change.to;
		}
		// Kept even when it starts right at `end`: a replay stepped onto that very entry must show it.
		if (end >= from) segments.push({from, to: end, state: laneState(label), label});
		const restarts = changes.filter(transition => transition.kind === 'restart').map(transition => transition.at);
		return {name: view.name, kind: view.kind, segments, restarts};
	});
}

/** The lane drawn into `cells` cells spanning [start, end]; runs of one glyph become one span. */
export function drawLane(lane: Lane, start: number, end: number, cells: number): Line {
	const step = (end - start) / Math.max(1, cells);
	const cellOf = (at: number): number => (step === 0 ? cells - 1 : Math.max(0, Math.min(cells - 1, Math.floor((at - start) / step))));
	const glyphs: Array<LaneState | 'restart'> = new Array<LaneState | 'restart'>(cells).fill('none');
	const better = (cell: number, state: LaneState): void => {
		const held = glyphs[cell] as LaneState;
		if (CELL_PRIORITY.indexOf(state) < CELL_PRIORITY.indexOf(held)) glyphs[cell] = state;
	};
	for (const segment of lane.segments) {
		// Every cell the segment overlaps; a segment of no length (it began at `end`) still gets its cell.
		const first = cellOf(segment.from);
		// `to` is exclusive: a segment ending on a cell boundary does not reach into the next cell.
		const last = segment.to > segment.from && step > 0 ? Math.max(first, Math.min(cells - 1, Math.ceil((segment.to - start) / step) - 1)) : first;
		for (let cell = first; cell <= last; cell += 1) better(cell, segment.state);
	}
	for (const at of lane.restarts) {
		if (at < start || at > end) continue;
		let cell = cellOf(at);
		// A restart right after a failure must not hide it: the mark moves one cell right.
		if (glyphs[cell] === 'failed' && cell + 1 < cells) cell += 1;
		glyphs[cell] = 'restart';
	}
	const out: Line = [];
	let run = '';
	let current: LaneState | 'restart' | null = null;
	for (const glyph of glyphs) {
		if (glyph !== current && current !== null) {
			out.push(span(run, LANE_GLYPHS[current].tone));
			run = '';
		}
		current = glyph;
		run += LANE_GLYPHS[glyph].glyph;
	}
	if (current !== null) out.push(span(run, LANE_GLYPHS[current].tone));
	return out;
}

/**
 * "░ waiting  ≈ back-off/error  █ running  ▒ completed  x failed  ↻ restart  · not started", on as
 * many lines as `width` needs: an entry is never cut (at 80 columns "· not started" read "· n…").
 */
export function legendLines(width: number): Line[] {
	const order: Array<LaneState | 'restart'> = ['waiting', 'backoff', 'running', 'completed', 'failed', 'restart', 'none'];
	const lines: Line[] = [];
	let out: Line = [span('  ')];
	let used = 2;
	for (const state of order) {
		const style = LANE_GLYPHS[state];
		const entry = `${style.glyph} ${style.word}`;
		if (used > 2 && used + stringWidth(entry) > width) {
			lines.push(out);
			out = [span('  ')];
			used = 2;
		}
		out.push(span(style.glyph, style.tone), span(` ${style.word}  `, 'dim'));
		used += stringWidth(entry) + 2;
	}
	lines.push(out);
	return lines;
}
