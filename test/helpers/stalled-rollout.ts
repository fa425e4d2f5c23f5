// A Deployment's rollout that stalls: two ready pods of ReplicaSet web-aaa from `STALL_START`, a
// minute later a pod of web-bbb that crash-loops and never gets ready.

import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Pod} from '../../source/kube/objects.js';
import type {WatchEntry} from '../../source/session/format.js';
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

/** The pods' entries: two ready pods of web-aaa, then a crash-looping one of web-bbb. */
function stallEntries(): WatchEntry[] {
	return [
		{t: 0, type: 'ADDED', object: webPod('web-aaa-1', 'aaa', true, '2026-12-05T10:00:00Z')},
		{t: 0, type: 'ADDED', object: webPod('web-aaa-2', 'aaa', true, '2026-12-05T10:00:00Z')},
		{t: 60_000, type: 'ADDED', object: webPod('web-bbb-1', 'bbb', false, '2026-12-05T10:01:00Z')},
	];
}

/** Two ready pods of web-aaa, then a crash-looping one of web-bbb: the rollout to it stalls. */
export function stalledRollout(): PodStore {
	const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
	for (const entry of stallEntries()) store.apply(entry, STALL_START + entry.t);
	return store;
}

/** The same as a session file (in a temporary folder) of 12 minutes: the rollout stalled for 11. */
export function stalledRolloutSession(): string {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'podlife-stall-')), 'stalled.ndjson');
	const header = {
		podlife: 'session',
		version: 1,
		recordedAt: new Date(STALL_START).toISOString(),
		serverVersion: 'v1.32.0',
		resources: ['pods'],
		title: 'stalled rollout',
	};
	const bookmark = {t: 12 * 60_000, type: 'BOOKMARK', object: {kind: 'Pod', apiVersion: 'v1', metadata: {resourceVersion: '999'}}};
	const [first, second, late] = stallEntries();
	const lines = [header, first, second, {t: 1, type: 'SYNCED', resource: 'pods', resourceVersion: '10'}, late, bookmark];
	writeFileSync(file, lines.map(line => JSON.stringify(line)).join('\n') + '\n');
	return file;
}
