// The log a recording captured of one run, as the detail shows it beside the run's end (the
// Containers section's state and last state, the Timeline's end rows): its last lines, printable,
// each behind a bar so it reads as the container's words, not podlife's. A run without a captured
// log says "no log captured" only in a session that captures logs (its header's `logs`): in an older
// recording, or live, every end would say so and tell nothing.

import {printableLogText} from '../../model/log-text.js';
import type {CapturedLog} from '../../model/captured-log.js';
import {field, span, type Line, type Span} from './lines.js';

/** The logs the session captured of a pod, and whether it captures them at all (for the views' inputs). */
export interface RunLogs {
	captured: readonly CapturedLog[];
	capturesLogs: boolean;
}

export const NO_RUN_LOGS: RunLogs = {captured: [], capturesLogs: false};

export interface LogRowsOptions {
	/** Show at most this many of the last lines (null: all). */
	limit: number | null;
	/** The session captures the logs of containers that end: say so when this run's is missing. */
	capturesLogs: boolean;
}

/** Lines shown beside an end in the lists (the Timeline, the Containers list); a container opened shows all. */
export const LOG_LINES_SHOWN = 3;

const BAR = '│ ';

/** The rows that show `log` (or its absence), oldest line first; none when there is nothing to say. */
export function capturedLogRows(log: CapturedLog | null, {limit, capturesLogs}: LogRowsOptions): Span[][] {
	if (log === null) return capturesLogs ? [[span('no log captured', 'dim')]] : [];
	if (log.error !== null) return [[span(`log not captured: ${printableLogText(log.error)}`, 'dim')]];
	const lines = log.lines.map(printableLogText);
	// Blank lines at the end (a final newline, a flush) say nothing.
	let end = lines.length;
	while (end > 0 && lines[end - 1]!.trim() === '') end--;
	if (end === 0) return [[span(log.truncated ? 'the captured lines are blank' : 'the log was empty', 'dim')]];
	const start = limit === null ? 0 : Math.max(0, end - limit);
	const rows: Span[][] = [];
	if (start > 0 || log.truncated) {
		const earlier = start > 0 ? `${start} earlier line${start === 1 ? '' : 's'}` : '';
		const older = log.truncated ? `${earlier ? '; older ones' : 'older lines'} not captured` : '';
		rows.push([span(BAR, 'dim'), span(`… ${earlier}${older}`, 'dim')]);
	}
	for (let index = start; index < end; index++) rows.push([span(BAR, 'dim'), span(lines[index]!)]);
	return rows;
}

/** `rows` under a label: the first beside it, the rest under the first (none: no line). */
export function labelledRows(label: string, rows: readonly Span[][], labelWidth: number, indent: number): Line[] {
	return rows.map((row, index) => (index === 0 ? field(label, row, labelWidth, indent) : [span(' '.repeat(indent + labelWidth)), ...row]));
}
