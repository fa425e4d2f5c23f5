import {describe, expect, it} from 'vitest';
import {ShardedCowMap} from '../../../source/model/store/cow-map.js';
import {DeltaMap, PackedMap} from '../../../source/sources/replay/packed-maps.js';
import {seededRandom} from './seeded-random.js';

describe('PackedMap and chained DeltaMaps', () => {
	it('each delta of a chain reads as the map did when it was taken, and so does its flattened copy and a map restored from it', () => {
		const random = seededRandom(11);
		const map = new Map<string, number>();
		for (let index = 0; index < 200; index++) map.set(`k${index}`, index);
		const full = new PackedMap(map);
		let last: PackedMap<string, number> | DeltaMap<number> = full;
		const taken: Array<{delta: DeltaMap<number>; expected: Map<string, number>}> = [];
		for (let step = 0; step < 12; step++) {
			// Sets, overwrites and deletes, some of keys a delta before this one changed too.
			const changed = new Set<string>();
			for (let change = 0; change < 15; change++) {
				const key = `k${Math.floor(random() * 260)}`;
				changed.add(key);
				if (random() < 0.3) map.delete(key);
				else map.set(key, step * 1000 + change);
			}
			last = DeltaMap.after(last, changed, map);
			taken.push({delta: last, expected: new Map(map)});
		}
		expect(taken.at(-1)!.delta.depth).toBe(12);
		const sorted = (entries: Iterable<[string, number]>) => [...entries].sort(([a], [b]) => a.localeCompare(b));
		for (const [position, {delta, expected}] of taken.entries()) {
			expect(sorted(delta), `delta ${position + 1}`).toEqual(sorted(expected));
			expect(delta.size, `delta ${position + 1}`).toBe(expected.size);
			for (const key of ['k0', 'k7', 'k199', 'k250', 'missing']) expect(delta.get(key), `delta ${position + 1} ${key}`).toBe(expected.get(key));
			const each: Array<[string, number]> = [];
			delta.forEach((value, key) => each.push([key, value]));
			expect(sorted(each), `forEach of delta ${position + 1}`).toEqual(sorted(expected));
			const flat = delta.flattened();
			expect(flat.previous).toBeNull();
			expect(flat.base).toBe(full);
			expect(sorted(flat), `flattened ${position + 1}`).toEqual(sorted(expected));
			const restored = new ShardedCowMap(delta, 8);
			expect(sorted(restored.current), `restored ${position + 1}`).toEqual(sorted(expected));
			expect(restored.size, `restored ${position + 1}`).toBe(expected.size);
		}
	});

	it('keeps a map whose values name their own keys without a list of keys, and reads back the same entries', () => {
		const values = [
			{key: 'a', n: 1},
			{key: 'b', n: 2},
		];
		const packed = new PackedMap(new Map(values.map(value => [value.key, value])), value => value.key);
		expect([...packed]).toEqual(values.map(value => [value.key, value]));
		expect(packed.get('b')).toBe(values[1]);
		expect(packed.size).toBe(2);
	});
});
