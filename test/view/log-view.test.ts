import {describe, expect, it} from 'vitest';
import {logFrame, matchingLines, nextMatch, openLogView, type LogFrameInput} from '../../source/view/log-view.js';
import {lineText} from '../../source/view/detail/lines.js';
import type {LogSnapshot} from '../../source/sources/log-feed.js';

const target = {namespace: 'default', pod: 'web-1', uid: 'web-1-uid', container: 'app', previous: false};

function snapshot(lines: string[], patch: Partial<LogSnapshot> = {}): LogSnapshot {
	return {state: 'following', lines, timestamps: false, message: null, dropped: 0, truncated: false, version: 1, ...patch};
}

function frame(input: Partial<LogFrameInput> & {lines?: string[]}) {
	const {lines = [], ...rest} = input;
	return logFrame({log: openLogView(target), snapshot: snapshot(lines), search: '', wrap: false, timestamps: false, width: 20, height: 3, ...rest});
}

const rows = (f: ReturnType<typeof logFrame>) => f.body.rows.map(lineText);
const numbered = (count: number) => Array.from({length: count}, (_, n) => `line ${n}`);

describe('log view', () => {
	it('follows the end: the last lines show, and the marks say so with the position', () => {
		const f = frame({lines: numbered(10)});
		expect(rows(f)).toEqual(['line 7', 'line 8', 'line 9']);
		expect(f.body.marks).toBe('following · 8–10 of 10');
		expect(f.limits).toMatchObject({top: 7, endTop: 7, following: true, shown: 3});
	});

	it('holds where the user scrolled while lines come in', () => {
		const log = {...openLogView(target), top: 2};
		expect(rows(frame({log, lines: numbered(10)}))).toEqual(['line 2', 'line 3', 'line 4']);
		const later = frame({log, lines: numbered(20)});
		expect(rows(later)).toEqual(['line 2', 'line 3', 'line 4']);
		expect(later.body.marks).toBe('held (G follows) · 3–5 of 20');
	});

	it('wraps a long line onto the rows under it, and counts it as one line when following', () => {
		const f = frame({lines: ['short', 'a'.repeat(30)], wrap: true});
		expect(rows(f)).toEqual(['short', 'a'.repeat(20), 'a'.repeat(10)]);
		expect(f.limits.top).toBe(0);
		expect(rows(frame({lines: ['a'.repeat(30)]}))).toEqual([`${'a'.repeat(19)}…`]);
	});

	it('hides the server timestamps unless asked, and dims them when shown', () => {
		const line = '2026-12-04T20:11:02.000000000Z hello';
		const stamped = (timestamps: boolean) =>
			logFrame({log: openLogView(target), snapshot: snapshot([line], {timestamps: true}), search: '', wrap: false, timestamps, width: 60, height: 3});
		expect(rows(stamped(false))).toEqual(['hello']);
		const shown = stamped(true);
		expect(rows(shown)).toEqual([line]);
		expect(shown.body.rows[0]![0]).toEqual({text: '2026-12-04T20:11:02.000000000Z', tone: 'dim'});
	});

	it('drops colour codes and control characters a container wrote', () => {
		expect(rows(frame({lines: ['\u001B[31mred\u001B[0m\tok\u0007']}))).toEqual(['red    ok']);
	});

	it('marks the matches of a search, case-insensitive unless it has a capital, and counts them', () => {
		const lines = ['an Error here', 'fine', 'error again'];
		const f = frame({lines, search: 'error', width: 40});
		expect(f.body.rows[0]!.find(part => part.tone === 'match')?.text).toBe('Error');
		expect(f.body.marks).toContain('/error: 2 lines');
		expect(matchingLines(f.limits, 'error')).toEqual([0, 2]);
		expect(matchingLines(f.limits, 'Error')).toEqual([0]);
	});

	it('goes round the ends from match to match', () => {
		expect(nextMatch([2, 5, 9], 5, 1)).toBe(9);
		expect(nextMatch([2, 5, 9], 9, 1)).toBe(2);
		expect(nextMatch([2, 5, 9], 2, -1)).toBe(9);
		expect(nextMatch([2, 5, 9], 5, 1, true)).toBe(5);
		expect(nextMatch([], 0, 1)).toBeNull();
	});

	it('says why there is no line: asking, refused, nothing written yet, empty', () => {
		const one = (patch: Partial<LogSnapshot>) =>
			rows(logFrame({log: openLogView(target), snapshot: snapshot([], patch), search: '', wrap: false, timestamps: false, width: 80, height: 3}));
		expect(one({state: 'opening'})).toEqual(['asking for the log…']);
		expect(one({state: 'unavailable', message: 'container "app" in pod "web-1" is waiting to start: ContainerCreating'})).toEqual([
			'container "app" in pod "web-1" is waiting to start: ContainerCreating',
		]);
		expect(one({state: 'following'})).toEqual(['(nothing written yet; new lines show as they come)']);
		expect(one({state: 'ended'})).toEqual(['(the log is empty)']);
	});
});
