// A flag that another command takes is a usage error, not silence: before, `replay --logs none`
// recorded nothing and said nothing, `check --speed 4` and `replay -n default` were ignored.
import {describe, expect, it} from 'vitest';
import {FLAG_SPEC} from '../../source/cli/flags.js';
import {acceptedFlags, commandsTaking} from '../../source/cli/help.js';
import {runMain} from '../helpers/run-main.js';

const MIXED = new URL('../fixtures/captures/mixed.ndjson', import.meta.url).pathname;

const run = (...args: string[]) => runMain(args);

describe('a flag of another command', () => {
	it('is a usage error naming the command that takes it', async () => {
		expect(await run('replay', MIXED, '--logs', 'none', '--output', 'table')).toEqual({
			code: 2,
			message: '--logs is not a flag of podlife replay: it is for podlife record (see podlife replay --help)',
			out: '',
		});
	});

	it('is refused in bare podlife before any cluster is contacted', async () => {
		const result = await run('-A', '--no-redact', '--kubeconfig', '/nonexistent/kubeconfig');
		expect(result.code).toBe(2);
		expect(result.message).toBe('--no-redact is not a flag of bare podlife (live): it is for podlife record (see podlife --help)');
	});

	it('names a namespace flag in replay, which shows every namespace of the session', async () => {
		const result = await run('replay', MIXED, '-n', 'default', '--output', 'table');
		expect(result.message).toMatch(/^-n\/--namespace is not a flag of podlife replay: it is for bare podlife, podlife record, podlife check /);
	});

	it('lists every command that takes it', async () => {
		const result = await run('check', '--speed', '4');
		expect(result.message).toBe('--speed is not a flag of podlife check: it is for podlife demo, podlife replay, podlife serve (see podlife check --help)');
	});

	it('leaves the flags of the command alone, and --no-color everywhere', async () => {
		const result = await run('replay', MIXED, '--output', 'table', '--at', '0:05', '--no-color', '--status-compat', '1.32');
		expect(result.code).toBe(0);
		expect(result.out).toMatch(/^NAMESPACE +NAME +READY +STATUS/);
	});
});

describe('which command takes which flag', () => {
	it('gives every flag the parser knows to some command', () => {
		for (const name of Object.keys(FLAG_SPEC)) expect(commandsTaking(name), name).not.toEqual([]);
	});

	it('reads demo as taking all that replay takes', () => {
		const demo = acceptedFlags('demo');
		for (const name of acceptedFlags('replay')) expect(demo.has(name), name).toBe(true);
	});
});
