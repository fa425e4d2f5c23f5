// A pod's lane (model/status-lane.ts) against what the API server printed: at the time of every pod
// entry of every recorded capture, the lane's class is the class of that entry's row (STATUS and
// READY as the server printed them). The captures-full sessions come from a real scheduler and
// controller-manager: rollouts, a StatefulSet, a DaemonSet, pods that cannot be scheduled.

import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {compatForServerVersion} from '../../source/model/compat.js';
import type {Pod} from '../../source/kube/objects.js';
import {podKeyOf} from '../../source/model/pod-key.js';
import type {PodState} from '../../source/model/pod-state.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {classAt, podLane, printedAt, statusClass, type LaneClass} from '../../source/model/status-lane.js';
import {isWatchEntry} from '../../source/session/format.js';
import {captureFiles, loadCapture} from '../helpers/load-capture.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const FOLDERS = ['captures', 'captures-v1.36', 'captures-full'];

describe('statusClass: the class of a printed STATUS and READY', () => {
	const cases: Array<[string, string, string, LaneClass]> = [
		['an unscheduled pod', 'Pending', '0/1', 'pending'],
		['a pod held by a scheduling gate', 'SchedulingGated', '0/1', 'pending'],
		['containers being created', 'ContainerCreating', '0/1', 'creating'],
		['init containers running', 'Init:1/2', '0/1', 'creating'],
		['the main containers starting after init', 'PodInitializing', '1/2', 'creating'],
		['running, readiness probe not yet passed', 'Running', '0/1', 'not-ready'],
		['running, a sidecar ready and the main container not', 'Running', '1/2', 'not-ready'],
		['running and ready', 'Running', '2/2', 'ready'],
		['a finished sidecar pod whose Ready condition is false', 'NotReady', '1/2', 'not-ready'],
		['being deleted', 'Terminating', '1/1', 'terminating'],
		['a job pod that finished', 'Completed', '0/1', 'succeeded'],
		['a container that exited 1', 'Error', '0/1', 'failed'],
		['a crash loop', 'CrashLoopBackOff', '0/1', 'failed'],
		['an image that cannot be pulled', 'ImagePullBackOff', '0/1', 'failed'],
		['an init container that failed', 'Init:Error', '0/1', 'failed'],
		['an evicted pod', 'Evicted', '0/1', 'failed'],
		['a pod on an unreachable node', 'Unknown', '1/1', 'unknown'],
	];
	for (const [name, status, ready, cls] of cases) {
		it(`${name} (${status} ${ready}) is ${cls}`, () => expect(statusClass(status, ready)).toBe(cls));
	}
});

/** Per pod uid: its entries' times and printed classes (the last entry of each time), and its last state. */
function replayCapture(file: string): {
	recordedAt: number;
	pods: Map<string, {key: string; rows: Map<number, {cls: LaneClass; row: string; status: string; ready: string}>; last: PodState | null}>;
} {
	const capture = loadCapture(file);
	const recordedAt = Date.parse(capture.header.recordedAt);
	const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion), tombstoneMs: Infinity});
	const pods = new Map<string, {key: string; rows: Map<number, {cls: LaneClass; row: string; status: string; ready: string}>; last: PodState | null}>();
	for (const entry of capture.entries) {
		const at = recordedAt + entry.t;
		store.apply(entry, at);
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod' || !entry.row) continue;
		const pod = entry.object as Pod;
		const key = podKeyOf(pod.metadata);
		const uid = pod.metadata.uid ?? key;
		const seen = pods.get(uid) ?? {key, rows: new Map(), last: null};
		seen.rows.set(at, {
			cls: statusClass(entry.row.status, entry.row.ready),
			row: `${entry.type} ${entry.row.status} ${entry.row.ready}`,
			status: entry.row.status,
			ready: entry.row.ready,
		});
		// A new uid under the same name replaces the pod in the store: keep this one's last state.
		const state = store.pod(key);
		if (state?.uid === uid) seen.last = state;
		pods.set(uid, seen);
	}
	return {recordedAt, pods};
}

for (const folder of FOLDERS) {
	describe(`lanes of ${folder}`, () => {
		for (const file of captureFiles(join(FIXTURES, folder))) {
			const name = file.slice(file.lastIndexOf('/') + 1);
			it(`agree with the STATUS and READY the server printed at every pod entry of ${name}`, () => {
				const {recordedAt, pods} = replayCapture(file);
				const mismatches: string[] = [];
				let compared = 0;
				for (const {key, rows, last} of pods.values()) {
					const lane = podLane(last!);
					for (const [at, {cls, row, status, ready}] of rows) {
						compared += 1;
						const ours = classAt(lane, at);
						if (ours !== cls) mismatches.push(`t=${at - recordedAt} ${key} ${row}: lane says ${ours}, the row is ${cls}`);
						// What the Lanes view's status line says the pod was at that moment: the row itself.
						const printed = printedAt(last!.history, last!.columns.ready, at);
						if (printed?.status !== status || printed.ready !== ready)
							mismatches.push(`t=${at - recordedAt} ${key} ${row}: printedAt says ${printed?.status} ${printed?.ready}`);
					}
				}
				expect(compared).toBeGreaterThan(0);
				expect(mismatches).toEqual([]);
			});
		}
	});
}

describe('a lane', () => {
	it('ends where the pod was deleted, and is empty after', () => {
		const {recordedAt, pods} = replayCapture(join(FIXTURES, 'captures', 'terminating.ndjson'));
		const pod = [...pods.values()].find(p => p.key.startsWith('default/'))!;
		const lane = podLane(pod.last!);
		expect(lane.end).not.toBeNull();
		expect(lane.segments.map(segment => segment.cls)).toEqual(['pending', 'creating', 'not-ready', 'ready', 'terminating', 'succeeded']);
		expect(classAt(lane, lane.end! + 1)).toBeNull();
		expect(classAt(lane, lane.start - 1)).toBeNull();
		expect(lane.start).toBeGreaterThan(recordedAt);
	});

	it('marks every restart of a crash loop', () => {
		const {pods} = replayCapture(join(FIXTURES, 'captures', 'crashloop.ndjson'));
		const pod = [...pods.values()].find(p => p.key.startsWith('default/crashloop'))!;
		const lane = podLane(pod.last!);
		expect(lane.restarts.length).toBe(pod.last!.columns.restarts);
		expect(lane.restarts.length).toBeGreaterThan(2);
		expect(lane.segments.some(segment => segment.cls === 'failed')).toBe(true);
	});
});
