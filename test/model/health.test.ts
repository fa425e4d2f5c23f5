import {describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/objects.js';
import {LATEST_COMPAT, parseStatusCompat} from '../../source/model/compat.js';
import {NOT_READY_GRACE_MS, RESTART_LOOP_WINDOW_MS, podHealth, statusBucket, type Health, type TroubleSignal} from '../../source/model/health.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {podKey, replay} from './store/store-fixture.js';

interface Seen {
	status: string;
	health: Health;
	signal: TroubleSignal | null;
	backOff: number | null;
	lastFinished: number | null;
}

/** Health of the scenario pod after each of its entries, at the entry's own time. */
function healthAlong(name: string): Seen[] {
	const seen: Seen[] = [];
	replay(name, ({entry, at, store}) => {
		if (entry.type !== 'ADDED' && entry.type !== 'MODIFIED') return;
		const object = entry.object as Pod;
		if (object.kind !== 'Pod' || object.metadata.namespace !== 'default') return;
		const state = store.pod(podKey(object))!;
		const broken = state.containers.find(view => view.backOffMs !== null);
		seen.push({
			status: state.columns.status,
			...podHealth(state, at, store.view().eventsByPod.get(state.key)),
			backOff: broken?.backOffMs ?? null,
			lastFinished: broken?.lastTermination?.finishedMs ?? null,
		});
	});
	return seen;
}

describe('statusBucket', () => {
	it.each([
		['Running', 'running'],
		['NotReady', 'running'],
		['Pending', 'pending'],
		['ContainerCreating', 'pending'],
		['PodInitializing', 'pending'],
		['Init:1/2', 'pending'],
		['SchedulingGated', 'pending'],
		['Terminating', 'terminating'],
		['Completed', 'succeeded'],
		['CrashLoopBackOff', 'failing'],
		['Init:CrashLoopBackOff', 'failing'],
		['ImagePullBackOff', 'failing'],
		['Init:ExitCode:3', 'failing'],
		['Signal:9', 'failing'],
		['Evicted', 'failing'],
		['Unknown', 'failing'],
	] as const)('counts %s as %s', (status, bucket) => {
		expect(statusBucket(status)).toBe(bucket);
	});
});

describe('podHealth', () => {
	it('fires the crash-loop signal with the next restart at last exit + back-off (crashloop.ndjson)', () => {
		const seen = healthAlong('crashloop');
		const backingOff = seen.filter(step => step.status === 'CrashLoopBackOff');
		expect(backingOff.map(step => step.backOff)).toEqual([10_000, 20_000, 40_000, 80_000]);
		for (const step of backingOff) {
			expect(step.health).toBe('failing');
			expect(step.signal).toEqual({kind: 'crash-loop', container: 'api', reason: 'CrashLoopBackOff', nextTryMs: step.lastFinished! + step.backOff!});
		}
		// Between a crash and the back-off: it ran and died, and will be started again.
		const errors = seen.filter(step => step.status === 'Error');
		expect(errors.length).toBeGreaterThan(0);
		for (const step of errors) expect(step.signal).toMatchObject({kind: 'crash-loop', container: 'api', reason: 'Error'});
	});

	it('calls the pod failing while it reads Running between crashes, once two restarts were seen', () => {
		const running = healthAlong('crashloop').filter(step => step.status === 'Running');
		// Running with 0 and 1 restarts seen: not (yet) a loop; then 2, 3 and 4 restarts.
		expect(running.map(step => step.signal?.reason ?? step.health)).toEqual(['ok', 'ok', 'RestartsRising', 'RestartsRising', 'RestartsRising']);
		expect(running.at(-1)!.signal).toMatchObject({kind: 'crash-loop', container: 'api'});
	});

	it('calls ErrImagePull and ImagePullBackOff a pull back-off, not a crash loop, with the next pull from the events (imagepull.ndjson)', () => {
		const seen = healthAlong('imagepull');
		const pulls = seen.filter(step => step.status === 'ErrImagePull' || step.status === 'ImagePullBackOff');
		expect(pulls.length).toBe(8);
		for (const step of pulls) expect(step.signal).toMatchObject({kind: 'pull-back-off', container: 'web', reason: step.status});
		expect(new Set(pulls.map(step => step.health))).toEqual(new Set(['failing']));
		expect(seen[0]!.health).toBe('progressing');
		// The "Failed to pull image" event's lastTimestamp and count: pulls failed at 04:18:51, 04:19:04,
		// 04:19:28 and 04:20:11; each next pull is 10 s · 2^(n−1) after the n-th failure.
		const failed = ['04:18:51', '04:19:04', '04:19:28', '04:20:11'].map(time => Date.parse(`2026-11-25T${time}Z`));
		const predicted = failed.map((at, index) => at + 10_000 * 2 ** index);
		expect(pulls.map(step => step.signal!.nextTryMs)).toEqual(predicted.flatMap(at => [at, at]));
		// The kubelet pulled again no sooner than predicted, within its 10 s sync period after.
		for (let index = 0; index < failed.length - 1; index++) {
			expect(failed[index + 1]! - predicted[index]!).toBeGreaterThanOrEqual(0);
			expect(failed[index + 1]! - predicted[index]!).toBeLessThan(10_000);
		}
	});

	it('has no next pull without the events (RBAC may forbid them), and still no crash loop', () => {
		const {store} = replay('imagepull');
		const state = store.pod([...store.view().pods.keys()].find(key => key.startsWith('default/'))!)!;
		expect(podHealth(state, Date.parse('2026-11-25T04:20:30Z')).signal).toEqual({
			kind: 'pull-back-off',
			container: 'web',
			reason: 'ImagePullBackOff',
			nextTryMs: null,
		});
	});

	it('blames the init container for Init:CrashLoopBackOff, then recovers (init-crash.ndjson)', () => {
		const seen = healthAlong('init-crash');
		const looping = seen.find(step => step.status === 'Init:CrashLoopBackOff')!;
		expect(looping.signal).toEqual({
			kind: 'crash-loop',
			container: 'wait-for-db',
			reason: 'CrashLoopBackOff',
			nextTryMs: looping.lastFinished! + looping.backOff!,
		});
		expect(seen.find(step => step.status === 'Init:Error')!.signal).toMatchObject({kind: 'crash-loop', container: 'wait-for-db', reason: 'Error'});
		expect(seen.filter(step => step.status === 'Init:0/1').every(step => step.health === 'progressing')).toBe(true);
		expect(seen.at(-1)).toMatchObject({status: 'Running', health: 'ok', signal: null});
	});

	it('sees a sidecar pod progress to ok and a finished job as ok', () => {
		const sidecar = healthAlong('sidecar');
		expect(sidecar.slice(0, -1).map(step => step.health)).toEqual(sidecar.slice(0, -1).map(() => 'progressing'));
		expect(sidecar.at(-1)).toMatchObject({status: 'Running', health: 'ok'});
		expect(healthAlong('job').at(-1)).toMatchObject({status: 'Completed', health: 'ok'});
	});

	it('treats a terminating pod as progressing (terminating.ndjson)', () => {
		const terminating = healthAlong('terminating').filter(step => step.status === 'Terminating');
		expect(terminating.length).toBe(2);
		for (const step of terminating) expect(step.health).toBe('progressing');
	});
});

describe('podHealth of a pod that reads Running while it restarts', () => {
	const start = Date.parse('2026-11-25T10:00:00Z');

	function runningPod(restartCount: number, ready = true): Pod {
		return {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {
				name: 'flaky',
				namespace: 'default',
				uid: 'u1',
				resourceVersion: String(100 + restartCount) + (ready ? '' : '0'),
				creationTimestamp: '2026-11-25T10:00:00Z',
			},
			spec: {nodeName: 'n1', containers: [{name: 'app'}]},
			status: {
				phase: 'Running',
				conditions: [{type: 'Ready', status: ready ? 'True' : 'False'}],
				containerStatuses: [
					{
						name: 'app',
						ready,
						restartCount,
						state: {running: {startedAt: '2026-11-25T10:00:00Z'}},
						...(restartCount > 0 ? {lastState: {terminated: {exitCode: 137, reason: 'OOMKilled', finishedAt: '2026-11-25T10:00:00Z'}}} : {}),
					},
				],
			},
		};
	}

	it('gets the RestartsRising signal after two restarts and loses it after 10 quiet minutes', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		store.apply({t: 0, type: 'ADDED', object: runningPod(0)}, start);
		store.apply({t: 60_000, type: 'MODIFIED', object: runningPod(1)}, start + 60_000);
		const once = store.pod('default/flaky')!;
		expect(podHealth(once, start + 60_000)).toEqual({health: 'ok', signal: null});
		store.apply({t: 120_000, type: 'MODIFIED', object: runningPod(2)}, start + 120_000);
		const twice = store.pod('default/flaky')!;
		expect(twice.columns.status).toBe('Running');
		expect(podHealth(twice, start + 120_000)).toEqual({
			health: 'failing',
			signal: {kind: 'crash-loop', container: 'app', reason: 'RestartsRising', nextTryMs: null},
		});
		expect(podHealth(twice, start + 60_000 + RESTART_LOOP_WINDOW_MS - 1).health).toBe('failing');
		// Ten quiet minutes after the last restart, the kubelet has reset its back-off: no loop any more.
		expect(podHealth(twice, start + 120_000 + RESTART_LOOP_WINDOW_MS)).toEqual({health: 'ok', signal: null});
	});

	it('lets a Running pod be not ready for a while, then calls it failing', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		store.apply({t: 0, type: 'ADDED', object: runningPod(0, false)}, start);
		const state = store.pod('default/flaky')!;
		expect(state.columns.ready).toBe('0/1');
		expect(podHealth(state, start + 1000).health).toBe('progressing');
		// Running, not ready: failing, but nothing died, so no crash loop.
		expect(podHealth(state, start + NOT_READY_GRACE_MS + 1)).toEqual({
			health: 'failing',
			signal: {kind: 'failing', container: 'app', reason: 'NotReady', nextTryMs: null},
		});
	});

	it('calls a failed job pod failing even when a 1.32 server prints Completed for it', () => {
		const store = new PodStore({compat: parseStatusCompat('1.32')});
		const terminated = (exitCode: number, reason: string) => ({
			state: {terminated: {exitCode, reason, finishedAt: '2026-11-25T10:01:00Z'}},
			ready: false,
			restartCount: 0,
		});
		store.apply(
			{
				t: 0,
				type: 'ADDED',
				object: {
					apiVersion: 'v1',
					kind: 'Pod',
					metadata: {name: 'job-x', namespace: 'default', uid: 'j'},
					spec: {restartPolicy: 'Never', containers: [{name: 'a'}, {name: 'z'}]},
					status: {
						phase: 'Failed',
						containerStatuses: [
							{name: 'a', ...terminated(0, 'Completed')},
							{name: 'z', ...terminated(2, 'Error')},
						],
					},
				},
			},
			start,
		);
		const state = store.pod('default/job-x')!;
		expect(state.columns.status).toBe('Completed');
		// It ran and died, but it is over: nothing will start it again, so no crash loop.
		expect(podHealth(state, start)).toEqual({health: 'failing', signal: {kind: 'failing', container: 'z', reason: 'Error', nextTryMs: null}});
	});

	it('calls an evicted pod failing, as a whole', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const pod = runningPod(0);
		pod.status = {phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.'};
		store.apply({t: 0, type: 'ADDED', object: pod}, start);
		expect(podHealth(store.pod('default/flaky')!, start)).toEqual({
			health: 'failing',
			signal: {kind: 'failing', container: null, reason: 'Evicted', nextTryMs: null},
		});
	});
});
