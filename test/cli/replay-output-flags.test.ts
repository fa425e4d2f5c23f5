// A replay flag the chosen output does not read is a usage error saying who reads it and why this
// output does not: before, `replay -o table --speed 4` printed the table as if --speed were not there.
import {describe, expect, it} from 'vitest';
import {runMain} from '../helpers/run-main.js';

const MIXED = new URL('../fixtures/captures/mixed.ndjson', import.meta.url).pathname;

const run = (...args: string[]) => runMain(args);

describe('a replay flag the output ignores', () => {
	it('refuses --speed with --output table, saying the TUI plays and the table prints one moment', async () => {
		expect(await run('replay', MIXED, '-o', 'table', '--speed', '4')).toEqual({
			code: 2,
			message: '--speed is for the TUI, which plays the session; --output table prints one moment: --at picks it',
			out: '',
		});
	});

	it('refuses --loop and --paused with every output, each saying what that output prints', async () => {
		for (const output of ['table', 'wide', 'json', 'ndjson', 'check', 'lanes', 'trace']) {
			const looped = await run('replay', MIXED, '-o', output, '--loop');
			expect(looped.code, output).toBe(2);
			expect(looped.message, output).toMatch(new RegExp(`^--loop is for the TUI, which plays the session; --output ${output} \\w+`));
			expect((await run('replay', MIXED, '-o', output, '--paused')).message, output).toMatch(/^--paused is for the TUI/);
		}
		expect((await run('demo', 'mixed', '-o', 'lanes', '--speed', '2')).message).toBe(
			'--speed is for the TUI, which plays the session; --output lanes draws a window at once: --since, --until and --at pick it',
		);
	});

	it('refuses --pod but for --output timeline, and --at with it', async () => {
		expect(await run('replay', MIXED, '-o', 'table', '--pod', 'default/web-fjmnw')).toMatchObject({
			code: 2,
			message: '--pod is for --output timeline (got --output table)',
		});
		expect(await run('replay', MIXED, '--pod', 'default/web-fjmnw')).toMatchObject({code: 2, message: '--pod is for --output timeline (got the TUI)'});
		expect(await run('replay', MIXED, '-o', 'timeline', '--pod', 'default/x', '--at', '5s')).toMatchObject({
			code: 2,
			message: "--at is not read by --output timeline, which prints the pod's whole history at once",
		});
	});

	it('leaves the flags each output reads alone', async () => {
		expect((await run('replay', MIXED, '-o', 'table', '--at', '0:05')).code).toBe(0);
		expect((await run('replay', MIXED, '-o', 'lanes', '--since', '0:05', '--width', '100')).code).toBe(0);
		const pod = (await run('replay', MIXED, '-o', 'table')).out.split('\n')[1]!.split(/\s+/).slice(0, 2).join('/');
		expect((await run('replay', MIXED, '-o', 'timeline', '--pod', pod)).code).toBe(0);
	});
});
