// Starts the TUI: full screen, render the app, wait until the user quits, and
// put the terminal back on every path out. The CLI has already refused a
// non-TTY stdout (exit 2) before calling this.

import React from 'react';
import {render} from 'ink';
import type {PodStore} from '../model/store/pod-store.js';
import type {Clock, SourceInfo} from '../sources/source-info.js';
import type {ReplayPlayer} from '../sources/replay/player.js';
import {realScheduler} from '../sources/replay/scheduler.js';
import {App} from './app.js';
import type {LogProvider} from '../sources/log-feed.js';
import {FrameSource, FRAME_CPU_SHARE, FRAME_INTERVAL_MS} from './frame-source.js';
import {crashLine, enterFullScreen} from './terminal.js';
import {makeTheme, ThemeContext} from './theme.js';
import {INITIAL_LANES} from '../view/lanes/lane-time.js';

/** The view the app starts in (`--view`). */
export type StartView = 'table' | 'lanes';

export interface RunAppOptions {
	store: PodStore;
	clock: Clock;
	info: SourceInfo;
	/** Present when replaying: transport keys, scrubber, replay clock. runApp starts and disposes it. */
	player?: ReplayPlayer;
	noColor?: boolean;
	stdout?: NodeJS.WriteStream;
	stdin?: NodeJS.ReadStream;
	stderr?: NodeJS.WriteStream;
	/** Closes the app from outside (e.g. `record --duration` ran out), as if the user quit. */
	stop?: AbortSignal;
	/** Container logs (`l`, `p`). */
	logs?: LogProvider;
	/** `--view lanes`: start in the Lanes view (the table is one Esc away). */
	view?: StartView;
}

/** Live ages and countdowns move with the wall clock even when nothing happens. */
const LIVE_TICK_MS = 1000;
/** 128 + SIGTERM, as shells report it. */
const EXIT_SIGTERM = 143;

export async function runApp(options: RunAppOptions): Promise<void> {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	const stderr = options.stderr ?? process.stderr;
	const {store, clock, info, player} = options;

	const frames = new FrameSource(
		[player ? player.subscribe : listener => store.subscribe(listener)],
		realScheduler,
		FRAME_INTERVAL_MS,
		player ? 0 : LIVE_TICK_MS,
		FRAME_CPU_SHARE,
	);
	const screen = enterFullScreen(stdout);
	let instance: ReturnType<typeof render> | null = null;

	const shutdown = () => {
		frames.dispose();
		player?.dispose();
		instance?.unmount();
		screen.restore();
	};
	const onSigterm = () => {
		shutdown();
		process.exit(EXIT_SIGTERM);
	};
	// Ctrl-C normally arrives as a key (raw mode); SIGINT still comes from `kill -INT` or before raw mode is on.
	const onSigint = () => instance?.unmount();
	const onCrash = (error: unknown) => {
		shutdown();
		stderr.write(crashLine(error));
		if (process.env['PODLIFE_DEBUG'] && error instanceof Error) stderr.write(`${error.stack ?? ''}\n`);
		process.exit(1);
	};
	process.on('SIGTERM', onSigterm);
	process.on('SIGINT', onSigint);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);

	try {
		instance = render(
			<ThemeContext.Provider value={makeTheme(options.noColor ?? false)}>
				<App
					store={store}
					clock={clock}
					info={info}
					player={player}
					frames={frames}
					logs={options.logs}
					initial={options.view === 'lanes' ? {lanes: {...INITIAL_LANES, open: true}} : undefined}
				/>
			</ThemeContext.Provider>,
			// incrementalRendering stays off: in ink 6.8.0 its line diff starts one line too low whenever the
			// frame ends with a newline (every frame shorter than the terminal, which ours must be), so each
			// frame lands shifted and old lines pile up (seen in tmux; a 4-line counter reproduces it). The
			// standard renderer rewrites the frame, inside a synchronized update (ink's bsu/esu) where the
			// terminal supports it.
			{stdout, stdin, stderr, exitOnCtrlC: false, patchConsole: false, incrementalRendering: false},
		);
		player?.start();
		const unmount = () => instance?.unmount();
		if (options.stop?.aborted) unmount();
		options.stop?.addEventListener('abort', unmount, {once: true});
		// Rejects when a component throws: the error reaches the CLI as one line, after the restore below.
		await instance.waitUntilExit();
	} finally {
		process.off('SIGTERM', onSigterm);
		process.off('SIGINT', onSigint);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		shutdown();
	}
}
