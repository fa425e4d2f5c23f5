// Time in the Lanes view as the keys move it: the zoom (time across the screen), whether the view
// follows the clock (live: the present; replay: the replay's position), and otherwise where its
// window ends and where the time cursor stands. Pure: the frame resolves the state against the
// clock (resolveLanes) and the keys move it (moveLanes) within what the frame on screen showed.
//
// Following, the cursor is the clock's now and the window ends there (a replay's first minutes:
// the window starts with the session, and the cursor walks across it). ← and → step the cursor a
// column and stop following; the window slides when the cursor reaches its edge; Shift-←/→ pan half
// a screen. Zooming keeps the cursor where it is on the screen.
//
// A replay's pods that were there before the recording began have lives reconstructed from their
// objects (model/before-sight.ts) from their creation on: the cursor and the window go back as far
// as those reach, not only to the session's start; following keeps to the session.

import {clampZoom, fitZoom, ZOOM_LEVELS_MS} from './time-axis.js';

export interface LanesState {
	/** The Lanes view is shown in place of the table (L; Esc goes back to the table). */
	open: boolean;
	/** A ZOOM_LEVELS_MS index; null until the user zooms (the frame picks one: defaultZoom). */
	zoom: number | null;
	/** The window ends at the clock's now and the cursor is now. */
	follow: boolean;
	/** Not following: the time cursor and the window's end (epoch ms). */
	cursor: number;
	end: number;
}

export const INITIAL_LANES: LanesState = {open: false, zoom: null, follow: true, cursor: 0, end: 0};

/** What the window is resolved against. */
export interface LaneClock {
	/** The store's clock: nothing is known after it. */
	now: number;
	/** Replay: the session's first moment (epoch ms); live: null. */
	earliest: number | null;
	/** Replay: the session's length (the default zoom shows it whole); live: null. */
	sessionMs: number | null;
	/**
	 * Replay: the earliest moment a pod's life reconstructed from its object reaches (epoch ms, before
	 * `earliest`), which the cursor may go back to; null when every pod was seen from its creation, and live.
	 */
	beforeSightFrom: number | null;
}

/** The window and cursor a frame draws. */
export interface ResolvedLanes {
	zoom: number;
	spanMs: number;
	/** The window is (end − spanMs, end]. */
	end: number;
	/** The time cursor (epoch ms): never after now. */
	cursor: number;
	follow: boolean;
}

/** Live: five minutes across the screen to begin with. */
const LIVE_ZOOM = ZOOM_LEVELS_MS.indexOf(300_000);
/** Live has no first moment: the cursor goes back at most the widest zoom. */
const LIVE_REACH_MS = ZOOM_LEVELS_MS.at(-1)!;

export function defaultZoom(clock: LaneClock): number {
	return clock.sessionMs === null ? LIVE_ZOOM : fitZoom(clock.sessionMs);
}

/** How far back the cursor goes: live, the widest zoom; replay, the session's start or the reconstructed lives before it. */
function earliestOf(clock: LaneClock): number {
	if (clock.earliest === null) return clock.now - LIVE_REACH_MS;
	return Math.min(clock.earliest, clock.beforeSightFrom ?? Infinity);
}

/** The latest end a window may have: now, or (early in a replay) the session's start plus a screen. */
function latestEnd(clock: LaneClock, spanMs: number): number {
	return clock.earliest === null ? clock.now : Math.max(clock.now, clock.earliest + spanMs);
}

/**
 * The earliest end a window may have: a replay's window starts no earlier than anything it knows of
 * (the session, or the lives reconstructed before it), its first moment in the first column, as
 * following does early in a replay; live, any (the cursor keeps it within a day).
 */
function earliestEnd(clock: LaneClock, spanMs: number): number {
	return clock.earliest === null ? -Infinity : earliestOf(clock) + spanMs - 1;
}

/**
 * The end that keeps `cursor` inside the window (end − span, end], moving it as little as it can:
 * a cursor past the left edge lands in the first column (`cellMs` wide).
 */
function showing(end: number, spanMs: number, cursor: number, cellMs = 1): number {
	if (cursor > end) return cursor;
	if (cursor <= end - spanMs) return cursor + spanMs - Math.min(cellMs, spanMs / 2);
	return end;
}

export function resolveLanes(state: LanesState, clock: LaneClock): ResolvedLanes {
	const zoom = clampZoom(state.zoom ?? defaultZoom(clock));
	const spanMs = ZOOM_LEVELS_MS[zoom]!;
	if (state.follow) return {zoom, spanMs, end: latestEnd(clock, spanMs), cursor: clock.now, follow: true};
	// A replay sought back before the cursor: the cursor comes back to what is known.
	const cursor = Math.max(earliestOf(clock), Math.min(state.cursor, clock.now));
	return {zoom, spanMs, end: Math.max(showing(state.end, spanMs, cursor), earliestEnd(clock, spanMs)), cursor, follow: false};
}

export type LaneMove =
	/** +1: more time across the screen (zoom out), −1: less (zoom in). */
	| {kind: 'zoom'; delta: 1 | -1}
	/** The cursor by columns (the window slides along at its edge). */
	| {kind: 'step'; cells: number}
	/** The window and the cursor by a share of the screen. */
	| {kind: 'pan'; screens: number}
	/** Follow the clock, or stop following where the view is. */
	| {kind: 'follow'};

/** What the frame on screen showed the keys: the window resolved, a column's time and the clock. */
export interface LanesLimits {
	resolved: ResolvedLanes;
	cellMs: number;
	clock: LaneClock;
	/**
	 * When the selected pod was first seen (epoch ms; null: no pod selected, or not seen yet). Enter
	 * opens the pod there at the earliest, never at a moment before the pod was there.
	 */
	selectedFrom: number | null;
}

/**
 * A key's move, from the state as the keys before it left it (keys typed faster than frames are
 * drawn each count), within the clock and the columns of the frame on screen.
 */
export function moveLanes(state: LanesState, move: LaneMove, {cellMs, clock}: Pick<LanesLimits, 'cellMs' | 'clock'>): LanesState {
	const resolved = resolveLanes(state, clock);
	const {spanMs, end, cursor} = resolved;
	const clampCursor = (at: number): number => Math.max(earliestOf(clock), Math.min(clock.now, at));
	switch (move.kind) {
		case 'follow':
			return resolved.follow ? {...state, follow: false, cursor, end} : {...state, follow: true};
		case 'zoom': {
			const zoom = clampZoom(resolved.zoom + move.delta);
			if (zoom === resolved.zoom) return state;
			const span = ZOOM_LEVELS_MS[zoom]!;
			if (resolved.follow) return {...state, zoom};
			// The cursor stays at the same place on the screen.
			const after = ((end - cursor) / spanMs) * span;
			return {...state, zoom, end: Math.min(cursor + after, Math.max(cursor, latestEnd(clock, span)))};
		}
		case 'step': {
			const to = clampCursor(cursor + move.cells * Math.max(1, cellMs));
			return {...state, follow: false, cursor: to, end: showing(end, spanMs, to, cellMs)};
		}
		case 'pan': {
			const to = clampCursor(cursor + move.screens * spanMs);
			return {...state, follow: false, cursor: to, end: end + (to - cursor)};
		}
	}
}
