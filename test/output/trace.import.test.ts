// `--output trace` as Perfetto UI and chrome://tracing import it: on every recorded session the
// file breaks none of the rules their importers apply (test/helpers/trace-import.ts), and nothing
// a user would look for is lost on the way — every slice podlife wrote is imported (Perfetto drops
// a slice that overlaps another on its thread), each pod's STATUS slices sit side by side at the
// top of its track, and each thread and process keeps the name podlife gave it.

import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import type {KubeEvent} from '../../source/kube/objects.js';
import {isWatchEntry} from '../../source/session/format.js';
import {captureFiles, loadCapture} from '../helpers/load-capture.js';
import {importTrace} from '../helpers/trace-import.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const SESSIONS = ['captures', 'captures-full', 'captures-v1.36'].flatMap(dir => captureFiles(path.join(FIXTURES, dir)));

async function traceText(file: string): Promise<string> {
	let out = '';
	const code = await main(['replay', file, '-o', 'trace'], {write: text => void (out += text), warn: () => undefined, isTty: false});
	expect(code).toBe(0);
	return out;
}

describe('--output trace imported as Perfetto and chrome://tracing would', () => {
	for (const file of SESSIONS) {
		it(`${path.basename(path.dirname(file))}/${path.basename(file)}: breaks no importer rule and loses no slice`, async () => {
			const text = await traceText(file);
			const imported = importTrace(text);
			expect(imported.problems).toEqual([]);
			const written = (JSON.parse(text) as {traceEvents: {ph: string; pid: number; tid: number}[]}).traceEvents.filter(event => event.ph !== 'M');
			const slices = [...imported.threads.values()].flatMap(thread => thread.slices);
			expect(slices).toHaveLength(written.length);
			for (const thread of imported.threads.values()) {
				// A pod's STATUS stretches (and a Deployment's rollouts) follow one another: none is drawn inside another.
				expect(
					thread.slices.filter(slice => slice.ph === 'X' && slice.depth > 0).map(slice => slice.name),
					thread.name,
				).toEqual([]);
				expect(thread.name).toBeTruthy();
			}
			expect(imported.processes.size).toBeGreaterThan(0);
		});
	}

	it('keeps an Event whose reason is empty or holds control characters (a terminal colour code, a newline)', async () => {
		const capture = loadCapture(path.join(FIXTURES, 'captures', 'crashloop.ndjson'));
		const events = capture.entries.filter(entry => isWatchEntry(entry) && entry.object.kind === 'Event');
		expect(events.length).toBeGreaterThan(1);
		const [first, second] = events.map(entry => (isWatchEntry(entry) ? (entry.object as KubeEvent) : undefined));
		first!.reason = '\u001b[31mBackOff\u001b[0m\n';
		second!.reason = '';
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'podlife-trace-')), 'odd-reasons.ndjson');
		writeFileSync(file, [capture.header, ...capture.entries].map(line => JSON.stringify(line)).join('\n') + '\n');
		const imported = importTrace(await traceText(file));
		expect(imported.problems).toEqual([]);
		const names = [...imported.threads.values()].flatMap(thread => thread.slices.map(slice => slice.name));
		expect(names).toContain(' [31mBackOff [0m ');
		expect(names).toContain('Event');
	});
});

describe('the importer rules the trace is held to', () => {
	const file = (events: object[], extra: object = {}): string => JSON.stringify({...extra, traceEvents: events});
	const names = [
		{name: 'process_name', ph: 'M', pid: 1, tid: 1, ts: 0, args: {name: 'Deployment default/web'}},
		{name: 'thread_name', ph: 'M', pid: 1, tid: 2, ts: 0, args: {name: 'web-1'}},
	];
	const slice = (ts: number, dur: number, name = 'Running 1/1'): object => ({name, ph: 'X', pid: 1, tid: 2, ts, dur});

	it('accepts slices that follow one another, and an instant inside one', () => {
		const imported = importTrace(file([...names, slice(10, 5), slice(15, 5), {name: 'Pulled', ph: 'i', s: 't', pid: 1, tid: 2, ts: 16}]));
		expect(imported.problems).toEqual([]);
		expect(imported.threads.get('1/2')!.slices.map(s => [s.name, s.depth])).toEqual([
			['Running 1/1', 0],
			['Running 1/1', 0],
			['Pulled', 1],
		]);
	});

	it('drops a slice that overlaps the one before it on its thread, as Perfetto does', () => {
		const imported = importTrace(file([...names, slice(10, 5), slice(12, 5, 'Terminating 0/1')]));
		expect(imported.problems).toEqual(['1/2: "Terminating 0/1" at 12 overlaps "Running 1/1" and is dropped']);
		expect(imported.threads.get('1/2')!.slices).toHaveLength(1);
	});

	it('refuses ids Perfetto reads otherwise: tid 0, a tid shared by two processes, a tid that is another process’s pid', () => {
		expect(importTrace(file([{...names[0], tid: 0}])).problems).toContain('event 0 (process_name): tid 0 is not an integer from 1 to 2^31-1');
		const shared = importTrace(file([...names, {name: 'process_name', ph: 'M', pid: 2, tid: 2, ts: 0, args: {name: 'Job default/x'}}]));
		expect(shared.problems).toContain('tid 2 of pid 1 is also the pid of Job default/x, whose main thread Perfetto takes it for');
		const twice = importTrace(file([...names, {...names[1], pid: 3}, {name: 'process_name', ph: 'M', pid: 3, tid: 3, ts: 0, args: {name: 'x'}}]));
		expect(twice.problems).toContain('tid 2 is a thread of both pid 1 and pid 3');
	});

	it('refuses times that are not whole microseconds, NaN (written as null), and displayTimeUnit', () => {
		expect(importTrace(file([...names, slice(10.5, 5)])).problems).toEqual(['event 2 (Running 1/1): ts 10.5 is not a whole number of microseconds']);
		expect(importTrace(JSON.stringify({traceEvents: [...names, slice(Number.NaN, 5)]})).problems).toEqual([
			'event 2 (Running 1/1): ts null is not a whole number of microseconds',
		]);
		expect(importTrace(file(names, {displayTimeUnit: 'ms'})).problems).toEqual(['displayTimeUnit ms is set, which older Perfetto reads as the unit of ts']);
	});

	it('refuses unnamed tracks, unknown metadata and control characters in a name', () => {
		expect(importTrace(file([names[0], slice(10, 5)])).problems).toEqual(['thread 1/2 has no thread_name']);
		expect(importTrace(file([...names, {name: 'thread_label', ph: 'M', pid: 1, tid: 2, ts: 0, args: {}}])).problems).toEqual([
			'event 2 (thread_label): metadata thread_label is unknown to chrome://tracing',
		]);
		expect(importTrace(file([...names, slice(10, 5, 'Back\u001bOff')])).problems).toEqual([
			"event 2 (Back\u001bOff): a control character in the name, which Perfetto's tokenizer rejects",
		]);
	});
});
