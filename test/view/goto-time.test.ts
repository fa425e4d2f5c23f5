import {describe, expect, it} from 'vitest';
import {formatOffset, parseTime, positionText, resolveTime, spanText, type SessionSpan} from '../../source/view/goto-time.js';

/** crashloop.ndjson: recordedAt 04:17:04.435 UTC, last entry at t = 94.809 s. */
const span: SessionSpan = {recordedAtMs: Date.parse('2026-11-25T04:17:04.435Z'), endMs: 94_809};

function resolve(text: string, fromMs = 0) {
	const target = parseTime(text);
	if (!target) throw new Error(`${text} does not parse`);
	return resolveTime(target, text, span, fromMs);
}

describe('one grammar for --at and the : prompt', () => {
	it('reads m:ss and h:mm:ss as offsets into the session, as the scrubber shows them', () => {
		expect(parseTime('0:20')).toEqual({kind: 'offset', ms: 20_000});
		expect(parseTime('1:00')).toEqual({kind: 'offset', ms: 60_000});
		expect(parseTime('1:02:03')).toEqual({kind: 'offset', ms: 3_723_000});
		expect(parseTime('75:00')).toEqual({kind: 'offset', ms: 4_500_000});
	});

	it('reads durations as offsets: 90s, 1m30s, 2m, 1h2m3s, 500ms or plain seconds', () => {
		expect(parseTime('90s')).toEqual({kind: 'offset', ms: 90_000});
		expect(parseTime('1m30s')).toEqual({kind: 'offset', ms: 90_000});
		expect(parseTime(' 2m ')).toEqual({kind: 'offset', ms: 120_000});
		expect(parseTime('1h2m3s')).toEqual({kind: 'offset', ms: 3_723_000});
		expect(parseTime('500ms')).toEqual({kind: 'offset', ms: 500});
		expect(parseTime('45')).toEqual({kind: 'offset', ms: 45_000});
		expect(parseTime('1.5s')).toEqual({kind: 'offset', ms: 1_500});
	});

	it('reads a clock time only when it is marked as one: @, Z, or a date', () => {
		const at = (4 * 3600 + 21 * 60 + 10) * 1000;
		expect(parseTime('@04:21:10')).toEqual({kind: 'clock', ms: at});
		expect(parseTime('04:21:10Z')).toEqual({kind: 'clock', ms: at});
		expect(parseTime('@04:21')).toEqual({kind: 'clock', ms: at - 10_000});
		expect(parseTime('2026-11-25T04:21:10Z')).toEqual({kind: 'instant', epochMs: Date.parse('2026-11-25T04:21:10Z')});
		expect(parseTime('2026-11-25T05:21:10.5+01:00')).toEqual({kind: 'instant', epochMs: Date.parse('2026-11-25T04:21:10.500Z')});
		expect(parseTime('2026-11-25 04:21')).toEqual({kind: 'instant', epochMs: Date.parse('2026-11-25T04:21:00Z')});
	});

	it('reads +D and -D as relative jumps, start and end as the ends', () => {
		expect(parseTime('+10s')).toEqual({kind: 'relative', ms: 10_000});
		expect(parseTime('-1m')).toEqual({kind: 'relative', ms: -60_000});
		expect(parseTime('-0:30')).toEqual({kind: 'relative', ms: -30_000});
		expect(parseTime('end')).toEqual({kind: 'end'});
		expect(parseTime('START')).toEqual({kind: 'start'});
	});

	it('refuses what is none of them', () => {
		for (const text of ['', 'soon', '1x', '0:60', '1:60:00', '@25:00', '@04:61', 'm', '1m30', '+', '@', '2026-13-45T04:00:00Z'])
			expect(parseTime(text)).toBeNull();
	});
});

describe('a time checked against the session', () => {
	it('turns offsets, clock times and relative jumps into the session offset', () => {
		expect(resolve('0:20')).toEqual({ok: true, ms: 20_000});
		expect(resolve('@04:17:34')).toEqual({ok: true, ms: 29_565});
		expect(resolve('04:17:34Z')).toEqual({ok: true, ms: 29_565});
		expect(resolve('2026-11-25T04:17:34.435Z')).toEqual({ok: true, ms: 30_000});
		expect(resolve('+10s', 60_000)).toEqual({ok: true, ms: 70_000});
		expect(resolve('-1m', 70_000)).toEqual({ok: true, ms: 10_000});
		expect(resolve('end')).toEqual({ok: true, ms: 94_809});
	});

	it('says a time before the start or after the end is outside, naming the span, never clamping it', () => {
		expect(resolve('@04:15:00')).toEqual({
			ok: false,
			problem: '@04:15:00 is before the session starts at 04:17:04 UTC; it spans 0:00–1:35 (04:17:04–04:18:39 UTC)',
		});
		expect(resolve('99m')).toEqual({ok: false, problem: '99m is after the session ends at 1:35; it spans 0:00–1:35 (04:17:04–04:18:39 UTC)'});
		expect(resolve('-1m', 20_000)).toEqual({
			ok: false,
			problem: '-1m is before the session starts at 04:17:04 UTC; it spans 0:00–1:35 (04:17:04–04:18:39 UTC)',
		});
	});

	it('takes the ends to the second the screen shows them, and clamps those to the exact span', () => {
		expect(resolve('1:35')).toEqual({ok: true, ms: 94_809});
		expect(resolve('1:36').ok).toBe(false);
		expect(resolve('@04:17:04')).toEqual({ok: true, ms: 0});
		expect(resolve('@04:17:03').ok).toBe(false);
	});

	it('says a time past what is loaded is not loaded yet while the session loads', () => {
		const target = parseTime('1:00')!;
		expect(resolveTime(target, '1:00', {...span, endMs: 30_000, loading: true}, 0)).toEqual({
			ok: false,
			problem: '1:00 is not loaded yet: the session is loaded up to 0:30 (04:17:34 UTC) so far',
		});
	});

	it('takes a time of day after midnight on the next day for a session that crosses it', () => {
		const late: SessionSpan = {recordedAtMs: Date.parse('2026-11-25T23:59:00.000Z'), endMs: 300_000};
		expect(resolveTime(parseTime('@00:01:00')!, '@00:01:00', late, 0)).toEqual({ok: true, ms: 120_000});
		expect(resolveTime(parseTime('@23:59:30')!, '@23:59:30', late, 0)).toEqual({ok: true, ms: 30_000});
	});
});

describe('positions', () => {
	it('tick with the clock: the offset is the whole seconds since the session start second', () => {
		// 04:17:04.435 + 0.6 s = 04:17:05.035: the clock says :05, so the position says 0:01.
		expect(positionText(600, span.recordedAtMs)).toBe('0:01');
		expect(positionText(500, span.recordedAtMs)).toBe('0:00');
		expect(positionText(94_809, span.recordedAtMs)).toBe('1:35');
		expect(spanText(span)).toBe('0:00–1:35 (04:17:04–04:18:39 UTC)');
	});

	it('prints durations as m:ss and h:mm:ss', () => {
		expect(formatOffset(0)).toBe('0:00');
		expect(formatOffset(94_809)).toBe('1:34');
		expect(formatOffset(3_723_000)).toBe('1:02:03');
	});
});
