import {describe, expect, it} from 'vitest';
import {backoffDelay} from '../../../source/sources/live/backoff.js';

describe('backoffDelay', () => {
	const top = () => 0.999999;
	it('doubles the ceiling per attempt from 0.5 s and caps it at 30 s', () => {
		const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 20].map(attempt => backoffDelay(attempt, {random: top}));
		expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
	});
	it('picks a random wait below the ceiling (full jitter)', () => {
		expect(backoffDelay(4, {random: () => 0.25})).toBe(1000);
		expect(backoffDelay(4, {random: () => 0})).toBe(0);
	});
	it('honours injected limits', () => {
		expect(backoffDelay(10, {initialMs: 5, maxMs: 40, random: top})).toBe(40);
	});
});
