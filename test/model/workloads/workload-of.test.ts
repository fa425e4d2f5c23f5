// Every pod of the real control plane's captures under the workload that made it: the Deployment
// behind each ReplicaSet (from its name and the pod-template-hash), the StatefulSet and DaemonSet
// with their revisions, the static pods under their Node, a bare pod on its own. The expected
// owners are written out by hand from what the controllers created in each recording.

import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {PodState} from '../../../source/model/pod-state.js';
import {NO_OWNER_OBJECTS, ownerObjectOf, ownerKey, type OwnerObject} from '../../../source/model/workloads/owner-objects.js';
import {cronJobOfJob, deploymentOfReplicaSet, workloadOf} from '../../../source/model/workloads/workload-of.js';
import {groupPods} from '../../../source/model/workloads/workload-groups.js';
import {replay} from '../store/store-fixture.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import type {Pod} from '../../../source/kube/objects.js';

const FULL = join(import.meta.dirname, '..', '..', 'fixtures', 'captures-full');

/** The kind-cluster system pods every captures-full session holds. */
const SYSTEM: Record<string, string> = {
	'kube-system/coredns-6fc664ddd6-nmb5x': 'Deployment/kube-system/coredns · ReplicaSet coredns-6fc664ddd6',
	'kube-system/coredns-6fc664ddd6-tg86f': 'Deployment/kube-system/coredns · ReplicaSet coredns-6fc664ddd6',
	'kube-system/etcd-kind-control-plane': 'Node//kind-control-plane',
	'kube-system/kube-apiserver-kind-control-plane': 'Node//kind-control-plane',
	'kube-system/kube-controller-manager-kind-control-plane': 'Node//kind-control-plane',
	'kube-system/kube-scheduler-kind-control-plane': 'Node//kind-control-plane',
	'kube-system/kindnet-hgrc4': 'DaemonSet/kube-system/kindnet · revision kindnet-644f654bc5',
	'kube-system/kindnet-pcwfs': 'DaemonSet/kube-system/kindnet · revision kindnet-644f654bc5',
	'kube-system/kube-proxy-4mrlp': 'DaemonSet/kube-system/kube-proxy · revision kube-proxy-68678c9bd6',
	'kube-system/kube-proxy-gz8nx': 'DaemonSet/kube-system/kube-proxy · revision kube-proxy-68678c9bd6',
	'local-path-storage/local-path-provisioner-6d49c86cf8-xcmdz':
		'Deployment/local-path-storage/local-path-provisioner · ReplicaSet local-path-provisioner-6d49c86cf8',
};

function api(hash: string, ...suffixes: string[]): Record<string, string> {
	return Object.fromEntries(suffixes.map(suffix => [`default/api-${hash}-${suffix}`, `Deployment/default/api · ReplicaSet api-${hash}`]));
}

const EXPECTED: Record<string, Record<string, string>> = {
	'rollout-undo': {
		...SYSTEM,
		...api('86c99489f4', 'tthn4', 'ns94p'),
		...api('f8d4ff6c9', 'xnz4n', 'fhbhp', 'kgr8x', '6rbrb', 'hkdqj', 'xcvrw', 'q694l', 'zw4st'),
		...api('784845b95f', '9df6d', '6vg9m', 'xkfvp', 'jzwb5'),
	},
	statefulset: {
		...SYSTEM,
		'default/db-0': 'StatefulSet/default/db · revision db-7f89d5595d',
		'default/db-1': 'StatefulSet/default/db · revision db-7f89d5595d',
		'default/node-exporter-c5h59': 'DaemonSet/default/node-exporter · revision node-exporter-ff9c6c94',
	},
	placement: {
		...SYSTEM,
		'default/ha-66757c68df-5fklm': 'Deployment/default/ha · ReplicaSet ha-66757c68df',
		'default/ha-66757c68df-5rvr7': 'Deployment/default/ha · ReplicaSet ha-66757c68df',
		'default/ha-66757c68df-kpstg': 'Deployment/default/ha · ReplicaSet ha-66757c68df',
		'default/near-front': 'Pod/default/',
	},
};

function described(pod: PodState): string {
	const workload = workloadOf(pod, NO_OWNER_OBJECTS);
	return workload.part ? `${workload.id} · ${workload.part.kind} ${workload.part.name}` : workload.id;
}

describe('workloadOf on the real controllers’ pods', () => {
	for (const [name, expected] of Object.entries(EXPECTED)) {
		it(`puts every pod of ${name} under the workload that made it`, () => {
			const {store} = replay(name, undefined, {dir: FULL, tombstoneMs: Infinity});
			const seen: Record<string, string> = {};
			for (const pod of store.view().pods.values()) seen[pod.key] = described(pod);
			expect(seen).toEqual(expected);
		});
	}

	it('groups a rollout’s pods under one Deployment, its ReplicaSets in the order they came', () => {
		const {store} = replay('rollout-undo', undefined, {dir: FULL, tombstoneMs: Infinity});
		const groups = groupPods(store.view().pods.values(), store.view().owners);
		const apiGroup = groups.find(group => group.workload.id === 'Deployment/default/api')!;
		const order = apiGroup.pods.map(pod => apiGroup.parts.get(pod.key)!.hash);
		const runs = order.filter((hash, index) => hash !== order[index - 1]);
		// f8d4ff6c9 first came before 784845b95f: its undo pods sit with its first ones.
		expect(runs).toEqual(['86c99489f4', 'f8d4ff6c9', '784845b95f']);
		expect(groups.map(group => group.workload.id)).toEqual([
			'Deployment/default/api',
			'Deployment/kube-system/coredns',
			'DaemonSet/kube-system/kindnet',
			'DaemonSet/kube-system/kube-proxy',
			'Deployment/local-path-storage/local-path-provisioner',
			'Node//kind-control-plane',
		]);
	});
});

describe('names the controllers give', () => {
	it('a ReplicaSet named <deployment>-<hash> of its pods’ hash belongs to the Deployment', () => {
		expect(deploymentOfReplicaSet('web-7d4f9b', '7d4f9b')).toBe('web');
		expect(deploymentOfReplicaSet('my-web-app-7d4f9b', '7d4f9b')).toBe('my-web-app');
		expect(deploymentOfReplicaSet('web-7d4f9b', 'abc123')).toBeNull();
		expect(deploymentOfReplicaSet('web-7d4f9b', undefined)).toBeNull();
	});

	it('a Job named <cronjob>-<scheduled minute> made at that minute belongs to the CronJob', () => {
		const created = Date.parse('2026-12-04T15:00:03Z');
		const minute = Math.floor(Date.parse('2026-12-04T15:00:00Z') / 60_000);
		expect(cronJobOfJob(`nightly-report-${minute}`, created)).toBe('nightly-report');
		// A manual Job with digits in its name, far from when its pod was made, is a Job of its own.
		expect(cronJobOfJob('backup-20000000', created)).toBeNull();
		expect(cronJobOfJob(`nightly-${minute + 10}`, created)).toBeNull();
		expect(cronJobOfJob('report-s887j', created)).toBeNull();
	});
});

describe('with the owner objects held', () => {
	const rs = ownerObjectOf({
		kind: 'ReplicaSet',
		metadata: {
			name: 'frontend-5c6d',
			namespace: 'shop',
			annotations: {'deployment.kubernetes.io/revision': '7'},
			ownerReferences: [{kind: 'Deployment', name: 'storefront', controller: true}],
		},
		spec: {replicas: 3},
	})!;
	const job = ownerObjectOf({kind: 'Job', metadata: {name: 'adhoc-12345678', namespace: 'shop'}})!;
	const owners = new Map<string, OwnerObject>([
		[ownerKey('ReplicaSet', 'shop', 'frontend-5c6d'), rs],
		[ownerKey('Job', 'shop', 'adhoc-12345678'), job],
	]);
	const pod = (kind: string, name: string, labels: Record<string, string> = {}) => ({
		namespace: 'shop',
		owner: {kind, name, uid: ''},
		mirror: null,
		scheduling: {labels},
		columns: {createdMs: null, node: ''},
	});

	it('reads the revision and replicas of a ReplicaSet', () => {
		expect(rs.revision).toBe(7);
		expect(rs.replicas).toBe(3);
		expect(rs.owner?.name).toBe('storefront');
	});

	it('follows the ReplicaSet’s own controller, whatever its name says', () => {
		expect(workloadOf(pod('ReplicaSet', 'frontend-5c6d', {'pod-template-hash': '5c6d'}), owners).id).toBe('Deployment/shop/storefront');
		expect(workloadOf(pod('ReplicaSet', 'frontend-5c6d', {'pod-template-hash': '5c6d'}), NO_OWNER_OBJECTS).id).toBe('Deployment/shop/frontend');
	});

	it('keeps a Job without a controller a Job, though its name looks scheduled', () => {
		expect(workloadOf(pod('Job', 'adhoc-12345678'), owners).id).toBe('Job/shop/adhoc-12345678');
	});
});

describe('the store keeps the owner objects a session holds', () => {
	it('puts pods under the Deployment their ReplicaSet object names, through a snapshot and back', () => {
		const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
		const at = Date.parse('2026-12-05T10:00:00Z');
		const replicaSet = {
			apiVersion: 'apps/v1',
			kind: 'ReplicaSet',
			metadata: {name: 'frontend-5c6d', namespace: 'shop', ownerReferences: [{kind: 'Deployment', name: 'storefront', controller: true}]},
		};
		const before = store.snapshot();
		store.apply({t: 0, type: 'ADDED', object: replicaSet as Pod}, at);
		store.apply({t: 0, type: 'ADDED', object: {kind: 'ConfigMap', metadata: {name: 'settings', namespace: 'shop'}} as Pod}, at);
		const pod = {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {
				name: 'frontend-5c6d-x1',
				namespace: 'shop',
				uid: 'x1',
				labels: {'pod-template-hash': '5c6d'},
				ownerReferences: [{kind: 'ReplicaSet', name: 'frontend-5c6d', controller: true}],
			},
			spec: {containers: [{name: 'app'}]},
		};
		store.apply({t: 0, type: 'ADDED', object: pod as Pod}, at);
		const view = store.view();
		expect(view.owners.size).toBe(1);
		expect(groupPods(view.pods.values(), view.owners).map(group => group.workload.id)).toEqual(['Deployment/shop/storefront']);
		const after = store.snapshot();
		store.restore(before);
		expect(store.view().owners.size).toBe(0);
		store.restore(after);
		expect(store.view().owners.get('ReplicaSet/shop/frontend-5c6d')?.owner?.name).toBe('storefront');
		store.apply({t: 1, type: 'DELETED', object: replicaSet as Pod}, at + 1);
		expect(store.view().owners.size).toBe(0);
	});
});
