// The built CLI, headless, as a user of a shared cluster: pods in two namespaces only (no
// cluster-wide list, no nodes, no events). It says in one line on stderr what it left out and
// prints what it may see; refused everywhere, it exits 1 with the RBAC line.
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFake, type Fake} from '../sources/live/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'dist/bundle/cli.js';

function run(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI, ...args], {cwd: root, env: {...process.env, NO_COLOR: '1', KUBECONFIG: fake.kubeconfig}});
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
	fake = await startFake('mixed', {startAt: 60_000, token: 't'});
	fake.server.requireToken('t', 'jane');
	fake.server.limitAccess([{resources: ['pods'], namespaces: ['default', 'kube-system']}]);
});
afterAll(async () => {
	await fake.close();
});

const NODES = 'podlife: nodes not permitted: RBAC forbids this user to list them; no node fit shown\n';
const EVENTS = 'podlife: events not permitted: RBAC forbids this user to list them; no pod events shown\n';

function namespaces(table: string): string[] {
	return [
		...new Set(
			table
				.trimEnd()
				.split('\n')
				.slice(1)
				.map(line => line.split(/\s+/)[0]!),
		),
	].sort();
}

describe('headless with limited permissions', () => {
	it('-n a -n b prints the pods of both and says once what it cannot see', async () => {
		const result = await run(['-n', 'default', '-n', 'kube-system', '-o', 'table']);
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY/);
		expect(namespaces(result.stdout)).toEqual(['default', 'kube-system']);
		expect(result.stderr).toBe(NODES + EVENTS);
	});

	it('-A without a cluster-wide list says which namespace it prints', async () => {
		const result = await run(['-A', '-o', 'table']);
		expect(result.code).toBe(0);
		expect(namespaces(result.stdout)).toEqual(['default']);
		expect(result.stderr).toBe(
			'podlife: watching namespace "default" only (the context\'s): RBAC forbids this user to list pods across all namespaces; name others with -n NS -n NS\n' +
				NODES +
				EVENTS,
		);
	});

	it('exits 1 with the RBAC line when it may list pods nowhere it looks', async () => {
		const result = await run(['-n', 'local-path-storage', '-o', 'json']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(
			'podlife: RBAC forbids list pods in namespace "local-path-storage" for this user (context fake); ask for a Role with get/list/watch on pods or use -n\n',
		);
	});
});
