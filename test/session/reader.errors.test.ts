import {gzipSync} from 'node:zlib';
import {afterAll, describe, expect, it} from 'vitest';
import {openSession, readSession, SessionError} from '../../source/session/reader.js';
import {UserError} from '../../source/errors.js';
import {added, HEADER, lines, TempDir} from './temp-files.js';

const temp = new TempDir();
/** What a message about a file that is no session says to do. */
const HINT = '; podlife reads the files `podlife record` writes (`podlife demo --list` lists sample ones)';
afterAll(() => temp.remove());

async function errorOf(run: () => Promise<unknown>): Promise<SessionError> {
	try {
		await run();
	} catch (error) {
		expect(error).toBeInstanceOf(SessionError);
		return error as SessionError;
	}
	throw new Error('expected a SessionError');
}

describe('a file that is not a session stops the reader with a one-line message', () => {
	it('says plainly that the file does not exist, and where sessions are', async () => {
		const file = temp.path('missing.ndjson');
		const error = await errorOf(() => openSession(file));
		expect(error.message).toBe(`${file}: file not found; check the path (\`podlife demo --list\` lists the sessions podlife comes with)`);
		expect(error).toBeInstanceOf(UserError);
		expect(error.exitCode).toBe(1);
	});

	it('says a directory is not a session file', async () => {
		const error = await errorOf(() => openSession(temp.dir));
		expect(error.message).toBe(`${temp.dir}: is a directory, not a session file; name a file \`podlife record\` wrote`);
	});

	it('says an empty file is not a session', async () => {
		const file = temp.file('empty.ndjson', '');
		const error = await errorOf(() => openSession(file));
		expect(error.message).toBe(`${file}: empty file, not a session (line 1 must be the session header)${HINT}`);
	});

	it('says an empty gzip file is not a session', async () => {
		const file = temp.file('empty.ndjson.gz', '', {gzip: true});
		const error = await errorOf(() => openSession(file));
		expect(error.message).toBe(`${file}: empty file, not a session (line 1 must be the session header)${HINT}`);
	});

	const headerCases: Array<[string, string, string]> = [
		['a first line that is not JSON', 'hello world\n', ':1: not a podlife session: line 1 is not JSON' + HINT],
		['a first line that is a JSON array', '[1,2]\n', ':1: not a podlife session: line 1 is not a JSON object' + HINT],
		[
			'a first line without podlife: session',
			lines({...HEADER, podlife: 'recording'}),
			':1: not a podlife session: line 1 has no "podlife":"session" header' + HINT,
		],
		['a first line that is an entry', lines(added(0)), ':1: not a podlife session: line 1 has no "podlife":"session" header' + HINT],
		['a header of version 2', lines({...HEADER, version: 2}), ':1: session format version 2 is not supported (podlife reads version 1)'],
		['a header version given as a string', lines({...HEADER, version: '1'}), ':1: session format version "1" is not supported (podlife reads version 1)'],
		['a header without version', lines({podlife: 'session', recordedAt: HEADER.recordedAt}), ':1: session header has no "version" (podlife reads version 1)'],
		['a header without recordedAt', lines({podlife: 'session', version: 1}), ':1: session header has no "recordedAt"'],
		[
			'a header with a recordedAt that is not a time',
			lines({...HEADER, recordedAt: 'yesterday'}),
			':1: session header "recordedAt" is not an RFC 3339 time: "yesterday"',
		],
		[
			'a header with a recordedAt without a zone',
			lines({...HEADER, recordedAt: '2026-11-25 03:00:00'}),
			':1: session header "recordedAt" is not an RFC 3339 time: "2026-11-25 03:00:00"',
		],
	];
	for (const [name, text, message] of headerCases) {
		it(`names the file and line 1 for ${name}`, async () => {
			const file = temp.file('header.ndjson', text);
			const error = await errorOf(() => openSession(file));
			expect(error.message).toBe(`${file}${message}`);
		});
	}

	it('refuses a bad header in lenient mode too', async () => {
		const file = temp.file('header-lenient.ndjson', lines({...HEADER, version: 3}, added(0)));
		const error = await errorOf(() => openSession(file, {lenient: true}));
		expect(error.message).toBe(`${file}:1: session format version 3 is not supported (podlife reads version 1)`);
	});
});

describe('a bad entry stops the reader with the file, the line and the problem', () => {
	const entryCases: Array<[string, unknown, string]> = [
		['a line that is not JSON', '{"t": 5, "type": "ADDED", ', 'line is not JSON'],
		['an entry that is not an object', '[1,2,3]', 'entry is not a JSON object'],
		['an entry that is null', 'null', 'entry is not a JSON object'],
		['an entry without t', {type: 'ADDED', object: {kind: 'Pod'}}, 'entry has no "t"'],
		['an entry without type', {t: 1500, object: {kind: 'Pod'}}, 'entry has no "type"'],
		['a negative t', {...added(0), t: -5}, '"t" must be a whole number of milliseconds, 0 or more (found -5)'],
		['a fractional t', {...added(0), t: 1500.5}, '"t" must be a whole number of milliseconds, 0 or more (found 1500.5)'],
		['a t given as a string', {...added(0), t: '1500'}, '"t" must be a whole number of milliseconds, 0 or more (found "1500")'],
		['a t that goes backwards', added(1200), 't goes backwards (1200 after 1532)'],
		[
			'a type that is not a string',
			{t: 1600, type: 3, object: {kind: 'Pod'}},
			'"type" must be an entry type such as ADDED, MODIFIED, DELETED or SYNCED (found 3)',
		],
		['an empty type', {t: 1600, type: '', object: {kind: 'Pod'}}, '"type" must be an entry type such as ADDED, MODIFIED, DELETED or SYNCED (found "")'],
		['a watch event without object', {t: 1600, type: 'MODIFIED'}, 'MODIFIED entry has no "object"'],
		['a watch event whose object is a string', {t: 1600, type: 'ADDED', object: 'pod'}, 'ADDED entry\'s "object" is not a JSON object'],
		['a watch event without object.kind', {t: 1600, type: 'DELETED', object: {metadata: {name: 'web'}}}, 'DELETED entry\'s object has no "kind"'],
		[
			'a STATUS marker with an unknown state',
			{t: 1600, type: 'STATUS', state: 'offline'},
			'STATUS entry has unknown state "offline" (expected connected, reconnecting, relisting or disconnected)',
		],
		['a STATUS marker without state', {t: 1600, type: 'STATUS'}, 'STATUS entry has no "state" (expected connected, reconnecting, relisting or disconnected)'],
		['a SYNCED marker without resource', {t: 1600, type: 'SYNCED'}, 'SYNCED entry has no "resource"'],
		['an ERROR event without object', {t: 1600, type: 'ERROR'}, 'ERROR entry has no "object"'],
	];
	for (const [name, bad, problem] of entryCases) {
		it(`reports ${name} at its line`, async () => {
			// Line 1 header, line 2 t=1000, line 3 t=1532, line 4 the bad one, line 5 one more good entry.
			const file = temp.file('entry.ndjson', lines(HEADER, added(1000), added(1532), bad, added(2000)) + '\n');
			const session = await openSession(file);
			const seen: number[] = [];
			const error = await errorOf(async () => {
				for await (const {line} of session.entries()) seen.push(line);
			});
			expect(error.message).toBe(`${file}:4: ${problem}`);
			expect(error.line).toBe(4);
			expect(seen).toEqual([2, 3]);
		});
	}

	it('reports an empty line in the middle as not JSON', async () => {
		const file = temp.file('blank.ndjson', lines(HEADER, added(1), '', added(2)) + '\n');
		const error = await errorOf(() => readSession(file));
		expect(error.message).toBe(`${file}:3: empty line is not JSON`);
	});

	it('reports a gzip stream whose checksum does not match at the line it broke in', async () => {
		const text = lines(HEADER, ...Array.from({length: 200}, (_, i) => added(i, `pod-${i % 37}`))) + '\n';
		const bytes = Buffer.from(gzipSync(Buffer.from(text)));
		// The CRC-32 of the data sits in the 8-byte trailer.
		bytes[bytes.length - 8] ^= 0xff;
		const file = temp.file('corrupt.ndjson', bytes);
		const session = await openSession(file);
		const seen: number[] = [];
		const error = await errorOf(async () => {
			for await (const {line} of session.entries()) seen.push(line);
		});
		expect(error.message).toBe(`${file}:${seen.length + 2}: gzip data is corrupt (incorrect data check)`);
	});

	it('reports a gzip stream with a broken gzip header at line 1', async () => {
		const bytes = Buffer.from(gzipSync(Buffer.from(lines(HEADER, added(1)))));
		bytes[2] = 7; // compression method: only 8 (deflate) exists
		const file = temp.file('badmethod.ndjson.gz', bytes);
		const error = await errorOf(() => openSession(file));
		expect(error.message).toBe(`${file}:1: gzip data is corrupt (unknown compression method)`);
	});

	it('keeps every message on one line', async () => {
		const file = temp.file('oneline.ndjson', lines(HEADER, {t: 1, type: 'STATUS', state: 'up\ndown'}));
		const error = await errorOf(() => readSession(file));
		expect(error.message).not.toContain('\n');
		expect(error.message).toBe(`${file}:2: STATUS entry has unknown state "up\\ndown" (expected connected, reconnecting, relisting or disconnected)`);
	});
});

describe('a line longer than any API object', () => {
	// The limit is 16 MiB; a small one keeps these files small, the reading is the same.
	const limit = 4096;
	const long = `{"t":1700,"type":"ADDED","object":{"kind":"Pod","pad":"${'x'.repeat(3 * limit)}"}}`;

	it('stops the reader at its line, without holding it', async () => {
		const file = temp.file('long.ndjson', lines(HEADER, added(1000), long, added(2000)) + '\n');
		const session = await openSession(file, {maxLineBytes: limit});
		const seen: number[] = [];
		const error = await errorOf(async () => {
			for await (const {line} of session.entries()) seen.push(line);
		});
		expect(error.message).toBe(`${file}:3: line is longer than 4 KiB, more than any API object takes: not a session entry`);
		expect(seen).toEqual([2]);
	});

	it('is a bad line that lenient mode skips, the lines after it read as usual', async () => {
		// Long enough to span several 64 KB reads.
		const longer = long.replace('xxx', 'x'.repeat(200_000));
		const file = temp.file('long-lenient.ndjson', lines(HEADER, added(1000), longer, added(2000), long) + '\n');
		const session = await readSession(file, {lenient: true, maxLineBytes: limit});
		expect(session.entries.map(e => e.t)).toEqual([1000, 2000]);
		expect(session.skipped).toBe(2);
		expect(session.warnings).toEqual([
			`${file}:3: line is longer than 4 KiB, more than any API object takes: not a session entry (skipped)`,
			`${file}:5: line is longer than 4 KiB, more than any API object takes: not a session entry (skipped)`,
		]);
	});

	it('is not taken for a header', async () => {
		const file = temp.file('long-header.ndjson', `{"podlife":"session","pad":"${'x'.repeat(2 * limit)}"}\n`);
		const error = await errorOf(() => openSession(file, {maxLineBytes: limit}));
		expect(error.message).toBe(`${file}:1: not a podlife session: line 1 is longer than 4 KiB${HINT}`);
	});

	it('keeps to the same rule in a gzip file', async () => {
		const file = temp.file('long.ndjson.gz', lines(HEADER, added(1000), long, added(2000)) + '\n', {gzip: true});
		const error = await errorOf(() => readSession(file, {maxLineBytes: limit}));
		expect(error.message).toBe(`${file}:3: line is longer than 4 KiB, more than any API object takes: not a session entry`);
	});
});
