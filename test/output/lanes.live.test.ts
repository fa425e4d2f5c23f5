import {afterEach, describe, expect, it} from 'vitest';
import {runLiveHeadless} from '../../source/output/headless.js';
import {FAST, startFake, waitUntil, type Fake} from '../sources/live/helpers.js';

let fake: Fake | undefined;

afterEach(async () => {
	await fake?.close();
	fake = undefined;
});

describe('live --output lanes', () => {
	it('draws the lanes from the start of the watch to now, after --watch-for', async () => {
		fake = await startFake('web', {startAt: 1000});
		let out = '';
		const run = runLiveHeadless({
			output: 'lanes',
			kubeconfig: fake.kubeconfig,
			namespace: 'default',
			...FAST,
			watchForMs: 400,
			lanes: {width: 80, color: false},
			write: text => void (out += text),
		});
		await waitUntil(() => fake!.server.openWatches === 3, 'the watches');
		fake.server.advanceToEnd();
		await run;
		const lines = out.split('\n');
		expect(lines[0]).toMatch(/^Lanes \d\d:\d\d:\d\d–\d\d:\d\d:\d\d UTC \(10s, .*\) · ▼ .* · 1 pod( in 1 workload)?$/);
		// One namespace: the name alone; the pod ends the watch Running and ready.
		const web = lines.find(line => /^ +web-fjmnw /.test(line));
		expect(web).toMatch(/█$/);
		expect(lines.filter(line => [...line].length > 80)).toEqual([]);
	});
});

describe('live --output trace', () => {
	it('writes the watched pods’ lives as trace events, after --watch-for', async () => {
		fake = await startFake('web', {startAt: 1000});
		let out = '';
		const run = runLiveHeadless({
			output: 'trace',
			kubeconfig: fake.kubeconfig,
			namespace: 'default',
			...FAST,
			watchForMs: 400,
			write: text => void (out += text),
		});
		await waitUntil(() => fake!.server.openWatches === 3, 'the watches');
		fake.server.advanceToEnd();
		await run;
		const {traceEvents} = JSON.parse(out) as {traceEvents: Array<{name: string; ph: string; args?: {name?: string}; dur?: number}>};
		expect(traceEvents.filter(event => event.name === 'thread_name').map(event => event.args?.name)).toEqual(['web-fjmnw']);
		// The pod ends the watch Running and ready: its last slice says so.
		expect(traceEvents.filter(event => event.ph === 'X').at(-1)?.name).toBe('Running 1/1');
	});
});
