import {describe, expect, it} from 'vitest';
import {containerViews} from '../../source/model/containers.js';
import {podColumns} from '../../source/model/print-pod.js';
import {LATEST_COMPAT} from '../../source/model/compat.js';
import {diffPod} from '../../source/model/history.js';
import type {Pod} from '../../source/kube/objects.js';
import type {TransitionKind} from '../../source/model/pod-state.js';
import {CAPTURES, CAPTURES_V136, podEntries, podKey, replay} from './store/store-fixture.js';

function dedupe(values: string[]): string[] {
	return values.filter((value, index) => index === 0 || values[index - 1] !== value);
}

const ORDER: TransitionKind[] = ['created', 'deleting', 'node', 'phase', 'status', 'ready', 'condition', 'container', 'restart', 'deleted'];

describe('pod history', () => {
	it.each([
		['v1.32', CAPTURES, 'crashloop'],
		['v1.36', CAPTURES_V136, 'crashloop'],
		['v1.32', CAPTURES, 'init-crash'],
		['v1.36', CAPTURES_V136, 'terminating'],
	])('lists the STATUS changes of a %s %s pod in the order the server printed them', (_version, dir, name) => {
		const {store, capture} = replay(name, undefined, {dir});
		const entries = podEntries(capture);
		const key = podKey(entries[0]!.object);
		const history = store.pod(key)!.history;
		const statuses = [history[0]!.to!, ...history.filter(transition => transition.kind === 'status').map(transition => transition.to!)];
		expect(history[0]!.kind).toBe('created');
		expect(statuses).toEqual(dedupe(entries.map(entry => entry.row!.status)));
		expect(statuses.length).toBeGreaterThan(3);
	});

	it("keeps each entry's transitions in a fixed order: phase, STATUS, READY, conditions, containers, restarts", () => {
		const {store, capture} = replay('crashloop');
		const history = store.pod(podKey(podEntries(capture)[0]!.object))!.history;
		// Node 20 has no Map.groupBy.
		const byTime = new Map<number, typeof history>();
		for (const transition of history) byTime.set(transition.at, [...(byTime.get(transition.at) ?? []), transition]);
		expect(byTime.size).toBeLessThan(history.length);
		for (const group of byTime.values()) {
			const ranks = group.map(transition => ORDER.indexOf(transition.kind));
			expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		}
		// STATUS of every transition is the column after the whole entry.
		for (const group of byTime.values()) expect(new Set(group.map(transition => transition.statusAfter)).size).toBe(1);
	});

	it('records the node assignment, the container coming up and each restart with its exit code', () => {
		const {store, capture} = replay('crashloop');
		const history = store.pod(podKey(podEntries(capture)[0]!.object))!.history;
		expect(history.find(transition => transition.kind === 'node')).toMatchObject({subject: 'node', from: null, to: 'kind-worker'});
		expect(history).toContainEqual(expect.objectContaining({kind: 'container', subject: 'container api', from: 'waiting(ContainerCreating)', to: 'running'}));
		const restarts = history.filter(transition => transition.kind === 'restart');
		expect(restarts.map(transition => `${transition.from}→${transition.to}`)).toEqual(['0→1', '1→2', '2→3', '3→4']);
		expect(restarts[0]).toMatchObject({subject: 'container api', detail: 'Error, exit code 1', statusAfter: 'Running'});
		expect(history).toContainEqual(expect.objectContaining({kind: 'condition', subject: 'Ready', from: 'False', to: 'True'}));
	});

	it('records the deletion request with its grace period, and the deletion last (terminating.ndjson)', () => {
		const {store, capture} = replay('terminating');
		const history = store.pod(podKey(podEntries(capture)[0]!.object))!.history;
		const deleting = history.find(transition => transition.kind === 'deleting')!;
		expect(deleting).toMatchObject({detail: 'grace period 30s', statusAfter: 'Terminating'});
		expect(history.at(-1)).toMatchObject({kind: 'deleted', from: 'Completed', to: null, statusAfter: 'Completed'});
	});

	it('finds nothing to say about an unchanged pod', () => {
		const pod: Pod = {metadata: {name: 'p', namespace: 'default', uid: 'u'}, spec: {containers: [{name: 'c'}]}, status: {phase: 'Pending'}};
		const core = {resourceVersion: null, deletionTimestamp: null, nodeName: null, phase: 'Pending', reason: null, conditions: []};
		const snapshot = {pod, core, columns: podColumns(pod, LATEST_COMPAT), containers: containerViews(pod)};
		expect(diffPod(snapshot, snapshot, 5)).toEqual([]);
		expect(diffPod(null, snapshot, 5)).toEqual([
			{at: 5, kind: 'created', subject: 'pod', from: null, to: 'Pending', statusAfter: 'Pending', detail: 'phase Pending'},
		]);
	});
});
