import {describe, expect, it} from 'vitest';
import {INITIAL_LANES, moveLanes, resolveLanes, type LaneClock, type LanesState} from '../../../source/view/lanes/lane-time.js';
import {ZOOM_LEVELS_MS} from '../../../source/view/lanes/time-axis.js';

const T0 = Date.parse('2026-12-04T15:47:44Z');
const live = (now: number): LaneClock => ({now, earliest: null, sessionMs: null, beforeSightFrom: null});
const replay = (now: number, sessionMs = 104_000, beforeSightFrom: number | null = null): LaneClock => ({now, earliest: T0, sessionMs, beforeSightFrom});
const open: LanesState = {...INITIAL_LANES, open: true};

/** A key's move as the frame on screen would pass it: `cells` columns across the window. */
function press(state: LanesState, clock: LaneClock, move: Parameters<typeof moveLanes>[1], cells = 100): LanesState {
	const {spanMs} = resolveLanes(state, clock);
	return moveLanes(state, move, {cellMs: spanMs / cells, clock});
}

describe('Lanes time', () => {
	it('follows the present live: five minutes a screen ending now, the cursor now', () => {
		const resolved = resolveLanes(open, live(T0 + 600_000));
		expect(resolved).toEqual({zoom: ZOOM_LEVELS_MS.indexOf(300_000), spanMs: 300_000, end: T0 + 600_000, cursor: T0 + 600_000, follow: true});
	});

	it('shows a replayed session whole at first, its start at the left edge while the replay is early', () => {
		const early = resolveLanes(open, replay(T0 + 10_000));
		expect(early.spanMs).toBe(120_000);
		expect(early.end).toBe(T0 + 120_000);
		expect(early.cursor).toBe(T0 + 10_000);
		// Later the window ends at the replay's position.
		expect(resolveLanes(open, replay(T0 + 200_000)).end).toBe(T0 + 200_000);
	});

	it('steps the cursor a column with ←/→, stops following, and slides the window at its edge', () => {
		const clock = live(T0 + 600_000);
		let state = press(open, clock, {kind: 'step', cells: -1});
		let resolved = resolveLanes(state, clock);
		expect(resolved.follow).toBe(false);
		expect(resolved.cursor).toBe(T0 + 600_000 - 3000);
		expect(resolved.end).toBe(T0 + 600_000);
		// Keys typed before the next frame each count.
		for (let i = 0; i < 99; i++) state = press(state, clock, {kind: 'step', cells: -1});
		resolved = resolveLanes(state, clock);
		expect(resolved.cursor).toBe(T0 + 300_000);
		// The cursor went past the left edge: the window slid a column, the cursor in its first one.
		expect(resolved.end).toBe(T0 + 300_000 + 300_000 - 3000);
		expect(resolved.cursor).toBeGreaterThan(resolved.end - resolved.spanMs);
		// The clock moves on (live): the window stays where the user left it.
		expect(resolveLanes(state, live(T0 + 900_000)).end).toBe(resolved.end);
	});

	it('never puts the cursor after now nor before the session', () => {
		const clock = replay(T0 + 50_000);
		const later = press(open, clock, {kind: 'step', cells: 5});
		expect(resolveLanes(later, clock).cursor).toBe(T0 + 50_000);
		const back = press(open, clock, {kind: 'pan', screens: -3});
		expect(resolveLanes(back, clock).cursor).toBe(T0);
		// A replay sought back before the cursor: the cursor comes back with it.
		const stopped = press(open, clock, {kind: 'step', cells: -1});
		expect(resolveLanes(stopped, replay(T0 + 20_000)).cursor).toBe(T0 + 20_000);
	});

	it('goes back before the session as far as the lives reconstructed from the pods’ objects reach, no further', () => {
		// Pods there 21 s before the recording began: their creation is as far back as the replay knows anything.
		const clock = replay(T0 + 50_000, 104_000, T0 - 21_000);
		const back = press(open, clock, {kind: 'pan', screens: -3});
		const resolved = resolveLanes(back, clock);
		expect(resolved.cursor).toBe(T0 - 21_000);
		// The window starts there too, not a screen of nothing before it.
		expect(resolved.end - resolved.spanMs).toBeLessThan(T0 - 21_000);
		expect(resolved.end - resolved.spanMs).toBeGreaterThan(T0 - 22_000);
		const stepped = press(back, clock, {kind: 'step', cells: -5});
		expect(resolveLanes(stepped, clock).cursor).toBe(T0 - 21_000);
		// Following keeps to the session: the window starts with it early in the replay.
		expect(resolveLanes(press(back, clock, {kind: 'follow'}), clock)).toMatchObject({follow: true, end: T0 + 120_000, cursor: T0 + 50_000});
	});

	it('pans half a screen with Shift-←/→, window and cursor together', () => {
		const clock = live(T0 + 3_600_000);
		const state = press(press(open, clock, {kind: 'step', cells: -10}), clock, {kind: 'pan', screens: -0.5});
		const resolved = resolveLanes(state, clock);
		expect(resolved.end).toBe(T0 + 3_600_000 - 150_000);
		expect(resolved.cursor).toBe(T0 + 3_600_000 - 30_000 - 150_000);
	});

	it('zooms from seconds to hours, keeping the cursor where it is on the screen', () => {
		const clock = live(T0 + 3_600_000);
		let state = press(open, clock, {kind: 'step', cells: -50});
		const before = resolveLanes(state, clock);
		expect(before.end - before.cursor).toBe(150_000);
		state = press(state, clock, {kind: 'zoom', delta: -1});
		const after = resolveLanes(state, clock);
		expect(after.spanMs).toBe(120_000);
		expect(after.cursor).toBe(before.cursor);
		expect((after.end - after.cursor) / after.spanMs).toBeCloseTo(0.5);
		// Zoomed all the way in and out, it stops at the ends.
		for (let i = 0; i < 20; i++) state = press(state, clock, {kind: 'zoom', delta: -1});
		expect(resolveLanes(state, clock).spanMs).toBe(10_000);
		for (let i = 0; i < 20; i++) state = press(state, clock, {kind: 'zoom', delta: 1});
		expect(resolveLanes(state, clock).spanMs).toBe(86_400_000);
	});

	it('f follows again, and f while following holds the view where it is', () => {
		const clock = live(T0 + 600_000);
		const stopped = press(open, clock, {kind: 'step', cells: -3});
		const following = press(stopped, clock, {kind: 'follow'});
		expect(resolveLanes(following, live(T0 + 700_000))).toMatchObject({follow: true, end: T0 + 700_000, cursor: T0 + 700_000});
		const held = press(following, live(T0 + 700_000), {kind: 'follow'});
		expect(resolveLanes(held, live(T0 + 800_000))).toMatchObject({follow: false, end: T0 + 700_000, cursor: T0 + 700_000});
	});
});
