// `podlife record FILE`: a tee of the live source into a session file, with the
// live TUI on screen, or (--no-ui) a progress line on stderr.

import {PodStore} from '../model/store.js';
import {compatForServerVersion} from '../model/compat.js';
import type {StatusCompat} from '../model/types.js';
import type {LiveOptions} from '../sources/live/live-source.js';

export interface RecordCommandOptions {
	file: string;
	cluster: LiveOptions;
	durationMs?: number;
	redact: boolean;
	ui: boolean;
	compat?: StatusCompat;
	noColor: boolean;
	warn: (text: string) => void;
}

export async function runRecord(options: RecordCommandOptions): Promise<void> {
	const {record, progressLine} = await import('../record/recorder.js');
	if (!options.ui) {
		const isTty = Boolean(process.stderr.isTTY);
		let last = '';
		await record({
			...options.cluster,
			file: options.file,
			redact: options.redact,
			durationMs: options.durationMs,
			onWarning: options.warn,
			onProgress: progress => {
				last = progressLine(progress);
				// On a terminal the line rewrites itself; in a log file each update is a line.
				if (isTty) process.stderr.write(`\r\u001B[2K${last}`);
				else process.stderr.write(`${last}\n`);
			},
		});
		if (isTty) process.stderr.write('\n');
		process.stderr.write(`podlife: recorded ${options.file}\n`);
		return;
	}

	const store = new PodStore({compat: options.compat ?? compatForServerVersion(null)});
	const stop = new AbortController();
	const {runApp} = await import('../ui/run-app.js');
	let appDone: Promise<void> | null = null;
	const recording = record({
		...options.cluster,
		file: options.file,
		redact: options.redact,
		durationMs: options.durationMs,
		signal: stop.signal,
		onWarning: options.warn,
		onEntry: (entry, atMs) => {
			store.apply(entry, atMs);
			if (!appDone && entry.type === 'SYNCED' && entry.resource === 'pods') {
				appDone = runApp({
					store,
					clock: {now: () => Date.now()},
					info: {kind: 'live', title: `recording ${options.file}`, namespace: options.cluster.namespace ?? null},
					noColor: options.noColor,
					stop: stop.signal,
				}).finally(() => stop.abort());
			}
		},
	});
	try {
		await recording;
	} finally {
		// --duration ended (or the recording failed): close the app too.
		stop.abort();
	}
	if (appDone) await appDone;
	process.stderr.write(`podlife: recorded ${options.file}\n`);
}
