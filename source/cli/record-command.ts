// `podlife record FILE`: a tee of the live source into a session file, with the
// live TUI on screen (its header says how long and how many entries), or
// (--no-ui) a progress line on stderr. Both end with one line saying what was recorded.

import {PodStore} from '../model/store/pod-store.js';
import {compatForServerVersion, type StatusCompat} from '../model/compat.js';
import type {LiveOptions} from '../sources/live/live-source.js';
import type {SourceInfo, RecordProgress} from '../sources/source-info.js';
import {progressLine, recordedLine} from '../view/recording-text.js';

export interface RecordCommandOptions {
	file: string;
	cluster: LiveOptions;
	durationMs?: number;
	redact: boolean;
	/** --force: replace an existing file. */
	overwrite: boolean;
	ui: boolean;
	compat?: StatusCompat;
	noColor: boolean;
	warn: (text: string) => void;
}

export async function runRecord(options: RecordCommandOptions): Promise<void> {
	const {record} = await import('../record/recorder.js');
	const common = {...options.cluster, file: options.file, redact: options.redact, overwrite: options.overwrite, durationMs: options.durationMs, onWarning: options.warn};
	if (!options.ui) {
		const isTty = Boolean(process.stderr.isTTY);
		const final = await record({
			...common,
			onProgress: progress => {
				// On a terminal the line rewrites itself; in a log file each update is a line.
				if (isTty) process.stderr.write(`\r\u001B[2K${progressLine(progress)}`);
				else process.stderr.write(`${progressLine(progress)}\n`);
			},
		}).finally(() => {
			// The progress line gives way to the summary (or the error) below.
			if (isTty) process.stderr.write('\r\u001B[2K');
		});
		process.stderr.write(`podlife: ${recordedLine(final, options.file)}\n`);
		return;
	}

	const store = new PodStore({compat: options.compat ?? compatForServerVersion(null)});
	const stop = new AbortController();
	const {runApp} = await import('../ui/run-app.js');
	let appDone: Promise<void> | null = null;
	let info: SourceInfo | null = null;
	let synced = false;
	// The screen opens once the pods are listed and the file is open (either may come first).
	const startApp = () => {
		if (appDone || !info || !synced) return;
		appDone = runApp({store, clock: {now: () => Date.now()}, info, noColor: options.noColor, stop: stop.signal}).finally(() => stop.abort());
	};
	let final: RecordProgress;
	try {
		final = await record({
			...common,
			signal: stop.signal,
			onStarted: started => {
				// Columns follow the cluster's printer unless --status-compat says otherwise, as bare podlife.
				if (!options.compat) store.setCompat(compatForServerVersion(started.info.serverVersion));
				info = {...started.info, recording: {file: options.file, progress: started.progress}};
				startApp();
			},
			onEntry: (entry, atMs) => {
				store.apply(entry, atMs);
				if (entry.type === 'SYNCED' && entry.resource === 'pods') {
					synced = true;
					startApp();
				}
			},
		});
	} finally {
		// --duration ended (or the recording failed): close the app too.
		stop.abort();
		if (appDone) await appDone;
	}
	process.stderr.write(`podlife: ${recordedLine(final, options.file)}\n`);
}
