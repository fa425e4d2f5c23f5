// An ended pod is placed among the workloads as a listed one is, and again when owner objects
// arrive that move it.

import {describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {indexEntry} from '../../../source/view/index-entry.js';
import {compareOwnerOrder} from '../../../source/view/sort.js';
import {endedPlace} from '../../../source/view/workloads/ended-place.js';
import {replicaSetPod} from '../../helpers/replica-set-pod.js';

const at = Date.parse('2026-12-05T10:00:00Z');

describe('endedPlace', () => {
	it('puts an ended pod under the Deployment its ReplicaSet names, and under another once that ReplicaSet’s object says so', () => {
		const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
		store.apply({t: 0, type: 'ADDED', object: replicaSetPod('frontend-5c6d-a', 'frontend-5c6d', '5c6d')}, at);
		store.apply({t: 1000, type: 'DELETED', object: replicaSetPod('frontend-5c6d-a', 'frontend-5c6d', '5c6d')}, at + 1000);
		const ended = store.view().endedPods[0]!;
		const place = endedPlace(ended, store.view().owners);
		expect(place).toMatchObject({workload: 'Deployment/shop/frontend', part: 'frontend-5c6d'});
		// It sorts in the owner order as the table's entry of the pod does.
		expect(compareOwnerOrder(place, indexEntry(ended, at + 1000, store.view().owners))).toBe(0);
		expect(endedPlace(ended, store.view().owners)).toBe(place);
		const replicaSet = {
			kind: 'ReplicaSet',
			metadata: {name: 'frontend-5c6d', namespace: 'shop', ownerReferences: [{kind: 'Deployment', name: 'storefront', controller: true}]},
		};
		store.apply({t: 2000, type: 'ADDED', object: replicaSet as unknown as Pod}, at + 2000);
		expect(endedPlace(ended, store.view().owners)).toMatchObject({workload: 'Deployment/shop/storefront', part: 'frontend-5c6d'});
	});
});
