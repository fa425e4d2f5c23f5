import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, describe, expect, it} from 'vitest';
import {runHeadlessReplay} from '../../source/output/headless.js';
import {CAPTURE_FILES} from '../sources/replay/replay-fixture.js';

// A plain session is replayed with pod objects read back from the file (the store keeps none);
// a gzip one keeps them. What the user gets must not depend on it.
const dir = mkdtempSync(join(tmpdir(), 'podlife-headless-objects-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

async function print(file: string, output: 'table' | 'json', at: number | 'end'): Promise<string> {
	let text = '';
	await runHeadlessReplay({file, output, at, write: chunk => (text += chunk), warn: () => {}});
	return text;
}

describe('headless replay of a plain session reads pod objects back from the file', () => {
	it.each(CAPTURE_FILES.map(file => [file.split('/').slice(-2).join('/'), file] as const))(
		'prints the same table and JSON as its gzip copy (%s)',
		async (name, file) => {
			const gzipped = join(dir, `${name.replace('/', '-')}.gz`);
			writeFileSync(gzipped, gzipSync(readFileSync(file)));
			// The end, and 20 s in (or the last entry's moment in a shorter session: never past its end).
			const lastT = (JSON.parse(readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)!) as {t: number}).t;
			for (const at of ['end', Math.min(20_000, lastT)] as const) {
				const json = await print(file, 'json', at);
				expect(json).toBe(await print(gzipped, 'json', at));
				// The JSON carries every pod's object fields the output prints (not only the columns).
				expect(json.length).toBeGreaterThan(100);
				expect(await print(file, 'table', at)).toBe(await print(gzipped, 'table', at));
			}
		},
	);
});

describe('headless replay of a session with entries of types podlife does not know', () => {
	it('skips them without a word: table, json and check are those of the session without them', async () => {
		const {runReplayCheck} = await import('../../source/output/check.js');
		const plain = CAPTURE_FILES.find(file => file.endsWith('captures/crashloop.ndjson'))!;
		const lines = readFileSync(plain, 'utf8').trimEnd().split('\n');
		// Types a later recorder might write, of any shape, each at the t of the entry before it.
		const someday = (after: number, extra: object) => JSON.stringify({t: (JSON.parse(lines[after]!) as {t: number}).t, type: 'SOMEDAY', ...extra});
		const mixed = [
			...lines.slice(0, 11),
			someday(10, {}),
			...lines.slice(11, 30),
			someday(29, {object: {kind: 'Pod', metadata: {name: 'not-a-pod'}}, nested: {deep: [1, 2, {x: null}]}}),
			...lines.slice(30),
			someday(lines.length - 1, {lines: 'not even a list'}),
		];
		const file = join(dir, 'someday.ndjson');
		writeFileSync(file, mixed.join('\n') + '\n');
		const warnings: string[] = [];
		for (const output of ['table', 'json'] as const) {
			let text = '';
			await runHeadlessReplay({file, output, at: 'end', write: chunk => (text += chunk), warn: warning => warnings.push(warning)});
			expect(text).toBe(await print(plain, output, 'end'));
		}
		const verdicts: string[] = [];
		for (const source of [file, plain]) {
			let text = '';
			expect(await runReplayCheck({file: source, at: 'end', write: chunk => (text += chunk), warn: warning => warnings.push(warning)})).toBe(3);
			verdicts.push(text);
		}
		expect(verdicts[0]).toBe(verdicts[1]);
		expect(warnings).toEqual([]);
	});
});
