import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {EXIT_OK, EXIT_UNHEALTHY} from '../../source/errors.js';
import {runLiveCheck, runReplayCheck} from '../../source/output/check.js';
import {FAST, startFake, type Fake} from '../sources/live/helpers.js';

const CAPTURES = path.join(import.meta.dirname, '..', 'fixtures', 'captures');

async function check(name: string, at: number | 'end' = 'end'): Promise<{code: number; out: string; warnings: string[]}> {
	let out = '';
	const warnings: string[] = [];
	const code = await runReplayCheck({
		file: path.join(CAPTURES, `${name}.ndjson`),
		at,
		write: text => void (out += text),
		warn: text => void warnings.push(text),
	});
	return {code, out, warnings};
}

describe('podlife replay --output check', () => {
	it('exits 3 on a crash loop and prints the pod with its why', async () => {
		const {code, out} = await check('crashloop');
		expect(code).toBe(EXIT_UNHEALTHY);
		expect(out).toBe(
			'default/crashloop-g6z5t  CrashLoopBackOff  crash-loop: container api exited 1 (Error) after 3s; 4 restarts in 93s; back-off 1m20s, next restart in 78s; message "ConnectionRefusedError: [Errno 111] Connection refused"\n' +
				'12 pods: 1 failing, 0 progressing, 11 ok — unhealthy\n',
		);
	});

	it('exits 3 on an image that cannot be pulled', async () => {
		const {code, out} = await check('imagepull');
		expect(code).toBe(EXIT_UNHEALTHY);
		expect(out).toMatch(/^default\/bad-image-67pzh {2}ImagePullBackOff {2}image-pull: container web cannot pull image "nginx:1\.27-does-not-exist"/);
	});

	it('exits 0 when every pod runs and is ready', async () => {
		const {code, out} = await check('web');
		expect(code).toBe(EXIT_OK);
		expect(out).toBe('12 pods: 0 failing, 0 progressing, 12 ok — healthy\n');
	});

	it('exits 0 for a Job pod that completed', async () => {
		expect((await check('job')).code).toBe(EXIT_OK);
	});

	it('judges the moment given by --at: progressing pods are listed but do not fail the check', async () => {
		const {code, out} = await check('web', 4000);
		expect(code).toBe(EXIT_OK);
		expect(out).toBe(
			'default/web-fjmnw  ContainerCreating  starting: container web ContainerCreating for 1s\n12 pods: 0 failing, 1 progressing, 11 ok — healthy\n',
		);
	});

	it('lists failing pods before progressing ones, aligned', async () => {
		const {code, out} = await check('mixed', 14_460);
		expect(code).toBe(EXIT_UNHEALTHY);
		const lines = out.trimEnd().split('\n');
		expect(lines.map(line => line.split(/ {2,}/).slice(0, 2).join(' '))).toEqual([
			'default/bad-image-f9bmn ImagePullBackOff',
			'default/crashloop-4wqpg Error',
			'default/init-demo-d2hbj PodInitializing',
			'17 pods: 2 failing, 1 progressing, 14 ok — unhealthy',
		]);
		const whyColumn = lines.slice(0, 3).map(line => line.indexOf(line.split(/ {2,}/)[2]!));
		expect(new Set(whyColumn).size).toBe(1);
	});
});

describe('podlife check (live)', () => {
	let fake: Fake | undefined;
	afterEach(async () => {
		await fake?.close();
		fake = undefined;
	});

	it('judges the cluster after the initial list: a crash loop exits 3', async () => {
		fake = await startFake('crashloop', {startAt: 94_809});
		let out = '';
		const code = await runLiveCheck({kubeconfig: fake.kubeconfig, namespace: null, ...FAST, write: text => void (out += text)});
		expect(code).toBe(EXIT_UNHEALTHY);
		expect(out).toMatch(/^default\/crashloop-g6z5t {2}CrashLoopBackOff {2}crash-loop: container api exited 1 \(Error\) after 3s; 4 restarts in/);
	});

	it('exits 0 on a healthy namespace', async () => {
		fake = await startFake('web', {startAt: 8600});
		let out = '';
		const code = await runLiveCheck({kubeconfig: fake.kubeconfig, namespace: 'default', ...FAST, write: text => void (out += text)});
		expect(code).toBe(EXIT_OK);
		expect(out).toBe('1 pod: 0 failing, 0 progressing, 1 ok — healthy\n');
	});

	it('watches for --for before judging', async () => {
		fake = await startFake('web', {startAt: 1000});
		let out = '';
		const run = runLiveCheck({kubeconfig: fake.kubeconfig, namespace: 'default', ...FAST, forMs: 300, write: text => void (out += text)});
		const {waitUntil} = await import('../sources/live/helpers.js');
		await waitUntil(() => fake!.server.openWatches === 3, 'the watches');
		fake.server.advanceToEnd();
		expect(await run).toBe(EXIT_OK);
		expect(out).toBe('1 pod: 0 failing, 0 progressing, 1 ok — healthy\n');
	});
});
