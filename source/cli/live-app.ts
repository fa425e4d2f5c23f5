// `podlife` with no subcommand: the live cluster in the TUI. The source feeds
// the same store and app as replay, with the wall clock.

import {PodStore} from '../model/store/pod-store.js';
import {compatForServerVersion, type StatusCompat} from '../model/compat.js';
import type {LiveOptions} from '../sources/live/live-source.js';

export interface LiveAppOptions {
	cluster: LiveOptions;
	compat?: StatusCompat;
	noColor: boolean;
}

const TOMBSTONE_PRUNE_EVERY_MS = 30_000;

export async function runLiveApp(options: LiveAppOptions): Promise<void> {
	const {startLiveSource} = await import('../sources/live/live-source.js');
	const store = new PodStore({compat: options.compat ?? compatForServerVersion(null)});
	const source = await startLiveSource({...options.cluster, onEntry: (entry, atMs) => store.apply(entry, atMs)});
	// A live session can run for days: deleted pods are shown for a while (the table hides them after a
	// minute), then dropped so the store does not grow with every pod that ever lived.
	const pruning = setInterval(() => store.pruneTombstones(source.now()), TOMBSTONE_PRUNE_EVERY_MS);
	try {
		// Columns follow the cluster's printer unless --status-compat says otherwise.
		if (!options.compat) store.setCompat(compatForServerVersion(source.info.serverVersion));
		// Fatal start problems (RBAC, missing namespace) reject here, before the screen is taken.
		await source.synced;
		const {runApp} = await import('../ui/run-app.js');
		await runApp({store, clock: {now: () => source.now()}, info: source.info, noColor: options.noColor});
	} finally {
		clearInterval(pruning);
		await source.stop();
	}
}
