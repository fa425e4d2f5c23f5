// `podlife` with no subcommand: the live cluster in the TUI. The live store feeds
// the same app as replay, with the wall clock.

import type {StatusCompat} from '../model/compat.js';
import type {LiveConnectOptions} from '../sources/live/live-source.js';
import type {StartView} from '../ui/run-app.js';

export interface LiveAppOptions {
	/** The cluster to watch (with LiveTuning's knobs, for tests). */
	cluster: LiveConnectOptions;
	compat?: StatusCompat;
	noColor: boolean;
	view?: StartView;
}

/** The TUI's module (ink, react and the app); tests hand in their own. */
export type AppModule = Pick<typeof import('../ui/run-app.js'), 'runApp'>;

export async function runLiveApp(options: LiveAppOptions, loadApp: () => Promise<AppModule> = () => import('../ui/run-app.js')): Promise<void> {
	// The TUI's modules load while the cluster is found, and are in before the list starts: once the
	// list streams in, each step of a module load waits behind its events, and the first rows come
	// late (README's figures). Awaited below unless connecting fails first.
	const app = loadApp();
	app.catch(() => undefined);
	// client-node is heavy: only the live source loads it.
	const [{connectLive}, {openLiveStore}] = await Promise.all([import('../sources/live/live-source.js'), import('../sources/live/live-store.js')]);
	const connection = await connectLive(options.cluster);
	const {runApp} = await app;
	const live = openLiveStore(connection, {compat: options.compat});
	try {
		// Fatal start problems (RBAC, missing namespace) reject here, before the screen is taken. The
		// screen comes with the first pods: the rest of the list streams in behind them.
		await live.source.firstPods;
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
