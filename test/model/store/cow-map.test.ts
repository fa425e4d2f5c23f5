import {describe, expect, it} from 'vitest';
import {ENTRIES_PER_SHARD, ShardedCowMap} from '../../../source/model/store/cow-map.js';

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
		expect(new Map(second)).toEqual(
			new Map(
				[...new Map(first)]
					.filter(([key]) => key !== 'k2')
					.map(([key, value]): [string, number] => [key, key === 'k1' ? -1 : value])
					.concat([['new', 7]]),
			),
		);
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

	it('keeps every entry and every handed-out map as it was while it grows to many times its shards', () => {
		const map = new ShardedCowMap<number>(undefined, 8);
		const taken: {shared: ReadonlyMap<string, number>; held: Map<string, number>}[] = [];
		const model = new Map<string, number>();
		// Past several doublings of 8 shards.
		for (let index = 0; index < 8 * ENTRIES_PER_SHARD * 20; index++) {
			map.set(`pod-${index}`, index);
			model.set(`pod-${index}`, index);
			if (index % 7 === 0) {
				map.delete(`pod-${index - 3}`);
				model.delete(`pod-${index - 3}`);
			}
			if (index % 500 === 0) {
				const shared = map.share();
				taken.push({shared, held: new Map(shared)});
			}
		}
		expect(map.size).toBe(model.size);
		for (const [key, value] of model) expect(map.get(key)).toBe(value);
		expect(new Map(map.share())).toEqual(model);
		for (const {shared, held} of taken) {
			expect(shared.size).toBe(held.size);
			expect(new Map(shared)).toEqual(held);
			for (const [key, value] of held) expect(shared.get(key)).toBe(value);
		}
		// A map started from a grown one's view reads it all, and leaves it as it was.
		const shared = map.share();
		const copy = new ShardedCowMap(shared, 8);
		copy.set('pod-1', -1);
		expect(copy.get('pod-1')).toBe(-1);
		expect(shared.get('pod-1')).toBe(1);
		expect(new Map(copy.share()).size).toBe(model.size);
		const fromPlain = new ShardedCowMap(model, 8);
		expect(new Map(fromPlain.share())).toEqual(model);
	});
});
