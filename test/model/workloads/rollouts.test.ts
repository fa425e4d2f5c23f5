// Rollouts read from the pods of rollout-undo.ndjson, recorded from a real controller-manager:
// Deployment api rolled 1.0.0 → 1.1.0 (revision 1 → 2), scaled to 4, rolled to a crashing 1.2.0
// (2 → 3), then `kubectl rollout undo` made 1.1.0's ReplicaSet the new one again (3 → 4). The
// expected times are read off the recording by hand: a rollout starts with the new ReplicaSet's
// first pod and completes when the last old pod is being deleted and every new one is ready.

import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {groupPods, type WorkloadGroup} from '../../../source/model/workloads/workload-groups.js';
import {deploymentRollouts, DEFAULT_PROGRESS_DEADLINE_MS} from '../../../source/model/workloads/rollouts.js';
import type {Pod} from '../../../source/kube/objects.js';
import type {StoreView} from '../../../source/model/pod-state.js';
import {replay} from '../store/store-fixture.js';
import {replicaSetPod} from '../../helpers/replica-set-pod.js';

const FULL = join(import.meta.dirname, '..', '..', 'fixtures', 'captures-full');

/** Deployment api as the store held it `offsetMs` into the recording. */
function apiAt(offsetMs: number): {group: WorkloadGroup; now: number; recordedAt: number} {
	let view: StoreView | null = null;
	const {capture} = replay(
		'rollout-undo',
		({entry, store}) => {
			if (entry.t <= offsetMs) view = store.view();
		},
		{dir: FULL, tombstoneMs: Infinity},
	);
	const recordedAt = Date.parse(capture.header.recordedAt);
	const group = groupPods(view!.pods.values(), view!.owners).find(candidate => candidate.workload.id === 'Deployment/default/api')!;
	return {group, now: recordedAt + offsetMs, recordedAt};
}

describe('deploymentRollouts on rollout-undo', () => {
	it('finds the three rollouts, their revisions and how long each took', () => {
		const {group, now, recordedAt} = apiAt(110_000);
		const result = deploymentRollouts(group, now, recordedAt);
		const seen = result.rollouts.map(rollout => ({
			from: `${rollout.from?.hash} rev ${rollout.from?.revision}`,
			to: `${rollout.to.hash} rev ${rollout.to.revision}`,
			start: rollout.start - recordedAt,
			end: rollout.end === null ? null : rollout.end - recordedAt,
			outcome: rollout.outcome,
		}));
		expect(seen).toEqual([
			{from: '86c99489f4 rev 1', to: 'f8d4ff6c9 rev 2', start: 18105, end: 29851, outcome: 'complete'},
			{from: 'f8d4ff6c9 rev 2', to: '784845b95f rev 3', start: 55238, end: 64439, outcome: 'complete'},
			// The undo: 1.1.0's ReplicaSet is the new one again, as revision 4.
			{from: '784845b95f rev 3', to: 'f8d4ff6c9 rev 4', start: 85330, end: 102843, outcome: 'complete'},
		]);
		expect(result.current).toMatchObject({hash: 'f8d4ff6c9', revision: 4});
		expect({live: result.live, ready: result.ready}).toEqual({live: 4, ready: 4});
	});

	it('shows the undo in progress: old pods scaling down, new ones scaling up', () => {
		const {group, now, recordedAt} = apiAt(92_000);
		const result = deploymentRollouts(group, now, recordedAt);
		const last = result.rollouts.at(-1)!;
		expect(last.outcome).toBe('in-progress');
		expect(last.end).toBeNull();
		expect(last.stalled).toBeNull();
		// By 92 s two 1.1.0 pods came and one is ready; one crashing 1.2.0 pod was scaled away.
		expect(last.progress.at(-1)).toMatchObject({live: 2, ready: 1});
		expect(result.live).toBe(5);
	});

	it('does not count revisions it cannot know: the Deployment was there before watching began', () => {
		const {group, now} = apiAt(110_000);
		// As if watching began after the first pods were made.
		const result = deploymentRollouts(group, now, now - 1000);
		expect(result.rollouts.map(rollout => rollout.to.revision)).toEqual([null, null, null]);
		expect(result.rollouts.map(rollout => rollout.to.hash)).toEqual(['f8d4ff6c9', '784845b95f', 'f8d4ff6c9']);
	});

	it('does not count the pods a rollout rolls when it began before watching: those deleted since were never seen', () => {
		const {group, now, recordedAt} = apiAt(92_000);
		expect(deploymentRollouts(group, now, recordedAt).rollouts.at(-1)!.servingBefore).toBe(4);
		// Watching began at 88 s, after the undo began (85.3 s): the pods serving then are not all known.
		expect(deploymentRollouts(group, now, recordedAt + 88_000).rollouts.at(-1)!.servingBefore).toBeNull();
	});
});

/** A running pod of ReplicaSet web-<hash>, ready or not. */
function webPod(name: string, hash: string, ready: boolean, created: string): Pod {
	return replicaSetPod(name, `web-${hash}`, hash, {ready, created, labels: {app: 'web'}, ownerUid: hash});
}

describe('a stalled rollout', () => {
	const start = Date.parse('2026-12-05T10:00:00Z');
	function store(deploymentObject?: unknown): PodStore {
		const podStore = new PodStore({compat: compatForServerVersion('v1.32.0'), tombstoneMs: Infinity});
		if (deploymentObject) podStore.apply({t: 0, type: 'ADDED', object: deploymentObject as Pod}, start);
		podStore.apply({t: 0, type: 'ADDED', object: webPod('web-aaa-1', 'aaa', true, '2026-12-05T10:00:00Z')}, start);
		podStore.apply({t: 0, type: 'ADDED', object: webPod('web-aaa-2', 'aaa', true, '2026-12-05T10:00:00Z')}, start);
		// The new revision's pod comes at 1 min and never gets ready.
		podStore.apply({t: 60_000, type: 'ADDED', object: webPod('web-bbb-1', 'bbb', false, '2026-12-05T10:01:00Z')}, start + 60_000);
		return podStore;
	}
	const webAt = (podStore: PodStore): WorkloadGroup =>
		groupPods(podStore.view().pods.values(), podStore.view().owners).find(group => group.workload.name === 'web')!;

	it('is stalled once a new pod has not been ready for longer than the default deadline, and names it', () => {
		const podStore = store();
		const before = deploymentRollouts(webAt(podStore), start + 60_000 + DEFAULT_PROGRESS_DEADLINE_MS - 1000, start);
		expect(before.rollouts.at(-1)!.stalled).toBeNull();
		const after = deploymentRollouts(webAt(podStore), start + 60_000 + DEFAULT_PROGRESS_DEADLINE_MS + 1000, start);
		expect(after.rollouts.at(-1)).toMatchObject({outcome: 'in-progress', stalled: {pod: 'shop/web-bbb-1', since: start + 60_000}});
	});

	it('takes the Deployment’s progressDeadlineSeconds and replicas when the session holds it', () => {
		const deployment = {
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata: {name: 'web', namespace: 'shop'},
			spec: {replicas: 2, progressDeadlineSeconds: 120},
		};
		const podStore = store(deployment);
		const view = podStore.view();
		const result = deploymentRollouts(webAt(podStore), start + 60_000 + 121_000, start, view.owners);
		expect(result.deadlineMs).toBe(120_000);
		expect(result.desired).toBe(2);
		expect(result.rollouts.at(-1)!.stalled?.pod).toBe('shop/web-bbb-1');
	});
});
