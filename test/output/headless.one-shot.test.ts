// The outputs printed once right after the list (`-o table|wide|json`, `podlife check`) keep the
// pods of a watch-list as the text of their events and parse an object again only to word a WHY
// (sources/live/event-texts.ts); a paged list's pods are kept parsed. What they print must not
// depend on which: every cell, every WHY, every verdict the same.

import {afterEach, describe, expect, it} from 'vitest';
import {runLiveCheck} from '../../source/output/check.js';
import {runLiveHeadless, type HeadlessOutput} from '../../source/output/headless.js';
import {FAST, readCapture, startFake, type Fake} from '../sources/live/helpers.js';

let fake: Fake | undefined;

afterEach(async () => {
	await fake?.close();
	fake = undefined;
});

/** One moment of the session, the same clock for every run: outputs comparable to the byte. */
const AT = 60_000;

async function printed(output: HeadlessOutput | 'check', watchList: boolean): Promise<string> {
	fake ??= await startFake('mixed', {startAt: AT});
	const clock = () => Date.parse(readCapture('mixed').header.recordedAt) + AT;
	let out = '';
	const options = {kubeconfig: fake.kubeconfig, namespace: null, ...FAST, pageSize: 7, watchList, clock, write: (text: string) => void (out += text)};
	if (output === 'check') await runLiveCheck(options);
	else await runLiveHeadless({...options, output});
	return out;
}

describe('one-shot live outputs', () => {
	it('print the same table, wide table, json and check whether the pods were streamed (kept as text) or paged (kept parsed)', async () => {
		for (const output of ['table', 'wide', 'json', 'check'] as const) {
			const streamed = await printed(output, true);
			expect(streamed).toBe(await printed(output, false));
		}
		// The pods in trouble were explained, from their objects read back.
		const table = await printed('table', true);
		expect(table).toMatch(/crash-loop: container \S+ exited/);
		expect(table.split('\n').filter(line => /(crash-loop|image-pull|not-ready|starting|unschedulable): /.test(line)).length).toBeGreaterThanOrEqual(2);
	});
});
