// The last log line in the headless outputs: the why of a crashed container ends with what its
// run wrote last, in --output table, json, ndjson and check, on a test session with LOG entries
// (fixtures/logs: made-up lines over a real capture).

import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runHeadlessReplay} from '../../source/output/headless.js';
import {runReplayCheck} from '../../source/output/check.js';

const FILE = path.join(import.meta.dirname, '..', 'fixtures', 'logs', 'crashloop.ndjson');
const LAST = 'last log: ConnectionRefusedError: [Errno 111] Connection refused (run 4)';
// Escape sequences, bells and other control characters, which must never reach a terminal raw.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

async function headless(output: 'table' | 'json' | 'ndjson', at: number | 'end' = 'end'): Promise<string> {
	let out = '';
	await runHeadlessReplay({file: FILE, output, at, write: text => void (out += text), warn: () => {}});
	return out;
}

async function check(at: number | 'end' = 'end'): Promise<{text: string; code: number}> {
	let text = '';
	const code = await runReplayCheck({file: FILE, at, write: chunk => void (text += chunk), warn: () => {}});
	return {text, code};
}

describe('the last log line in the headless outputs', () => {
	it('ends the WHY cell of the crash-looping pod in the table, printable', async () => {
		const out = await headless('table');
		const row = out.split('\n').find(line => line.startsWith('default '))!;
		expect(row).toMatch(
			/crash-loop: container api exited 1 \(Error\) after 3s; 4 restarts in 93s; .*; last log: ConnectionRefusedError: \[Errno 111\] Connection refused \(run 4\)$/,
		);
		expect(out).not.toMatch(CONTROL);
	});

	it('ends why.text and fills why.lastLog in json; healthy pods and pods without a captured log have none', async () => {
		const doc = JSON.parse(await headless('json')) as {pods: Array<{namespace: string; why: {cause: string; text: string; lastLog: string | null} | null}>};
		const crashing = doc.pods.find(pod => pod.namespace === 'default')!;
		expect(crashing.why).toMatchObject({cause: 'crash-loop', lastLog: 'ConnectionRefusedError: [Errno 111] Connection refused (run 4)'});
		expect(crashing.why!.text.endsWith(`; ${LAST}`)).toBe(true);
		// At 1:00 the run that ended last (run 3) has no LOG entry: no line, not an earlier run's.
		const before = JSON.parse(await headless('json', 60_000)) as typeof doc;
		expect(before.pods.find(pod => pod.namespace === 'default')!.why).toMatchObject({cause: 'crash-loop', lastLog: null});
		expect(before.pods.find(pod => pod.namespace === 'default')!.why!.text).not.toContain('last log');
	});

	it('puts the line of the run that ended in the ndjson line of each moment after its log was captured', async () => {
		const lines = (await headless('ndjson'))
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as {namespace: string; status: string; why: {lastLog: string | null} | null});
		const scenario = lines.filter(line => line.namespace === 'default' && line.why !== null);
		// An Error line comes before its run's log is fetched; a run with no log (2: refused, 3: none) has no line.
		expect(scenario.map(line => `${line.status} ${line.why!.lastLog?.replace(/.*\(run (\d)\)$/, 'run $1') ?? '-'}`)).toEqual([
			'Pending -',
			'Pending -',
			'ContainerCreating -',
			'ContainerCreating -',
			'Error -',
			'Error -',
			'CrashLoopBackOff run 1',
			'Running run 1',
			'Error -',
			'CrashLoopBackOff -',
			'Running -',
			'Error -',
			'CrashLoopBackOff -',
			'Running -',
			'Error -',
			'CrashLoopBackOff run 4',
		]);
	});

	it('ends the failing pod’s line in --output check with it, exit 3', async () => {
		const {text, code} = await check();
		expect(code).toBe(3);
		const line = text.split('\n').find(candidate => candidate.startsWith('default/'))!;
		expect(line).toMatch(/^default\/crashloop-g6z5t\s+CrashLoopBackOff\s+crash-loop: container api exited 1 \(Error\)/);
		expect(line.endsWith(`; ${LAST}`)).toBe(true);
		expect(text).not.toMatch(CONTROL);
	});
});
