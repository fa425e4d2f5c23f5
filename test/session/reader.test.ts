import {execFileSync} from 'node:child_process';
import {createWriteStream, readdirSync, readFileSync, statSync} from 'node:fs';
import {open} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, describe, expect, it} from 'vitest';
import {MAX_LISTED, openSession, readSession} from '../../source/session/reader.js';
import {added, HEADER, lines, TempDir} from './temp-files.js';

const temp = new TempDir();
afterAll(() => temp.remove());

const CAPTURES = path.resolve(import.meta.dirname, '../fixtures/captures');
const captureFiles = readdirSync(CAPTURES).filter(f => f.endsWith('.ndjson'));

function nonBlankLines(file: string): string[] {
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter(l => l !== '');
}

describe('reading plain and gzip sessions', () => {
	for (const name of captureFiles) {
		it(`reads every entry of the capture ${name}, plain and gzip alike`, async () => {
			const file = path.join(CAPTURES, name);
			const expected = nonBlankLines(file).map(l => JSON.parse(l) as unknown);
			const plain = await readSession(file);
			expect(plain.header).toEqual(expected[0]);
			expect(plain.entries).toEqual(expected.slice(1));
			expect(plain.warnings).toEqual([]);
			const gz = await readSession(temp.file(`${name}.gz`, readFileSync(file), {gzip: true}));
			expect(gz.header).toEqual(plain.header);
			expect(gz.entries).toEqual(plain.entries);
		});
	}

	it('reads a gzip file named .ndjson by its magic bytes', async () => {
		const file = temp.file('disguised.ndjson', lines(HEADER, added(0), added(5)) + '\n', {gzip: true});
		const session = await readSession(file);
		expect(session.header.title).toBe('test');
		expect(session.entries.map(e => e.t)).toEqual([0, 5]);
	});

	it('reads a plain file named .ndjson.gz as plain text', async () => {
		const file = temp.file('plain.ndjson.gz', lines(HEADER, added(3)) + '\n');
		expect((await readSession(file)).entries.map(e => e.t)).toEqual([3]);
	});

	it('gives each entry its line number in the file', async () => {
		const file = temp.file('numbers.ndjson', lines(HEADER, added(0), {t: 1, type: 'SYNCED', resource: 'pods'}, added(9)) + '\n');
		const session = await openSession(file);
		const got: Array<[number, string]> = [];
		for await (const {entry, line} of session.entries()) got.push([line, entry.type]);
		expect(got).toEqual([
			[2, 'ADDED'],
			[3, 'SYNCED'],
			[4, 'ADDED'],
		]);
	});

	it('ignores fields it does not know, in the header and in entries', async () => {
		const file = temp.file('unknown.ndjson', lines({...HEADER, futureField: {a: 1}}, {...added(1), shiny: true}) + '\n');
		const session = await readSession(file);
		expect(session.entries).toHaveLength(1);
		expect(session.warnings).toEqual([]);
	});

	it('accepts a session whose last whole entry has no final newline', async () => {
		const file = temp.file('no-newline.ndjson', lines(HEADER, added(1), added(2)));
		const session = await readSession(file);
		expect(session.entries.map(e => e.t)).toEqual([1, 2]);
		expect(session.warnings).toEqual([]);
	});

	it('ignores blank lines at the end of the file', async () => {
		const file = temp.file('trailing.ndjson', lines(HEADER, added(1)) + '\n\n\n  \n');
		const session = await readSession(file);
		expect(session.entries).toHaveLength(1);
		expect(session.warnings).toEqual([]);
	});

	it('reads LOG entries and skips an entry of a type it does not know without an error or a warning', async () => {
		const log = {t: 7, type: 'LOG', namespace: 'default', pod: 'web', container: 'main', previous: true, lines: ['boom']};
		const file = temp.file('log.ndjson', lines(HEADER, added(5), log, {t: 8, type: 'SOMEDAY'}, added(9)) + '\n');
		const session = await readSession(file);
		expect(session.entries.map(e => [e.t, e.type])).toEqual([
			[5, 'ADDED'],
			[7, 'LOG'],
			[9, 'ADDED'],
		]);
		expect(session.entries[1]).toEqual(log);
		expect(session.warnings).toEqual([]);
		expect(session.skipped).toBe(0);
		const numbered = await openSession(file);
		const seen: number[] = [];
		for await (const {line} of numbered.entries()) seen.push(line);
		expect(seen).toEqual([2, 3, 5]);
	});

	it('refuses a LOG entry without the fields the format requires, naming the line', async () => {
		const noLines = {t: 7, type: 'LOG', namespace: 'default', pod: 'web', container: 'main', previous: true};
		const file = temp.file('log-bad.ndjson', lines(HEADER, added(5), noLines) + '\n');
		await expect(readSession(file)).rejects.toThrow(`${file}:3: LOG entry's "lines" must be a list of strings`);
		const noPrevious = {t: 7, type: 'LOG', namespace: 'default', pod: 'web', container: 'main', lines: []};
		const other = temp.file('log-bad-previous.ndjson', lines(HEADER, noPrevious) + '\n');
		await expect(readSession(other)).rejects.toThrow(`${other}:2: LOG entry's "previous" must be true or false (found undefined)`);
	});

	it('still keeps the t order across entries of types it skips', async () => {
		const file = temp.file('log-backwards.ndjson', lines(HEADER, added(5), {t: 9, type: 'SOMEDAY'}, added(8)) + '\n');
		await expect(readSession(file)).rejects.toThrow(`${file}:4: t goes backwards (8 after 9)`);
	});

	it('accepts a header-only session as one with no entries', async () => {
		const file = temp.file('header-only.ndjson', lines(HEADER) + '\n');
		expect((await readSession(file)).entries).toEqual([]);
	});

	it('starts again from the top on every pass over entries()', async () => {
		const file = temp.file('passes.ndjson', lines(HEADER, added(1), added(2), added(3)) + '\n');
		const session = await openSession(file);
		const first: number[] = [];
		for await (const {entry} of session.entries()) {
			first.push(entry.t);
			if (entry.t === 2) break;
		}
		const second: number[] = [];
		for await (const {entry} of session.entries()) second.push(entry.t);
		expect(first).toEqual([1, 2]);
		expect(second).toEqual([1, 2, 3]);
	});
});

describe('a recording that was killed', () => {
	it('ends at the last whole line when the last line is cut off, with a warning', async () => {
		const whole = lines(HEADER, added(10), added(20)) + '\n';
		const cut = JSON.stringify(added(30)).slice(0, 25);
		const file = temp.file('killed.ndjson', whole + cut);
		const session = await readSession(file);
		expect(session.entries.map(e => e.t)).toEqual([10, 20]);
		expect(session.warnings).toEqual([`${file}:4: last line is cut off (recording was interrupted); the session ends at line 3`]);
		expect(session.skipped).toBe(0);
	});

	it('ends at the last whole line when a gzip stream stops early, with a warning', async () => {
		const entries = Array.from({length: 3000}, (_, i) => added(i, `pod-${i}`));
		const bytes = gzipSync(Buffer.from(lines(HEADER, ...entries) + '\n'));
		const file = temp.file('killed.ndjson.gz', bytes.subarray(0, Math.floor(bytes.length * 0.6)));
		const session = await readSession(file);
		const count = session.entries.length;
		expect(count).toBeGreaterThan(0);
		expect(count).toBeLessThan(entries.length);
		expect(session.entries).toEqual(entries.slice(0, count));
		expect(session.warnings).toEqual([`${file}:${count + 2}: gzip stream is cut off (recording was interrupted); the session ends at line ${count + 1}`]);
	});

	it('still stops at a bad line in the middle, cut-off end or not', async () => {
		const file = temp.file('bad-then-cut.ndjson', lines(HEADER, added(10), 'oops', added(20)) + '\n{"t":3');
		await expect(readSession(file)).rejects.toThrow(`${file}:3: line is not JSON`);
	});
});

describe('lenient mode', () => {
	it('skips bad lines, counts them and says which they were', async () => {
		const file = temp.file(
			'lenient.ndjson',
			lines(HEADER, added(10), 'garbage', {t: 5, type: 'ADDED', object: {kind: 'Pod'}}, {t: 20, type: 7}, '', added(30)) + '\n',
		);
		const session = await readSession(file, {lenient: true});
		expect(session.entries.map(e => e.t)).toEqual([10, 30]);
		expect(session.skipped).toBe(4);
		expect(session.warnings).toEqual([
			`${file}:3: line is not JSON (skipped)`,
			`${file}:4: t goes backwards (5 after 10) (skipped)`,
			`${file}:5: "type" must be an entry type such as ADDED, MODIFIED, DELETED or SYNCED (found 7) (skipped)`,
			`${file}:6: empty line is not JSON (skipped)`,
		]);
	});

	it('lists only the first bad lines and then a count of all', async () => {
		const bad = Array.from({length: MAX_LISTED + 7}, () => 'x');
		const file = temp.file('many-bad.ndjson', lines(HEADER, ...bad, added(1)) + '\n');
		const session = await readSession(file, {lenient: true});
		expect(session.entries).toHaveLength(1);
		expect(session.skipped).toBe(MAX_LISTED + 7);
		expect(session.warnings).toHaveLength(MAX_LISTED + 1);
		expect(session.warnings.at(-1)).toBe(`${file}: ${MAX_LISTED + 7} bad lines skipped in all; only the first ${MAX_LISTED} are listed`);
	});
});

describe('streaming', () => {
	it('reads a 50 MB session entry by entry without reading the file first', async () => {
		const capture = nonBlankLines(path.join(CAPTURES, 'mixed.ndjson'));
		const pods = capture.slice(1).filter(l => l.includes('"kind":"Pod"'));
		const file = temp.path('big.ndjson');
		const out = createWriteStream(file);
		out.write(capture[0] + '\n');
		let written = 0;
		let size = 0;
		while (size < 50 * 1024 * 1024) {
			const entry = JSON.parse(pods[written % pods.length]!) as Record<string, unknown>;
			entry.t = written;
			const text = JSON.stringify(entry) + '\n';
			if (!out.write(text)) await new Promise<void>(resolve => out.once('drain', () => resolve()));
			size += text.length;
			written++;
		}
		await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
		const fileSize = statSync(file).size;

		const session = await openSession(file);
		let count = 0;
		let bytesAtFirst = -1;
		let previous = -1;
		for await (const {entry} of session.entries()) {
			if (count === 0) bytesAtFirst = session.bytesRead;
			expect(entry.t).toBe(previous + 1);
			previous = entry.t;
			count++;
		}
		expect(count).toBe(written);
		expect(bytesAtFirst).toBeGreaterThan(0);
		expect(bytesAtFirst).toBeLessThan(fileSize / 50);
		expect(session.bytesRead).toBe(fileSize);
	});

	it('yields the first entries of a pipe while the writer has not finished', async () => {
		const fifo = temp.path('live.fifo');
		execFileSync('mkfifo', [fifo]);
		// Opening a FIFO for reading waits for a writer; open both ends together.
		const [session, writer] = await Promise.all([
			openSession(fifo),
			(async () => {
				const handle = await open(fifo, 'w');
				await handle.write(lines(HEADER, added(1), added(2)) + '\n');
				return handle;
			})(),
		]);
		const iterator = session.entries();
		// A reader that wanted the whole file first would wait here for ever (the test times out).
		const first = await iterator.next();
		expect(first.done).toBe(false);
		expect(first.value?.entry.t).toBe(1);
		await writer.write(lines(added(3)) + '\n');
		await writer.close();
		const rest: number[] = [];
		for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(next.value.entry.t);
		expect(rest).toEqual([2, 3]);
	});
});

describe('reading a chunk of entries at a time', () => {
	it('hands out the same entries, lines and texts as one by one, in chunks of many', async () => {
		const file = temp.file('batches.ndjson', lines(HEADER, ...Array.from({length: 3000}, (_, i) => added(i, `pod-${i % 50}`))) + '\n');
		const session = await openSession(file);
		const batches: Array<Array<{line: number; t: number; text: string}>> = [];
		for await (const batch of session.entryBatches()) batches.push(batch.map(({entry, line, text}) => ({line, t: entry.t, text})));
		const oneByOne: Array<{line: number; t: number; text: string}> = [];
		for await (const {entry, line, text} of session.entries()) oneByOne.push({line, t: entry.t, text});
		expect(batches.flat()).toEqual(oneByOne);
		expect(oneByOne.map(item => item.line)).toEqual(Array.from({length: 3000}, (_, i) => i + 2));
		expect(batches.length).toBeGreaterThan(1);
		expect(batches.length).toBeLessThan(300);
	});

	it('delivers the good entries before a bad line, then stops at it', async () => {
		const file = temp.file('batch-bad.ndjson', lines(HEADER, added(1), added(2), 'oops', added(3)) + '\n');
		const session = await openSession(file);
		const seen: number[] = [];
		let message = '';
		try {
			for await (const batch of session.entryBatches()) for (const {line} of batch) seen.push(line);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(seen).toEqual([2, 3]);
		expect(message).toBe(`${file}:4: line is not JSON`);
	});

	it('tells a caller that stopped at a line only the warnings about the lines up to it', async () => {
		const file = temp.file('batch-through.ndjson', lines(HEADER, 'bad one', added(1), added(2), 'bad two', added(3)) + '\n');
		const session = await openSession(file, {lenient: true});
		for await (const batch of session.entryBatches()) expect(batch.length).toBeGreaterThan(0);
		expect(session.warningsThrough(3)).toEqual([`${file}:2: line is not JSON (skipped)`]);
		expect(session.warningsThrough(Infinity)).toEqual(session.warnings);
		expect(session.warnings).toHaveLength(2);
	});
});
