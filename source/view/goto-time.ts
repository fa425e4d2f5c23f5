// Times in a replay: one grammar for `--at` and the `:` prompt, and how
// positions are shown.
//
// - An offset into the session, as the scrubber shows it: `1:30`, `1:02:03`
//   (m:ss, h:mm:ss), or a duration `90s`, `1m30s`, `500ms`, `45` (seconds).
// - A clock time of the recording (UTC, as recordedAt), marked as such so that
//   it is never taken for an offset: `@04:21:10`, `04:21:10Z`, `@04:21`, or a
//   full RFC 3339 time `2026-11-25T04:21:10Z`.
// - A relative jump `+10s`, `-1m`, `-0:30`: from the current position in the
//   TUI; for `--at` (which has none) `+D` counts from the start and `-D` back
//   from the end.
// - `start` and `end`.
//
// Positions are shown as the whole seconds the clock has moved since the
// session's first second, so that the offset and the clock beside it tick
// together (recordedAt rarely falls on a whole second): at 0:20 the clock
// shows the start's second + 20. A target is checked against the session at
// that same granularity: what the screen calls 1:34 can be typed as 1:34.

export type TimeTarget =
	| {kind: 'offset'; ms: number}
	/** A time of day (UTC), ms since midnight: taken on the day the session covers. */
	| {kind: 'clock'; ms: number}
	/** A full date and time. */
	| {kind: 'instant'; epochMs: number}
	/** Signed ms from a base: the current position (TUI), or the start / the end (--at). */
	| {kind: 'relative'; ms: number}
	| {kind: 'start'}
	| {kind: 'end'};

/** A time as the user typed it (messages quote `text`) and what it means. */
export interface TypedTime {
	target: TimeTarget;
	text: string;
}

const UNIT_MS: Record<string, number> = {h: 3_600_000, m: 60_000, s: 1_000, ms: 1};
const DAY_MS = 86_400_000;

/** "90s", "1m30s", "500ms", "45": ms, or null. */
function parseDurationText(text: string): number | null {
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	if (!/^(?:\d+(?:\.\d+)?(?:ms|h|m|s))+$/.test(text)) return null;
	let ms = 0;
	for (const [, value, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) ms += Number(value) * UNIT_MS[unit!]!;
	return Math.round(ms);
}

/** "1:30", "1:02:03", "0:05.5": ms, or null (seconds and minutes after an hour stay under 60). */
function parseColonOffset(text: string): number | null {
	const match = /^(?:(\d+):(\d{2}):|(\d+):)(\d{2}(?:\.\d+)?)$/.exec(text);
	if (!match) return null;
	const [, hours, hourMinutes, minutes, seconds] = match;
	const s = Number(seconds);
	const m = Number(hourMinutes ?? minutes);
	if (s >= 60 || (hours !== undefined && m >= 60)) return null;
	return Math.round(((Number(hours ?? 0) * 60 + m) * 60 + s) * 1000);
}

/** An offset in either form, or null. */
function parseOffset(text: string): number | null {
	return parseColonOffset(text) ?? parseDurationText(text);
}

/** "04:21", "04:21:10", "04:21:10.5": ms since midnight, or null. */
function parseTimeOfDay(text: string): number | null {
	const match = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(text);
	if (!match) return null;
	const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
	if (h > 23 || m > 59 || s >= 60) return null;
	return Math.round(((h * 60 + m) * 60 + s) * 1000);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[t ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(z|[+-]\d{2}:?\d{2})?$/;

/** What the user typed as a time, or null when it is none of the forms. */
export function parseTime(input: string): TimeTarget | null {
	const text = input.trim().toLowerCase();
	if (text === '') return null;
	if (text === 'start') return {kind: 'start'};
	if (text === 'end') return {kind: 'end'};
	if (text.startsWith('+') || text.startsWith('-')) {
		const ms = parseOffset(text.slice(1));
		return ms === null ? null : {kind: 'relative', ms: text.startsWith('-') ? -ms : ms};
	}
	const at = text.startsWith('@');
	const rest = at ? text.slice(1) : text;
	const dateTime = DATE_TIME.exec(rest);
	if (dateTime) {
		const [, date, time, zone] = dateTime;
		// Without a zone, UTC: every clock podlife shows is UTC.
		const epochMs = Date.parse(`${date}T${time!.length === 5 ? `${time}:00` : time}${zone === undefined || zone === 'z' ? 'Z' : zone}`);
		return Number.isFinite(epochMs) ? {kind: 'instant', epochMs} : null;
	}
	const zoned = rest.endsWith('z');
	if (at || zoned) {
		const ms = parseTimeOfDay(zoned ? rest.slice(0, -1) : rest);
		return ms === null ? null : {kind: 'clock', ms};
	}
	const ms = parseOffset(text);
	return ms === null ? null : {kind: 'offset', ms};
}

/** The session a target is checked against: t = 0 at recordedAt, the last loaded entry at endMs. */
export interface SessionSpan {
	recordedAtMs: number;
	endMs: number;
	/** Still loading: endMs is only how far loading has come. */
	loading?: boolean;
}

export type ResolvedTime = {ok: true; ms: number} | {ok: false; problem: string};

/** Whole seconds the clock has moved from the session's first second to `positionMs` (what positions show). */
export function offsetSeconds(positionMs: number, recordedAtMs: number): number {
	return Math.floor((recordedAtMs + positionMs) / 1000) - Math.floor(recordedAtMs / 1000);
}

/** A session position as the header and the scrubber show it: "1:05", ticking with the clock. */
export function positionText(positionMs: number, recordedAtMs: number): string {
	return formatOffset(offsetSeconds(positionMs, recordedAtMs) * 1000);
}

/** "0:00–1:34 (04:20:57–04:22:31 UTC)": the whole session, as offsets and as clock times. */
export function spanText(span: SessionSpan): string {
	const {recordedAtMs, endMs} = span;
	return `0:00–${positionText(endMs, recordedAtMs)} (${formatClock(recordedAtMs)}–${formatClock(recordedAtMs + endMs)} UTC)`;
}

/** A time of day as an offset: on the recording's day, or the day next to it within 12 hours of the start (a session can cross midnight). */
function clockOffset(timeOfDayMs: number, recordedAtMs: number): number {
	const offset = Math.floor(recordedAtMs / DAY_MS) * DAY_MS + timeOfDayMs - recordedAtMs;
	if (offset < -DAY_MS / 2) return offset + DAY_MS;
	if (offset >= DAY_MS / 2) return offset - DAY_MS;
	return offset;
}

/** The offset (ms since recordedAt, not yet checked against the session) a target means; `fromMs` is the base of a relative one. */
export function targetOffset(target: Exclude<TimeTarget, {kind: 'end'}>, recordedAtMs: number, fromMs: number): number {
	switch (target.kind) {
		case 'start':
			return 0;
		case 'offset':
			return target.ms;
		case 'relative':
			return fromMs + target.ms;
		case 'clock':
			return clockOffset(target.ms, recordedAtMs);
		case 'instant':
			return target.epochMs - recordedAtMs;
	}
}

/** `--at` has no current position: a relative `+D` counts from the start and `-D` back from the end. */
export function atBase(target: TimeTarget, endMs: number): number {
	return target.kind === 'relative' && target.ms < 0 ? endMs : 0;
}

/** Before the session's first second: the problem to report, else null (needs only where the session starts). */
export function beforeStart(ms: number, text: string, span: SessionSpan): string | null {
	if (offsetSeconds(ms, span.recordedAtMs) >= 0) return null;
	return `${text.trim()} is before the session starts at ${formatClock(span.recordedAtMs)} UTC; it spans ${spanText(span)}`;
}

/**
 * `ms` checked against the session: inside it to the second shown, clamped to the exact span (0:00
 * can be typed for a session that starts at .705), else an error that names the session's span,
 * never a silent clamp. `text` is what the user typed (messages quote it).
 */
export function checkInSpan(ms: number, target: TimeTarget, text: string, span: SessionSpan): ResolvedTime {
	const {recordedAtMs, endMs} = span;
	const typed = text.trim();
	const early = beforeStart(ms, typed, span);
	if (early !== null) return {ok: false, problem: early};
	if (offsetSeconds(ms, recordedAtMs) > offsetSeconds(endMs, recordedAtMs)) {
		if (span.loading) {
			return {
				ok: false,
				problem: `${typed} is not loaded yet: the session is loaded up to ${positionText(endMs, recordedAtMs)} (${formatClock(recordedAtMs + endMs)} UTC) so far`,
			};
		}
		const end = positionText(endMs, recordedAtMs);
		// A clock time typed without its mark: the way to write it comes first, within an 80-column prompt.
		if (looksLikeClock(target, typed, span))
			return {ok: false, problem: `${typed} is after the end (${end}); for the clock time type @${typed}; it spans ${spanText(span)}`};
		return {ok: false, problem: `${typed} is after the session ends at ${end}; it spans ${spanText(span)}`};
	}
	return {ok: true, ms: Math.max(0, Math.min(endMs, ms))};
}

/** The session offset `target` means, checked against the session; `fromMs` is the base of a relative jump. */
export function resolveTime(target: TimeTarget, text: string, span: SessionSpan, fromMs: number): ResolvedTime {
	if (target.kind === 'end') return {ok: true, ms: span.endMs};
	return checkInSpan(targetOffset(target, span.recordedAtMs, fromMs), target, text, span);
}

/** "04:21:10" read as an offset that is a clock time inside the session. */
function looksLikeClock(target: TimeTarget, typed: string, span: SessionSpan): boolean {
	if (target.kind !== 'offset' || !/^\d{1,2}:\d{2}(:\d{2})?$/.test(typed)) return false;
	const asClock = parseTimeOfDay(typed);
	if (asClock === null) return false;
	const seconds = offsetSeconds(clockOffset(asClock, span.recordedAtMs), span.recordedAtMs);
	return seconds >= 0 && seconds <= offsetSeconds(span.endMs, span.recordedAtMs);
}

/** Examples of every form, drawn from this session: its middle as an offset and as a clock time. */
export function timeExamples(span: SessionSpan): {offset: string; clock: string} {
	const middle = Math.floor(span.endMs / 2);
	return {offset: positionText(middle, span.recordedAtMs), clock: `@${formatClock(span.recordedAtMs + middle)}`};
}

/** "1:05" style duration (floored to the second): m:ss, or h:mm:ss from an hour. */
export function formatOffset(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
	return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "04:18:30" (UTC) for an epoch-ms time. */
export function formatClock(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(11, 19);
}
