// `podlife record`: a tee on the live source's entries into a session file.
// The header comes from the live connection (t = 0 is when the source started),
// and the file is opened before the source starts, so every entry goes straight
// to it; the writer flushes every line (gzip too, for a .gz name), so a recording
// killed at any moment is a valid session up to its last whole line. Pods are
// watched as server-side Tables so every pod entry keeps the server's own
// printed cells as `row`. An existing file is refused before the cluster is
// contacted, unless `overwrite`. With `store`, the entries also go to a live
// store (sources/live/live-store.ts), for the TUI to show while recording.
// Unless told not to (`logs: 'none'`), it also captures the last lines of every container run
// that ends while it records (record/log-capture.ts): LOG entries written as their answers come,
// beside the watch entries, which never wait for them.

import {existsSync} from 'node:fs';
import type {Pod} from '../kube/objects.js';
import type {ConnectionStatus} from '../model/connection-status.js';
import {EndedRuns} from '../model/ended-runs.js';
import {podKeyOf} from '../model/pod-key.js';
import type {PodStore} from '../model/store/pod-store.js';
import {isWatchEntry, type ConnectionState, type SessionEntry} from '../session/format.js';
import {existsError, SessionWriter} from '../session/writer.js';
import {connectLive, type LiveOptions, type LiveSource, type LiveTuning} from '../sources/live/live-source.js';
import {openLiveStore, type LiveStoreOptions} from '../sources/live/live-store.js';
import {runUntil} from '../sources/live/run-until.js';
import type {RecordProgress, SourceInfo} from '../sources/source-info.js';
import type {LogProvider} from '../sources/log-feed.js';
import {LogCapture} from './log-capture.js';

export type {RecordProgress};

/** Which container logs a recording captures (the header's `logs`): the runs that end, or none. */
export type LogsMode = 'crashes' | 'none';

/** How long a stopping recording waits for the logs still being read. */
const LOGS_STOP_GRACE_MS = 2000;

export interface RecordOptions extends LiveOptions, LiveTuning {
	file: string;
	redact: boolean;
	/** Replace `file` if it exists (`--force`); otherwise an existing file is an error. */
	overwrite?: boolean;
	/** Container logs to capture (default `crashes`). */
	logs?: LogsMode;
	/** Log requests in flight at once (default log-capture.ts LOGS_IN_FLIGHT). */
	logsInFlight?: number;
	/** Stop after this long; otherwise at `signal` (or Ctrl-C when no signal is given). */
	durationMs?: number;
	signal?: AbortSignal;
	onProgress?: (progress: RecordProgress) => void;
	/** How often onProgress is called while recording (default 1 s); the end's progress is what record() resolves with. */
	progressEveryMs?: number;
	/** Also into a live store (to show the TUI while recording): its status compat, if chosen. */
	store?: Pick<LiveStoreOptions, 'compat'>;
	/** Once the file is open and the source started: what is recorded, how far along it is at any moment, the store. */
	onStarted?: (started: RecordStarted) => void;
	/** Every entry as it is recorded. */
	onEntry?: (entry: SessionEntry, atMs: number) => void;
	onStatus?: (status: ConnectionStatus) => void;
	onWarning?: (message: string) => void;
	clock?: () => number;
}

export interface RecordStarted {
	info: SourceInfo;
	progress: () => RecordProgress;
	/** With `store`: the store the entries go to, and when it holds the initial lists. */
	store: PodStore | null;
	synced: Promise<void>;
	/** The cluster's container logs, for the screen's log view. */
	logs: LogProvider;
}

function startedAlone(source: LiveSource): {source: LiveSource; store: null; stop(): Promise<void>} {
	return {source, store: null, stop: () => source.stop()};
}

function podKeyOfEntry(entry: SessionEntry): string | null {
	return isWatchEntry(entry) && entry.object.kind === 'Pod' ? podKeyOf(entry.object.metadata) : null;
}

/** Records until the duration, the signal or Ctrl-C; resolves with the final progress. */
export async function record(options: RecordOptions): Promise<RecordProgress> {
	// Before the cluster is contacted: a user who typed an existing name learns at once.
	if (!options.overwrite && existsSync(options.file)) throw existsError(options.file);
	const clock = options.clock ?? Date.now;
	const logsMode = options.logs ?? 'crashes';
	// Redacted (the default), a recording drops managedFields: the source need not parse them.
	const connection = await connectLive({...options, withTable: options.withTable ?? true, keepManagedFields: options.redact === false, clock});
	const writer = SessionWriter.open(options.file, {...connection.header(), logs: logsMode}, {redact: options.redact, overwrite: options.overwrite});
	const pods = new Set<string>();
	let entries = 0;
	let lastT = 0;
	const logCount = {read: 0, unreadable: 0};
	let state: ConnectionState | undefined;
	let writeError: unknown = null;
	let until: ReturnType<typeof runUntil> | null = null;

	function write(entry: SessionEntry, atMs: number): void {
		options.onEntry?.(entry, atMs);
		if (writeError) return;
		try {
			writer.write(entry);
			lastT = entry.t;
			entries++;
		} catch (error) {
			// Disk full or the like: stop now rather than record into the void.
			writeError = error;
			until?.cancel();
		}
	}

	const runs = new EndedRuns();
	const capture =
		logsMode === 'crashes'
			? new LogCapture({
					read: (target, query, signal) => connection.logs.read(target, query, signal),
					placeOf: run => runs.placeOf(run),
					maxInFlight: options.logsInFlight,
					onLog: log => {
						if (log.error) logCount.unreadable++;
						else logCount.read++;
						// When its answer came, after every entry written before.
						const t = Math.max(lastT, Math.round(clock() - connection.startedAt));
						write({t, ...log}, connection.startedAt + t);
					},
				})
			: null;

	function tee(entry: SessionEntry, atMs: number): void {
		const key = podKeyOfEntry(entry);
		if (key) {
			if (entry.type === 'DELETED') pods.delete(key);
			else pods.add(key);
			if (capture && isWatchEntry(entry)) {
				if (entry.type === 'DELETED') runs.delete(entry.object as Pod);
				else for (const run of runs.update(entry.object as Pod)) capture.add(run);
			}
		}
		if (entry.type === 'STATUS') state = entry.state;
		// A log written in the same millisecond may have taken this t already.
		write(entry.t < lastT ? {...entry, t: lastT} : entry, atMs);
	}

	const handlers = {onStatus: options.onStatus, onWarning: options.onWarning};
	const live: {source: LiveSource; store: PodStore | null; stop(): Promise<void>} = options.store
		? openLiveStore(connection, {...handlers, compat: options.store.compat, tee})
		: startedAlone(connection.start({...handlers, onEntry: tee}));
	const {source, store} = live;
	const progress = (): RecordProgress => ({
		entries,
		pods: pods.size,
		elapsedMs: Math.max(0, clock() - source.startedAt),
		...(capture ? {logs: {...logCount}} : {}),
		...(state ? {state} : {}),
	});
	let ticker: NodeJS.Timeout | undefined;
	/** The connection as it was when the recording was asked to stop: the stop itself disconnects. */
	let stateAtStop: ConnectionState | undefined;
	try {
		options.onStarted?.({info: source.info, progress, store, synced: source.synced, logs: source.logs});
		if (options.onProgress) ticker = setInterval(() => options.onProgress!(progress()), options.progressEveryMs ?? 1000);
		until = runUntil({durationMs: options.durationMs, signal: options.signal});
		if (writeError) until.cancel();
		// A fatal start (RBAC forbids listing pods) ends the recording with its message.
		const running = until;
		await Promise.race([running.done, source.synced.then(() => running.done)]);
		running.cancel();
	} finally {
		clearInterval(ticker);
		// The logs being read get a moment to arrive; the watches go on meanwhile, so the file still ends with the stop.
		const abandoned = capture ? await capture.finish(LOGS_STOP_GRACE_MS) : 0;
		if (abandoned > 0)
			options.onWarning?.(`${abandoned} container log${abandoned === 1 ? ' was' : 's were'} still being read when the recording stopped; not in the file`);
		stateAtStop = state;
		await live.stop();
		writer.close();
	}
	if (writeError) throw writeError;
	await source.synced;
	// The file ends with the stop's "disconnected" entry; a normal stop is not a lost connection.
	const {state: _stopped, ...counts} = progress();
	const final: RecordProgress = stateAtStop ? {...counts, state: stateAtStop} : counts;
	return final;
}
