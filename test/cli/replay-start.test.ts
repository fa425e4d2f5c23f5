// `podlife replay` in the terminal and headless say the same thing about a session they cannot
// read, and about a moment outside it: one line, the same exit code. The TUI's cases here end
// before it takes the screen (the test runs with a "terminal" that would otherwise be drawn on).
import {createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import {UserError} from '../../source/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'podlife-replay-moment-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const MIXED_FILE = path.join(import.meta.dirname, '..', 'fixtures', 'captures', 'mixed.ndjson');
/** mixed.ndjson: recordedAt 04:20:57.705 UTC, last entry at t = 99.135 s (04:22:36.840 UTC). */
const MIXED = readFileSync(MIXED_FILE, 'utf8').trimEnd().split('\n');
const SPAN = 'it spans 0:00–1:39 (04:20:57–04:22:36 UTC)';

function write(name: string, lines: readonly string[]): string {
	const file = path.join(dir, name);
	writeFileSync(file, lines.join('\n') + '\n');
	return file;
}

interface Outcome {
	code: number;
	out: string;
	warnings: string[];
}

/** main() as run.ts calls it; a UserError becomes its message and exit code, as run.ts prints it. */
async function podlife(...args: string[]): Promise<Outcome & {error: string | null}> {
	let out = '';
	const warnings: string[] = [];
	try {
		const code = await main(args, {write: text => void (out += text), warn: text => void warnings.push(text), isTty: true});
		return {code, out, warnings, error: null};
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		return {code: error.exitCode, out, warnings, error: error.message};
	}
}

const HEADLESS = ['check', 'table', 'json', 'ndjson'] as const;

describe('a session read error before the first frame', () => {
	const cases: Array<[string, () => string, (file: string) => string]> = [
		[
			'a line that is not JSON (line 41 of 146)',
			() =>
				write(
					'bad-41.ndjson',
					MIXED.map((line, i) => (i === 40 ? 'not json' : line)),
				),
			file => `${file}:41: line is not JSON; --lenient skips bad lines`,
		],
		[
			'an entry without a type after the header',
			() => write('no-type.ndjson', [MIXED[0]!, '{"t":10,"x":1}']),
			file => `${file}:2: entry has no "type"; --lenient skips bad lines`,
		],
	];
	for (const [name, make, message] of cases) {
		it(`ends the TUI with exit 1 and the line headless mode prints, for ${name}`, async () => {
			const file = make();
			const tui = await podlife('replay', file);
			expect(tui).toMatchObject({code: 1, error: message(file)});
			for (const output of HEADLESS) expect(await podlife('replay', file, '-o', output)).toMatchObject({code: 1, error: message(file)});
		});
	}

	it('says what to do with a file that is no session (a manifest), in the TUI and headless alike', async () => {
		const file = write('pod.yaml', ['apiVersion: v1', 'kind: Pod']);
		const expected = `${file}:1: not a podlife session: line 1 is not JSON; podlife reads the files \`podlife record\` writes (\`podlife demo --list\` lists sample ones)`;
		expect(await podlife('replay', file)).toMatchObject({code: 1, error: expected});
		expect(await podlife('replay', file, '-o', 'table')).toMatchObject({code: 1, error: expected});
	});

	it('ends the TUI with exit 1 for a line longer than 16 MiB, as headless mode does (no internal error)', async () => {
		const file = path.join(dir, 'long-line.ndjson');
		const stream = createWriteStream(file);
		stream.write(`${MIXED[0]}\n${MIXED[1]}\n{"t":5000,"type":"MODIFIED","object":{"kind":"Pod","pad":"`);
		const chunk = 'x'.repeat(1024 * 1024);
		for (let i = 0; i < 17; i++) stream.write(chunk);
		stream.write('"}}\n');
		for (const line of MIXED.slice(2)) stream.write(`${line}\n`);
		await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
		const expected = `${file}:3: line is longer than 16 MiB, more than any API object takes: not a session entry; --lenient skips bad lines`;
		expect(await podlife('replay', file)).toMatchObject({code: 1, error: expected});
		expect(await podlife('replay', file, '-o', 'check')).toMatchObject({code: 1, error: expected});
	});
});

describe('--at outside the session', () => {
	it('is a usage error naming the span, in the TUI and in every headless output, never a state after the end', async () => {
		for (const args of [[], ...HEADLESS.map(output => ['-o', output])]) {
			const after = await podlife('replay', MIXED_FILE, '--at', '99m', ...args);
			expect(after).toMatchObject({code: 2, error: `--at: 99m is after the session ends at 1:39; ${SPAN}`});
			const before = await podlife('replay', MIXED_FILE, '--at', '@04:18:30', ...args);
			expect(before).toMatchObject({code: 2, error: `--at: @04:18:30 is before the session starts at 04:20:57 UTC; ${SPAN}`});
		}
	});

	it('prints nothing for the moment it refused (check does not judge a moment after the end)', async () => {
		const result = await podlife('replay', MIXED_FILE, '-o', 'check', '--at', '99m');
		expect(result.out).toBe('');
		expect(result.code).toBe(2);
	});

	it('takes the last second the TUI shows (1:39), and the exact end as the end', async () => {
		expect(await podlife('replay', MIXED_FILE, '-o', 'table', '--at', '1:39')).toMatchObject({code: 0, error: null});
		expect(await podlife('replay', MIXED_FILE, '-o', 'table', '--at', '1:40')).toMatchObject({
			code: 2,
			error: `--at: 1:40 is after the session ends at 1:39; ${SPAN}`,
		});
		const atEnd = await podlife('replay', MIXED_FILE, '-o', 'table', '--at', '99135ms');
		expect(atEnd.out).toBe((await podlife('replay', MIXED_FILE, '-o', 'table')).out);
	});
});

describe('--at in the grammar of the : prompt', () => {
	it('reads m:ss as an offset and @hh:mm:ss as the clock time of the same moment', async () => {
		const offset = await podlife('replay', MIXED_FILE, '-o', 'table', '--at', '0:30');
		const clock = await podlife('replay', MIXED_FILE, '-o', 'table', '--at', '@04:21:27.705');
		const duration = await podlife('replay', MIXED_FILE, '-o', 'table', '--at', '30s');
		expect(offset.code).toBe(0);
		expect(offset.out).toBe(duration.out);
		expect(offset.out).toBe(clock.out);
	});

	it('counts -D back from the end, written --at -30s or --at=-30s', async () => {
		const back = await podlife('replay', MIXED_FILE, '-o', 'table', '--at', '-30s');
		const joined = await podlife('replay', MIXED_FILE, '-o', 'table', '--at=-30s');
		const forward = await podlife('replay', MIXED_FILE, '-o', 'table', '--at', '69135ms');
		expect(back).toMatchObject({code: 0, error: null});
		expect(back.out).toBe(forward.out);
		expect(joined.out).toBe(forward.out);
	});

	it('refuses what is not a time, saying what is', async () => {
		expect(await podlife('replay', MIXED_FILE, '-o', 'table', '--at', 'soon')).toMatchObject({
			code: 2,
			error:
				'--at: "soon" is not a time; use an offset (1:30, 90s), a clock time (@04:21:10, 04:21:10Z, 2026-11-25T04:21:10Z), end, or --at=-30s for 30 s before the end',
		});
	});
});
