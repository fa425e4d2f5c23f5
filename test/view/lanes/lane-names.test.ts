// The Lanes view's name column on a narrow terminal: names cut to the same text are cut again so
// that no two pods read alike.

import {describe, expect, it} from 'vitest';
import {laneNames, type LaneName} from '../../../source/view/lanes/lane-names.js';

const of = (key: string, width: number): LaneName => {
	const [namespace, name] = key.split('/');
	return {namespace: namespace!, name: name!, width};
};

describe('laneNames', () => {
	it('cuts a name in the middle as the table does, keeping its start and its last part', () => {
		expect(laneNames([of('default/api-784845b95f-9df6d', 20), of('default/api-f8d4ff6c9-xnz4n', 20)])).toEqual([
			'default/api-7…-9df6d',
			'default/api-f…-xnz4n',
		]);
	});

	it('tells apart static pods that cut alike, by their names without the namespace', () => {
		const statics = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map(name => of(`kube-system/${name}-kind-control-plane`, 20));
		const labels = laneNames(statics);
		expect(new Set(labels).size).toBe(4);
		expect(labels.slice(1)).toEqual(['kube-apiserve…-plane', 'kube-controll…-plane', 'kube-schedule…-plane']);
		for (const label of labels) expect(label.length).toBeLessThanOrEqual(20);
	});

	it('cuts names again where they differ when start and end alike do not tell them apart', () => {
		const labels = laneNames([of('ns/job-batch-runner-aaaa-0', 12), of('ns/job-batch-runner-bbbb-0', 12)]);
		expect(new Set(labels).size).toBe(2);
		expect(labels[0]).toContain('a');
		expect(labels[1]).toContain('b');
		for (const label of labels) expect(label.length).toBeLessThanOrEqual(12);
	});

	it('keeps the namespace’s start for the same name in two namespaces, and a name’s lives alike', () => {
		const labels = laneNames([of('platform-east/web-0', 12), of('platform-west/web-0', 12), of('platform-east/web-0', 12)]);
		expect(labels[0]).not.toBe(labels[1]);
		expect(labels[0]).toBe(labels[2]);
		expect(labels[0]).toMatch(/e.*\/web-0$/);
		expect(labels[1]).toMatch(/w.*\/web-0$/);
		for (const label of labels) expect(label.length).toBeLessThanOrEqual(12);
	});
});
