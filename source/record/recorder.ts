// `podlife record`: a tee on the live source's entries into a session file.
// The header comes from the live source (t = 0 is when the source started);
// the writer flushes every line, so a recording killed at any moment is a valid
// session up to its last whole line. Pods are watched as server-side Tables so
// every pod entry keeps the server's own printed cells as `row`.

import type {ConnectionState, SessionEntry} from '../session/format.js';
import {isWatchEntry} from '../session/format.js';
import {SessionWriter} from '../session/writer.js';
import type {ConnectionStatus} from '../sources/types.js';
import {startLiveSource, type LiveOptions, type LiveTuning} from '../sources/live/live-source.js';
import {runUntil} from '../sources/live/run-until.js';

export interface RecordProgress {
	entries: number;
	pods: number;
	elapsedMs: number;
	/** The connection state, when known. */
	state?: ConnectionState;
}

export interface RecordOptions extends LiveOptions, LiveTuning {
	file: string;
	redact: boolean;
	/** Stop after this long; otherwise at `signal` (or Ctrl-C when no signal is given). */
	durationMs?: number;
	signal?: AbortSignal;
	onProgress?: (progress: RecordProgress) => void;
	/** How often onProgress is called (default 1 s); it is called once more at the end. */
	progressEveryMs?: number;
	/** Every entry as it is recorded (e.g. to show the TUI while recording). */
	onEntry?: (entry: SessionEntry, atMs: number) => void;
	onStatus?: (status: ConnectionStatus) => void;
	onWarning?: (message: string) => void;
	clock?: () => number;
}

function podKey(entry: SessionEntry): string | null {
	if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') return null;
	const meta = entry.object.metadata ?? {};
	return `${meta.namespace ?? ''}/${meta.name ?? ''}`;
}

export async function record(options: RecordOptions): Promise<void> {
	const clock = options.clock ?? Date.now;
	const pods = new Set<string>();
	let entries = 0;
	let state: ConnectionState | undefined;
	let writer: SessionWriter | null = null;
	// Entries that arrive while the file is being opened.
	const pending: SessionEntry[] = [];
	let writeError: unknown = null;
	let until: ReturnType<typeof runUntil> | null = null;

	function writeEntry(entry: SessionEntry): void {
		if (writeError) return;
		try {
			writer!.write(entry);
			entries++;
		} catch (error) {
			// Disk full or the like: stop now rather than record into the void.
			writeError = error;
			until?.cancel();
		}
	}

	const source = await startLiveSource({
		...options,
		withTable: options.withTable ?? true,
		clock,
		signal: undefined,
		onEntry: (entry, atMs) => {
			const key = podKey(entry);
			if (key) {
				if (entry.type === 'DELETED') pods.delete(key);
				else pods.add(key);
			}
			if (entry.type === 'STATUS') state = entry.state;
			options.onEntry?.(entry, atMs);
			if (writer) writeEntry(entry);
			else pending.push(entry);
		},
	});

	const progress = (): RecordProgress => ({entries, pods: pods.size, elapsedMs: Math.max(0, clock() - source.startedAt), ...(state ? {state} : {})});
	let ticker: NodeJS.Timeout | undefined;
	try {
		writer = SessionWriter.open(options.file, source.header(), {redact: options.redact});
		for (const entry of pending.splice(0)) writeEntry(entry);
		if (options.onProgress) ticker = setInterval(() => options.onProgress!(progress()), options.progressEveryMs ?? 1000);
		until = runUntil({durationMs: options.durationMs, signal: options.signal});
		if (writeError) until.cancel();
		// A fatal start (RBAC forbids listing pods) ends the recording with its message.
		const running = until;
		await Promise.race([running.done, source.synced.then(() => running.done)]);
		running.cancel();
	} finally {
		clearInterval(ticker);
		await source.stop();
		writer?.close();
	}
	if (writeError) throw writeError;
	await source.synced;
	options.onProgress?.(progress());
}

function elapsedText(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** One stderr line for `record --no-ui`: "recording: 1234 entries, 14 pods, 1m05s (connected)". */
export function progressLine(progress: RecordProgress): string {
	const state = progress.state && progress.state !== 'connected' ? `, ${progress.state}` : '';
	return `recording: ${progress.entries} ${progress.entries === 1 ? 'entry' : 'entries'}, ${progress.pods} ${progress.pods === 1 ? 'pod' : 'pods'}, ${elapsedText(progress.elapsedMs)}${state}`;
}
