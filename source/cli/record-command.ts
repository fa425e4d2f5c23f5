// `podlife record FILE`: a tee of the live source into a session file, with the
// live TUI on screen (its header says how long and how many entries), or
// (--no-ui) a progress line on stderr. Both end with one line saying what was recorded.
// Both say first, while logs are captured, that logs can hold secrets.

import type {StatusCompat} from '../model/compat.js';
import type {LiveOptions} from '../sources/live/live-source.js';
import type {RecordProgress} from '../sources/source-info.js';
import {LOGS_SECRETS_LINE, progressLine, recordedLine} from '../view/recording-text.js';
import type {StartView} from '../ui/run-app.js';

export interface RecordCommandOptions {
	file: string;
	cluster: LiveOptions;
	durationMs?: number;
	redact: boolean;
	/** --force: replace an existing file. */
	overwrite: boolean;
	/** Container logs to capture: those of the containers that end, or none. */
	logs: 'crashes' | 'none';
	ui: boolean;
	compat?: StatusCompat;
	noColor: boolean;
	/** --view: the TUI starts in the Lanes view. */
	view?: StartView;
	warn: (text: string) => void;
}

export async function runRecord(options: RecordCommandOptions): Promise<void> {
	const {record} = await import('../record/recorder.js');
	const common = {
		...options.cluster,
		file: options.file,
		redact: options.redact,
		overwrite: options.overwrite,
		logs: options.logs,
		durationMs: options.durationMs,
		onWarning: options.warn,
	};
	if (!options.ui) {
		const isTty = Boolean(process.stderr.isTTY);
		const final = await record({
			...common,
			// Once the cluster answered and the file is open: said before any log is.
			onStarted: () => {
				if (options.logs === 'crashes') options.warn(LOGS_SECRETS_LINE);
			},
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

	const stop = new AbortController();
	const {runApp} = await import('../ui/run-app.js');
	let appDone: Promise<void> | null = null;
	let final: RecordProgress;
	try {
		final = await record({
			...common,
			signal: stop.signal,
			store: {compat: options.compat},
			onStarted: ({info, progress, store, synced, logs}) => {
				// The screen opens once the pods are listed, as bare podlife's (a failed list ends the recording instead).
				synced.then(
					() => {
						if (stop.signal.aborted) return;
						appDone = runApp({
							store: store!,
							clock: {now: () => Date.now()},
							info: {...info, recording: {file: options.file, progress, logs: options.logs}},
							noColor: options.noColor,
							view: options.view,
							stop: stop.signal,
							logs,
						}).finally(() => stop.abort());
					},
					() => undefined,
				);
			},
		});
	} finally {
		// --duration ended (or the recording failed): close the app too.
		stop.abort();
		if (appDone) await appDone;
	}
	process.stderr.write(`podlife: ${recordedLine(final, options.file)}\n`);
}
