import {describe, expect, it} from 'vitest';
import {formatOffset, gotoOffset, parseGoto} from '../../source/view/goto-time.js';

const recordedAt = Date.parse('2026-11-25T04:17:04.435Z');

describe('go-to prompt', () => {
	it('takes offsets as 90s, 1m30s, 2m, 1h2m3s or plain seconds', () => {
		expect(parseGoto('90s')).toEqual({kind: 'offset', ms: 90_000});
		expect(parseGoto('1m30s')).toEqual({kind: 'offset', ms: 90_000});
		expect(parseGoto(' 2m ')).toEqual({kind: 'offset', ms: 120_000});
		expect(parseGoto('1h2m3s')).toEqual({kind: 'offset', ms: 3_723_000});
		expect(parseGoto('45')).toEqual({kind: 'offset', ms: 45_000});
		expect(parseGoto('1.5s')).toEqual({kind: 'offset', ms: 1_500});
	});

	it('takes a clock time of the recording (UTC) and turns it into an offset', () => {
		const target = parseGoto('04:18:30');
		expect(target).toEqual({kind: 'clock', ms: (4 * 3600 + 18 * 60 + 30) * 1000});
		expect(gotoOffset(target!, recordedAt)).toBe(85_565);
		expect(gotoOffset(parseGoto('04:18')!, recordedAt)).toBe(55_565);
	});

	it('takes a clock time after midnight as the next day for a session that crosses it', () => {
		const lateStart = Date.parse('2026-11-25T23:59:00.000Z');
		expect(gotoOffset(parseGoto('00:01:00')!, lateStart)).toBe(120_000);
	});

	it('refuses what is neither', () => {
		for (const text of ['', 'soon', '1x', '25:00', '04:61', 'm', '1m30']) expect(parseGoto(text)).toBeNull();
	});

	it('prints positions as m:ss and h:mm:ss', () => {
		expect(formatOffset(0)).toBe('0:00');
		expect(formatOffset(94_809)).toBe('1:34');
		expect(formatOffset(3_723_000)).toBe('1:02:03');
	});
});
