import {describe, expect, it} from 'vitest';
import {RecentlyUsed} from '../../source/model/recently-used.js';

describe('RecentlyUsed', () => {
	it('keeps the last `capacity` values used, dropping the least recently used first', () => {
		const cache = new RecentlyUsed<string, number>(3);
		cache.set('a', 1);
		cache.set('b', 2);
		cache.set('c', 3);
		// Reading a makes b the oldest.
		expect(cache.get('a')).toBe(1);
		cache.set('d', 4);
		expect(cache.get('b')).toBeUndefined();
		expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
	});

	it('replaces the value of a key set again without dropping another', () => {
		const cache = new RecentlyUsed<string, number>(2);
		cache.set('a', 1);
		cache.set('b', 2);
		cache.set('a', 10);
		expect(cache.get('a')).toBe(10);
		expect(cache.get('b')).toBe(2);
	});

	it('makes a missing value once and then hands back the one kept', () => {
		const cache = new RecentlyUsed<number, {n: number}>(2);
		let made = 0;
		const make = (n: number) => () => {
			made++;
			return {n};
		};
		const first = cache.getOrMake(1, make(1));
		expect(cache.getOrMake(1, make(1))).toBe(first);
		expect(made).toBe(1);
		cache.getOrMake(2, make(2));
		cache.getOrMake(3, make(3));
		expect(cache.getOrMake(1, make(1))).not.toBe(first);
		expect(made).toBe(4);
	});
});
