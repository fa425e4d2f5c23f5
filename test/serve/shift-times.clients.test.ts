// `podlife serve` plays a session as if it were happening now. A client that reads
// its own clock (podlife live, a recording made from the server) must then see the
// very cells the replay shows at the same offset: AGE, RESTARTS "(Xs ago)", the
// back-off countdowns in FLAGS and WHY. Time is driven by hand: the server's clock
// is the clients' clock, so nothing here depends on how fast the machine is.

import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {compatForServerVersion} from '../../source/model/compat.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {replayInto} from '../../source/output/replay-store.js';
import {tableRow} from '../../source/output/table.js';
import {record} from '../../source/record/recorder.js';
import {isWatchEntry, type SessionEntry} from '../../source/session/format.js';
import {runLiveHeadless} from '../../source/output/headless.js';
import {FAST, startFake, waitUntil, type Fake} from '../sources/live/helpers.js';
import {replayCells} from './helpers.js';

/** mixed.ndjson was recorded on 2026-11-25: serve it as if it started 9 days and a bit later. */
const SHIFT = 9 * 86_400_000 + 37_000;

let fake: Fake | undefined;
afterEach(async () => {
	await fake?.close();
	fake = undefined;
});

/** `podlife -A -o table`'s rows, keyed namespace/name. */
function tableLines(out: string): Map<string, string[]> {
	const [header, ...lines] = out.trimEnd().split('\n');
	// Cut at the header's column starts: cells may hold single spaces (WHY, FLAGS).
	const starts = [...header!.matchAll(/\S+/g)].map(match => match.index);
	const rows = new Map<string, string[]>();
	for (const line of lines) {
		const cells = starts.map((start, index) => line.slice(start, starts[index + 1]).trim());
		rows.set(`${cells[0]}/${cells[1]}`, cells);
	}
	return rows;
}

describe('clients of podlife serve see the replay’s times', () => {
	for (const t of [25_000, 70_000]) {
		it(`podlife -A -o table started ${t / 1000}s into the session prints the replay's cells at ${t / 1000}s`, async () => {
			fake = await startFake('mixed', {startAt: t, timeShiftMs: SHIFT});
			const server = fake.server;
			let out = '';
			await runLiveHeadless({
				output: 'table',
				kubeconfig: fake.kubeconfig,
				namespace: null,
				...FAST,
				clock: () => server.serverTime,
				write: text => void (out += text),
			});
			const replayed = await replayCells('mixed', t);
			const printed = tableLines(out);
			expect([...printed.keys()].sort()).toEqual([...replayed.keys()].sort());
			for (const [key, cells] of printed) expect(cells, key).toEqual(replayed.get(key)!);
			expect(out).not.toMatch(/\b9d\b/);
		});
	}

	it('a live store following the server and a recording made from it show the original cells at every offset', async () => {
		fake = await startFake('mixed', {timeShiftMs: SHIFT});
		const server = fake.server;
		const file = path.join(fake.dir, 'from-serve.ndjson');
		const live = new PodStore({compat: compatForServerVersion(server.header.serverVersion)});
		let received = 0;
		const controller = new AbortController();
		const recording = record({
			file,
			redact: false,
			kubeconfig: fake.kubeconfig,
			namespace: null,
			...FAST,
			signal: controller.signal,
			clock: () => server.serverTime,
			onEntry: (entry: SessionEntry, atMs: number) => {
				live.apply(entry, atMs);
				if (isWatchEntry(entry)) received += 1;
			},
		});
		await waitUntil(() => server.openWatches === 3, 'the watches');

		const checkpoints = [5_000, 12_000, 25_000, 40_000, 70_000, 95_000];
		const times = [...new Set(fake.entries.map(entry => entry.t)), ...checkpoints].sort((a, b) => a - b);
		let sent = 0;
		const liveCells = new Map<number, Map<string, string[]>>();
		for (const t of times) {
			// One moment at a time, each change received before the clock moves on: the client stamps
			// every entry with the moment it happened, as it would in real time.
			sent += server.advanceTo(t).length;
			await waitUntil(() => received === sent, `the changes up to ${t} ms`);
			if (!checkpoints.includes(t)) continue;
			const view = live.view();
			const now = server.serverTime;
			liveCells.set(t, new Map([...view.pods.values()].filter(pod => pod.deletedAt === null).map(pod => [pod.key, tableRow(pod, now, view)])));
		}
		controller.abort();
		await recording;

		for (const t of checkpoints) {
			const original = await replayCells('mixed', t);
			expect(liveCells.get(t), `live at ${t} ms`).toEqual(original);
			const {store, now} = await replayInto(file, t, {warn: () => undefined});
			const view = store.view();
			const recorded = new Map([...view.pods.values()].filter(pod => pod.deletedAt === null).map(pod => [pod.key, tableRow(pod, now, view)]));
			expect(recorded, `the recording at ${t} ms`).toEqual(original);
		}
	});
});
