// The words of a recording in progress: the --no-ui progress line, the TUI
// header's "REC 1m05s · 1234 entries · 3 logs", the line printed when it ends, and the
// warning that the logs it captures can hold secrets.

import type {RecordProgress} from '../sources/source-info.js';

/** "12s", "1m05s", "2h03m": a recording's length, to the second. */
export function elapsedText(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

function count(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** The container logs captured so far, when logs are captured: "3 logs", "3 logs (1 unreadable)". */
export function logsText(progress: RecordProgress): string | null {
	if (!progress.logs) return null;
	const {read, unreadable} = progress.logs;
	return `${count(read + unreadable, 'log', 'logs')}${unreadable > 0 ? ` (${unreadable} unreadable)` : ''}`;
}

/** One stderr line for `record --no-ui`: "recording: 1234 entries, 14 pods, 3 logs, 1m05s" (+ ", reconnecting" when not connected). */
export function progressLine(progress: RecordProgress): string {
	const state = progress.state && progress.state !== 'connected' ? `, ${progress.state}` : '';
	const logs = logsText(progress);
	return `recording: ${count(progress.entries, 'entry', 'entries')}, ${count(progress.pods, 'pod', 'pods')}, ${logs ? `${logs}, ` : ''}${elapsedText(progress.elapsedMs)}${state}`;
}

/** The TUI header's source while recording: "REC 1m05s · 1234 entries · 3 logs → boot.ndjson". */
export function recordingText(progress: RecordProgress, file: string): string {
	const logs = logsText(progress);
	return `REC ${elapsedText(progress.elapsedMs)} · ${count(progress.entries, 'entry', 'entries')}${logs ? ` · ${logs}` : ''} → ${file}`;
}

/** The last line of a recording: "recorded 1234 entries (14 pods, 3 logs, 1m05s) to boot.ndjson". */
export function recordedLine(progress: RecordProgress, file: string): string {
	const logs = logsText(progress);
	return `recorded ${count(progress.entries, 'entry', 'entries')} (${count(progress.pods, 'pod', 'pods')}, ${logs ? `${logs}, ` : ''}${elapsedText(progress.elapsedMs)}) to ${file}`;
}

/** What the recording screen says under its header while logs are captured (one line, 80 columns). */
export const LOGS_SECRETS_LINE = "recording ended containers' logs: they can hold secrets (--logs none)";
