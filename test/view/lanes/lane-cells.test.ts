import {describe, expect, it} from 'vitest';
import {laneOf} from '../../../source/model/status-lane.js';
import type {Transition} from '../../../source/model/pod-state.js';
import {laneLegend, laneLine, laneMarks, LANE_STYLE} from '../../../source/view/lanes/lane-cells.js';
import {lineText} from '../../../source/view/detail/lines.js';
import {axisText, axisTicks, cellOf, fitZoom, ZOOM_LEVELS_MS, type LaneWindow} from '../../../source/view/lanes/time-axis.js';

const T0 = Date.UTC(2026, 11, 4, 15, 0, 0);
const s = (seconds: number): number => T0 + seconds * 1000;

function change(at: number, statusAfter: string, kind: Transition['kind'] = 'status', extra: Partial<Transition> = {}): Transition {
	return {at, kind, subject: 'STATUS', from: null, to: statusAfter, statusAfter, ...extra};
}

/** A pod: Pending at 0 s, ContainerCreating at 2 s, Running 0/1 at 4 s, ready at 6 s. */
const webHistory: Transition[] = [
	change(s(0), 'Pending', 'created'),
	change(s(2), 'ContainerCreating'),
	change(s(4), 'Running'),
	{at: s(6), kind: 'ready', subject: 'READY', from: '0/1', to: '1/1', statusAfter: 'Running'},
];

function text(history: Transition[], window: LaneWindow, now: number, cursor: number | null = null, deletedAt: number | null = null): string {
	const lane = laneOf(history, '1/1', deletedAt);
	return lineText(laneLine(laneMarks(lane, window, now, cursor), null));
}

describe('a lane in cells', () => {
	it('shows each class with its own glyph, one cell a second, the pod as it was at each cell’s right edge', () => {
		// Cells (−2,−1] … (7,8]: the first is before the pod, the second shows it at 0 s (Pending), …
		expect(text(webHistory, {start: s(-2), end: s(8), cells: 10}, s(8))).toBe(' ░░▒▒▓▓███');
	});

	it('draws nothing after now: the store knows nothing later', () => {
		expect(text(webHistory, {start: s(-2), end: s(8), cells: 10}, s(5))).toBe(' ░░▒▒▓▓   ');
	});

	it('keeps a failure shorter than a cell, and marks each restart with ↻', () => {
		const crash: Transition[] = [
			...webHistory,
			change(s(30.2), 'Error'),
			change(s(30.5), 'Running'),
			{at: s(30.5), kind: 'restart', subject: 'container app', from: '0', to: '1', statusAfter: 'Running'},
			change(s(50.1), 'Error'),
			change(s(50.2), 'CrashLoopBackOff'),
		];
		// Ten seconds a cell: the crash at 30.2 s and its restart are in the cell (30,40], the loop from 50.1 s on fills the rest.
		expect(text(crash, {start: s(0), end: s(80), cells: 8}, s(80))).toBe('███↻█xxx');
		// Without the restart mark the short crash still shows.
		expect(
			text(
				crash.filter(t => t.kind !== 'restart'),
				{start: s(0), end: s(80), cells: 8},
				s(80),
			),
		).toBe('███x█xxx');
	});

	it('ends the lane in the cell of the deletion, blank after', () => {
		const deleted: Transition[] = [
			...webHistory,
			change(s(7), 'Terminating', 'deleting'),
			{at: s(8.5), kind: 'deleted', subject: 'pod', from: 'Terminating', to: null, statusAfter: 'Terminating'},
		];
		expect(text(deleted, {start: s(0), end: s(12), cells: 12}, s(12), null, s(8.5))).toBe('░▒▒▓▓█▄▄┤   ');
	});

	it('marks the deletion once when the cursor’s cell follows the deletion’s', () => {
		const deleted: Transition[] = [
			...webHistory,
			change(s(7), 'Terminating', 'deleting'),
			{at: s(8.5), kind: 'deleted', subject: 'pod', from: 'Terminating', to: null, statusAfter: 'Terminating'},
		];
		// Deleted at 8.5 s, in the cell (8,9]; the cursor at 9.4 s, in the next one, less than a cell after the deletion.
		expect(text(deleted, {start: s(0), end: s(12), cells: 12}, s(12), s(9.4), s(8.5))).toBe('░▒▒▓▓█▄▄┤   ');
	});

	it('shows, in the cursor’s cell, the pod at the cursor’s own time', () => {
		const window = {start: s(0), end: s(10), cells: 2};
		// The cell (0,5] shows the pod at 5 s (Running, not ready); with the cursor at 1.5 s, Pending.
		expect(text(webHistory, window, s(10))).toBe('▓█');
		expect(text(webHistory, window, s(10), s(1.5))).toBe('░█');
		const line = laneLine(laneMarks(laneOf(webHistory, '1/1', null), window, s(10), s(1.5)), 0);
		expect(line[0]).toMatchObject({text: '░', inverse: true});
	});

	it('has a legend naming every class, the restart mark and the deletion', () => {
		const legend = lineText(laneLegend());
		for (const word of ['pending', 'creating/init', 'running, not ready', 'ready', 'terminating', 'succeeded', 'failed', 'unknown', 'restart', 'deleted'])
			expect(legend).toContain(word);
		// Every glyph differs: the picture reads without colour.
		const glyphs = Object.values(LANE_STYLE).map(style => style.glyph);
		expect(new Set(glyphs).size).toBe(glyphs.length);
	});
});

describe('the time axis', () => {
	it('zooms to the smallest level that shows the span whole', () => {
		expect(ZOOM_LEVELS_MS[fitZoom(95_000)]).toBe(120_000);
		expect(ZOOM_LEVELS_MS[fitZoom(5_000)]).toBe(10_000);
		expect(fitZoom(1e12)).toBe(ZOOM_LEVELS_MS.length - 1);
	});

	it('labels round UTC times, seconds when the ticks are less than a minute apart', () => {
		const window = {start: s(0), end: s(120), cells: 60};
		const ticks = axisTicks(window, null);
		// Two seconds a cell: labels of 9 cells need ticks 30 s apart.
		expect(ticks.map(tick => tick.label)).toEqual(['15:00:00', '15:00:30', '15:01:00', '15:01:30']);
		expect(ticks[1]!.cell).toBe(cellOf(window, s(30)));
		expect(axisText(window, null).slice(ticks[1]!.cell, ticks[1]!.cell + 9)).toBe('╵15:00:30');
		expect(axisText(window, 59).at(-1)).toBe('▼');
		const hours = axisTicks({start: s(0), end: s(6 * 3600), cells: 60}, null);
		expect(hours.map(tick => tick.label)).toEqual(['15:00', '16:00', '17:00', '18:00', '19:00', '20:00']);
	});
});
