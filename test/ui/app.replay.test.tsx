import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {captureFile} from './helpers/capture-store.js';
import {closeReplayApps, openReplayApp, openReplayFile} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

/**
 * crashloop.ndjson: recordedAt 04:17:04.435 UTC, last entry at t = 94.809 s (04:18:39.244 UTC): the
 * position ticks with the clock, so the session shows as 0:00–1:35 beside 04:17:04–04:18:39.
 */
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
		expect(frame).toContain('0:00/1:35');
		expect(frame).toContain('1×');
		expect(frame).toContain('⏸ paused');
		expect(frame).toMatch(/0:00 .*┃.*✗.* 1:35/);
		expect(frame).toContain('replay: Space pause/play');
	});

	it('pauses and resumes with space', async () => {
		const {app, player, scheduler} = await renderReplay();
		player.start();
		await app.press(' ');
		await app.waitFor('▶ playing');
		scheduler.advance(5_000);
		await app.waitFor('0:05/1:35');
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

	it('goes to an offset typed after : as m:ss like the scrubber, or as 90s', async () => {
		const {app} = await renderReplay();
		await app.press(':', ...'0:20', KEY.enter);
		await app.waitFor('04:17:24 UTC  0:20/1:35');
		await app.press(':', ...'1:00', KEY.enter);
		await app.waitFor('04:18:04 UTC  1:00/1:35');
		await app.press(':', ...'1m30s', KEY.enter);
		await app.waitFor('1:30/1:35');
		await app.press(':', ...'45', KEY.enter);
		await app.waitFor('0:45/1:35');
	});

	it('goes to a clock time written with @ or Z, the clock and the position agreeing', async () => {
		const {app, player} = await renderReplay();
		await app.press(':', ...'@04:17:34', KEY.enter);
		await app.waitFor('04:17:34 UTC  0:30/1:35');
		expect(player.positionMs).toBe(Date.parse('2026-11-25T04:17:34Z') - player.recordedAtMs);
		await app.press(':', ...'04:18:00Z', KEY.enter);
		await app.waitFor('04:18:00 UTC  0:56/1:35');
		await app.press(':', ...'2026-11-25T04:17:10Z', KEY.enter);
		await app.waitFor('04:17:10 UTC  0:06/1:35');
	});

	it('jumps relative to the position with +10s and -1m', async () => {
		const {app} = await renderReplay();
		await app.press(':', ...'1:00', KEY.enter);
		await app.waitFor('1:00/1:35');
		await app.press(':', ...'+10s', KEY.enter);
		await app.waitFor('1:10/1:35');
		await app.press(':', ...'-1m', KEY.enter);
		await app.waitFor('0:10/1:35');
	});

	it('says a time outside the session is outside it, with its span, and stays where it was', async () => {
		const {app, player} = await renderReplay({columns: 160, rows: 40});
		await app.press(':', ...'0:20', KEY.enter);
		await app.waitFor('0:20/1:35');
		const span = 'it spans 0:00–1:35 (04:17:04–04:18:39 UTC)';
		await app.press(':', ...'@04:15:00', KEY.enter);
		await app.waitFor(`@04:15:00 is before the session starts at 04:17:04 UTC; ${span}`);
		await app.press(KEY.escape, ':', ...'5m', KEY.enter);
		await app.waitFor(`5m is after the session ends at 1:35; ${span}`);
		await app.press(KEY.escape, ':', ...'+2m', KEY.enter);
		await app.waitFor(`+2m is after the session ends at 1:35; ${span}`);
		// A clock time without its mark reads as an offset, and the message says how to write the clock time.
		await app.press(KEY.escape, ':', ...'04:17:34', KEY.enter);
		await app.waitFor(`04:17:34 is after the end (1:35); for the clock time type @04:17:34; ${span}`);
		await app.press(KEY.escape);
		expect(clockOf(await app.waitFor(f => !f.includes('is after')))).toBe('0:20/1:35');
		expect(player.positionMs).toBe(20_000);
	});

	it('takes 1:35, the end as the screen shows it, and 0:00 for a session that starts at .435', async () => {
		const {app, player} = await renderReplay();
		await app.press(':', ...'1:35', KEY.enter);
		await app.waitFor('1:35/1:35');
		expect(player.positionMs).toBe(player.endMs);
		await app.press(':', ...'@04:17:04', KEY.enter);
		await app.waitFor('04:17:04 UTC  0:00/1:35');
		expect(player.positionMs).toBe(0);
	});

	it('shows examples from this session in the prompt, and its span on the line under the keys', async () => {
		const {app} = await renderReplay({columns: 160, rows: 40});
		await app.press(':');
		const frame = await app.waitFor('go to 0:47, @04:17:51, +10s or -1m · ns NAME · q');
		expect(frame.split('\n').slice(-3)).toEqual([
			':   go to 0:47, @04:17:51, +10s or -1m · ns NAME · q',
			expect.stringMatching(/^Enter run .*Esc cancel$/),
			'session 0:00–1:35 (04:17:04–04:18:39 UTC)',
		]);
	});

	it('fits the command line at 80 and 60 columns: the hint whole, a problem without the span it repeats', async () => {
		for (const columns of [80, 60]) {
			const {app} = await renderReplay({columns, rows: 24});
			await app.press(':');
			let frame = await app.waitFor('session 0:00–1:35 (04:17:04–04:18:39 UTC)');
			const prompt = () => frame.split('\n').at(-3)!;
			expect(prompt(), `${columns} columns`).toBe(':   go to 0:47, @04:17:51, +10s or -1m · ns NAME · q');
			await app.press(...'5m', KEY.enter);
			frame = await app.waitFor('is after the session ends');
			expect(prompt(), `${columns} columns`).toBe(':5m   5m is after the session ends at 1:35');
			for (const line of frame.split('\n').slice(-3)) expect(line).not.toContain('…');
		}
	});

	it('says what the command line accepts when it does not parse, Esc cancels', async () => {
		const {app} = await renderReplay();
		await app.press(':', ...'soon', KEY.enter);
		await app.waitFor('"soon" is not a command: try 0:47, @04:17:51, +10s, end, ns NAME or q');
		await app.press(KEY.escape);
		const frame = await app.waitFor(f => !f.includes('is not a command'));
		expect(clockOf(frame)).toBe('0:00/1:35');
	});

	it('jumps to the end and back to the start with End and Home', async () => {
		const {app} = await renderReplay();
		await app.press(KEY.end);
		await app.waitFor('1:35/1:35');
		await app.press(KEY.home);
		await app.waitFor('0:00/1:35');
	});

	it('jumps between the changes of the selected pod with ] and [', async () => {
		const {app, player} = await renderReplay();
		await app.press(':', ...'20s', KEY.enter);
		await app.waitFor('0:20/1:35');
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
		await app.waitFor('1:35/1:35');
		expect(app.lastFrame()).toContain('[Overview]');
	});

	it('lists the transport keys in the help overlay only while replaying', async () => {
		const {app} = await renderReplay({columns: 160, rows: 50});
		await app.press('?');
		const frame = await app.waitFor('Replay');
		for (const text of ['Space', 'pause/play', '. ', ', ', '+/=', '- ', ': ', '[ ', '] ', 'Home', 'End']) expect(frame).toContain(text);
	});
});

describe('the replay header', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'podlife-header-'));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));

	it('names an untitled recording once, by the file it was given', async () => {
		const [header, ...entries] = readFileSync(captureFile('crashloop'), 'utf8').trimEnd().split('\n');
		const {title: _title, description: _description, ...untitled} = JSON.parse(header!) as Record<string, unknown>;
		const file = path.join(dir, 'rec.ndjson');
		writeFileSync(file, [JSON.stringify(untitled), ...entries].join('\n') + '\n');
		const {app} = await openReplayFile(file);
		const frame = await app.waitFor('0:00/1:35');
		const first = frame.split('\n')[0]!;
		expect(first).toMatch(new RegExp(`^podlife ${file.replaceAll('.', '\\.')} {2,}04:17:04 UTC`));
		expect(first.split('rec.ndjson')).toHaveLength(2);
	});

	it('names a titled recording by its title and its file', async () => {
		const {app} = await renderReplay({columns: 220, rows: 40});
		const first = app.lastFrame().split('\n')[0]!;
		expect(first).toMatch(/^podlife crashloop: .*— crashloop\.ndjson {2,}04:17:04 UTC/);
	});
});
