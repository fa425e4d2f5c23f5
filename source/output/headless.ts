// Live without the TUI: `-o table` / `-o wide` / `-o json` print the pods once the initial
// list is in (or after --watch-for); `-o ndjson` streams one line per pod change
// until --watch-for ends or Ctrl-C.

import {isWatchEntry, type SessionEntry} from '../session/format.js';
import {PodStore} from '../model/store/pod-store.js';
import {compatForServerVersion, type StatusCompat} from '../model/compat.js';
import {renderTable} from './table.js';
import {renderJson} from './json.js';
import {ndjsonLine} from './ndjson.js';
import {podWhySource} from './pod-json.js';
import {podKeyOf} from '../model/pod-key.js';
import {startLiveSource, type LiveOptions, type LiveTuning} from '../sources/live/live-source.js';
import {runUntil} from '../sources/live/run-until.js';

export interface LiveHeadlessOptions extends LiveOptions, LiveTuning {
	output: 'table' | 'wide' | 'json' | 'ndjson';
	/** table/json: print after this long instead of right after the initial list; ndjson: stop after this long. */
	watchForMs?: number;
	compat?: StatusCompat;
	write: (text: string) => void;
	warn?: (text: string) => void;
	/** Ends the run (default: Ctrl-C / SIGTERM). */
	signal?: AbortSignal;
	clock?: () => number;
}

export async function runLiveHeadless(options: LiveHeadlessOptions): Promise<void> {
	let store: PodStore | null = null;
	// Entries that arrive before the server version (and so the status compat) is known.
	const early: Array<[SessionEntry, number]> = [];

	function apply(entry: SessionEntry, atMs: number): void {
		store!.apply(entry, atMs);
		if (options.output !== 'ndjson' || !isWatchEntry(entry) || entry.object.kind !== 'Pod') return;
		const state = store!.pod(podKeyOf(entry.object.metadata));
		if (state) options.write(ndjsonLine(entry, state, atMs, podWhySource(state.key, store!.eventsOf(state.key), store!.nodes)));
	}

	const source = await startLiveSource({
		...options,
		signal: undefined,
		onWarning: options.warn,
		// Never silently stuck: a connection problem shows on stderr while output waits or streams.
		onStatus: status => {
			if (status.state === 'reconnecting' && status.message) options.warn?.(`reconnecting: ${status.message}`);
		},
		onEntry: (entry, atMs) => {
			if (store) apply(entry, atMs);
			else early.push([entry, atMs]);
		},
	});
	try {
		store = new PodStore({compat: options.compat ?? compatForServerVersion(source.info.serverVersion)});
		for (const [entry, atMs] of early.splice(0)) apply(entry, atMs);
		await source.synced;
		if (options.output === 'ndjson' || options.watchForMs !== undefined) {
			await runUntil({durationMs: options.watchForMs, signal: options.signal}).done;
		}
	} finally {
		await source.stop();
	}
	const view = store.view();
	if (options.output === 'table' || options.output === 'wide') options.write(renderTable(view.pods.values(), source.now(), view, options.output));
	if (options.output === 'json') options.write(renderJson(view.pods.values(), source.now(), view));
}
