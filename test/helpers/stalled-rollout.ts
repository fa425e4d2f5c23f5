// A Deployment's rollout that stalls: two ready pods of ReplicaSet web-aaa from `STALL_START`, a
// minute later a pod of web-bbb that crash-loops and never gets ready.

import type {Pod} from '../../source/kube/objects.js';
import {compatForServerVersion} from '../../source/model/compat.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {replicaSetPod} from './replica-set-pod.js';

export const STALL_START = Date.parse('2026-12-05T10:00:00Z');

/** A pod of ReplicaSet web-<hash>: running and ready, or its container waiting in a crash loop. */
function webPod(name: string, hash: string, healthy: boolean, created: string): Pod {
	const pod = replicaSetPod(name, `web-${hash}`, hash, {ready: healthy, created});
	if (healthy) return pod;
	pod.status!.containerStatuses![0] = {
		...pod.status!.containerStatuses![0]!,
		restartCount: 7,
		state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app'}},
		lastState: {terminated: {exitCode: 1, reason: 'Error', startedAt: created, finishedAt: created}},
	};
	return pod;
}

/** Two ready pods of web-aaa, then a crash-looping one of web-bbb: the rollout to it stalls. */
export function stalledRollout(): PodStore {
	const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
	store.apply({t: 0, type: 'ADDED', object: webPod('web-aaa-1', 'aaa', true, '2026-12-05T10:00:00Z')}, STALL_START);
	store.apply({t: 0, type: 'ADDED', object: webPod('web-aaa-2', 'aaa', true, '2026-12-05T10:00:00Z')}, STALL_START);
	store.apply({t: 60_000, type: 'ADDED', object: webPod('web-bbb-1', 'bbb', false, '2026-12-05T10:01:00Z')}, STALL_START + 60_000);
	return store;
}
