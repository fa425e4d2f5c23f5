import {describe, expect, it} from 'vitest';
import {CHUNK_MAX, SortedChunks, type ChunkedRows} from '../../source/view/sorted-chunks.js';
import {seededRandom} from '../sources/replay/seeded-random.js';

interface Entry {
	key: string;
	rank: number;
}

// As the pod index's orders: a rank, then the key, so that no two entries compare equal.
const byRank = (a: Entry, b: Entry): number => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const always = (): boolean => true;

function contents(rows: ChunkedRows<Entry>): Entry[] {
	return Array.from({length: rows.length}, (_, i) => rows.at(i)!);
}

/** Entries of `count` keys with random ranks (a model of the list: a plain sorted array). */
function randomEntries(random: () => number, count: number): Map<string, Entry> {
	const entries = new Map<string, Entry>();
	for (let i = 0; i < count; i++) entries.set(`pod-${i}`, {key: `pod-${i}`, rank: Math.floor(random() * 50)});
	return entries;
}

describe('sorted chunks', () => {
	it('holds many times a chunk in order, and finds each entry at its position', () => {
		const random = seededRandom(1);
		const model = [...randomEntries(random, CHUNK_MAX * 5).values()].sort(byRank);
		const rows = SortedChunks.of(model).snapshot();
		expect(rows.length).toBe(model.length);
		expect(contents(rows)).toEqual(model);
		expect([...rows]).toEqual(model);
		for (const [i, entry] of model.entries()) {
			expect(rows.positionOf(entry, byRank)).toBe(i);
			expect(rows.scanFor(entry.key)).toBe(i);
		}
		expect(rows.at(-1)).toBeUndefined();
		expect(rows.at(model.length)).toBeUndefined();
		expect(rows.positionOf({key: 'absent', rank: 3}, byRank)).toBe(-1);
		expect(rows.scanFor('absent')).toBe(-1);
	});

	it('never changes a snapshot it handed out, whatever is inserted, moved or deleted after', () => {
		const random = seededRandom(2);
		const current = randomEntries(random, CHUNK_MAX * 4);
		const list = SortedChunks.of([...current.values()].sort(byRank));
		const taken: {rows: ChunkedRows<Entry>; held: Entry[]}[] = [];
		let next = current.size;
		for (let round = 0; round < 60; round++) {
			const rows = list.snapshot();
			taken.push({rows, held: contents(rows)});
			// A frame's changes: a few, or a burst (a page of a list arriving, a mass deletion).
			const burst = round % 10 === 9 ? 3 * CHUNK_MAX : 1 + Math.floor(random() * 40);
			const changes = [];
			for (let i = 0; i < burst; i++) {
				const roll = random();
				if (roll < 0.4) {
					const added = {key: `pod-${next++}`, rank: Math.floor(random() * 50)};
					current.set(added.key, added);
					changes.push({before: undefined, after: added});
				} else {
					const keys = [...current.keys()];
					const key = keys[Math.floor(random() * keys.length)]!;
					const before = current.get(key)!;
					const after = roll < 0.7 ? undefined : {key, rank: roll < 0.85 ? before.rank : Math.floor(random() * 50)};
					if (after) current.set(key, after);
					else current.delete(key);
					changes.push({before, after});
				}
			}
			list.apply(changes, byRank, always);
			expect(contents(list.snapshot())).toEqual([...current.values()].sort(byRank));
		}
		for (const {rows, held} of taken) expect(contents(rows)).toEqual(held);
	});

	it('stays right when nearly every entry is deleted and the list grows again', () => {
		const random = seededRandom(3);
		const current = randomEntries(random, CHUNK_MAX * 6);
		const list = SortedChunks.of([...current.values()].sort(byRank));
		const before = list.snapshot();
		const held = contents(before);
		const keep = new Set([...current.keys()].filter(() => random() < 0.02));
		const changes = [...current.values()].filter(entry => !keep.has(entry.key)).map(entry => ({before: entry, after: undefined}));
		for (const {before: entry} of changes) current.delete(entry.key);
		list.apply(changes, byRank, always);
		expect(contents(list.snapshot())).toEqual([...current.values()].sort(byRank));
		for (let i = 0; i < CHUNK_MAX * 2; i++) {
			const added = {key: `new-${i}`, rank: Math.floor(random() * 50)};
			current.set(added.key, added);
			list.change(undefined, added, byRank, always);
		}
		const after = [...current.values()].sort(byRank);
		const rows = list.snapshot();
		expect(contents(rows)).toEqual(after);
		for (const [i, entry] of after.entries()) expect(rows.positionOf(entry, byRank)).toBe(i);
		expect(contents(before)).toEqual(held);
	});

	it('keeps only what passes its filter, and tells whether a change touched it', () => {
		const random = seededRandom(4);
		const all = [...randomEntries(random, CHUNK_MAX * 3).values()].sort(byRank);
		const low = (entry: Entry): boolean => entry.rank < 10;
		const list = SortedChunks.of(all).filter(low);
		expect(contents(list.snapshot())).toEqual(all.filter(low));
		const high = all.find(entry => !low(entry))!;
		expect(list.apply([{before: high, after: {key: high.key, rank: high.rank + 1}}], byRank, low)).toBe(false);
		expect(list.apply([{before: high, after: {key: high.key, rank: 0}}], byRank, low)).toBe(true);
		const moved = {key: high.key, rank: 0};
		expect(contents(list.snapshot())).toEqual([...all.filter(low), moved].sort(byRank));
	});

	it('gives the same snapshot until an edit, and the entries in another order on a re-sort', () => {
		const random = seededRandom(5);
		const all = [...randomEntries(random, CHUNK_MAX * 2).values()].sort(byRank);
		const list = SortedChunks.of(all);
		const first = list.snapshot();
		expect(list.snapshot()).toBe(first);
		list.change(undefined, {key: 'extra', rank: 7}, byRank, always);
		expect(list.snapshot()).not.toBe(first);
		const byKey = (a: Entry, b: Entry): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
		expect(contents(list.sorted(byKey).snapshot())).toEqual([...all, {key: 'extra', rank: 7}].sort(byKey));
		expect(contents(first)).toEqual(all);
	});
});
