// The words of a recording in progress: the --no-ui progress line, the TUI
// header's "REC 1m05s · 1234 entries" and the line printed when it ends.

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

/** One stderr line for `record --no-ui`: "recording: 1234 entries, 14 pods, 1m05s" (+ ", reconnecting" when not connected). */
export function progressLine(progress: RecordProgress): string {
	const state = progress.state && progress.state !== 'connected' ? `, ${progress.state}` : '';
	return `recording: ${count(progress.entries, 'entry', 'entries')}, ${count(progress.pods, 'pod', 'pods')}, ${elapsedText(progress.elapsedMs)}${state}`;
}

/** The TUI header's source while recording: "REC 1m05s · 1234 entries → boot.ndjson". */
export function recordingText(progress: RecordProgress, file: string): string {
	return `REC ${elapsedText(progress.elapsedMs)} · ${count(progress.entries, 'entry', 'entries')} → ${file}`;
}

/** The last line of a recording: "recorded 1234 entries (14 pods, 1m05s) to boot.ndjson". */
export function recordedLine(progress: RecordProgress, file: string): string {
	return `recorded ${count(progress.entries, 'entry', 'entries')} (${count(progress.pods, 'pod', 'pods')}, ${elapsedText(progress.elapsedMs)}) to ${file}`;
}
