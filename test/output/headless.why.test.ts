import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runHeadlessReplay} from '../../source/output/headless.js';

const CAPTURES = path.join(import.meta.dirname, '..', 'fixtures', 'captures');

async function headless(name: string, output: 'table' | 'json' | 'ndjson', at: number | 'end' = 'end'): Promise<string> {
	let out = '';
	await runHeadlessReplay({file: path.join(CAPTURES, `${name}.ndjson`), output, at, write: text => void (out += text), warn: () => {}});
	return out;
}

describe('why in the headless outputs', () => {
	it('adds WHY as the last table column, empty for healthy pods', async () => {
		const lines = (await headless('crashloop', 'table')).trimEnd().split('\n');
		expect(lines[0]).toMatch(/\s+FLAGS\s+WHY$/);
		const crashing = lines.find(line => line.startsWith('default '))!;
		expect(crashing).toMatch(
			/crashloop restart in 78s\s+crash-loop: container api exited 1 \(Error\) after 3s; 4 restarts in 93s; back-off 1m20s, next restart in 78s;/,
		);
		const healthy = lines.find(line => line.includes('coredns'))!;
		expect(healthy).toMatch(/Running\s+0\s+\S+\s+\S+\s+kind-\S+$/);
	});

	it('gives every pod a why in json: null when healthy, cause and evidence when not', async () => {
		const doc = JSON.parse(await headless('imagepull', 'json')) as {
			pods: Array<{name: string; why: {cause: string; container: string | null; health: string; text: string} | null}>;
		};
		const bad = doc.pods.find(pod => pod.name === 'bad-image-67pzh')!;
		expect(bad.why).toMatchObject({cause: 'image-pull', container: 'web', health: 'failing'});
		expect(bad.why!.text).toMatch(/4 failed pulls, next pull in about 78s$/);
		expect(doc.pods.filter(pod => pod.name !== 'bad-image-67pzh').every(pod => pod.why === null)).toBe(true);
	});

	it('flags an image that cannot be pulled as a pull back-off with its next pull, never as a crash loop', async () => {
		const lines = (await headless('imagepull', 'table')).trimEnd().split('\n');
		const bad = lines.find(line => line.includes('bad-image-67pzh'))!;
		expect(bad).toMatch(/ImagePullBackOff\s+0\s+.*kind-worker\s+pullbackoff next pull in 78s\s+image-pull: /);
		expect(bad).not.toMatch(/crashloop|crash-loop/);
		const doc = JSON.parse(await headless('imagepull', 'json')) as {pods: Array<{name: string; crashLoop: unknown; pullBackOff: unknown}>};
		const pod = doc.pods.find(entry => entry.name === 'bad-image-67pzh')!;
		// 4th failed pull at 04:20:11, then 10 s · 2³ = 80 s.
		expect(pod).toMatchObject({crashLoop: null, pullBackOff: {container: 'web', reason: 'ImagePullBackOff', nextPullAt: '2026-11-25T04:21:31.000Z'}});
	});

	it('puts the why of each moment in the ndjson lines of a pod that is not healthy', async () => {
		const lines = (await headless('init-crash', 'ndjson'))
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as {namespace: string; status: string; why: {cause: string; text: string} | null});
		const scenario = lines.filter(line => line.namespace === 'default');
		expect(scenario.map(line => `${line.status} ${line.why?.cause ?? '-'}`)).toEqual([
			'Pending scheduling',
			'Pending starting',
			'Init:0/1 starting',
			'Init:0/1 starting',
			'Init:0/1 initializing',
			'Init:Error init-failing',
			'Init:0/1 initializing',
			'Init:Error init-failing',
			'Init:CrashLoopBackOff init-failing',
			'Init:0/1 initializing',
			'Init:Error init-failing',
			'Init:CrashLoopBackOff init-failing',
			'Init:0/1 initializing',
			'PodInitializing starting',
			'Running -',
		]);
	});
});

describe('placement in the headless outputs', () => {
	const PLACEMENT = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full', 'placement.ndjson');

	it('names the pod in the way of a replica refused for pod anti-affinity, in table and json', async () => {
		let out = '';
		await runHeadlessReplay({file: PLACEMENT, output: 'table', at: 'end', write: text => void (out += text), warn: () => {}});
		const row = out.split('\n').find(line => line.includes('ha-66757c68df-5fklm'))!;
		expect(row).toMatch(
			/unschedulable: blocked by default\/ha-66757c68df-5rvr7 on kind-worker \(anti-affinity, kubernetes\.io\/hostname\); Unschedulable for 4s: 0\/2 nodes are available/,
		);
		out = '';
		await runHeadlessReplay({file: PLACEMENT, output: 'json', at: 'end', write: text => void (out += text), warn: () => {}});
		const doc = JSON.parse(out) as {pods: Array<{name: string; why: {text: string} | null}>};
		expect(doc.pods.find(pod => pod.name === 'ha-66757c68df-kpstg')!.why!.text).toMatch(/^blocked by default\/ha-66757c68df-5rvr7 on kind-worker/);
	});
});
