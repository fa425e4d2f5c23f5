import {describe, expect, it} from 'vitest';
import {timeMs, type Pod} from '../../source/kube/objects.js';
import {containerViews, countSidecars} from '../../source/model/containers.js';
import {capture, podEntries} from './store/store-fixture.js';

function summary(pod: Pod): Array<[string, string, string, string | null, boolean]> {
	return containerViews(pod).map(view => [view.kind, view.name, view.state, view.reason, view.ready]);
}

describe('containerViews', () => {
	const sidecar = podEntries(capture('sidecar'));

	it('lists the native sidecar before the app while both wait for initialization', () => {
		const initializing = sidecar.find(entry => entry.row?.status === 'Init:0/1')!;
		expect(summary(initializing.object)).toEqual([
			['sidecar', 'log-shipper', 'waiting', 'PodInitializing', false],
			['regular', 'app', 'waiting', 'PodInitializing', false],
		]);
		expect(countSidecars(initializing.object)).toBe(1);
	});

	it('shows the sidecar running and ready while the app still initializes (PodInitializing 1/2)', () => {
		const entry = sidecar.find(candidate => candidate.row?.status === 'PodInitializing')!;
		const [shipper, app] = containerViews(entry.object);
		expect(shipper).toMatchObject({kind: 'sidecar', state: 'running', ready: true, started: true, index: 0});
		expect(shipper!.startedMs).toBe(timeMs('2026-11-25T04:16:55Z'));
		expect(app).toMatchObject({kind: 'regular', state: 'waiting', reason: 'PodInitializing', ready: false, index: 0});
	});

	it('shows both containers running and ready at Running 2/2', () => {
		const last = sidecar.at(-1)!;
		expect(last.row?.ready).toBe('2/2');
		expect(summary(last.object)).toEqual([
			['sidecar', 'log-shipper', 'running', null, true],
			['regular', 'app', 'running', null, true],
		]);
	});

	it('keeps a plain init container apart from a sidecar, with its exit code (init-crash.ndjson)', () => {
		const failed = podEntries(capture('init-crash')).find(entry => entry.row?.status === 'Init:Error')!;
		const [init, app] = containerViews(failed.object);
		expect(init).toMatchObject({kind: 'init', name: 'wait-for-db', state: 'terminated', reason: 'Error', exitCode: 1, signal: null});
		expect(init!.message).toContain('bad address');
		expect(init!.finishedMs).toBe(timeMs('2026-11-25T04:16:06Z'));
		expect(app).toMatchObject({kind: 'regular', name: 'app'});
		expect(countSidecars(failed.object)).toBe(0);
	});

	it('puts each CrashLoopBackOff restart at the last exit plus the back-off, when the kubelet did restart it', () => {
		const entries = podEntries(capture('crashloop'));
		const predictions: Array<{next: number; actual: number}> = [];
		entries.forEach((entry, index) => {
			const api = containerViews(entry.object)[0]!;
			if (api.reason !== 'CrashLoopBackOff') return;
			expect(api.nextRestartMs).toBe(api.lastTermination!.finishedMs! + api.backOffMs!);
			const restarted = entries
				.slice(index + 1)
				.map(later => containerViews(later.object)[0]!)
				.find(later => later.state === 'running');
			if (restarted) predictions.push({next: api.nextRestartMs!, actual: restarted.startedMs!});
		});
		expect(predictions.length).toBe(3);
		// startedAt has whole seconds: the real restart is within a second after the prediction.
		for (const {next, actual} of predictions) {
			expect(actual - next).toBeGreaterThanOrEqual(0);
			expect(actual - next).toBeLessThanOrEqual(1000);
		}
	});

	it('has no back-off time for an image pull back-off (the message carries no duration)', () => {
		const entry = podEntries(capture('imagepull')).find(candidate => candidate.row?.status === 'ImagePullBackOff')!;
		expect(containerViews(entry.object)[0]).toMatchObject({state: 'waiting', reason: 'ImagePullBackOff', backOffMs: null, nextRestartMs: null});
	});

	it('shows a container without a status, and an ephemeral container, in state unknown', () => {
		const pod: Pod = {
			metadata: {name: 'p', namespace: 'default'},
			spec: {
				containers: [{name: 'app'}, {name: 'second'}],
				ephemeralContainers: [{name: 'debugger', targetContainerName: 'app'}],
			},
			status: {containerStatuses: [{name: 'second', ready: false, restartCount: 0, state: {}}]},
		};
		expect(summary(pod)).toEqual([
			['regular', 'app', 'unknown', null, false],
			['regular', 'second', 'unknown', null, false],
			['ephemeral', 'debugger', 'unknown', null, false],
		]);
	});
});
