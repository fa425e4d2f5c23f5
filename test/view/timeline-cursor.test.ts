import {describe, expect, it} from 'vitest';
import {lineText} from '../../source/view/detail/lines.js';
import {timelineLines, timelineView} from '../../source/view/detail/timeline.js';
import {sectionLines} from '../../source/view/detail/sections.js';
import {
	CURSOR_MARK,
	markTimelineCursor,
	moveTimelineCursor,
	resolveTimelineCursor,
	revealTimelineCursor,
	seekOffsetOf,
	timelineTargets,
	timelineTargetsOf,
	type TimelineTargets,
} from '../../source/view/timeline-cursor.js';
import {initialUiState, uiReducer, type UiState} from '../../source/view/ui-state.js';
import {loadCapture} from './detail/capture.js';
import {detailFrame, timelineNow} from '../../source/view/detail-frame.js';

const crashloop = loadCapture('crashloop.ndjson');
const pod = crashloop.pod('crashloop');
const events = crashloop.view.eventsByPod.get(pod.key) ?? [];
const input = {pod, events, now: crashloop.now, width: 120};
const HEIGHT = 12;

const ALL: TimelineTargets = timelineTargetsOf(input);

function targets(): TimelineTargets {
	return ALL;
}

function press(state: UiState, ...deltas: Array<1 | -1>): UiState {
	return deltas.reduce((s, delta) => uiReducer(s, {type: 'timeline-move', delta, targets: targets(), height: HEIGHT}), state);
}

const onTimeline: UiState = {...initialUiState(), screen: 'detail', section: 'Timeline', selectedKey: pod.key};

describe('the Timeline builder tells which line shows which transition', () => {
	it('gives the time of each pod.history transition on its line, and no time to lanes, milestones and events', () => {
		const view = timelineView(input);
		expect(view.lines.map(lineText)).toEqual(timelineLines(input).map(lineText));
		expect(view.at).toHaveLength(view.lines.length);
		const timed = view.at.flatMap((at, line) => (at === null ? [] : [{at, text: lineText(view.lines[line]!)}]));
		expect(timed).toHaveLength(pod.history.length);
		expect(timed.map(row => row.at)).toEqual(pod.history.map(transition => transition.at));
		const firstError = pod.history.find(transition => transition.kind === 'status' && transition.to === 'Error')!;
		expect(timed.find(row => row.text.includes('STATUS Running → Error'))!.at).toBe(firstError.at);
		for (const [line, at] of view.at.entries()) {
			if (lineText(view.lines[line]!).includes('⚑ event')) expect(at).toBeNull();
		}
	});

	it('numbers the transitions of one moment in order', () => {
		const {targets: rows} = timelineTargets({at: [null, 5, 5, null, 7, 5]});
		expect(rows).toEqual([
			{at: 5, nth: 0, line: 1},
			{at: 5, nth: 1, line: 2},
			{at: 7, nth: 0, line: 4},
			{at: 5, nth: 0, line: 5},
		]);
	});
});

describe('the Timeline transition cursor', () => {
	it('starts on the first transition on screen with ↓ and walks the transitions, skipping event rows', () => {
		const {targets: rows} = targets();
		let state = press(onTimeline, 1);
		expect(state.timelineCursor).toEqual({at: rows[0]!.at, nth: rows[0]!.nth});
		state = press(state, 1, 1);
		expect(resolveTimelineCursor(state.timelineCursor, rows)).toBe(2);
		state = press(state, -1);
		expect(resolveTimelineCursor(state.timelineCursor, rows)).toBe(1);
	});

	it('scrolls the section to keep the selected row visible', () => {
		const all = targets();
		let state = onTimeline;
		for (let i = 0; i < all.targets.length; i++) {
			state = press(state, 1);
			const line = all.targets[resolveTimelineCursor(state.timelineCursor, all.targets)]!.line;
			expect(line).toBeGreaterThanOrEqual(state.detailScroll);
			expect(line).toBeLessThan(state.detailScroll + HEIGHT);
		}
		expect(resolveTimelineCursor(state.timelineCursor, all.targets)).toBe(all.targets.length - 1);
	});

	it('scrolls instead of moving past the ends, so the lanes above stay reachable', () => {
		const all = targets();
		let state = press(onTimeline, 1);
		const first = state.timelineCursor;
		const scroll = state.detailScroll;
		expect(scroll).toBeGreaterThan(0);
		state = press(state, -1);
		expect(state.timelineCursor).toEqual(first);
		expect(state.detailScroll).toBe(scroll - 1);
		const atEnd = moveTimelineCursor({cursor: all.targets.at(-1)!, scroll: all.lineCount - HEIGHT}, 1, all, HEIGHT);
		expect(atEnd.scroll).toBe(all.lineCount - HEIGHT);
		expect(atEnd.cursor).toEqual(all.targets.at(-1));
	});

	it('starts on the last transition above or on screen with ↑', () => {
		const all = targets();
		const state = moveTimelineCursor({cursor: null, scroll: all.lineCount - HEIGHT}, -1, all, HEIGHT);
		expect(state.cursor).toEqual({at: all.targets.at(-1)!.at, nth: all.targets.at(-1)!.nth});
	});

	it('stays on a transition when seeking back removes the later ones, and falls back to the last earlier one when its own is gone', () => {
		const firstError = pod.history.find(transition => transition.kind === 'status' && transition.to === 'Error')!;
		const earlier = loadCapture('crashloop.ndjson', firstError.at - crashloop.recordedAt);
		const before = timelineTargetsOf({pod: earlier.pod('crashloop'), events: earlier.view.eventsByPod.get(pod.key) ?? [], now: earlier.now, width: 120});
		const {targets: rows} = targets();
		const errorRow = rows.find(row => row.at === firstError.at)!;
		expect(before.targets[resolveTimelineCursor(errorRow, before.targets)]).toEqual(
			before.targets.find(row => row.at === errorRow.at && row.nth === errorRow.nth),
		);
		const later = rows.find(row => row.at > firstError.at)!;
		const fallback = before.targets[resolveTimelineCursor(later, before.targets)]!;
		expect(fallback.at).toBeLessThanOrEqual(firstError.at);
		expect(fallback).toEqual(before.targets.at(-1));
	});

	it('scrolls back to the selected row when its line moved under the scroll (after a seek)', () => {
		const last = ALL.targets.at(-1)!;
		const state = {...onTimeline, timelineCursor: {at: last.at, nth: last.nth}, detailScroll: 0};
		const revealed = uiReducer(state, {type: 'timeline-reveal', targets: ALL, height: HEIGHT});
		expect(revealed.detailScroll).toBe(last.line - HEIGHT + 1);
		expect(uiReducer(revealed, {type: 'timeline-reveal', targets: ALL, height: HEIGHT})).toBe(revealed);
		expect(revealTimelineCursor({cursor: null, scroll: 3}, ALL, HEIGHT)).toEqual({cursor: null, scroll: 3});
	});

	it('marks the selected row with › and nothing else', () => {
		const view = timelineView(input);
		const {targets: rows} = timelineTargets(view);
		const pick = rows.find(row => lineText(view.lines[row.line]!).includes('STATUS Running → Error'))!;
		const marked = markTimelineCursor(view, pick).map(lineText);
		expect(marked.filter(text => text.startsWith(CURSOR_MARK))).toEqual([`${CURSOR_MARK}${lineText(view.lines[pick.line]!).slice(1)}`]);
		expect(marked[pick.line]).toContain('STATUS Running → Error');
		expect(markTimelineCursor(view, null).map(lineText)).toEqual(view.lines.map(lineText));
		const shown = sectionLines({section: 'Timeline', pod, events, view: crashloop.view, now: crashloop.now, width: 120, timelineCursor: pick}).map(lineText);
		expect(shown).toEqual(marked);
	});

	it('forgets the selection when the section changes or another pod opens', () => {
		const state = press(onTimeline, 1);
		expect(state.timelineCursor).not.toBeNull();
		expect(uiReducer(state, {type: 'section', delta: 1}).timelineCursor).toBeNull();
		expect(uiReducer(uiReducer(state, {type: 'back'}), {type: 'open', rows: {length: 1, keyAt: () => pod.key, indexOf: () => 0}}).timelineCursor).toBeNull();
	});

	it('seeks to the transition time as a session offset', () => {
		expect(seekOffsetOf({at: crashloop.recordedAt + 27_500, nth: 0}, crashloop.recordedAt)).toBe(27_500);
	});
});

describe('the Timeline with captured logs', () => {
	it('gives the keys the same transition rows after a seek as the frame draws, log lines counted', () => {
		const logs = loadCapture('crashloop.ndjson', Number.POSITIVE_INFINITY, 'logs');
		const header = {podlife: 'session', version: 1, recordedAt: new Date(logs.recordedAt).toISOString(), logs: 'crashes'} as const;
		const state: UiState = {...onTimeline, selectedKey: logs.pod('crashloop').key};
		const drawn = detailFrame({state, view: logs.view, now: logs.now, width: 120, height: 30, replaying: true, capturesLogs: true}).limits.timeline!;
		const now = timelineNow(logs.view, state, logs.now, 120, {header});
		expect(now).toEqual(drawn);
		// The log lines sit between transition rows: some rows are further down than without them.
		const without = timelineNow(logs.view, state, logs.now, 120);
		expect(drawn.lineCount).toBeGreaterThan(without!.lineCount);
	});
});
