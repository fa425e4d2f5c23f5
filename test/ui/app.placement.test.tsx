// Placement in the TUI, on the session recorded from a real scheduler (placement.ndjson): the why
// line of a replica refused for pod anti-affinity names the pod in its way, and the Scheduling
// section sets the scheduler's words beside podlife's own count and explains where near-front landed.

import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {closeReplayApps, openReplayFile} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

const PLACEMENT = fileURLToPath(new URL('../fixtures/captures-full/placement.ndjson', import.meta.url));

async function atEnd(size: {columns: number; rows: number}) {
	const opened = await openReplayFile(PLACEMENT, {size});
	await opened.player.whenLoaded();
	opened.player.seekToEnd();
	await opened.app.waitFor('■ end');
	return opened;
}

/** The line right above the footer: the status line. */
function statusLine(frame: string): string {
	const lines = frame.split('\n');
	const footer = lines.findIndex(line => line.startsWith('Enter open') || line.startsWith('Tab/→'));
	return lines[footer - 1] ?? '';
}

describe('placement in the TUI', () => {
	it('names the pod in the way on the why line of a replica refused for pod anti-affinity', async () => {
		const {app} = await atEnd({columns: 200, rows: 30});
		await app.press('/', ...'5fklm', KEY.enter);
		const frame = await app.waitFor(f => statusLine(f).includes('ha-66757c68df-5fklm'));
		expect(statusLine(frame)).toMatch(
			/— unschedulable: blocked by default\/ha-66757c68df-5rvr7 on kind-worker \(anti-affinity, kubernetes\.io\/hostname\); Unschedulable for \d+s: 0\/2 nodes are available/,
		);
	});

	it("sets podlife's count beside the scheduler's message in the Scheduling section, and names the blocking pod under its node", async () => {
		const {app} = await atEnd({columns: 120, rows: 50});
		await app.press('/', ...'5fklm', KEY.enter, KEY.enter);
		await app.waitFor('[Overview]');
		await app.press(KEY.tab, KEY.tab, KEY.tab);
		let frame = await app.waitFor('[Scheduling]');
		expect(frame).toContain("podlife's count of the same nodes");
		expect(frame).toContain("✓ the same as the scheduler's on every rule podlife checks");
		await app.press('G');
		frame = await app.waitFor("✗ kind-worker: didn't match pod anti-affinity rules");
		expect(frame).toContain('pod default/ha-66757c68df-5rvr7 (app=ha) is already in kubernetes.io/hostname=kind-worker');
	});

	it('explains where near-front landed: its preferred pod affinity, weighed per node', async () => {
		const {app} = await atEnd({columns: 120, rows: 50});
		await app.press('/', ...'near-front', KEY.enter, KEY.enter);
		await app.waitFor('[Overview]');
		await app.press(KEY.tab, KEY.tab, KEY.tab);
		const frame = await app.waitFor('Why it landed on kind-worker');
		expect(frame).toMatch(/kind-worker ◀ +0 → 0 +\+50 → 100 +200/);
		expect(frame).toContain('an explanation, not its full score');
	});
});
