import {describe, expect, it} from 'vitest';
import type {Affinity, Pod} from '../../../source/kube/objects.js';
import {Interns} from '../../../source/model/store/interns.js';

function owned(name: string, uid: string | undefined, kind = 'ReplicaSet'): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name: `${name}-x`,
			namespace: 'default',
			ownerReferences: [{apiVersion: 'apps/v1', kind, name, controller: true, ...(uid !== undefined && {uid})}],
		},
	} as Pod;
}

const ANTI: Affinity = {
	podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: 'kubernetes.io/hostname', labelSelector: {matchLabels: {app: 'web'}}}]},
};

describe('Interns.labels', () => {
	it('gives the pods of one label set one object, whatever the order of their labels', () => {
		const interns = new Interns();
		const first = interns.labels({app: 'web', 'pod-template-hash': 'abc'});
		const second = interns.labels({'pod-template-hash': 'abc', app: 'web'});
		expect(second).toBe(first);
		expect(first).toEqual({app: 'web', 'pod-template-hash': 'abc'});
		expect(Object.isFrozen(first)).toBe(true);
	});

	it('keeps sets that differ by one value, one label more or one label less apart', () => {
		const interns = new Interns();
		const web = interns.labels({app: 'web', tier: 'front'});
		const api = interns.labels({app: 'api', tier: 'front'});
		const more = interns.labels({app: 'web', tier: 'front', extra: ''});
		const less = interns.labels({app: 'web'});
		// Swapped values under the same names: the same names and values, paired differently.
		const swapped = interns.labels({app: 'front', tier: 'web'});
		expect(new Set([web, api, more, less, swapped]).size).toBe(5);
		expect(api).toEqual({app: 'api', tier: 'front'});
		expect(more).toEqual({app: 'web', tier: 'front', extra: ''});
		expect(less).toEqual({app: 'web'});
		expect(swapped).toEqual({app: 'front', tier: 'web'});
		expect(interns.labels({tier: 'front', app: 'web'})).toBe(web);
	});

	it('gives a pod version the labels of the version before while they are the same, and new ones when they change', () => {
		const interns = new Interns();
		const before = interns.labels({app: 'web', 'controller-uid': 'u1'});
		expect(interns.labels({app: 'web', 'controller-uid': 'u1'}, before)).toBe(before);
		const relabelled = interns.labels({app: 'web', 'controller-uid': 'u1', canary: 'true'}, before);
		expect(relabelled).not.toBe(before);
		expect(relabelled).toEqual({app: 'web', 'controller-uid': 'u1', canary: 'true'});
		expect(interns.labels({app: 'web'}, before)).toEqual({app: 'web'});
		expect(interns.labels({}, before)).toEqual({});
		expect(interns.labels(undefined, before)).toEqual({});
	});
});

describe('Interns.owner', () => {
	it('gives the pods of one controller one owner, and keeps owners of other names or kinds apart', () => {
		const interns = new Interns();
		const first = interns.owner(owned('web-abc', 'rs-1'));
		expect(first).toEqual({kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-1'});
		expect(interns.owner(owned('web-abc', 'rs-1'))).toBe(first);
		expect(interns.owner(owned('web-abc', 'rs-1'), first)).toBe(first);
		expect(interns.owner(owned('web-def', 'rs-2'), first)).toEqual({kind: 'ReplicaSet', name: 'web-def', uid: 'rs-2'});
		// A reference that reuses a uid under another name is not mistaken for the first owner.
		expect(interns.owner(owned('other', 'rs-1'))).toEqual({kind: 'ReplicaSet', name: 'other', uid: 'rs-1'});
		const noUid = interns.owner(owned('batch', undefined, 'Job'));
		expect(noUid).toEqual({kind: 'Job', name: 'batch', uid: ''});
		expect(interns.owner(owned('batch', undefined, 'Job'))).toBe(noUid);
		expect(interns.owner(owned('batch', undefined, 'ReplicaSet'))).toEqual({kind: 'ReplicaSet', name: 'batch', uid: ''});
	});
});

describe('Interns.podRules', () => {
	it('gives a pod version the rules of the version before while they are the same, and the new rules when they change', () => {
		const interns = new Interns();
		const rules = interns.podRules(ANTI);
		expect(rules).toEqual(ANTI);
		expect(interns.podRules(structuredClone(ANTI), rules)).toBe(rules);
		const changed = structuredClone(ANTI);
		changed.podAntiAffinity!.requiredDuringSchedulingIgnoredDuringExecution![0]!.topologyKey = 'topology.kubernetes.io/zone';
		const next = interns.podRules(changed, rules);
		expect(next).not.toBe(rules);
		expect(next!.podAntiAffinity!.requiredDuringSchedulingIgnoredDuringExecution![0]!.topologyKey).toBe('topology.kubernetes.io/zone');
		expect(interns.podRules({}, rules)).toBeNull();
	});
});
