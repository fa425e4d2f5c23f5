import {describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/objects.js';
import {mirrorInfo} from '../../source/model/mirror.js';
import {capture, podEntries} from './store/store-fixture.js';

describe('mirrorInfo', () => {
	it('flags the control-plane static pods of kind-boot.ndjson with their node and source, and nothing else', () => {
		const pods = new Map<string, Pod>();
		for (const entry of podEntries(capture('kind-boot'), 'kube-system')) pods.set(entry.object.metadata.name!, entry.object);
		const mirrors = [...pods.values()]
			.filter(pod => mirrorInfo(pod) !== null)
			.map(pod => pod.metadata.name)
			.sort();
		expect(mirrors).toEqual([
			'etcd-kind-control-plane',
			'kube-apiserver-kind-control-plane',
			'kube-controller-manager-kind-control-plane',
			'kube-scheduler-kind-control-plane',
		]);
		const etcd = mirrorInfo(pods.get('etcd-kind-control-plane')!);
		expect(etcd).toEqual({node: 'kind-control-plane', source: 'file', hash: '60287090dbc5633b5720072c929a2591', mirror: '60287090dbc5633b5720072c929a2591'});
		expect(pods.has('kube-proxy-4c9tl')).toBe(true);
		expect(mirrorInfo(pods.get('kube-proxy-4c9tl')!)).toBeNull();
	});

	function staticPod(name: string, nodeName: string): Pod {
		return {
			metadata: {name, namespace: 'kube-system', annotations: {'kubernetes.io/config.mirror': 'abc'}},
			spec: {nodeName, containers: [{name: 'c'}]},
		};
	}

	it('takes the node from the name suffix when no Node owns the mirror pod', () => {
		expect(mirrorInfo(staticPod('etcd-node-a', 'node-a'))).toEqual({node: 'node-a', source: null, hash: null, mirror: 'abc'});
	});

	it("names no node when the suffix is not the pod's node", () => {
		expect(mirrorInfo(staticPod('etcd-node-a', 'node-b'))?.node).toBeNull();
	});
});
