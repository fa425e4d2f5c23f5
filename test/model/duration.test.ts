import {describe, expect, it} from 'vitest';
import {humanDuration, translateTimestampSince} from '../../source/model/duration.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

describe('humanDuration (HumanDuration)', () => {
	const cases: Array<[string, number, string]> = [
		['a clock two seconds behind is invalid', -2 * SECOND, '<invalid>'],
		['far in the future is invalid', -HOUR, '<invalid>'],
		['up to a second and a bit behind reads as now', -1999, '0s'],
		['a millisecond behind reads as now', -1, '0s'],
		['zero', 0, '0s'],
		['partial seconds are truncated', 1999, '1s'],
		['seconds up to two minutes', 119 * SECOND + 999, '119s'],
		['two minutes exactly', 2 * MINUTE, '2m'],
		['minutes and seconds below ten minutes', 2 * MINUTE + 5 * SECOND, '2m5s'],
		['just below ten minutes', 9 * MINUTE + 59 * SECOND, '9m59s'],
		['ten minutes drop the seconds', 10 * MINUTE + 30 * SECOND, '10m'],
		['just below three hours', 179 * MINUTE + 59 * SECOND, '179m'],
		['three hours', 3 * HOUR, '3h'],
		['hours and minutes below eight hours', 3 * HOUR + 5 * MINUTE, '3h5m'],
		['just below eight hours', 7 * HOUR + 59 * MINUTE, '7h59m'],
		['eight hours drop the minutes', 8 * HOUR + 30 * MINUTE, '8h'],
		['just below two days', 47 * HOUR + 59 * MINUTE, '47h'],
		['two days', 2 * DAY, '2d'],
		['days and hours below eight days', 2 * DAY + 3 * HOUR, '2d3h'],
		['just below eight days', 7 * DAY + 23 * HOUR, '7d23h'],
		['eight days drop the hours', 8 * DAY + 5 * HOUR, '8d'],
		['just below two years', 2 * YEAR - DAY, '729d'],
		['two years', 2 * YEAR, '2y'],
		['years and days below eight years', 2 * YEAR + 10 * DAY, '2y10d'],
		['just below eight years', 8 * YEAR - DAY, '7y364d'],
		['eight years drop the days', 8 * YEAR + 100 * DAY, '8y'],
		['many years', 20 * YEAR + 3 * DAY, '20y'],
	];
	for (const [name, ms, expected] of cases) {
		it(`prints ${expected} for ${name} (${ms} ms)`, () => {
			expect(humanDuration(ms)).toBe(expected);
		});
	}
});

describe('translateTimestampSince', () => {
	it('prints <unknown> when the timestamp is absent', () => {
		expect(translateTimestampSince(null, 1_000_000)).toBe('<unknown>');
	});

	it('prints the time elapsed since the timestamp', () => {
		const created = Date.parse('2026-01-01T00:00:00Z');
		expect(translateTimestampSince(created, created + 3 * HOUR + 5 * MINUTE + 59 * SECOND)).toBe('3h5m');
	});
});
