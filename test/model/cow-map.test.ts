import {describe, expect, it} from 'vitest';
import {DeltaMap, PackedMap, ShardedCowMap} from '../../source/model/cow-map.js';
import {seededRandom} from '../replay/seeded-random.js';

describe('ShardedCowMap', () => {
	it('hands out maps that never change while the owner keeps writing', () => {
		const map = new ShardedCowMap<number>(undefined, 8);
		for (let index = 0; index < 100; index++) map.set(`k${index}`, index);
		const first = map.share();
		map.set('k1', -1);
		map.delete('k2');
		map.set('new', 7);
		const second = map.share();
		expect(first.get('k1')).toBe(1);
		expect(first.has('k2')).toBe(true);
		expect(first.has('new')).toBe(false);
		expect(first.size).toBe(100);
		expect([...first.keys()]).toHaveLength(100);
		expect(second.get('k1')).toBe(-1);
		expect(second.has('k2')).toBe(false);
		expect(second.size).toBe(100);
		expect(new Map(second)).toEqual(new Map([...new Map(first)].filter(([key]) => key !== 'k2').map(([key, value]): [string, number] => [key, key === 'k1' ? -1 : value]).concat([['new', 7]])));
	});

	it('starts from a handed-out map without changing it', () => {
		const map = new ShardedCowMap<number>(undefined, 8);
		map.set('a', 1);
		const shared = map.share();
		const copy = new ShardedCowMap(shared, 8);
		copy.set('a', 2);
		copy.set('b', 3);
		expect(shared.get('a')).toBe(1);
		expect(shared.size).toBe(1);
		expect(copy.share().get('a')).toBe(2);
		expect(copy.size).toBe(2);
		const fromPlain = new ShardedCowMap(new Map([['x', 1]]), 8);
		expect(fromPlain.get('x')).toBe(1);
	});
});

describe('PackedMap and chained DeltaMaps', () => {
	it('each delta of a chain reads as the map did when it was taken, and so does its flattened copy and a map restored from it', () => {
		const random = seededRandom(11);
		const map = new ShardedCowMap<number>(undefined, 8);
		for (let index = 0; index < 200; index++) map.set(`k${index}`, index);
		map.takeChanges();
		const full = new PackedMap(map.current);
		let last: PackedMap<string, number> | DeltaMap<number> = full;
		const taken: Array<{delta: DeltaMap<number>; expected: Map<string, number>}> = [];
		for (let step = 0; step < 12; step++) {
			// Sets, overwrites and deletes, some of keys a delta before this one changed too.
			for (let change = 0; change < 15; change++) {
				const key = `k${Math.floor(random() * 260)}`;
				if (random() < 0.3) map.delete(key);
				else map.set(key, step * 1000 + change);
			}
			last = DeltaMap.after(last, map.takeChanges()!, map.current);
			taken.push({delta: last, expected: new Map(map.current)});
		}
		expect(taken.at(-1)!.delta.depth).toBe(12);
		for (const [position, {delta, expected}] of taken.entries()) {
			const sorted = (entries: Iterable<[string, number]>) => [...entries].sort(([a], [b]) => a.localeCompare(b));
			expect(sorted(delta), `delta ${position + 1}`).toEqual(sorted(expected));
			for (const key of ['k0', 'k7', 'k199', 'k250', 'missing']) expect(delta.get(key), `delta ${position + 1} ${key}`).toBe(expected.get(key));
			const flat = delta.flattened();
			expect(flat.previous).toBeNull();
			expect(flat.base).toBe(full);
			expect(sorted(flat), `flattened ${position + 1}`).toEqual(sorted(expected));
			expect(sorted(new ShardedCowMap(delta, 8).current), `restored ${position + 1}`).toEqual(sorted(expected));
		}
	});
});
