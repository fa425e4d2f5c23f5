// `podlife replay FILE --output trace` draws every life of a pod name: a StatefulSet's pod deleted
// and made again under its name keeps its first life's track, beside the new one.

import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';

const STATEFULSET = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full', 'statefulset.ndjson');

interface Event {
	name: string;
	ph: string;
	tid: number;
	ts: number;
	args?: Record<string, unknown>;
}

describe('--output trace of a pod made again under its name', () => {
	it('gives each life its own track: the first ends with its deletion, the second starts after it', async () => {
		let out = '';
		expect(await main(['replay', STATEFULSET, '-o', 'trace'], {write: text => void (out += text), warn: () => undefined, isTty: false})).toBe(0);
		const {traceEvents} = JSON.parse(out) as {traceEvents: Event[]};
		const tracks = traceEvents.filter(event => event.name === 'thread_name' && event.args?.['name'] === 'db-0').map(event => event.tid);
		expect(tracks).toHaveLength(2);
		const [first, second] = tracks.map(tid => traceEvents.filter(event => event.tid === tid && event.ph !== 'M'));
		const deleted = first!.find(event => event.name === 'deleted');
		expect(deleted).toBeDefined();
		expect(Math.min(...second!.map(event => event.ts))).toBeGreaterThanOrEqual(deleted!.ts);
		expect(second!.find(event => event.name === 'deleted')).toBeUndefined();
	});
});
