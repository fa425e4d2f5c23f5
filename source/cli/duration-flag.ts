// Durations on the command line (`--at 1m30s`, `--watch-for 60s`, `--duration 5m`):
// the Go duration syntax kubectl users know, whole units only, plus a bare number of seconds.

import {UsageError} from '../errors.js';

const UNIT_MS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000};

/** Milliseconds for "90s", "1m30s", "2h", "500ms", "1.5s" or "45" (seconds). */
export function parseDuration(value: string, flag: string): number {
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
	let total = 0;
	let consumed = 0;
	for (const match of text.matchAll(part)) {
		total += Number(match[1]) * UNIT_MS[match[2]!]!;
		consumed += match[0].length;
	}
	if (text.length === 0 || consumed !== text.length) {
		throw new UsageError(`${flag}: "${value}" is not a duration; use e.g. 90s, 1m30s, 2h or 500ms`);
	}
	return Math.round(total);
}

/** `--at`: a duration from the session start, or "end". */
export function parseAt(value: string): number | 'end' {
	if (value.trim().toLowerCase() === 'end') return 'end';
	return parseDuration(value, '--at');
}
