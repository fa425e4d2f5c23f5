// What `podlife replay` (and `demo`) settles before the TUI takes the screen. The session
// loads in the background; the first frame waits for the first batch of entries, so that a
// read error that the first read already meets (a bad line 2, a bad line 41 of a small file)
// ends podlife with the same one line and exit code as headless mode, before any screen.
// A `--at` moment waits until its state is whole, and one outside the session is the same
// usage error as headless mode's.

import type {ReplayPlayer} from '../sources/replay/player.js';
import {beforeStart, targetOffset} from '../view/goto-time.js';
import {resolveAt, type AtFlag} from './duration-flag.js';

export async function prepareReplay(player: ReplayPlayer, at: AtFlag | undefined): Promise<void> {
	const target = at?.target;
	const {loadStatus, recordedAtMs} = player;
	if (!at || !target || target.kind === 'start' || target.kind === 'end') {
		await loadStatus.firstBatch();
	} else if (target.kind === 'relative' && target.ms < 0) {
		await loadStatus.end();
	} else {
		const ms = targetOffset(target, recordedAtMs, 0);
		// A moment before the start is an error whose message names the whole span.
		if (beforeStart(ms, at.text, {recordedAtMs, endMs: 0}) !== null) await loadStatus.end();
		else await loadStatus.past(ms);
	}
	if (loadStatus.error) throw loadStatus.error;
	if (at && target && target.kind !== 'end' && target.kind !== 'start') {
		player.seek(resolveAt(at, {recordedAtMs, endMs: player.endMs, loading: !player.loaded}));
	}
}
