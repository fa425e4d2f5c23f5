// `podlife replay FILE --output trace` as a user runs it: the file parses as Chrome trace-event
// JSON and keeps the format's rules (every slice has ts and dur in microseconds and a name, every
// track is named by metadata, slices on one thread do not overlap), and it says what the
// recording says: at every row the API server printed for a pod, that pod's slice is named by
// that row's STATUS and READY; each Kubernetes Event of a pod is an instant on its thread; a
// Deployment's rollouts are slices of their own.

import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import type {KubeEvent, Pod} from '../../source/kube/objects.js';
import {isWatchEntry} from '../../source/session/format.js';
import {loadCapture} from '../helpers/load-capture.js';

const FULL = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full');

interface Event {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	s?: string;
	cat?: string;
	args?: Record<string, unknown>;
}

async function trace(file: string, ...args: string[]): Promise<{traceEvents: Event[]; displayTimeUnit?: string}> {
	let out = '';
	const code = await main(['replay', file, '-o', 'trace', ...args], {write: text => void (out += text), warn: () => undefined, isTty: false});
	expect(code).toBe(0);
	return JSON.parse(out) as {traceEvents: Event[]; displayTimeUnit?: string};
}

/** Thread names by "pid/tid" and process names by pid. */
function trackNames(events: Event[]): {threads: Map<string, string>; processes: Map<number, string>} {
	const threads = new Map<string, string>();
	const processes = new Map<number, string>();
	for (const event of events) {
		if (event.ph !== 'M') continue;
		if (event.name === 'thread_name') threads.set(`${event.pid}/${event.tid}`, String(event.args!['name']));
		if (event.name === 'process_name') processes.set(event.pid, String(event.args!['name']));
	}
	return {threads, processes};
}

for (const name of ['rollout-undo', 'statefulset', 'placement']) {
	const file = path.join(FULL, `${name}.ndjson`);
	describe(`--output trace of ${name}`, () => {
		it('keeps the trace-event format: named tracks, slices with ts and dur in µs, no overlap on a thread', async () => {
			const {traceEvents, displayTimeUnit} = await trace(file);
			// Microseconds, the format's unit; no displayTimeUnit, which older Perfetto read as the unit of ts.
			expect(displayTimeUnit).toBeUndefined();
			const {threads, processes} = trackNames(traceEvents);
			const capture = loadCapture(file);
			const start = Date.parse(capture.header.recordedAt) * 1000;
			const end = start + capture.entries.at(-1)!.t * 1000;
			const byThread = new Map<string, Event[]>();
			for (const event of traceEvents) {
				expect(['X', 'i', 'M']).toContain(event.ph);
				expect(Number.isInteger(event.pid) && Number.isInteger(event.tid)).toBe(true);
				if (event.ph === 'M') continue;
				expect(event.name).not.toBe('');
				expect(processes.has(event.pid)).toBe(true);
				expect(threads.has(`${event.pid}/${event.tid}`)).toBe(true);
				expect(Number.isInteger(event.ts)).toBe(true);
				if (event.ph === 'i') {
					expect(event.s).toBe('t');
					continue;
				}
				// A row printed at the recording's very end lasted no time the trace holds: its slice has none.
				expect(Number.isInteger(event.dur) && (event.dur! > 0 || event.ts === end)).toBe(true);
				// Microseconds of the recording's own clock: within the session, but for a pod's life before the
				// recording, as its object told it (trace.before-sight.test.ts), which ends before its first seen slice.
				if (event.cat === 'before-sight') expect(event.ts).toBeGreaterThan(0);
				else expect(event.ts).toBeGreaterThanOrEqual(start);
				expect(event.ts + event.dur!).toBeLessThanOrEqual(end);
				const key = `${event.pid}/${event.tid}`;
				byThread.set(key, [...(byThread.get(key) ?? []), event]);
			}
			for (const [key, slices] of byThread) {
				const sorted = slices.sort((a, b) => a.ts - b.ts);
				for (let index = 1; index < sorted.length; index++)
					expect(sorted[index]!.ts, key).toBeGreaterThanOrEqual(sorted[index - 1]!.ts + sorted[index - 1]!.dur!);
			}
		});

		it('names each pod’s slice at every printed row by that row’s STATUS and READY, and puts each Event on its pod', async () => {
			const {traceEvents} = await trace(file);
			const {threads} = trackNames(traceEvents);
			const capture = loadCapture(file);
			const recordedAt = Date.parse(capture.header.recordedAt);
			const end = capture.entries.at(-1)!.t;
			// A pod's threads by its name (each name is one pod in these sessions, but db-0: a thread for each life).
			// The rows printed at the recording's last moment count too: what the pod became then (db-0 ready,
			// near-front running) is in the trace, as a slice of no duration.
			const threadsOf = new Map<string, string[]>();
			for (const [key, threadName] of threads) {
				const name = threadName.includes('/') ? threadName.split('/')[1]! : threadName;
				threadsOf.set(name, [...(threadsOf.get(name) ?? []), key]);
			}
			let rows = 0;
			const events = new Map<string, KubeEvent>();
			for (const entry of capture.entries) {
				if (!isWatchEntry(entry)) continue;
				if (entry.object.kind === 'Event') {
					events.set((entry.object as KubeEvent).metadata?.uid ?? '', entry.object as KubeEvent);
					continue;
				}
				if (entry.object.kind !== 'Pod' || !entry.row || entry.type === 'DELETED') continue;
				const pod = entry.object as Pod;
				const thread = threadsOf.get(pod.metadata.name!);
				expect(thread, pod.metadata.name).toBeDefined();
				const at = (recordedAt + entry.t) * 1000;
				const slice = traceEvents.find(
					event =>
						event.ph === 'X' &&
						thread!.includes(`${event.pid}/${event.tid}`) &&
						event.ts <= at &&
						(at < event.ts + event.dur! || (entry.t === end && event.ts === at)),
				);
				expect(slice?.name, `${pod.metadata.name} at ${entry.t}`).toBe(`${entry.row.status} ${entry.row.ready}`);
				rows++;
			}
			expect(rows).toBeGreaterThan(20);
			for (const event of events.values()) {
				const thread = threadsOf.get(event.involvedObject?.name ?? '') ?? [];
				const found = traceEvents.filter(
					candidate => candidate.ph === 'i' && thread.includes(`${candidate.pid}/${candidate.tid}`) && candidate.name === event.reason,
				);
				expect(found.length, `${event.reason} of ${event.involvedObject?.name}`).toBeGreaterThan(0);
			}
		});
	});
}

describe('--output trace of a rollout', () => {
	it('groups pods by workload, shows the rollouts with their revisions and each restart', async () => {
		const {traceEvents} = await trace(path.join(FULL, 'rollout-undo.ndjson'));
		const {threads, processes} = trackNames(traceEvents);
		const api = [...processes].find(([, name]) => name === 'Deployment default/api')![0];
		const apiThreads = [...threads].filter(([key]) => key.startsWith(`${api}/`)).map(([, name]) => name);
		expect(apiThreads[0]).toBe('rollouts');
		expect(apiThreads.slice(1).every(name => name.startsWith('api-'))).toBe(true);
		expect(apiThreads).toHaveLength(1 + 14);
		expect([...processes.values()]).toContain('static pods on kind-control-plane');
		const rollouts = traceEvents.filter(event => event.cat === 'rollout');
		expect(rollouts.map(event => [event.name, event.dur])).toEqual([
			['rollout rev 1→2', 11_746_000],
			['rollout rev 2→3', 9_201_000],
			['rollout rev 3→4', 17_513_000],
		]);
		// The crashing revision's four pods restarted; each restart is an instant on its pod.
		const restarts = traceEvents.filter(event => event.cat === 'restart');
		expect(restarts.length).toBeGreaterThanOrEqual(8);
		expect(new Set(restarts.map(event => threads.get(`${event.pid}/${event.tid}`)!.slice(0, 14)))).toEqual(new Set(['api-784845b95f']));
	});

	it('stops at --at', async () => {
		const {traceEvents} = await trace(path.join(FULL, 'rollout-undo.ndjson'), '--at', '1:00');
		const capture = loadCapture(path.join(FULL, 'rollout-undo.ndjson'));
		const limit = (Date.parse(capture.header.recordedAt) + 60_000) * 1000;
		for (const event of traceEvents) if (event.ph !== 'M') expect(event.ts + (event.dur ?? 0)).toBeLessThanOrEqual(limit);
		expect(traceEvents.filter(event => event.cat === 'rollout').map(event => event.args!['outcome'])).toEqual(['complete', 'in-progress']);
	});
});
