// `podlife serve --speed N` plays N session seconds per second of the wall clock; the times in
// the objects it serves must run at that pace too, or a client reading them against its own clock
// sees pods made in the future ("<invalid>" ages) and deleted "<invalid> ago".

import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {runLiveHeadless} from '../../source/output/headless.js';
import {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {kubeconfigFor} from '../../source/serve/kubeconfig.js';
import {runServe} from '../../source/serve/run-serve.js';
import {isWatchEntry} from '../../source/session/format.js';
import {FAST} from '../sources/live/helpers.js';
import {capturePath, readCapture, replayCells, waitFor} from './helpers.js';

/** A real rollout (captures-full): pods made, made ready and deleted over 105 s. */
const ROLLOUT = '../captures-full/rollout-undo';
const SHIFT = 3 * 86_400_000;

let server: FakeApiServer | undefined;
let dir: string | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
	if (dir) await rm(dir, {recursive: true, force: true});
	dir = undefined;
});

/** `podlife -A -o table`'s rows, keyed namespace/name: the cells cut at the header's column starts. */
function tableRows(out: string): Map<string, Record<string, string>> {
	const [header, ...lines] = out.trimEnd().split('\n');
	const columns = [...header!.matchAll(/\S+/g)].map(match => ({name: match[0], start: match.index}));
	const rows = new Map<string, Record<string, string>>();
	for (const line of lines) {
		const row = Object.fromEntries(columns.map((column, index) => [column.name, line.slice(column.start, columns[index + 1]?.start).trim()]));
		rows.set(`${row['NAMESPACE']}/${row['NAME']}`, row);
	}
	return rows;
}

/** Session time (ms) each pod was made at, from its recorded creationTimestamp. */
function madeAt(): Map<string, number> {
	const {header, entries} = readCapture(ROLLOUT);
	const recordedAt = Date.parse(header.recordedAt);
	const made = new Map<string, number>();
	for (const entry of entries) {
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') continue;
		made.set(`${entry.object.metadata!.namespace}/${entry.object.metadata!.name}`, Date.parse(entry.object.metadata!.creationTimestamp!) - recordedAt);
	}
	return made;
}

const seconds = (age: string): number => Number(/^(\d+)s$/.exec(age)?.[1] ?? Number.NaN);

describe('serve at a speed: the served times run at that speed', () => {
	it('podlife -A -o table 31 s into the rollout at speed 4 reads each age as a quarter of the replay’s, and the delete 1 s before as 0s ago', async () => {
		const {header, entries} = readCapture(ROLLOUT);
		server = new FakeApiServer({header, entries, startAt: 31_000, timeShiftMs: SHIFT, timeSpeed: 4});
		const url = await server.start();
		dir = await mkdtemp(join(tmpdir(), 'podlife-served-clock-'));
		const kubeconfig = join(dir, 'kubeconfig');
		await writeFile(kubeconfig, kubeconfigFor(url, {name: 'fake'}));
		let out = '';
		const at = server;
		await runLiveHeadless({output: 'table', kubeconfig, namespace: null, ...FAST, clock: () => at.serverTime, write: text => void (out += text)});
		const printed = tableRows(out);
		const replayed = await replayCells(ROLLOUT, 31_000);
		expect([...printed.keys()].sort()).toEqual([...replayed.keys()].sort());
		expect(out).not.toContain('<invalid>');
		const made = madeAt();
		for (const [key, row] of printed) {
			const t = made.get(key)!;
			// Made before the recording began: as old as the replay says (its distance is kept) plus 31 s / 4.
			const expected = t < 0 ? -t / 1000 + 31 / 4 : (31_000 - t) / 4000;
			// Times are cut to whole seconds as the server writes them: an age reads up to a second more.
			expect(seconds(row['AGE']!), `${key} AGE ${row['AGE']}`).toBeGreaterThanOrEqual(Math.floor(expected));
			expect(seconds(row['AGE']!), `${key} AGE ${row['AGE']}`).toBeLessThanOrEqual(Math.floor(expected) + 1);
		}
		// Deleted 1.15 s of the session before: 0.3 s ago on the served clock, its 30 s grace period running.
		expect(printed.get('default/api-86c99489f4-ns94p')!['WHY']).toMatch(/^terminating: deleted [01]s ago, grace period 30s ends in (28|29)s/);
		expect(replayed.get('default/api-86c99489f4-ns94p')!.at(-1)).toMatch(/deleted 1s ago/);
	});

	it('podlife serve --speed 16 watched live: no pod made in the future, pods older than the session as old as they were', async () => {
		dir = await mkdtemp(join(tmpdir(), 'podlife-served-clock-'));
		const kubeconfig = join(dir, 'kubeconfig');
		let stop!: () => void;
		const until = new Promise<void>(resolve => (stop = resolve));
		const announced: string[] = [];
		const started = Date.now();
		const running = runServe({file: capturePath(ROLLOUT), speed: 16, kubeconfigOut: kubeconfig, until, onListening: line => announced.push(line)});
		await waitFor(() => announced[0], 'the announcement');
		// 40 s into the session: the first rollout's pods are made, one of the old ones deleted.
		await new Promise(resolve => setTimeout(resolve, 40_000 / 16 - (Date.now() - started)));
		let out = '';
		await runLiveHeadless({output: 'table', kubeconfig, namespace: null, ...FAST, write: text => void (out += text)});
		const listedAfter = (Date.now() - started) / 1000;
		stop();
		await running;
		expect(out).not.toContain('<invalid>');
		const made = madeAt();
		const rows = tableRows(out);
		expect([...rows.keys()].some(key => key.startsWith('default/api-'))).toBe(true);
		for (const [key, row] of rows) {
			const t = made.get(key)!;
			const age = seconds(row['AGE']!);
			// Made in the session: no older than the served session is (plus the second its start is rounded up to).
			if (t >= 0) expect(age, `${key} AGE ${row['AGE']}`).toBeLessThanOrEqual(Math.ceil(listedAfter) + 1);
			// Made before it: as old as when the recording began, not sped up.
			else expect(age, `${key} AGE ${row['AGE']}`).toBeGreaterThanOrEqual(Math.floor(-t / 1000));
		}
	});
});
