import {describe, expect, it} from 'vitest';
import {HISTORY_LIMIT, HistoryLine, WordTable} from '../../../source/model/store/history-line.js';
import type {Transition, TransitionKind} from '../../../source/model/pod-state.js';
import {seededRandom} from '../../sources/replay/seeded-random.js';

const KINDS: TransitionKind[] = ['created', 'phase', 'status', 'ready', 'condition', 'container', 'restart', 'node', 'deleted', 'deleting'];
const T0 = Date.parse('2026-11-25T10:00:00Z');

/** Seeded transitions with every kind, null from/to, detail present or not, words old and new. */
function transitions(count: number, seed: number, words: () => string): Transition[] {
	const random = seededRandom(seed);
	const out: Transition[] = [];
	for (let index = 0; index < count; index++) {
		const transition: Transition = {
			at: T0 + index * 1000 + Math.floor(random() * 1000),
			kind: KINDS[index % KINDS.length]!,
			subject: words(),
			from: random() < 0.2 ? null : words(),
			to: random() < 0.2 ? null : words(),
			statusAfter: words(),
		};
		out.push(random() < 0.5 ? {...transition, detail: random() < 0.1 ? '' : words()} : transition);
	}
	return out;
}

describe('HistoryLine', () => {
	it('gives back every transition as it was given, kinds, nulls, empty details and times included', () => {
		const random = seededRandom(7);
		const common = ['Running', 'Pending', 'CrashLoopBackOff', 'container app', 'Ready', 'phase', ''];
		const given = transitions(300, 1, () => common[Math.floor(random() * common.length)]!);
		let line = new HistoryLine(given.slice(0, 10), new WordTable());
		let length = 10;
		for (let at = 10; at < given.length; at += 7) ({line, length} = line.append(length, given.slice(at, at + 7)));
		expect(length).toBe(300);
		expect(line.prefix(300)).toEqual(given);
		expect(line.prefix(42)).toEqual(given.slice(0, 42));
		expect(line.prefix(0)).toEqual([]);
	});

	it('keeps words apart when a session has more distinct words than fit in 16 bits', () => {
		// Messages with pod names and uids in them: every one a new word for the shared table.
		let counter = 0;
		const given = transitions(20_000, 2, () => `Back-off restarting failed container app in pod web-${counter++}`);
		expect(counter).toBeGreaterThan(65_536);
		let line = new HistoryLine([], new WordTable());
		let length = 0;
		// A long line starts again with what its newest version keeps: follow the line it gives.
		for (const transition of given) ({line, length} = line.append(length, [transition]));
		const back = line.prefix(length);
		expect(back).toHaveLength(HISTORY_LIMIT);
		expect(back).toEqual(given.slice(-HISTORY_LIMIT));
	});

	it('reads each line back through its own word table, whatever other tables numbered meanwhile', () => {
		const first = new WordTable();
		const second = new WordTable();
		const a = transitions(30, 8, () => 'Pending');
		const b = transitions(30, 9, () => 'Running');
		second.encode('a word the first table never saw');
		const lineA = new HistoryLine(a, first);
		const lineB = new HistoryLine(b, second);
		expect(lineA.prefix(30)).toEqual(a);
		expect(lineB.prefix(30)).toEqual(b);
	});

	it('starts a branch when a version that is not the newest gets new transitions (a store restored to it)', () => {
		const random = seededRandom(3);
		const words = ['a', 'b', 'c'];
		const given = transitions(20, 4, () => words[Math.floor(random() * words.length)]!);
		const line = new HistoryLine(given.slice(0, 12), new WordTable());
		const later = transitions(3, 5, () => 'later');
		const branch = line.append(8, later);
		expect(branch.line).not.toBe(line);
		expect(branch.line.prefix(branch.length)).toEqual([...given.slice(0, 8), ...later]);
		// The versions of the first line keep what they had.
		expect(line.prefix(12)).toEqual(given.slice(0, 12));
		const same = line.append(12, given.slice(12));
		expect(same.line).toBe(line);
		expect(line.prefix(same.length)).toEqual(given);
	});

	it('gives each version its own history from a shared line, the newer version read or not', () => {
		const random = seededRandom(11);
		const words = ['Pending', 'Running', 'Error'];
		const given = transitions(40, 12, () => words[Math.floor(random() * words.length)]!);
		let line = new HistoryLine(given.slice(0, 5), new WordTable());
		let length = 5;
		const versions = [{line, length}];
		for (let at = 5; at < given.length; at += 5) {
			({line, length} = line.append(length, given.slice(at, at + 5)));
			versions.push({line, length});
			// Read the newest, then every older one: each gives what was written up to it.
			for (const version of [...versions].reverse()) expect(version.line.history(version.length)).toEqual(given.slice(0, version.length));
		}
		expect(new Set(versions.map(version => version.line)).size).toBe(1);
	});

	it('reads a history again as it read it, and readers cannot change it for the next one', () => {
		const given = transitions(30, 13, () => 'Running');
		const line = new HistoryLine(given, new WordTable());
		const first = line.history(30);
		expect(first).toEqual(line.prefix(30));
		expect(line.history(30)).toBe(first);
		expect(() => (first as Transition[]).push(given[0]!)).toThrow(TypeError);
		expect(line.history(30)).toEqual(given);
	});

	it('keeps the objects of the lines read last only, so reading every pod keeps no more than a few', () => {
		const table = new WordTable();
		const lines = Array.from(
			{length: 2000},
			(_, index) =>
				new HistoryLine(
					transitions(3, 100 + index, () => `word ${index}`),
					table,
				),
		);
		const firstRead = lines[0]!.history(3);
		for (const line of lines) line.history(3);
		const again = lines[0]!.history(3);
		expect(again).not.toBe(firstRead);
		expect(again).toEqual(firstRead);
		// The line read last is still there.
		expect(lines[1999]!.history(3)).toBe(lines[1999]!.history(3));
	});
});
