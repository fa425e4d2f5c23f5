// A replayed session's pods that were there before the recording began, as `podlife replay FILE
// --output trace` writes them: before each one's first seen slice, its life from its creation as its
// object tells it, in slices of their own (category "before-sight"), which the trace viewers import.

import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import {firstSight} from '../helpers/first-sight.js';
import {importTrace} from '../helpers/trace-import.js';

const ROLLOUT = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full', 'rollout-undo.ndjson');
const COREDNS = 'coredns-6fc664ddd6-nmb5x';

async function podlife(...args: string[]): Promise<{code: number; out: string}> {
	let out = '';
	const code = await main(args, {write: text => void (out += text), warn: () => undefined, isTty: false, columns: 100});
	return {code, out};
}

describe('--output trace before the recording began', () => {
	it('writes a pod’s life before the recording as slices of their own, where its object puts them, up to its first seen slice', async () => {
		const pod = firstSight(ROLLOUT, COREDNS);
		const {code, out} = await podlife('replay', ROLLOUT, '-o', 'trace');
		expect(code).toBe(0);
		const trace = importTrace(out);
		expect(trace.problems).toEqual([]);
		const thread = [...trace.threads.values()].find(candidate => candidate.name === COREDNS)!;
		const µs = (ms: number): number => ms * 1000;
		const slices = thread.slices.filter(slice => slice.ph === 'X');
		// Scheduled at its creation: no pending stretch; then creating, running and ready up to the first sight.
		expect(pod.scheduled).toBe(pod.created);
		expect(slices.slice(0, 4)).toEqual([
			{name: 'creating (before podlife watched: from the object, not seen)', ph: 'X', ts: µs(pod.created), dur: µs(pod.running - pod.created), depth: 0},
			{name: 'running (before podlife watched: from the object, not seen)', ph: 'X', ts: µs(pod.running), dur: µs(pod.ready - pod.running), depth: 0},
			{name: 'ready (before podlife watched: from the object, not seen)', ph: 'X', ts: µs(pod.ready), dur: µs(pod.seen - pod.ready), depth: 0},
			expect.objectContaining({name: 'Running 1/1', ts: µs(pod.seen), depth: 0}),
		]);
		// Their category tells them from the STATUS slices the server printed; every pod there before the recording has them.
		const events = (JSON.parse(out) as {traceEvents: Array<{name: string; cat?: string; tid: number; args?: Record<string, unknown>}>}).traceEvents;
		const before = events.filter(event => event.cat === 'before-sight');
		expect(new Set(before.map(event => event.tid)).size).toBe(11);
		expect(before.every(event => event.args?.['seen'] === false && / \(before podlife watched: from the object, not seen\)$/.test(event.name))).toBe(true);
	});
});
