// A day of churn on an accelerated clock: the fake server plays 24 simulated hours of rollouts,
// crash loops and node flaps into the live store, with a disconnect every hour and a 410 (the
// watch cache expiring, then compaction) every three. Memory after a full GC and the cost of a
// frame are sampled every simulated hour; after the first hour they must stay flat — the store
// keeps what is alive and what died recently, not everything that ever lived. Ratios within one
// run, never wall-clock limits. Time moves by hand (advanceTo), so the day takes seconds.

import v8 from 'node:v8';
import vm from 'node:vm';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {startLiveStore, type LiveStore} from '../../source/sources/live/live-store.js';
import {isWatchEntry, type SessionEntry} from '../../source/session/format.js';
import {deriveFrame, frameMemory} from '../../source/view/frame.js';
import {initialUiState} from '../../source/view/ui-state.js';
import {helpGroups} from '../../source/ui/help-groups.js';
import {FAST, waitUntil} from '../sources/live/helpers.js';
import {tempDir} from '../sources/live/kubeconfig-fixture.js';
import {kubeconfigFor} from '../../source/serve/kubeconfig.js';
import {churnSession, HOUR, RECORDED_AT} from './churn-session.js';
import fs from 'node:fs';
import path from 'node:path';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const HOURS = 24;
const STEP_MS = 60_000;
const RECORDED_AT_MS = Date.parse(RECORDED_AT);

let server: FakeApiServer | undefined;
let live: LiveStore | undefined;
let dir: string | undefined;
afterEach(async () => {
	await live?.stop();
	await server?.close();
	if (dir) fs.rmSync(dir, {recursive: true, force: true});
	live = server = dir = undefined;
});

interface HourSample {
	hour: number;
	heapMb: number;
	rssMb: number;
	/** Median CPU time of the frames derived this hour (µs). */
	frameUs: number;
	pods: number;
	tombstones: number;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function mean(values: number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The resourceVersion an entry brings the client to, by resource. */
function seen(entry: SessionEntry, last: Map<string, number>): void {
	if (entry.type === 'SYNCED') last.set(entry.resource, Math.max(last.get(entry.resource) ?? 0, Number(entry.resourceVersion)));
	else if (isWatchEntry(entry)) {
		const resource = {Pod: 'pods', Node: 'nodes', Event: 'events'}[entry.object.kind ?? ''] ?? '';
		last.set(resource, Math.max(last.get(resource) ?? 0, Number(entry.object.metadata?.resourceVersion ?? 0)));
	}
}

describe('soak: 24 simulated hours of churn', () => {
	it('keeps memory and the cost of a frame flat after the first hour, through disconnects and 410s', async () => {
		const {header, entries} = churnSession({hours: HOURS, namespaces: 4, deploymentsPerNamespace: 10, replicas: 3, crashLoopers: 10, nodes: 5});
		server = new FakeApiServer({header, entries, startAt: 0});
		const url = await server.start();
		dir = tempDir();
		const kubeconfig = path.join(dir, 'kubeconfig');
		fs.writeFileSync(kubeconfig, kubeconfigFor(url));
		let t = 0;
		const clock = () => RECORDED_AT_MS + t;
		const last = new Map<string, number>();
		let podLists = 0;
		const counted = (entry: SessionEntry) => {
			seen(entry, last);
			if (entry.type === 'SYNCED' && entry.resource === 'pods') podLists++;
		};
		live = await startLiveStore({kubeconfig, namespace: null, ...FAST, clock}, {onApplied: counted});
		await live.source.synced;
		const {store} = live;

		let state = initialUiState();
		const memory = frameMemory(state);
		const help = helpGroups(false);
		const frameCost = (): number => {
			const before = process.cpuUsage();
			const frame = deriveFrame({store, memory, state, info: live!.source.info, player: null, now: clock(), columns: 160, rows: 50, help});
			state = frame.state;
			const used = process.cpuUsage(before);
			return used.user + used.system;
		};

		const samples: HourSample[] = [];
		let frames: number[] = [];
		for (t = STEP_MS; t <= HOURS * HOUR; t += STEP_MS) {
			const changes = server.advanceTo(t);
			const hourMark = t % HOUR === 0;
			if (t % HOUR === 20 * 60_000) server.cutWatches();
			if (t % (3 * HOUR) === 40 * 60_000) {
				// The watch cache drops its watchers, then the store compacts: the resume is refused too, a relist follows.
				server.expireResourceVersionsBefore(server.resourceVersion);
				server.expireOpenWatches();
			}
			const wanted = new Map<string, number>();
			for (const change of changes) wanted.set(change.resource, Math.max(wanted.get(change.resource) ?? 0, change.rv));
			await waitUntil(() => [...wanted].every(([resource, rv]) => (last.get(resource) ?? 0) >= rv), `the client to catch up at ${t / 60_000} min`);
			frames.push(frameCost());
			if (hourMark) {
				gc();
				const usage = process.memoryUsage();
				const view = store.view();
				samples.push({
					hour: t / HOUR,
					heapMb: usage.heapUsed / 2 ** 20,
					rssMb: usage.rss / 2 ** 20,
					frameUs: median(frames),
					pods: [...view.pods.values()].filter(pod => pod.deletedAt === null).length,
					tombstones: [...view.pods.values()].filter(pod => pod.deletedAt !== null).length,
				});
				frames = [];
			}
		}
		// Shown when the test fails, and with --reporter=verbose: the trend itself.
		console.log(
			samples
				.map(s => `h${s.hour} heap ${s.heapMb.toFixed(1)} MB rss ${s.rssMb.toFixed(0)} MB frame ${s.frameUs} µs pods ${s.pods} tombstones ${s.tombstones}`)
				.join('\n'),
		);

		// Every pod the server has is in the store, and no more: nothing lost or kept through the disconnects and relists.
		const alive = [...store.view().pods.values()]
			.filter(pod => pod.deletedAt === null)
			.map(pod => pod.key)
			.sort();
		const served = server.history
			.list('pods')
			.map(({object}) => `${object.metadata?.namespace}/${object.metadata?.name}`)
			.sort();
		expect(alive).toEqual(served);

		// The faults happened: a relist after each 410 (eight), a resumed watch after each cut.
		expect(podLists).toBeGreaterThanOrEqual(1 + 8);
		expect(server.count({verb: 'watch', resource: 'pods'})).toBeGreaterThanOrEqual(1 + HOURS + 8);

		const early = samples.slice(1, 4);
		const late = samples.slice(-4);
		// Deleted pods are kept a few minutes, then dropped: their number does not grow with the day.
		expect(Math.max(...late.map(s => s.tombstones))).toBeLessThanOrEqual(Math.max(...early.map(s => s.tombstones)) + 10);
		expect(mean(late.map(s => s.heapMb)) / mean(early.map(s => s.heapMb))).toBeLessThan(1.15);
		expect(mean(late.map(s => s.rssMb)) / mean(early.map(s => s.rssMb))).toBeLessThan(1.25);
		expect(median(late.map(s => s.frameUs)) / median(early.map(s => s.frameUs))).toBeLessThan(2);
	}, 120_000);
});
