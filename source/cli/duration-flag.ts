// Durations on the command line (`--watch-for 60s`, `--duration 5m`): the Go duration
// syntax kubectl users know, plus a bare number of seconds; and `--at`, a time in a session.

import {UsageError} from '../errors.js';
import {atBase, parseTime, resolveTime, type SessionSpan, type TypedTime} from '../view/goto-time.js';

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

/** `--at` as typed and what it means (the same grammar as the TUI's `:` prompt, view/goto-time.ts). */
export type AtFlag = TypedTime;

/** `--at`: an offset (1:30, 90s), a clock time (@04:21:10, 04:21:10Z, RFC 3339), start, end, or ±D. */
export function parseAt(value: string): AtFlag {
	return parseTimeFlag(value, '--at');
}

/** A time in a session given to `flag` (--at, --since, --until): the grammar of --at. */
export function parseTimeFlag(value: string, flag: string): AtFlag {
	const target = parseTime(value);
	if (!target) {
		throw new UsageError(
			`${flag}: "${value}" is not a time; use an offset (1:30, 90s), a clock time (@04:21:10, 04:21:10Z, 2026-11-25T04:21:10Z), end, or ${flag}=-30s for 30 s before the end`,
		);
	}
	return {target, text: value};
}

/** The offset `--at` means in a session that ends at endMs, or a usage error that names the session's span. */
export function resolveAt(at: AtFlag, span: SessionSpan): number {
	const resolved = resolveTime(at.target, at.text, span, atBase(at.target, span.endMs));
	if (!resolved.ok) throw new UsageError(`--at: ${resolved.problem}`);
	return resolved.ms;
}

const TIME_FLAGS = new Set(['--at', '--since', '--until']);

/**
 * `--at -30s` reads as flags to the parser (-3, -0, -s): a value of --at (or --since, --until)
 * that starts with "-" is joined to it (`--at=-30s`) before parsing, as the user meant.
 */
export function joinNegativeAt(argv: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const next = argv[i + 1];
		if (TIME_FLAGS.has(argv[i]!) && next !== undefined && /^-\d/.test(next)) {
			out.push(`${argv[i]}=${next}`);
			i++;
		} else {
			out.push(argv[i]!);
		}
	}
	return out;
}
