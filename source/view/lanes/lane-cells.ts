// A pod's lane drawn into a window's cells: each cell a glyph AND a tone, so the classes read
// without colour (NO_COLOR, a file) — shades from pending to ready, a line once it succeeded, x
// when it failed — with restarts as ↻ and a pod's deletion as the lane's end. Before podlife saw the
// pod, what its object told of that time (model/before-sight.ts) in glyphs of their own, plain
// ASCII and dim (. : - = ~ _), that no observed class shares: reconstructed, never seen.
//
// Each cell shows the pod at the cell's right edge (time-axis.ts), except that a failure or an
// unknown state anywhere inside the cell wins it (a crash of a second must not vanish at an
// hour per screen), a restart marks its cell, and the cursor's cell shows the pod at the cursor's
// very time. Nothing is drawn after `now`: the store knows nothing later.

import {LANE_CLASSES, type LaneClass, type PodLane} from '../../model/status-lane.js';
import {BEFORE_CLASSES, type BeforeClass} from '../../model/before-sight.js';
import {span, type Line, type Tone} from '../detail/lines.js';
import {cellMs, cellOf, cellTime, RECORDING_START_GLYPH, type LaneWindow} from './time-axis.js';

/** A stretch before podlife saw the pod, reconstructed from its object. */
export type BeforeMark = `before-${BeforeClass}`;

export type LaneMark = LaneClass | 'restart' | 'end' | 'none' | BeforeMark;

export interface LaneStyle {
	glyph: string;
	tone: Tone;
	/** The legend's words. */
	word: string;
}

export const LANE_STYLE: Readonly<Record<LaneMark, LaneStyle>> = {
	pending: {glyph: '░', tone: 'warn', word: 'pending'},
	creating: {glyph: '▒', tone: 'info', word: 'creating/init'},
	'not-ready': {glyph: '▓', tone: 'warn', word: 'running, not ready'},
	ready: {glyph: '█', tone: 'good', word: 'ready'},
	terminating: {glyph: '▄', tone: 'accent', word: 'terminating'},
	succeeded: {glyph: '─', tone: 'label', word: 'succeeded'},
	failed: {glyph: 'x', tone: 'bad', word: 'failed'},
	unknown: {glyph: '?', tone: 'label', word: 'unknown'},
	restart: {glyph: '↻', tone: 'bad', word: 'restart'},
	end: {glyph: '┤', tone: 'dim', word: 'deleted'},
	none: {glyph: ' ', tone: 'plain', word: ''},
	'before-pending': {glyph: '.', tone: 'dim', word: 'pending, before podlife watched'},
	'before-creating': {glyph: ':', tone: 'dim', word: 'creating, before podlife watched'},
	'before-running': {glyph: '-', tone: 'dim', word: 'running, before podlife watched'},
	'before-ready': {glyph: '=', tone: 'dim', word: 'ready, before podlife watched'},
	'before-restarting': {glyph: '~', tone: 'dim', word: 'restarting, before podlife watched'},
	'before-ended': {glyph: '_', tone: 'dim', word: 'ended, before podlife watched'},
};

/** The reconstructed marks, in legend order. */
export const BEFORE_MARKS: readonly BeforeMark[] = BEFORE_CLASSES.map(cls => `before-${cls}` as const);

/** The mark of each cell of `lane` in `window`; `cursor` (epoch ms) or null. */
export function laneMarks(lane: PodLane, window: LaneWindow, now: number, cursor: number | null): LaneMark[] {
	const marks = new Array<LaneMark>(window.cells).fill('none');
	const {segments} = lane;
	if (segments.length === 0 && lane.before.length === 0) return marks;
	const cursorCell = cursor === null ? -1 : cellOf(window, cursor);
	let index = 0;
	for (let cell = 0; cell < window.cells; cell++) {
		const at = cell === cursorCell ? cursor! : cellTime(window, cell);
		if (at > now) continue;
		if (at < lane.start) {
			const before = lane.before.find(segment => segment.from <= at && at < segment.to);
			if (before) marks[cell] = `before-${before.cls}`;
			continue;
		}
		if (segments.length === 0) continue;
		if (lane.end !== null && at > lane.end) {
			// The cell the pod was deleted in shows the end; later ones stay blank (the cursor's too: its
			// time is within its cell, so less than a cell after the deletion need not be the deletion's cell).
			if (cell === cellOf(window, lane.end)) marks[cell] = 'end';
			continue;
		}
		// Cells go forward in time, except the cursor's (at most a cell back): search again from the start then.
		if (cell === cursorCell || segments[index]!.from > at) index = 0;
		while (index + 1 < segments.length && segments[index + 1]!.from <= at) index++;
		marks[cell] = segments[index]!.cls;
	}
	for (const segment of segments) {
		if (segment.cls !== 'failed' && segment.cls !== 'unknown') continue;
		if (segment.from > now || segment.from > window.end || Math.min(segment.to, now) <= window.start) continue;
		const first = cellOf(window, Math.max(segment.from, window.start));
		const last = cellOf(window, Math.min(segment.to, now, window.end));
		for (let cell = first; cell <= last; cell++) {
			if (cell === cursorCell || marks[cell] === 'failed' || marks[cell] === 'none' || marks[cell] === 'end') continue;
			// A failure beats an unknown state; both beat the rest.
			if (segment.cls === 'unknown' && marks[cell] === 'failed') continue;
			marks[cell] = segment.cls;
		}
	}
	for (const at of lane.restarts) {
		if (at <= window.start || at > window.end || at > now) continue;
		marks[cellOf(window, at)] = 'restart';
	}
	return marks;
}

/** Whether `lane` draws a reconstructed stretch in a cell of `window` (a cell shows its right edge). */
export function drawsBefore(lane: PodLane, window: LaneWindow): boolean {
	if (lane.before.length === 0 || window.cells <= 0) return false;
	const step = cellMs(window);
	return lane.before.some(({from, to}) => {
		// The first cell whose time is at or after `from`.
		const cell = Math.max(0, Math.ceil((from - window.start) / step) - 1);
		const at = cellTime(window, cell);
		return cell < window.cells && at < to && at < lane.start;
	});
}

/** The lane's cells as spans: runs of one mark are one span; the cursor's cell is its own, inverse. */
export function laneLine(marks: readonly LaneMark[], cursorCell: number | null): Line {
	const out: Line = [];
	let run = '';
	let current: LaneMark | null = null;
	const flush = (): void => {
		if (current !== null && run !== '') out.push(span(run, LANE_STYLE[current].tone));
		run = '';
	};
	marks.forEach((mark, cell) => {
		if (cell === cursorCell) {
			flush();
			current = null;
			out.push({...span(LANE_STYLE[mark].glyph, LANE_STYLE[mark].tone), inverse: true});
			return;
		}
		if (mark !== current) flush();
		current = mark;
		run += LANE_STYLE[mark].glyph;
	});
	flush();
	return out;
}

/**
 * "░ pending  ▒ creating/init  ▓ running, not ready  █ ready  ▄ terminating  ─ succeeded  x failed  ? unknown  ↻ restart  ┤ deleted",
 * and with `before` (lanes begin before the watch, or before the recording) ".:-=~_ before podlife watched: pending, creating,
 * running, ready, restarting, ended"; with `recordingStart` (the axis marks it) "┊ recording began".
 */
export function laneLegend(before = false, recordingStart = false): Line {
	const out: Line = [];
	for (const mark of [...LANE_CLASSES, 'restart', 'end'] as const) {
		const style = LANE_STYLE[mark];
		if (out.length > 0) out.push(span('  '));
		out.push(span(style.glyph, style.tone), span(` ${style.word}`, 'dim'));
	}
	if (before) {
		const glyphs = BEFORE_MARKS.map(mark => LANE_STYLE[mark].glyph).join('');
		out.push(span('  '), span(glyphs, 'dim'), span(` before podlife watched (from the object): ${BEFORE_CLASSES.join(', ')}`, 'dim'));
	}
	if (recordingStart) out.push(span('  '), span(RECORDING_START_GLYPH, 'label'), span(' recording began', 'dim'));
	return out;
}
