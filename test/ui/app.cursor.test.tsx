import {afterEach, describe, expect, it} from 'vitest';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

/** The pod name on a table row ("›✓* default  web-tqlq8  1/1 …" → "web-tqlq8"). */
function podOf(row: string | undefined): string {
	return row?.slice(4).trim().split(/\s+/)[1] ?? '';
}

function tableRows(frame: string): string[] {
	return frame.split('\n').filter(line => /^[› ][✓○✗↻–][* ] \S/.test(line));
}

function selectedPod(frame: string): string {
	return podOf(tableRows(frame).find(line => line.startsWith('›')));
}

describe('the table cursor', () => {
	it('stays on the pod it was drawn on from the first frame, before any move, as the rows re-sort', async () => {
		// mixed.ndjson starts with no pods; they come one by one and a failing one sorts above the
		// others (worst first). Nothing but `.` is pressed: no j/k ever.
		const {app, player} = await openReplayApp('mixed', {size: {columns: 120, rows: 40}});
		const step = async (): Promise<string> => {
			const before = player.appliedEntries;
			await app.press('.');
			await app.waitFor(() => player.appliedEntries > before);
			return app.lastFrame();
		};
		let frame = app.lastFrame();
		for (let n = 0; n < 200 && tableRows(frame).length === 0; n++) frame = await step();
		const first = selectedPod(frame);
		expect(first).not.toBe('');
		expect(first).toBe(podOf(tableRows(frame)[0]));
		let moved = false;
		for (let n = 0; n < 400 && !moved; n++) {
			frame = await step();
			moved = podOf(tableRows(frame)[0]) !== first;
		}
		// Some pod sorted above the selected one, and the cursor went with its pod, not with row 1.
		expect(moved).toBe(true);
		const after = app.lastFrame();
		expect(selectedPod(after)).toBe(first);
		expect(podOf(tableRows(after)[0])).not.toBe(first);
		// Enter opens that pod, not the one on row 1.
		await app.press(KEY.enter);
		expect(await app.waitFor('[Overview]')).toContain(`/${first}`);
	});
});
