// The built CLI as a user types it: --help / -h / `help COMMAND` print that command's
// help and do nothing else; a flag given twice is a usage error; kubectl's `-o wide`.
import {spawn, spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFake, type Fake} from '../sources/live/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'dist/bundle/cli.js';
const SESSION = 'test/fixtures/captures/mixed.ndjson';

function run(args: string[], env: Record<string, string> = {}) {
	// A command that ignored --help would start a server or a watch and never end: the timeout says so.
	const result = spawnSync(process.execPath, [CLI, ...args], {cwd: root, encoding: 'utf8', timeout: 20_000, env: {...process.env, NO_COLOR: '1', ...env}});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Async, so that the in-process fake API server can answer while the CLI runs. */
function runAsync(args: string[], env: Record<string, string> = {}): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI, ...args], {cwd: root, env: {...process.env, NO_COLOR: '1', ...env}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
}

let fake: Fake;
beforeAll(async () => {
	fake = await startFake('mixed', {startAt: 60_000});
});
afterAll(async () => {
	await fake.close();
});

describe('podlife COMMAND --help', () => {
	const pages: Array<[string, string[], RegExp]> = [
		['serve', ['serve', '--help'], /--port P/],
		['serve', ['serve', SESSION, '--help'], /--kubeconfig-out PATH/],
		['serve', ['serve', SESSION, '-h'], /--port P/],
		['check', ['check', '--help'], /--for DURATION/],
		['check', ['check', '-n', 'default', '-h'], /-A, --all-namespaces/],
		['demo', ['demo', '--help'], /--list/],
		['demo', ['demo', 'crashloop', '-h'], /--speed N/],
		['replay', ['replay', '--help'], /timeline, check, lanes or\s+trace/],
		['replay', ['replay', SESSION, '-o', 'table', '-h'], /--at TIME/],
		['record', ['record', '--help'], /--force/],
		['record', ['record', 'x.ndjson', '--no-ui', '-h'], /--no-redact/],
	];

	it.each(pages)('prints the help of %s for %j, exits 0 and does nothing else', (command, args, flag) => {
		const requests = fake.server.requests.length;
		const result = run(args, {KUBECONFIG: fake.kubeconfig});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		// record's page says first that the logs it records can hold secrets.
		const warning = command === 'record' ? 'Logs can hold secrets[^]*?\\n\\n' : '';
		expect(result.stdout).toMatch(new RegExp(`^${warning}Usage\\n  \\$ podlife ${command} `));
		expect(result.stdout).toMatch(flag);
		expect(result.stdout).toContain('Examples');
		expect(result.stdout).toContain(`$ podlife ${command}`);
		// That command's page, not the overview.
		expect(result.stdout).not.toContain('Usage\n  $ podlife [cluster flags]');
		expect(fake.server.requests.length).toBe(requests);
	});

	it('says in the first lines of record --help that logs can hold secrets, and how not to record them', () => {
		const [first, second] = run(['record', '--help']).stdout.split('\n');
		expect(first).toMatch(/^Logs can hold secrets/);
		expect(`${first} ${second}`).toMatch(/last 50 lines of every container that terminates or restarts\. --logs none records no logs\./);
	});

	it('gives each command only the flags it takes', () => {
		expect(run(['serve', '--help']).stdout).not.toContain('--namespace');
		expect(run(['check', '--help']).stdout).not.toContain('--speed');
		expect(run(['record', '--help']).stdout).not.toContain('--port');
	});

	it('prints the same page for podlife help COMMAND', () => {
		for (const command of ['replay', 'demo', 'record', 'check', 'serve']) {
			const help = run(['help', command]);
			expect(help.code).toBe(0);
			expect(help.stdout).toBe(run([command, '--help']).stdout);
		}
	});

	it('keeps the overview for podlife --help, -h and help, without contacting a cluster', () => {
		const requests = fake.server.requests.length;
		const overview = run(['--help'], {KUBECONFIG: fake.kubeconfig});
		expect(overview.code).toBe(0);
		for (const command of ['demo [NAME]', 'replay FILE', 'record FILE', 'check', 'serve FILE']) expect(overview.stdout).toContain(`$ podlife ${command}`);
		expect(overview.stdout).toContain('-h, --help');
		expect(run(['-h']).stdout).toBe(overview.stdout);
		expect(run(['help']).stdout).toBe(overview.stdout);
		expect(run(['-A', '-h'], {KUBECONFIG: fake.kubeconfig}).stdout).toBe(overview.stdout);
		expect(fake.server.requests.length).toBe(requests);
	});

	it('says so in one line when there is no such command', () => {
		for (const args of [
			['help', 'nope'],
			['nope', '--help'],
		]) {
			const result = run(args);
			expect(result.code).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/^podlife: .*"nope".*commands: demo, replay, record, check, serve.*\n$/);
		}
	});
});

describe('usage errors', () => {
	it.each([
		[['replay', SESSION, '-o', 'table', '-o', 'json'], '-o/--output'],
		[['replay', SESSION, '--output', 'table', '--at', '1s', '--at', '2s'], '--at'],
		[['-l', 'a=1', '-l', 'b=2', '-o', 'json'], '-l/--selector'],
		[['serve', SESSION, '--port', '1', '--port', '2'], '--port'],
		[['record', 'x.ndjson', '--duration', '1s', '--duration', '2s', '--no-ui'], '--duration'],
	])('refuses a flag given twice, %j, with exit 2 and one line', (args, flag) => {
		const result = run(args, {KUBECONFIG: fake.kubeconfig});
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(
			`podlife: ${flag} was given more than once; give it once (see podlife${args[0]!.startsWith('-') ? '' : ` ${args[0]}`} --help)\n`,
		);
	});

	it('refuses a port that is not a port number before reading the session', () => {
		const result = run(['serve', SESSION, '--port', 'abc']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe('podlife: --port must be a port number from 1 to 65535 (without it, a free one)\n');
	});

	it('refuses a --logs that the session format does not know, with exit 2 and one line', () => {
		const requests = fake.server.requests.length;
		const result = run(['record', 'x.ndjson', '--no-ui', '--logs', 'all'], {KUBECONFIG: fake.kubeconfig});
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe('podlife: --logs must be one of crashes, none (got "all")\n');
		expect(fake.server.requests.length).toBe(requests);
	});

	it('points an unknown flag at the command’s help', () => {
		const result = run(['replay', SESSION, '--bogus']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe('podlife: unknown flag --bogus; see podlife replay --help\n');
	});
});

describe('-o wide', () => {
	const WIDE = /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\s+FLAGS\s+WHY$/;

	it('prints the wide table of a replay, with the cells of the table and the server’s two more', () => {
		const wide = run(['replay', SESSION, '-o', 'wide', '--at', '60s']);
		const table = run(['replay', SESSION, '-o', 'table', '--at', '60s']);
		expect(wide.stderr).toBe('');
		expect(wide.code).toBe(0);
		const lines = wide.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(WIDE);
		expect(lines.length).toBe(table.stdout.trimEnd().split('\n').length);
		// Every pod of the capture has no nominated node and no readiness gates: kubectl prints <none> twice.
		const web = lines.find(line => /^default\s+web-/.test(line))!;
		expect(web).toMatch(/\s10\.244\.\d+\.\d+\s+kind-worker2?\s+<none>\s+<none>(\s|$)/);
	});

	it('prints the wide table of a live cluster', async () => {
		const result = await runAsync(['-A', '-o', 'wide', '--kubeconfig', fake.kubeconfig]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(WIDE);
		expect(lines.some(line => /^default\s+web-\S+\s+1\/1\s+Running\s.*<none>\s+<none>/.test(line))).toBe(true);
	});
});
