import {afterEach, describe, expect, it} from 'vitest';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

/** crashloop.ndjson replayed to its end, the crash-looping pod opened on `section`. */
async function detailOf(section: string, size = {columns: 80, rows: 24}) {
	const {app} = await openReplayApp('crashloop', {size, atEnd: true});
	await app.press('/', ...'crashloop', KEY.enter);
	await app.waitFor(f => f.split('\n').some(line => line.startsWith('›') && line.includes('crashloop-')));
	await app.press(KEY.enter);
	await app.waitFor('[Overview]');
	for (let n = 0; n < 6 && !app.lastFrame().includes(`[${section}]`); n++) await app.press(KEY.tab);
	await app.waitFor(`[${section}]`);
	return app;
}

/** "12–40 of 212" on the tabs line, as numbers. */
function position(frame: string): {first: number; last: number; count: number} | null {
	const match = /\[\w+\].*? (\d+)–(\d+) of (\d+)\b/.exec(frame);
	return match ? {first: Number(match[1]), last: Number(match[2]), count: Number(match[3])} : null;
}

describe('pod detail sections', () => {
	it("shows the Timeline's legend whole at 80 and 60 columns, on a second line when one does not hold it", async () => {
		for (const size of [
			{columns: 80, rows: 24},
			{columns: 60, rows: 20},
		]) {
			const app = await detailOf('Timeline', size);
			const lines = app.lastFrame().split('\n');
			const first = lines.findIndex(line => line.startsWith('  ░ waiting  '));
			const legend = lines.slice(first, first + 2).join('  ');
			for (const entry of ['░ waiting', '≈ back-off/error', '█ running', '▒ completed', 'x failed', '↻ restart', '· not started'])
				expect(legend).toContain(entry);
			expect(legend).not.toContain('…');
			closeReplayApps();
		}
	});

	it('say which lines show (12–40 of 212) and jump to the bottom with G, the top with g', async () => {
		const app = await detailOf('YAML');
		const top = position(app.lastFrame());
		expect(top).not.toBeNull();
		expect(top!.first).toBe(1);
		expect(top!.count).toBeGreaterThan(top!.last);
		const height = top!.last - top!.first + 1;
		await app.press('G');
		let frame = await app.waitFor(f => position(f)?.last === top!.count);
		expect(position(frame)).toEqual({first: top!.count - height + 1, last: top!.count, count: top!.count});
		await app.press('j');
		expect(position(app.lastFrame())!.last).toBe(top!.count);
		await app.press('g');
		frame = await app.waitFor(f => position(f)?.first === 1);
		expect(frame).toContain('apiVersion: v1');
		await app.press(KEY.pageDown);
		await app.waitFor(f => position(f)?.first === height + 1);
	});

	it('wraps long YAML values with w (as k9s), so a value cut at the edge reads in full; w again cuts them', async () => {
		const app = await detailOf('YAML');
		const id = 'containerd://116e8896e020da96c8971ef7e3d330e1eeb0ad08db2a3543a28047db93e58476';
		// The container's ID is near the end of the YAML, and longer than 80 columns.
		await app.press('G');
		let frame = await app.waitFor('containerID: containerd://');
		const cut = frame.split('\n').find(line => line.includes('containerID: containerd://'))!;
		expect(cut).toMatch(/…$/);
		expect(frame).not.toContain(id);
		await app.press('w');
		await app.waitFor(f => /of \d+ wrap/.test(f));
		await app.press('G');
		frame = await app.waitFor(f =>
			f
				.split('\n')
				.map(line => line.trim())
				.join('')
				.includes(`containerID: ${id}`),
		);
		// Each continuation is indented under its key, and nothing is cut.
		const lines = frame.split('\n');
		const at = lines.findIndex(line => line.includes('containerID: containerd://'));
		expect(lines[at + 1]).toMatch(/^ {8,}\S/);
		expect(lines.slice(4, -3).join('\n')).not.toContain('…');
		await app.press('w');
		frame = await app.waitFor(f => !/of \d+ wrap/.test(f));
		expect(frame).toContain('w wrap lines');
	});

	it('shows no position when the section fits the screen', async () => {
		const app = await detailOf('Scheduling', {columns: 160, rows: 50});
		expect(position(app.lastFrame())).toBeNull();
	});
});
