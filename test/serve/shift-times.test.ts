import {describe, expect, it} from 'vitest';
import {offsetToStartAt, servedTime, shiftTime} from '../../source/serve/shift-times.js';

const DAY = 86_400_000;

describe('moving a session’s times', () => {
	it('keeps each time’s format: seconds, micro and nano fractions, zone', () => {
		expect(shiftTime('2026-11-25T04:20:57Z', DAY + 3000)).toBe('2026-11-26T04:21:00Z');
		expect(shiftTime('2026-11-25T04:20:57.123456Z', 9 * DAY)).toBe('2026-12-04T04:20:57.123456Z');
		expect(shiftTime('2026-12-31T23:59:59.987654321Z', 1000)).toBe('2027-01-01T00:00:00.987654321Z');
		expect(shiftTime('2026-11-25T05:20:57+01:00', 60_000)).toBe('2026-11-25T05:21:57+01:00');
		expect(shiftTime('2026-11-25', DAY)).toBe('2026-11-25');
		expect(shiftTime('started at 2026-11-25T04:20:57Z', DAY)).toBe('started at 2026-11-25T04:20:57Z');
	});

	it('runs a sped-up clock from the start on, keeping earlier times at their distance, cut to their precision', () => {
		const recordedAtMs = Date.parse('2026-11-25T04:20:57.500Z');
		const clock = {recordedAtMs, shiftMs: 9 * DAY, speed: 4};
		// 40 s into the session is served 10 s after the moved start (04:20:57.5 + 9 days).
		expect(servedTime('2026-11-25T04:21:37Z', clock)).toBe('2026-12-04T04:21:07Z');
		expect(servedTime('2026-11-25T04:21:37.500000Z', clock)).toBe('2026-12-04T04:21:07.500000Z');
		expect(servedTime('2026-11-25T04:21:38.123456789Z', clock)).toBe('2026-12-04T04:21:07.655864197Z');
		expect(servedTime('2026-11-25T05:21:37+01:00', clock)).toBe('2026-12-04T05:21:07+01:00');
		// Before the recording began: moved, not sped up (a node 3 days old is 3 days old at the start).
		expect(servedTime('2026-11-22T04:20:57Z', clock)).toBe('2026-12-01T04:20:57Z');
		expect(servedTime('not a time', clock)).toBe('not a time');
	});

	it('starts the session at the moment asked or within the second after, in whole seconds', () => {
		const recordedAt = Date.parse('2026-11-25T04:20:57.705Z');
		const now = Date.parse('2026-12-04T10:00:00.000Z');
		const offset = offsetToStartAt(recordedAt, now);
		expect(offset % 1000).toBe(0);
		expect(recordedAt + offset - now).toBeGreaterThanOrEqual(0);
		expect(recordedAt + offset - now).toBeLessThan(1000);
	});
});
