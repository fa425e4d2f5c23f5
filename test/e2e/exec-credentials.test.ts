// The built CLI with a kubeconfig whose user is an exec credential plugin (as EKS, GKE and AKS
// write them): the bundle carries client-node's KubeConfig, and the plugin must still run, its
// token reach the server, and a token the server refuses be told in one line.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {stringify} from 'yaml';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFake, type Fake} from '../sources/live/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'dist/bundle/cli.js';

let fake: Fake;
beforeAll(async () => {
	fake = await startFake('mixed', {startAt: 60_000});
	fake.server.requireToken('from-the-plugin', 'jane');
});
afterAll(async () => {
	await fake.close();
});

/** A kubeconfig for the fake server whose user runs `node -e` printing an ExecCredential with `token`. */
function execKubeconfig(token: string): string {
	const credential = {apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: {token}};
	const file = path.join(fake.dir, `kubeconfig-exec-${token}`);
	const exec = {
		apiVersion: 'client.authentication.k8s.io/v1beta1',
		command: process.execPath,
		args: ['-e', `process.stdout.write(${JSON.stringify(JSON.stringify(credential))})`],
		interactiveMode: 'Never',
	};
	const config = {
		apiVersion: 'v1',
		kind: 'Config',
		clusters: [{name: 'fake', cluster: {server: fake.url, 'insecure-skip-tls-verify': true}}],
		users: [{name: 'plugin', user: {exec}}],
		contexts: [{name: 'fake', context: {cluster: 'fake', user: 'plugin', namespace: 'default'}}],
		'current-context': 'fake',
	};
	fs.writeFileSync(file, stringify(config));
	return file;
}

function run(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI, ...args], {cwd: root, env: {...process.env, NO_COLOR: '1'}});
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

describe('an exec credential plugin', () => {
	it("authenticates with the token the plugin prints, and podlife lists the server's pods", async () => {
		const result = await run(['--kubeconfig', execKubeconfig('from-the-plugin'), '-A', '-o', 'table']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY/);
		expect(result.stdout.trimEnd().split('\n').length).toBeGreaterThan(1);
	});

	it('says in one line that the server refused the credentials when the plugin gives a wrong token', async () => {
		const result = await run(['--kubeconfig', execKubeconfig('wrong'), '-A', '-o', 'table']);
		expect(result.code).toBe(1);
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain('401 Unauthorized');
	});
});
