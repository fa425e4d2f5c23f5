// What the TUI shows of a session it cannot read whole: the same words as headless mode,
// in a line under the header (red for the error that ends the session, yellow for warnings),
// with the replay stopping at the last good entry.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {captureFile} from './helpers/capture-store.js';
import {KEY} from './helpers/render-at-size.js';
import {closeReplayApps, openReplayFile} from './helpers/replay-app.js';

afterEach(closeReplayApps);
const dir = mkdtempSync(path.join(tmpdir(), 'podlife-read-errors-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** mixed.ndjson: recordedAt 04:20:57.705 UTC; line 40 is the entry at t = 6.682 s, the last one at 99.135 s. */
const MIXED = readFileSync(captureFile('mixed'), 'utf8').trimEnd().split('\n');
const WIDE = {columns: 220, rows: 40};

function write(name: string, lines: readonly string[], options: {gzip?: boolean} = {}): string {
	const file = path.join(dir, name);
	const text = Buffer.from(lines.join('\n') + '\n');
	writeFileSync(file, options.gzip ? gzipSync(text) : text);
	return file;
}

/** mixed.ndjson with line `number` (1-based) replaced. */
function mixedWith(name: string, number: number, line: string): string {
	return write(
		name,
		MIXED.map((text, index) => (index === number - 1 ? line : text)),
	);
}

function clockOf(frame: string): string {
	return /\d+:\d\d\/\d+:\d\d/.exec(frame)?.[0] ?? '';
}

describe('a session that cannot be read to its end', () => {
	it('shows a bad line in the middle under the header, as headless mode says it, and stops at the last good entry', async () => {
		const file = mixedWith('bad-41.ndjson', 41, 'this is not JSON');
		const opened = await openReplayFile(file, {size: WIDE});
		const {app, player} = opened;
		const frame = await app.waitFor('line is not JSON');
		expect(frame.split('\n')[2]).toBe(`✗ ${file}:41: line is not JSON · the session stops at 0:07, its last good entry`);
		expect(player.endMs).toBe(6682);
		expect(clockOf(frame)).toBe('0:00/0:07');
		// Playing runs to the last good entry and stops there.
		const {scheduler} = opened;
		player.start();
		await app.press(' ');
		await app.waitFor('▶ playing');
		scheduler.advance(30_000);
		const end = await app.waitFor('■ end');
		expect(clockOf(end)).toBe('0:07/0:07');
		expect(player.positionMs).toBe(6682);
		expect(end.split('\n')[2]).toContain('✗ ');
	});

	it('shows an entry without a type as the error it is, not as "No pods yet." alone', async () => {
		const file = write('no-type.ndjson', [MIXED[0]!, '{"t":10,"x":1}']);
		const {app} = await openReplayFile(file, {size: WIDE});
		const frame = await app.waitFor('entry has no "type"');
		expect(frame).toContain(`✗ ${file}:2: entry has no "type" · the session stops at 0:00, its last good entry`);
	});

	it('shows a line longer than any API object as the error at its line', async () => {
		const long = `{"t":7000,"type":"MODIFIED","object":{"kind":"Pod","pad":"${'x'.repeat(40_000)}"}}`;
		const file = mixedWith('long-line.ndjson', 60, long);
		// The limit is 16 MiB; a small one keeps the file small, the reading is the same.
		const {app, player} = await openReplayFile(file, {size: WIDE, player: {maxLineBytes: 16 * 1024}});
		const frame = await app.waitFor('longer than');
		expect(frame).toContain(`✗ ${file}:60: line is longer than 16 KiB, more than any API object takes: not a session entry · the session stops at`);
		expect(player.loadedEntries).toBe(58);
	});

	it('shows the warning of a gzip recording cut short, and replays what came before the cut', async () => {
		const whole = gzipSync(Buffer.from(MIXED.join('\n') + '\n'));
		const file = path.join(dir, 'cut.ndjson.gz');
		writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
		const {app, player} = await openReplayFile(file, {size: WIDE});
		const frame = await app.waitFor('gzip stream is cut off');
		const line = frame.split('\n')[2]!;
		expect(line).toMatch(
			new RegExp(`^⚠ ${file.replaceAll('.', '\\.')}:\\d+: gzip stream is cut off \\(recording was interrupted\\); the session ends at line \\d+$`),
		);
		expect(player.loadError).toBeNull();
		expect(player.loadedEntries).toBeGreaterThan(10);
	});

	it('shows the lines --lenient skipped, the first one and how many more', async () => {
		const lines = [...MIXED];
		lines[40] = 'garbage';
		lines[80] = '{"t":1,"type":"ADDED","object":{"kind":"Pod"}}';
		const file = write('lenient.ndjson', lines);
		const {app, player} = await openReplayFile(file, {size: WIDE, player: {lenient: true}});
		const frame = await app.waitFor('(skipped)');
		expect(frame.split('\n')[2]).toBe(`⚠ ${file}:41: line is not JSON (skipped) · 1 more, listed when podlife exits`);
		expect(player.skipped).toBe(2);
		expect(player.loadError).toBeNull();
	});

	it('skips entries of types it does not know without a word, and plays on to the end', async () => {
		// Each at the t of the line before it (t never goes backwards, whatever the type).
		const someday = (after: number, extra = '') => `{"t":${(JSON.parse(MIXED[after - 1]!) as {t: number}).t},"type":"SOMEDAY"${extra}}`;
		const lines = [...MIXED.slice(0, 41), someday(41), ...MIXED.slice(41, 90), someday(90, ',"object":{"kind":"Pod"},"x":[1,{"y":null}]'), ...MIXED.slice(90)];
		// The last one after the last entry: the session still ends where it did.
		lines.push(someday(MIXED.length, ',"lines":"not a list"'));
		const file = write('someday.ndjson', lines);
		const {app, player} = await openReplayFile(file, {size: WIDE});
		await player.whenLoaded();
		await app.press(KEY.end);
		const frame = await app.waitFor(f => clockOf(f) === '1:39/1:39');
		expect(player.loadError).toBeNull();
		expect(player.warnings).toEqual([]);
		expect(player.loadedEntries).toBe(MIXED.length - 1);
		// No line between the header and the scrubber, and the pods of the session without them.
		expect(frame.split('\n')[2]).toMatch(/^1:39 /);
		expect(frame).toMatch(/^\d+ pods: /m);
		const original = await openReplayFile(write('original.ndjson', MIXED), {size: WIDE});
		await original.player.whenLoaded();
		await original.app.press(KEY.end);
		const expected = await original.app.waitFor(f => clockOf(f) === '1:39/1:39');
		expect(frame.split('\n').slice(1)).toEqual(expected.split('\n').slice(1));
	});

	it('reads a LOG entry without a word under the header', async () => {
		const log = '{"t":6909,"type":"LOG","namespace":"default","pod":"crashloop","container":"app","previous":true,"lines":["boom"]}';
		const file = write('log.ndjson', [...MIXED.slice(0, 41), log, ...MIXED.slice(41)]);
		const {app, player} = await openReplayFile(file, {size: WIDE});
		await player.whenLoaded();
		await app.press(KEY.end);
		const frame = await app.waitFor(f => clockOf(f) === '1:39/1:39');
		expect(player.loadError).toBeNull();
		expect(player.loadedEntries).toBe(MIXED.length);
		// No line between the header and the scrubber.
		expect(frame.split('\n')[2]).toMatch(/^1:39 /);
	});
});
