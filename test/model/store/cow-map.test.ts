import {describe, expect, it} from 'vitest';
import {ShardedCowMap} from '../../../source/model/store/cow-map.js';

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
});
