import {afterEach, describe, expect, it} from 'vitest';
import {runLiveHeadless} from '../../source/output/headless.js';
import {offsetToStartAt} from '../../source/serve/shift-times.js';
import {FAST, startFake, waitUntil, type Fake} from '../sources/live/helpers.js';

let fake: Fake | undefined;
/** rollout-undo.ndjson's recordedAt (captures-full: a real controller-manager's rollouts). */
const ROLLOUT_RECORDED_AT = Date.parse('2026-12-04T15:47:44.493Z');

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

describe('live --output lanes against serve --speed 4, mid-rollout', () => {
	/** The api Deployment's summary line that `podlife -n default -o lanes` prints `t` ms into rollout-undo served at speed 4. */
	async function apiSummary(t: number): Promise<string> {
		fake = await startFake('../captures-full/rollout-undo', {startAt: t, timeShiftMs: offsetToStartAt(ROLLOUT_RECORDED_AT, Date.now()), timeSpeed: 4});
		const server = fake.server;
		let out = '';
		await runLiveHeadless({
			output: 'lanes',
			kubeconfig: fake.kubeconfig,
			namespace: 'default',
			...FAST,
			clock: () => server.serverTime,
			lanes: {width: 120, color: false},
			write: text => void (out += text),
		});
		return out
			.split('\n')
			.find(line => line.includes('Deployment'))!
			.trim();
	}

	it('counts ready pods of those in service when the rollout began before the watch (one of the old pods was deleted unseen)', async () => {
		// 62 s: 784845b95f's pods are coming, f8d4ff6c9's going; one of them (kgr8x) was deleted before the look.
		const line = await apiSummary(62_000);
		// The recorded rollout had taken 7 s by then: under 2 s on the served clock.
		expect(line).toMatch(/^▾ api {2}Deployment {2}rs f8d4ff6c9→784845b95f \(revision unknown\) {2}ready 4\/5 {2}\S{4} rollout [12]s$/);
	});

	it('does not number the revisions of a Deployment whose pods were made before the watch', async () => {
		const line = await apiSummary(26_000);
		expect(line).toMatch(/^▾ api {2}Deployment {2}rs 86c99489f4→f8d4ff6c9 \(revision unknown\) {2}ready 2\/3 /);
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
