import {describe, expect, it} from 'vitest';
import type {KubeEvent, Pod} from '../../../source/kube/objects.js';
import {LATEST_COMPAT} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {EVENTS_PER_POD_LIMIT} from '../../../source/model/store/pod-events.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const MANAGED = [{manager: 'kubelet', operation: 'Update', fieldsV1: {'f:status': {}}}];

function pod(resourceVersion: string): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name: 'web', namespace: 'default', uid: 'u1', resourceVersion, creationTimestamp: '2026-11-25T10:00:00Z', managedFields: MANAGED},
		spec: {containers: [{name: 'app'}]},
		status: {phase: 'Running'},
	};
}

function event(index: number): KubeEvent {
	const at = new Date(T0 + index * 1000).toISOString().replace('.000', '');
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name: `web.${index}`, namespace: 'default', uid: `e${index}`, managedFields: MANAGED},
		involvedObject: {kind: 'Pod', namespace: 'default', name: 'web'},
		reason: `Reason${index}`,
		lastTimestamp: at,
	};
}

describe('PodStore memory bounds', () => {
	it('keeps pods and events without managedFields, leaving the received objects untouched', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const received = pod('1');
		store.apply({t: 0, type: 'ADDED', object: received}, T0);
		store.apply({t: 0, type: 'ADDED', object: event(1)}, T0);
		const state = store.view().pods.get('default/web')!;
		expect(state.readObject().metadata.managedFields).toBeUndefined();
		expect(state.readObject().metadata.resourceVersion).toBe('1');
		expect(received.metadata.managedFields).toBe(MANAGED);
		expect(store.view().eventsByPod.get('default/web')![0]!.metadata.managedFields).toBeUndefined();
	});

	it('keeps only the newest events of a pod, and a dropped event can still be deleted', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const total = EVENTS_PER_POD_LIMIT + 10;
		for (let index = 0; index < total; index++) store.apply({t: index, type: 'ADDED', object: event(index)}, T0 + index);
		const kept = store.view().eventsByPod.get('default/web')!;
		expect(kept).toHaveLength(EVENTS_PER_POD_LIMIT);
		expect(kept[0]!.reason).toBe('Reason10');
		expect(kept.at(-1)!.reason).toBe(`Reason${total - 1}`);
		store.apply({t: total, type: 'DELETED', object: event(0)}, T0 + total);
		store.apply({t: total, type: 'DELETED', object: event(total - 1)}, T0 + total);
		expect(
			store
				.view()
				.eventsByPod.get('default/web')!
				.map(e => e.reason),
		).not.toContain(`Reason${total - 1}`);
		expect(store.view().eventsByPod.get('default/web')).toHaveLength(EVENTS_PER_POD_LIMIT - 1);
	});
});
