import {describe, expect, it} from 'vitest';
import {partitionPoint} from '../../source/model/partition-point.js';
import {seededRandom} from '../sources/replay/seeded-random.js';

describe('partitionPoint', () => {
	it('finds where a sorted list of times passes a moment, as a scan does, with repeats and at both ends', () => {
		const random = seededRandom(3);
		for (let round = 0; round < 200; round++) {
			const times = Array.from({length: Math.floor(random() * 40)}, () => Math.floor(random() * 20)).sort((a, b) => a - b);
			const moment = Math.floor(random() * 24) - 2;
			const scanned = times.filter(t => t <= moment).length;
			expect(partitionPoint(times.length, at => times[at]! <= moment)).toBe(scanned);
		}
	});
});
