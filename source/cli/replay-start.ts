// What `podlife replay` (and `demo`) settles before the TUI takes the screen. The session
// loads in the background; the first frame waits until the first FIRST_FRAME_ENTRIES entries
// are read (while the TUI's modules load, so it costs the first frame next to nothing), so that
// a read error among them (a bad line 2, a bad line 41 of a small file) ends podlife with the
// same one line and exit code as headless mode, before any screen; one met later shows in the
// TUI. A `--at` moment waits until its state is whole, and one outside the session is the
// same usage error as headless mode's.

import type {ReplayPlayer} from '../sources/replay/player.js';
import {beforeStart, targetOffset} from '../view/goto-time.js';
import {resolveAt, type AtFlag} from './duration-flag.js';

/** Entries read before the first frame. */
export const FIRST_FRAME_ENTRIES = 128;

export async function prepareReplay(player: ReplayPlayer, at: AtFlag | undefined): Promise<void> {
	const target = at?.target;
	const {loadStatus, recordedAtMs} = player;
	await loadStatus.entries(FIRST_FRAME_ENTRIES);
	if (at && target && target.kind !== 'start' && target.kind !== 'end') {
		const ms = target.kind === 'relative' && target.ms < 0 ? null : targetOffset(target, recordedAtMs, 0);
		// Back from the end, or before the start (whose error names the whole span): the end decides.
		if (ms === null || beforeStart(ms, at.text, {recordedAtMs, endMs: 0}) !== null) await loadStatus.end();
		else await loadStatus.past(ms);
	}
	if (loadStatus.error) throw loadStatus.error;
	if (at && target && target.kind !== 'end' && target.kind !== 'start') {
		player.seek(resolveAt(at, {recordedAtMs, endMs: player.endMs, loading: !player.loaded}));
	}
}
