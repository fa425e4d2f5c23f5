// The Timeline's transition cursor (replay only): it picks one transition row of "Transitions and
// events", and Enter seeks the replay to that transition's time. Like the table's cursor it follows a
// thing, not a position: a transition, named by its time and its place among the transitions of that
// same moment, because the list grows while the replay plays and shrinks when it seeks back.
// Pure: no React, tested with plain assertions.

import {span, type Line} from './detail/lines.js';
import {timelineView, type TimelineInput, type TimelineView} from './detail/timeline.js';
import {fitWindow} from './scroll-window.js';

export interface TimelineCursor {
	/** Epoch ms of the transition. */
	at: number;
	/** Its place among the transitions of that same moment (one watch event makes several). */
	nth: number;
}

/** A transition row of the Timeline: where it is drawn and what it is. */
export interface TimelineTarget extends TimelineCursor {
	/** Index of its line in the section. */
	line: number;
}

export interface TimelineTargets {
	/** The transition rows, top to bottom (oldest first). */
	targets: TimelineTarget[];
	/** Lines in the section (for the scroll limit). */
	lineCount: number;
}

export const CURSOR_MARK = '›';

/** The transition rows of a built Timeline (from the builder's per-line times). */
export function timelineTargets(view: Pick<TimelineView, 'at'>): TimelineTargets {
	const targets: TimelineTarget[] = [];
	view.at.forEach((at, line) => {
		if (at === null) return;
		const before = targets.at(-1);
		targets.push({at, nth: before?.at === at ? before.nth + 1 : 0, line});
	});
	return {targets, lineCount: view.at.length};
}

/** The transition rows of the Timeline of a pod, as the section draws it. */
export function timelineTargetsOf(input: TimelineInput): TimelineTargets {
	return timelineTargets(timelineView(input));
}

/**
 * Where the cursor is among `targets`: on its transition if listed; else on the last one before it
 * (seeking back took the later ones away), else the first. −1 without a cursor or transitions.
 */
export function resolveTimelineCursor(cursor: TimelineCursor | null, targets: readonly TimelineTarget[]): number {
	if (cursor === null || targets.length === 0) return -1;
	let before = -1;
	for (let index = 0; index < targets.length; index++) {
		const target = targets[index]!;
		if (target.at === cursor.at && target.nth === cursor.nth) return index;
		if (target.at < cursor.at || (target.at === cursor.at && target.nth < cursor.nth)) before = index;
	}
	return Math.max(0, before);
}

export interface TimelineCursorState {
	cursor: TimelineCursor | null;
	/** The section's first visible line. */
	scroll: number;
}

/**
 * ↑/↓ in the Timeline. The first press picks the first transition on screen (↓) or the last one
 * (↑); past either end of the list the section scrolls instead, so the lanes above and the events
 * below stay reachable. The section scrolls to keep the cursor's row visible.
 */
export function moveTimelineCursor(state: TimelineCursorState, delta: 1 | -1, {targets, lineCount}: TimelineTargets, height: number): TimelineCursorState {
	const maxScroll = Math.max(0, lineCount - height);
	const scrollBy = (): TimelineCursorState => ({...state, scroll: Math.max(0, Math.min(maxScroll, state.scroll + delta))});
	if (targets.length === 0) return scrollBy();
	const from = resolveTimelineCursor(state.cursor, targets);
	let to: number;
	if (from === -1) {
		const onScreen = targets.map((target, index) => ({target, index})).filter(({target}) => target.line >= state.scroll && target.line < state.scroll + height);
		to = delta === 1 ? (onScreen[0]?.index ?? firstBelow(targets, state.scroll)) : (onScreen.at(-1)?.index ?? lastAbove(targets, state.scroll));
	} else {
		to = from + delta;
		if (to < 0 || to >= targets.length) return scrollBy();
	}
	const target = targets[to]!;
	return {cursor: {at: target.at, nth: target.nth}, scroll: fitWindow(state.scroll, target.line, height, lineCount)};
}

/**
 * Scrolls just enough to show the cursor's row. After a seek the rows above it change (events
 * are re-timed, milestones appear or go), so its line moves under a scroll that stayed put.
 */
export function revealTimelineCursor(state: TimelineCursorState, {targets, lineCount}: TimelineTargets, height: number): TimelineCursorState {
	const index = resolveTimelineCursor(state.cursor, targets);
	if (index === -1) return state;
	const scroll = fitWindow(state.scroll, targets[index]!.line, height, lineCount);
	return scroll === state.scroll ? state : {...state, scroll};
}

function firstBelow(targets: readonly TimelineTarget[], scroll: number): number {
	const index = targets.findIndex(target => target.line >= scroll);
	return index === -1 ? targets.length - 1 : index;
}

function lastAbove(targets: readonly TimelineTarget[], scroll: number): number {
	const index = targets.findLastIndex(target => target.line < scroll);
	return index === -1 ? 0 : index;
}

/** The Timeline's lines with the cursor's row marked "›" in its first (blank) column. */
export function markTimelineCursor(view: TimelineView, cursor: TimelineCursor | null): Line[] {
	const {targets} = timelineTargets(view);
	const index = resolveTimelineCursor(cursor, targets);
	if (index === -1) return view.lines;
	const line = targets[index]!.line;
	return view.lines.map((spans, at) => (at === line ? markLine(spans) : spans));
}

function markLine(spans: Line): Line {
	const [first, ...rest] = spans;
	if (!first) return [span(CURSOR_MARK, 'accent')];
	return [span(CURSOR_MARK, 'accent'), {...first, text: first.text.slice(1)}, ...rest];
}

/** The session offset (ms since recordedAt, as ReplayPlayer.seek takes it) of a transition. */
export function seekOffsetOf(cursor: TimelineCursor, recordedAtMs: number): number {
	return cursor.at - recordedAtMs;
}
