// A pod made again under its name (new uid) in the headless outputs: its why line never takes its
// predecessor's events for evidence. The session is the real placement capture (a Deployment's pod
// the scheduler refused, with its FailedScheduling event) with that pod deleted and made again.

import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runHeadlessReplay} from '../../source/output/headless.js';
import type {Pod} from '../../source/kube/objects.js';
import type {SessionEntry} from '../../source/session/format.js';

const PLACEMENT = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full', 'placement.ndjson');
const REFUSED = 'ha-66757c68df-kpstg';

/** The capture up to the scheduler's refusal of REFUSED, then REFUSED deleted and made again, not yet scheduled. */
function madeAgainSession(): string {
	const [header, ...lines] = readFileSync(PLACEMENT, 'utf8').trim().split('\n');
	const entries = lines.map(line => JSON.parse(line) as SessionEntry).filter(entry => entry.t <= 3123);
	const last = entries.findLast(entry => 'object' in entry && (entry.object as Pod).metadata?.name === REFUSED) as SessionEntry & {object: Pod};
	expect(entries.some(entry => 'object' in entry && (entry.object as {reason?: string}).reason === 'FailedScheduling')).toBe(true);
	const gone = {...last.object, metadata: {...last.object.metadata, resourceVersion: '99990'}};
	const again: Pod = {
		...last.object,
		metadata: {...last.object.metadata, uid: 'second-life-of-kpstg', resourceVersion: '99991', creationTimestamp: '2026-12-04T15:50:00Z'},
		status: {phase: 'Pending', qosClass: 'BestEffort'},
	};
	const added = [
		{t: 4000, type: 'DELETED', object: gone},
		{t: 4001, type: 'ADDED', object: again},
	];
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'podlife-lives-')), 'made-again.ndjson');
	writeFileSync(file, [header, ...entries.map(entry => JSON.stringify(entry)), ...added.map(entry => JSON.stringify(entry))].join('\n') + '\n');
	return file;
}

describe('a pod made again under its name, headless', () => {
	it("does not explain the new pod by its predecessor's FailedScheduling event", async () => {
		let out = '';
		await runHeadlessReplay({file: madeAgainSession(), output: 'json', at: 'end', write: text => void (out += text), warn: () => {}});
		const doc = JSON.parse(out) as {pods: Array<{name: string; why: {cause: string; text: string} | null}>};
		const pod = doc.pods.find(entry => entry.name === REFUSED)!;
		expect(pod.why?.text).not.toContain('FailedScheduling');
		expect(pod.why?.text).toMatch(/^not scheduled yet \(created \d+s ago\)/);
	});
});
