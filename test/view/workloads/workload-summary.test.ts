// A workload's summary line as the Lanes view, the grouped table and --output lanes show it. A Job's
// says what kubectl describe says of its pods — active, succeeded, failed — not "ready 0/1", which
// reads as a pod that is not ready once the work is done.

import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {replayInto} from '../../../source/output/replay-store.js';
import {podsAndEnded} from '../../../source/model/store/ended-pods.js';
import {groupPods} from '../../../source/model/workloads/workload-groups.js';
import {workloadSummary} from '../../../source/view/workloads/workload-summary.js';
import {lineText} from '../../../source/view/detail/lines.js';

const JOB = join(import.meta.dirname, '..', '..', 'fixtures', 'workloads', 'job-completions-failing.ndjson');

async function jobSummaryAt(atMs: number | 'end'): Promise<{text: string; tones: Array<string | undefined>}> {
	const {store, now, recordedAtMs} = await replayInto(JOB, atMs, {warn: () => undefined});
	const view = store.view();
	const group = groupPods(podsAndEnded(view), view.owners).find(candidate => candidate.workload.kind === 'Job')!;
	const {line} = workloadSummary(group, view, now, recordedAtMs, false);
	return {text: lineText(line), tones: line.map(part => part.tone)};
}

describe('the summary of a Job with completions 3 and a failing pod', () => {
	it('counts its pods as kubectl describe job does once it is done: none active, 3 succeeded, 1 failed', async () => {
		const {text, tones} = await jobSummaryAt('end');
		expect(text).toBe('report-s887j  Job  0 active / 3 succeeded / 1 failed');
		expect(text).not.toContain('ready 0/');
		expect(tones).toContain('warn');
	});

	it('while its last pod runs: 1 active and ready, 2 succeeded, the failed one', async () => {
		expect((await jobSummaryAt(40_000)).text).toBe('report-s887j  Job  1 active (1 ready) / 2 succeeded / 1 failed');
	});

	it('before anything failed, in plain tone', async () => {
		const {text, tones} = await jobSummaryAt(5_000);
		expect(text).toBe('report-s887j  Job  1 active (1 ready) / 0 succeeded / 0 failed');
		expect(tones).not.toContain('warn');
	});
});
