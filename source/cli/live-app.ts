// `podlife` with no subcommand: the live cluster in the TUI. The live store feeds
// the same app as replay, with the wall clock.

import type {StatusCompat} from '../model/compat.js';
import type {LiveOptions} from '../sources/live/live-source.js';
import type {StartView} from '../ui/run-app.js';

export interface LiveAppOptions {
	cluster: LiveOptions;
	compat?: StatusCompat;
	noColor: boolean;
	view?: StartView;
}

export async function runLiveApp(options: LiveAppOptions): Promise<void> {
	// client-node is heavy: only the live source loads it.
	const {startLiveStore} = await import('../sources/live/live-store.js');
	const live = await startLiveStore(options.cluster, {compat: options.compat});
	try {
		// Fatal start problems (RBAC, missing namespace) reject here, before the screen is taken. The
		// screen comes with the first pods: the rest of the list streams in behind them.
		await live.source.firstPods;
		const {runApp} = await import('../ui/run-app.js');
		await runApp({
			store: live.store,
			clock: {now: () => live.source.now()},
			info: live.source.info,
			noColor: options.noColor,
			logs: live.source.logs,
			view: options.view,
		});
	} finally {
		await live.stop();
	}
}
