// What a group's heading counts its summary from: every pod the store keeps, by workload, brought
// up to date from the store's changes, and placed again when owner objects move pods.

import {describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {WorkloadMembers} from '../../../source/view/workloads/workload-members.js';
import {replicaSetPod} from '../../helpers/replica-set-pod.js';

const at = Date.parse('2026-12-05T10:00:00Z');

const pod = (name: string, replicaSet: string, hash: string): Pod => replicaSetPod(name, replicaSet, hash);

const names = (members: WorkloadMembers, id: string) =>
	members
		.podsOf(id)
		.map(p => p.name)
		.sort();

describe('WorkloadMembers', () => {
	it('keeps each workload’s pods as pods come and go, deleted ones included while the store keeps them', () => {
		const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
		const members = new WorkloadMembers();
		store.apply({t: 0, type: 'ADDED', object: pod('web-7d4f-a', 'web-7d4f', '7d4f')}, at);
		members.update(store);
		expect(names(members, 'Deployment/shop/web')).toEqual(['web-7d4f-a']);
		expect(members.earliestSeen).toBe(at);
		store.apply({t: 1000, type: 'ADDED', object: pod('web-9c2e-b', 'web-9c2e', '9c2e')}, at + 1000);
		store.apply({t: 2000, type: 'DELETED', object: pod('web-7d4f-a', 'web-7d4f', '7d4f')}, at + 2000);
		members.update(store);
		expect(names(members, 'Deployment/shop/web')).toEqual(['web-7d4f-a', 'web-9c2e-b']);
		expect(members.podsOf('Deployment/shop/web').find(p => p.name === 'web-7d4f-a')?.deletedAt).toBe(at + 2000);
	});

	it('moves every pod when a ReplicaSet object names another Deployment', () => {
		const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
		const members = new WorkloadMembers();
		store.apply({t: 0, type: 'ADDED', object: pod('frontend-5c6d-a', 'frontend-5c6d', '5c6d')}, at);
		members.update(store);
		expect(names(members, 'Deployment/shop/frontend')).toEqual(['frontend-5c6d-a']);
		const replicaSet = {
			kind: 'ReplicaSet',
			metadata: {name: 'frontend-5c6d', namespace: 'shop', ownerReferences: [{kind: 'Deployment', name: 'storefront', controller: true}]},
		};
		store.apply({t: 0, type: 'ADDED', object: replicaSet as unknown as Pod}, at);
		members.update(store);
		expect(names(members, 'Deployment/shop/frontend')).toEqual([]);
		expect(names(members, 'Deployment/shop/storefront')).toEqual(['frontend-5c6d-a']);
	});
});
