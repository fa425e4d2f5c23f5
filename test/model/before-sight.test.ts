// A pod's life before podlife first saw it, as its object tells it (model/before-sight.ts): the
// stretches begin where the object's own times say, and nothing is made up where it says nothing.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/objects.js';
import {beforeSegments, beforeSightOf, packBeforeSight, SEEN_AT_CREATION_MS, unpackBeforeSight} from '../../source/model/before-sight.js';
import {LATEST_COMPAT} from '../../source/model/compat.js';
import {podLane} from '../../source/model/status-lane.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {isWatchEntry} from '../../source/session/format.js';
import {loadCapture} from '../helpers/load-capture.js';

const ROLLOUT = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full', 'rollout-undo.ndjson');
const T = (text: string): number => Date.parse(text);

function pod(status: Pod['status'], created = '2026-12-04T10:00:00Z'): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name: 'p', namespace: 'default', uid: 'u', creationTimestamp: created},
		spec: {containers: [{name: 'app'}]},
		status,
	};
}

const condition = (type: string, at: string, status = 'True') => ({type, status, lastTransitionTime: at});

describe('a pod’s life before podlife saw it', () => {
	it('follows the object of a pod that was there when the recording began: created, scheduled, running, ready at its own times', () => {
		const capture = loadCapture(ROLLOUT);
		const recordedAt = Date.parse(capture.header.recordedAt);
		const store = new PodStore({compat: LATEST_COMPAT});
		for (const entry of capture.entries) store.apply(entry, recordedAt + entry.t);
		const first = capture.entries.find(entry => isWatchEntry(entry) && entry.object.kind === 'Pod' && entry.object.metadata?.name?.startsWith('coredns-'))!;
		const object = (first as unknown as {object: Pod}).object;
		const seenAt = recordedAt + first.t;
		const since = (type: string): number => T(object.status!.conditions!.find(candidate => candidate.type === type)!.lastTransitionTime!);
		const lane = podLane(store.view().pods.get(`kube-system/${object.metadata.name}`)!);
		expect(lane.before.map(segment => [segment.cls, segment.from])).toEqual([
			['creating', since('PodScheduled')],
			['running', T(object.status!.containerStatuses![0]!.state!.running!.startedAt!)],
			['ready', since('Ready')],
		]);
		// Up to the first sight, where what podlife saw begins.
		expect(lane.before.at(-1)!.to).toBe(seenAt);
		expect(lane.start).toBe(seenAt);
		// A pod the recording saw made has nothing before.
		const made = [...store.view().pods.values()].find(state => state.name.startsWith('api-'))!;
		expect(made.beforeSight).toBeNull();
		expect(podLane(made).before).toEqual([]);
	});

	it('is nothing for a pod seen within seconds of its creation (creationTimestamp is cut to the second)', () => {
		const created = T('2026-12-04T10:00:00Z');
		expect(beforeSightOf(pod({phase: 'Pending'}), created + SEEN_AT_CREATION_MS)).not.toBeNull();
		expect(beforeSightOf(pod({phase: 'Pending'}), created + 1500)).toBeNull();
	});

	it('stays pending while unschedulable, and creating while its containers have not run', () => {
		const seen = T('2026-12-04T11:00:00Z');
		const unschedulable = beforeSightOf(pod({phase: 'Pending', conditions: [condition('PodScheduled', '2026-12-04T10:00:00Z', 'False')]}), seen);
		expect(beforeSegments(unschedulable, T('2026-12-04T10:00:00Z'), seen)).toEqual([{cls: 'pending', from: T('2026-12-04T10:00:00Z'), to: seen}]);
		const pulling = beforeSightOf(
			pod({
				phase: 'Pending',
				conditions: [condition('PodScheduled', '2026-12-04T10:00:05Z')],
				containerStatuses: [{name: 'app', ready: false, restartCount: 0, state: {waiting: {reason: 'ImagePullBackOff'}}}],
			}),
			seen,
		);
		expect(pulling!.steps).toEqual([
			{cls: 'pending', after: 0},
			{cls: 'creating', after: 5},
		]);
	});

	it('says a pod whose containers restarted was restarting, up to its current run, and how many restarts', () => {
		const seen = T('2026-12-04T11:00:00Z');
		const before = beforeSightOf(
			pod({
				phase: 'Running',
				conditions: [
					condition('PodScheduled', '2026-12-04T10:00:01Z'),
					condition('Initialized', '2026-12-04T10:00:02Z'),
					condition('Ready', '2026-12-04T10:40:10Z'),
				],
				containerStatuses: [
					{
						name: 'app',
						ready: true,
						restartCount: 7,
						state: {running: {startedAt: '2026-12-04T10:40:00Z'}},
						lastState: {terminated: {exitCode: 1, finishedAt: '2026-12-04T10:39:00Z'}},
					},
				],
			}),
			seen,
		);
		expect(before).toEqual({
			restarts: 7,
			steps: [
				{cls: 'pending', after: 0},
				{cls: 'creating', after: 1},
				{cls: 'restarting', after: 2},
				{cls: 'running', after: 2400},
				{cls: 'ready', after: 2410},
			],
		});
		// As a store keeps it: one short text, read back the same.
		expect(packBeforeSight(before)).toBe('7;p0,c1,x2,r2400,R2410');
		expect(unpackBeforeSight(packBeforeSight(before)!)).toEqual(before);
	});

	it('ends a pod that had finished before it was seen when its last container finished', () => {
		const seen = T('2026-12-04T11:00:00Z');
		const before = beforeSightOf(
			pod({
				phase: 'Succeeded',
				conditions: [condition('PodScheduled', '2026-12-04T10:00:01Z')],
				containerStatuses: [
					{
						name: 'app',
						ready: false,
						restartCount: 0,
						state: {terminated: {exitCode: 0, startedAt: '2026-12-04T10:00:03Z', finishedAt: '2026-12-04T10:00:30Z'}},
					},
				],
			}),
			seen,
		);
		expect(before!.steps.map(step => [step.cls, step.after])).toEqual([
			['pending', 0],
			['creating', 1],
			['running', 3],
			['ended', 30],
		]);
	});
});
