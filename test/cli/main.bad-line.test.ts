// A session with a bad line after its header (a hand-edited or damaged file): replay stops there,
// and its one line says how to read past it — --lenient, which serve does not take and so is not
// offered for a file that is no session at all (its first line is the problem).
import {afterAll, describe, expect, it} from 'vitest';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {runMain} from '../helpers/run-main.js';

const dir = mkdtempSync(path.join(tmpdir(), 'podlife-bad-line-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const lines = readFileSync(new URL('../fixtures/captures/crashloop.ndjson', import.meta.url), 'utf8')
	.trimEnd()
	.split('\n');
const damaged = path.join(dir, 'damaged.ndjson');
writeFileSync(damaged, [...lines.slice(0, 10), 'garbage{', ...lines.slice(10)].join('\n') + '\n');

describe('a replay that meets a bad line', () => {
	it('says where, and that --lenient skips it', async () => {
		for (const output of ['table', 'check', 'lanes']) {
			const {code, message} = await runMain(['replay', damaged, '-o', output]);
			expect({code, message}, output).toEqual({code: 1, message: `${damaged}:11: line is not JSON; --lenient skips bad lines`});
		}
	});

	it('reads past it with --lenient', async () => {
		const {code, out} = await runMain(['replay', damaged, '-o', 'table', '--lenient']);
		expect(code).toBe(0);
		expect(out).toMatch(/crashloop-\S+ +0\/1 +CrashLoopBackOff/);
	});
});
