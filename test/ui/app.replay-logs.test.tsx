// Replaying a session with LOG entries: the detail shows, beside each end of a container's run, the
// log the recording captured of that run as of the replay's moment (a test session of made-up
// lines over a real capture: fixtures/logs/README.md).

import {afterEach, describe, expect, it} from 'vitest';
import {closeReplayApps, openReplayApp, type ReplayApp} from './helpers/replay-app.js';
import {KEY, type Rendered} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

// Escape sequences, bells and other control characters must never reach the terminal raw.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** The crashloop test session at its end (or at session time `t`), its pod's detail open on `section`. */
async function openSection(
	section: 'Containers' | 'Timeline',
	options: {t?: number; folder?: 'captures' | 'logs'; size?: {columns: number; rows: number}} = {},
): Promise<ReplayApp> {
	const opened = await openReplayApp('crashloop', {atEnd: true, folder: options.folder ?? 'logs', size: options.size ?? {columns: 120, rows: 60}});
	const {app, player} = opened;
	if (options.t !== undefined) player.seek(options.t);
	await app.press('/', ...'crashloop', KEY.enter);
	await app.waitFor('filter: "crashloop"');
	await app.press(KEY.enter);
	await app.waitFor('[Overview]');
	await app.press(...(section === 'Containers' ? [KEY.tab] : [KEY.tab, KEY.tab]));
	await app.waitFor(`[${section}]`);
	return opened;
}

/** The frame's lines from the one that contains `from`, `count` of them. */
function linesFrom(frame: string, from: string | RegExp, count: number): string[] {
	const lines = frame.split('\n').map(line => line.trimEnd());
	const at = lines.findIndex(line => (typeof from === 'string' ? line.includes(from) : from.test(line)));
	return at === -1 ? [] : lines.slice(at, at + count);
}

async function seek(app: Rendered, opened: ReplayApp, t: number, shows: string | RegExp): Promise<string> {
	opened.player.seek(t);
	return app.waitFor(frame => (typeof shows === 'string' ? frame.includes(shows) : shows.test(frame)));
}

describe('captured logs in the detail of a replay', () => {
	it('shows the last lines of the crashed run under its last state in Containers, printable', async () => {
		const {app} = await openSection('Containers');
		const frame = await app.waitFor('last log:');
		expect(linesFrom(frame, 'last state:', 5)).toEqual([
			expect.stringMatching(/^ {4}last state: +terminated Error \(exit 1\) at 04:18:38 after 3s$/),
			'    last log:       │ … 2 earlier lines; older ones not captured',
			'                    │ Traceback (most recent call last):',
			'                    │   File "<string>", line 1, in <module>',
			'                    │ ConnectionRefusedError: [Errno 111]    Connection refused (run 4)',
		]);
		expect(frame).not.toMatch(CONTROL);
	});

	it('shows the log of the run that ended as of the replay moment, and says when there is none or it could not be read', async () => {
		const opened = await openSection('Containers');
		const {app} = opened;
		// Run 3 ended at 0:50.7 and was never captured; run 2's capture was refused.
		let frame = await seek(app, opened, 60_000, 'no log captured');
		expect(linesFrom(frame, 'last state:', 2)[1]).toBe('    last log:       no log captured');
		expect(frame).not.toContain('(run ');
		frame = await seek(app, opened, 30_000, 'log not captured');
		expect(linesFrom(frame, 'last state:', 2)[1]).toMatch(
			/^ {4}last log: {7}log not captured: pods "crashloop" is forbidden: User "recorder" cannot get resource/,
		);
		// Run 4 has just ended: its log comes 150 ms later; meanwhile only the run before shows.
		frame = await seek(app, opened, 94_300, /^ {4}state: +terminated Error/m);
		expect(linesFrom(frame, /^ {4}log: /, 1)).toEqual(['    log:            no log captured']);
		frame = await seek(app, opened, 94_500, '(run 4)');
		expect(linesFrom(frame, /^ {4}log: /, 4).at(-1)).toBe('                    │ ConnectionRefusedError: [Errno 111]    Connection refused (run 4)');
		// The run before it (run 3) has no log: its last state says so.
		expect(linesFrom(frame, 'last state:', 2)[1]).toBe('    last log:       no log captured');
	});

	it('shows, under each end of the run in the Timeline, the log captured of that run', async () => {
		const {app} = await openSection('Timeline', {size: {columns: 140, rows: 200}});
		const frame = await app.waitFor('(run 4)');
		const lines = frame.split('\n').map(line => line.trimEnd());
		const ends = lines.flatMap((line, index) => (line.includes('container api: state running → terminated(Error, exit 1)') ? [index] : []));
		expect(ends).toHaveLength(5);
		const under = (n: number) => lines.slice(ends[n]! + 1, ends[n]! + 5).filter(line => line.startsWith(' '.repeat(24)));
		expect(under(0).at(-1)).toBe('                        │ ConnectionRefusedError: [Errno 111] Connection refused (run 0)');
		expect(under(1).at(-1)).toBe('                        │ ConnectionRefusedError: [Errno 111] Connection refused (run 1)');
		expect(under(2)[0]).toMatch(/^ {24}log not captured: pods "crashloop" is forbidden/);
		expect(under(3)[0]).toBe('                        no log captured');
		expect(under(4)).toEqual([
			'                        │ … 2 earlier lines; older ones not captured',
			'                        │ Traceback (most recent call last):',
			'                        │   File "<string>", line 1, in <module>',
			'                        │ ConnectionRefusedError: [Errno 111]    Connection refused (run 4)',
		]);
		expect(frame).not.toMatch(CONTROL);
	});

	it('says nothing of logs in a session that does not capture them', async () => {
		const {app} = await openSection('Containers', {folder: 'captures'});
		const frame = await app.waitFor('last state:');
		expect(frame).not.toContain('log');
	});

	it('shows every captured line of the run when the container is opened', async () => {
		const {app} = await openSection('Containers');
		await app.waitFor('last log:');
		await app.press(KEY.enter);
		const frame = await app.waitFor('Container api');
		expect(linesFrom(frame, 'last log:', 7)).toEqual([
			'  last log:       │ … older lines not captured',
			'                  │ # made-up log (test fixture): no container wrote this',
			'                  │ connecting to db... (attempt 5)',
			'                  │ Traceback (most recent call last):',
			'                  │   File "<string>", line 1, in <module>',
			'                  │ ConnectionRefusedError: [Errno 111]    Connection refused (run 4)',
			expect.not.stringContaining('│'),
		]);
	});
});

describe('the last log line in the status line of a replay', () => {
	it('ends the why line with it where there is room, beside the countdown where there is less, and leaves it out at 80 columns', async () => {
		const status = (frame: string) => frame.split('\n').find(line => line.startsWith('default/crashloop-')) ?? '';
		let {app} = await openReplayApp('crashloop', {atEnd: true, folder: 'logs', size: {columns: 200, rows: 50}});
		await app.press('/', ...'crashloop', KEY.enter);
		let frame = await app.waitFor('filter: "crashloop"');
		expect(status(frame)).toMatch(
			/ — crash-loop: container api exited 1 \(Error\) after 3s; 4 resta… next restart in 78s; last log: ConnectionRefusedError: \[Errno 111\] Connection refused \(run 4\)$/,
		);
		expect(frame).not.toMatch(CONTROL);
		closeReplayApps();
		({app} = await openReplayApp('crashloop', {atEnd: true, folder: 'logs', size: {columns: 80, rows: 24}}));
		await app.press('/', ...'crashloop', KEY.enter);
		frame = await app.waitFor('filter: "crashloop"');
		expect(status(frame)).toMatch(/ — crash-loop: co… next restart in 78s$/);
	});
});

describe('the log view in a replay (l, p)', () => {
	/** The log view's title line and the rows under it, up to the status line. */
	function logRows(frame: string): string[] {
		const lines = frame.split('\n').map(line => line.trimEnd());
		const title = lines.findIndex(line => line.startsWith(' log '));
		return lines.slice(title, title + 8).filter(line => line !== '');
	}

	async function onCrashloop(folder: 'captures' | 'logs' = 'logs'): Promise<ReplayApp> {
		const opened = await openReplayApp('crashloop', {atEnd: true, folder, logs: 'captured', size: {columns: 120, rows: 30}});
		await opened.app.press('/', ...'crashloop', KEY.enter);
		await opened.app.waitFor('filter: "crashloop"');
		return opened;
	}

	it('opens the captured log of the run that ended with l and p, as kubectl logs read it then, printable', async () => {
		const {app} = await onCrashloop();
		await app.press('l');
		let frame = await app.waitFor(f => logRows(f).some(line => line.includes('(run 4)')));
		expect(logRows(frame)).toEqual([
			' log default/crashloop-g6z5t api   ended · captured at 04:18:38 · older lines not captured · wrap',
			'# made-up log (test fixture): no container wrote this',
			'connecting to db... (attempt 5)',
			'Traceback (most recent call last):',
			'  File "<string>", line 1, in <module>',
			'ConnectionRefusedError: [Errno 111]    Connection refused (run 4)',
		]);
		expect(frame).not.toMatch(CONTROL);
		await app.press('p');
		// The feed opens after the frame that opens the view ("asking for the log…"): wait for its lines.
		frame = await app.waitFor(f => f.includes(' api (previous)') && f.includes('(run 4)'));
		expect(logRows(frame).at(-1)).toBe('ConnectionRefusedError: [Errno 111]    Connection refused (run 4)');
		await app.press(KEY.escape);
		await app.waitFor('NAMESPACE');
	});

	it('shows the log as of the replay moment and follows the clock while open', async () => {
		const opened = await onCrashloop();
		const {app, player} = opened;
		// Run 2 is up; run 1 ended before it.
		player.seek(24_158);
		await app.press('l');
		let frame = await app.waitFor('no log of the running api');
		expect(logRows(frame)[1]).toBe('no log of the running api in the session: logs are captured when a run ends (p: the run before)');
		await app.press('p');
		frame = await app.waitFor(f => f.includes(' api (previous)') && logRows(f).some(line => line.includes('(run 1)')));
		expect(frame).toContain('captured at 04:17:18');
		expect(frame).not.toContain('(run 2)');
		// Back before run 0 ended: no previous run yet, in podlife's words (the kubelet's: "previous terminated container … not found").
		player.seek(9_000);
		frame = await app.waitFor('has no previous run');
		expect(logRows(frame)[1]).toBe('api has no previous run: it has not restarted (l shows its log)');
		// Run 2's capture was refused; run 3 was never captured.
		player.seek(30_000);
		frame = await app.waitFor('could not read');
		expect(logRows(frame)[1]).toMatch(/^the recording could not read this log: pods "crashloop" is forbidden/);
		player.seek(60_000);
		frame = await app.waitFor('no log of this run');
		expect(logRows(frame)[1]).toBe('no log of this run of api was captured by 04:18:04');
	});

	it('offers p beside a running log only when there is a run before it', async () => {
		const {app} = await openReplayApp('crashloop', {atEnd: true, folder: 'logs', logs: 'captured', size: {columns: 120, rows: 40}});
		await app.press('/', ...'local-path', KEY.enter);
		await app.waitFor('filter: "local-path"');
		await app.press('l');
		const frame = await app.waitFor('no log of the running');
		expect(logRows(frame)[1]).toBe('no log of the running local-path-provisioner in the session: logs are captured when a run ends');
	});

	it('says so in a session recorded without logs', async () => {
		const {app} = await onCrashloop('captures');
		await app.press('p');
		const frame = await app.waitFor('no container logs');
		expect(logRows(frame)[1]).toBe('this session holds no container logs: it was recorded without them (podlife record keeps them unless --logs none)');
	});
});
