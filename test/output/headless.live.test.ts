import {afterEach, describe, expect, it} from 'vitest';
import {runLiveHeadless} from '../../source/output/headless.js';
import {FAST, startFake, waitUntil, type Fake} from '../sources/live/helpers.js';

let fake: Fake | undefined;

afterEach(async () => {
	await fake?.close();
	fake = undefined;
});

describe('live headless output', () => {
	it('prints the pods as a table once the initial list is in', async () => {
		fake = await startFake('web', {startAt: 8600});
		let out = '';
		await runLiveHeadless({output: 'table', kubeconfig: fake.kubeconfig, namespace: null, ...FAST, write: text => void (out += text)});
		const lines = out.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS/);
		expect(lines).toHaveLength(13); // header + 11 kube-system pods + web
		expect(out).toMatch(/default\s+web-fjmnw\s+1\/1\s+Running/);
	});

	it('prints json for the namespace of the context', async () => {
		fake = await startFake('web', {startAt: 8600});
		let out = '';
		await runLiveHeadless({output: 'json', kubeconfig: fake.kubeconfig, ...FAST, write: text => void (out += text)});
		const doc = JSON.parse(out) as {pods: Array<{namespace: string; name: string; status: string}>};
		expect(doc.pods.map(pod => `${pod.namespace}/${pod.name} ${pod.status}`)).toEqual(['default/web-fjmnw Running']);
	});

	it('streams one ndjson line per pod change until stopped', async () => {
		fake = await startFake('web', {startAt: 1000});
		const lines: string[] = [];
		const controller = new AbortController();
		const run = runLiveHeadless({
			output: 'ndjson',
			kubeconfig: fake.kubeconfig,
			namespace: 'default',
			...FAST,
			signal: controller.signal,
			write: text => void lines.push(text),
		});
		await waitUntil(() => fake!.server.openWatches === 3, 'the watches');
		fake.server.advanceToEnd();
		await waitUntil(() => lines.some(line => /"status":"Running"/.test(line) && /"ready":"1\/1"/.test(line)), 'web Running 1/1');
		controller.abort();
		await run;
		const parsed = lines.map(line => JSON.parse(line) as {name: string; type: string; status: string});
		expect(parsed.every(line => line.name === 'web-fjmnw')).toBe(true);
		expect(parsed[0]).toMatchObject({type: 'ADDED', status: 'Pending'});
		expect(lines.every(line => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
	});

	it('prints the state after --watch-for', async () => {
		fake = await startFake('web', {startAt: 1000});
		let out = '';
		const run = runLiveHeadless({output: 'table', kubeconfig: fake.kubeconfig, ...FAST, watchForMs: 400, write: text => void (out += text)});
		await waitUntil(() => fake!.server.openWatches === 3, 'the watches');
		fake.server.advanceToEnd();
		await run;
		expect(out).toMatch(/web-fjmnw\s+1\/1\s+Running/);
	});
});
