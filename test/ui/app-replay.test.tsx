import {afterEach, describe, expect, it} from 'vitest';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

/** crashloop.ndjson: recordedAt 04:17:04.435 UTC, last entry at t = 94.809 s. */
async function renderReplay(size = {columns: 120, rows: 40}) {
	return openReplayApp('crashloop', {size});
}

function clockOf(frame: string): string {
	return /\d+:\d\d\/\d+:\d\d/.exec(frame)?.[0] ?? '';
}

describe('replay transport keys', () => {
	it('shows the replay clock, speed, state and the scrubber with failure marks', async () => {
		const {app} = await renderReplay();
		const frame = app.lastFrame();
		expect(frame).toContain('04:17:04 UTC');
		expect(frame).toContain('0:00/1:34');
		expect(frame).toContain('1×');
		expect(frame).toContain('⏸ paused');
		expect(frame).toMatch(/0:00 .*┃.*✗.* 1:34/);
		expect(frame).toContain('replay: Space pause/play');
	});

	it('pauses and resumes with space', async () => {
		const {app, player, scheduler} = await renderReplay();
		player.start();
		await app.press(' ');
		await app.waitFor('▶ playing');
		scheduler.advance(5_000);
		await app.waitFor('0:05/1:34');
		await app.press(' ');
		await app.waitFor('⏸ paused');
		expect(player.paused).toBe(true);
	});

	it('changes speed with + and -', async () => {
		const {app} = await renderReplay();
		await app.press('+');
		await app.waitFor('  2×  ');
		await app.press('-', '-');
		await app.waitFor('  0.5×  ');
	});

	it('steps one entry with . and back with ,', async () => {
		const {app, player} = await renderReplay();
		const before = player.appliedEntries;
		await app.press('.');
		await app.waitFor(() => player.appliedEntries === before + 1);
		await app.press(',');
		await app.waitFor(() => player.appliedEntries === before);
	});

	it('goes to an offset or a clock time typed after :', async () => {
		const {app} = await renderReplay();
		await app.press(':', ...'1m30s', KEY.enter);
		await app.waitFor('1:30/1:34');
		await app.press(':', ...'04:17:34', KEY.enter);
		await app.waitFor('0:29/1:34');
		await app.press(':', ...'45', KEY.enter);
		await app.waitFor('0:45/1:34');
	});

	it('says what the go-to prompt accepts when the time does not parse, Esc cancels', async () => {
		const {app} = await renderReplay();
		await app.press(':', ...'soon', KEY.enter);
		await app.waitFor('"soon" is not a time: use 90s, 1m30s or 04:18:30');
		await app.press(KEY.escape);
		const frame = await app.waitFor(f => !f.includes('is not a time'));
		expect(clockOf(frame)).toBe('0:00/1:34');
	});

	it('jumps to the end and back to the start with End and Home', async () => {
		const {app} = await renderReplay();
		await app.press(KEY.end);
		await app.waitFor('1:34/1:34');
		await app.press(KEY.home);
		await app.waitFor('0:00/1:34');
	});

	it('jumps between the changes of the selected pod with ] and [', async () => {
		const {app, player} = await renderReplay();
		await app.press(':', ...'20s', KEY.enter);
		await app.waitFor('0:20/1:34');
		await app.press('/', ...'crashloop', KEY.enter);
		await app.waitFor('filter: "crashloop"');
		const key = [...player.store.view().pods.keys()].find(k => k.startsWith('default/crashloop'))!;
		const next = player.nextChangeOf(key, 1)!;
		await app.press(']');
		await app.waitFor(() => player.positionMs === next);
		expect(player.positionMs).toBeGreaterThan(20_000);
		const previous = player.nextChangeOf(key, -1)!;
		await app.press('[');
		await app.waitFor(() => player.positionMs === previous);
		expect(previous).toBeLessThan(next);
		// The selected pod stays selected while its row moves.
		expect(app.lastFrame()).toMatch(/^›.*crashloop/m);
	});

	it('says so when the selected pod has no earlier change', async () => {
		const {app} = await renderReplay();
		await app.press(':', ...'20s', KEY.enter, '/', ...'crashloop', KEY.enter);
		await app.waitFor('filter: "crashloop"');
		for (let i = 0; i < 30 && !app.lastFrame().includes('no earlier change'); i++) await app.press('[');
		const frame = await app.waitFor(/no earlier change of default\/crashloop-\S+/);
		// At its first change the pod has just appeared: still selected, still listed.
		expect(frame).toMatch(/^›.*crashloop/m);
	});

	it('works the transport from the detail view too', async () => {
		const {app} = await renderReplay();
		await app.press(KEY.enter);
		await app.waitFor('[Overview]');
		await app.press(KEY.end);
		await app.waitFor('1:34/1:34');
		expect(app.lastFrame()).toContain('[Overview]');
	});

	it('lists the transport keys in the help overlay only while replaying', async () => {
		const {app} = await renderReplay({columns: 160, rows: 50});
		await app.press('?');
		const frame = await app.waitFor('Replay');
		for (const text of ['Space', 'pause/play', '. ', ', ', '+/=', '- ', ': ', '[ ', '] ', 'Home', 'End']) expect(frame).toContain(text);
	});
});
