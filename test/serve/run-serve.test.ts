import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CoreV1Api, KubeConfig, type V1Pod} from '@kubernetes/client-node';
import {describe, expect, it} from 'vitest';
import {UserError} from '../../source/errors.js';
import {runServe} from '../../source/serve/run-serve.js';
import {capturePath, kubeConfig, podEntries, readCapture, waitFor} from './helpers.js';

describe('podlife serve', () => {
	it('serves as a user allowed pods in some namespaces only, and takes that back after --revoke-after', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'podlife-serve-test-'));
		const kubeconfigOut = join(dir, 'config');
		let stop!: () => void;
		const until = new Promise<void>(resolve => (stop = resolve));
		const announced: string[] = [];
		const warnings: string[] = [];
		const running = runServe({
			file: capturePath('mixed'),
			kubeconfigOut,
			until,
			allowNamespaces: ['kube-system', 'default'],
			revokeAfterMs: 1500,
			warn: line => warnings.push(line),
			onListening: line => announced.push(line),
		});
		const line = await waitFor(() => announced[0], 'the announcement');
		expect(line).toContain('as user podlife-viewer allowed pods in kube-system, default only');
		const kc = new KubeConfig();
		kc.loadFromString(await readFile(kubeconfigOut, 'utf8'));
		// The context names the first namespace allowed: podlife without -n starts where it may look.
		expect(kc.getContextObject(kc.getCurrentContext())?.namespace).toBe('kube-system');
		const api = kc.makeApiClient(CoreV1Api);
		expect((await api.listNamespacedPod({namespace: 'kube-system'})).kind).toBe('PodList');
		await expect(api.listPodForAllNamespaces()).rejects.toMatchObject({
			code: 403,
			body: expect.stringContaining('User \\"podlife-viewer\\" cannot list resource \\"pods\\" in API group \\"\\" at the cluster scope'),
		});
		await expect(api.listNode()).rejects.toMatchObject({code: 403});
		await waitFor(() => warnings[0], 'the revocation');
		expect(warnings).toEqual(['revoked the access of podlife-viewer: every request is answered 403 Forbidden from now on']);
		await expect(api.listNamespacedPod({namespace: 'kube-system'})).rejects.toMatchObject({code: 403});
		stop();
		await running;
		await rm(dir, {recursive: true, force: true});
	});

	it('announces itself in one line, writes a kubeconfig client-node can use, and plays the session', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'podlife-serve-test-'));
		const kubeconfigOut = join(dir, 'config');
		let stop!: () => void;
		const until = new Promise<void>(resolve => (stop = resolve));
		const announced: Array<{line: string; url: string}> = [];
		// 1000× speed: the 8.5 s session plays in under 10 ms.
		const running = runServe({file: capturePath('web'), speed: 1000, kubeconfigOut, until, onListening: (line, url) => announced.push({line, url})});

		const {line, url} = await waitFor(() => announced[0], 'the announcement');
		expect(line).toMatch(
			/^serving .*web\.ndjson \(web: nginx pod, [^)]*\) at http:\/\/127\.0\.0\.1:\d+ — point a kubeconfig at it; Ctrl-C stops — kubeconfig: /,
		);
		expect(line).toContain(url);
		expect(line).toContain(kubeconfigOut);
		expect(line).not.toContain('\n');

		const kc = new KubeConfig();
		kc.loadFromString(await readFile(kubeconfigOut, 'utf8'));
		expect(kc.getCurrentCluster()?.server).toBe(url);
		const api = kc.makeApiClient(CoreV1Api);
		// Played in real time (sped up): poll until the pod reaches its last recorded phase.
		let phase: string | undefined;
		for (let attempt = 0; attempt < 200 && phase !== 'Running'; attempt++) {
			const pods = await api.listNamespacedPod({namespace: 'default'});
			phase = pods.items.find(pod => pod.metadata?.name === 'web-fjmnw')?.status?.phase;
			if (phase !== 'Running') await new Promise(resolve => setTimeout(resolve, 10));
		}
		expect(phase).toBe('Running');

		stop();
		await running;
		await expect(api.listNamespacedPod({namespace: 'default'})).rejects.toThrow();
		await rm(dir, {recursive: true, force: true});
	});

	for (const originalTimes of [false, true]) {
		it(originalTimes ? 'serves the times as recorded with --original-times' : 'moves the session to now: its t = 0 is when the server started', async () => {
			const {header, entries} = readCapture('web');
			const recorded = podEntries(entries).find(entry => entry.object.metadata?.namespace === 'default')!;
			let stop!: () => void;
			const until = new Promise<void>(resolve => (stop = resolve));
			const announced: Array<{line: string; url: string}> = [];
			const before = Date.now();
			const running = runServe({file: capturePath('web'), speed: 1000, originalTimes, until, onListening: (line, url) => announced.push({line, url})});
			const {line, url} = await waitFor(() => announced[0], 'the announcement');
			const after = Date.now();
			expect(line).toContain(originalTimes ? 'times as recorded' : 'times moved to now');
			const api = kubeConfig(url).makeApiClient(CoreV1Api);
			let pod: V1Pod | undefined;
			for (let attempt = 0; attempt < 300 && !pod; attempt++) {
				pod = (await api.listNamespacedPod({namespace: 'default'})).items[0];
				if (!pod) await new Promise(resolve => setTimeout(resolve, 10));
			}
			stop();
			await running;
			const served = pod!.metadata!.creationTimestamp!.getTime();
			const made = Date.parse(recorded.object.metadata!.creationTimestamp!);
			if (originalTimes) expect(served).toBe(made);
			else {
				// t = 0 (recordedAt, moved) is when the server started, or within the second after; at 1000×
				// the pod made a few seconds into the session is made a few ms after that (cut to its second).
				const madeAfter = (made - Date.parse(header.recordedAt)) / 1000;
				expect(served).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
				expect(served).toBeLessThan(after + 1000 + madeAfter);
			}
		});
	}

	it('removes the temporary kubeconfig it made when it stops', async () => {
		let stop!: () => void;
		const until = new Promise<void>(resolve => (stop = resolve));
		const lines: string[] = [];
		const running = runServe({file: capturePath('web'), until, onListening: line => lines.push(line)});
		const line = await waitFor(() => lines[0], 'the announcement');
		const path = line.split('kubeconfig: ')[1]!;
		expect(existsSync(path)).toBe(true);
		stop();
		await running;
		expect(existsSync(path)).toBe(false);
	});

	it('fails with a one-line user error naming a file it cannot read', async () => {
		const failure = await runServe({file: '/nonexistent/session.ndjson', until: Promise.resolve()}).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(UserError);
		expect((failure as Error).message).toContain('/nonexistent/session.ndjson');
		expect((failure as Error).message).not.toContain('\n');
	});
});
