// The app on a real ReplayPlayer over a capture, as `podlife replay` runs it, driven by a manual
// scheduler (time moves only when a test says so). Close what was opened with closeReplayApps in afterEach.
import {App} from '../../../source/ui/app.js';
import {FrameSource} from '../../../source/ui/frame-source.js';
import {ReplayPlayer, type ReplayOptions} from '../../../source/sources/replay/player.js';
import {ManualScheduler} from '../../../source/sources/replay/manual-scheduler.js';
import {realScheduler} from '../../../source/sources/replay/scheduler.js';
import {captureFile} from './capture-store.js';
import type {LogProvider} from '../../../source/sources/log-feed.js';
import {capturedLogs} from '../../../source/sources/replay/captured-log-feed.js';
import {renderAtSize, type Rendered} from './render-at-size.js';

export interface ReplayApp {
	app: Rendered;
	player: ReplayPlayer;
	scheduler: ManualScheduler;
}

const open: ReplayApp[] = [];

/**
 * Paused at the start, or at the end with `atEnd`; resolves once the first frame shows the session.
 * `logs: 'captured'`: the log view reads the session's LOG entries, as `podlife replay` does.
 */
export async function openReplayApp(
	capture: string,
	options: {size?: {columns: number; rows: number}; atEnd?: boolean; logs?: LogProvider | 'captured'; folder?: 'captures' | 'logs' | 'captures-full'} = {},
): Promise<ReplayApp> {
	const scheduler = new ManualScheduler();
	const player = await ReplayPlayer.open(captureFile(capture, options.folder), {scheduler, paused: true});
	await player.whenLoaded();
	if (options.atEnd) player.seekToEnd();
	// Interval 0: every player change is a frame at once (coalescing has its own tests).
	const frames = new FrameSource([player.subscribe], realScheduler, 0, 0);
	const app = renderAtSize(
		<App
			store={player.store}
			clock={player}
			info={player.info}
			player={player}
			frames={frames}
			logs={options.logs === 'captured' ? capturedLogs(player) : options.logs}
		/>,
		options.size ?? {columns: 120, rows: 40},
	);
	const opened = {app, player, scheduler};
	open.push(opened);
	await app.waitFor(options.atEnd ? '■ end' : capture);
	return opened;
}

/**
 * The app on a player over any session file, rendered at once, while the session still loads:
 * what `podlife replay FILE` shows once its first frame is up. Paused at the start.
 */
export async function openReplayFile(file: string, options: {size?: {columns: number; rows: number}; player?: ReplayOptions} = {}): Promise<ReplayApp> {
	const scheduler = new ManualScheduler();
	const player = await ReplayPlayer.open(file, {scheduler, paused: true, ...options.player});
	const frames = new FrameSource([player.subscribe], realScheduler, 0, 0);
	const app = renderAtSize(
		<App store={player.store} clock={player} info={player.info} player={player} frames={frames} />,
		options.size ?? {columns: 120, rows: 40},
	);
	const opened = {app, player, scheduler};
	open.push(opened);
	return opened;
}

export function closeReplayApps(): void {
	for (const {app, player} of open.splice(0)) {
		app.instance.unmount();
		player.dispose();
	}
}
