// The cluster a store keeps for placement follows the store entry by entry, as a full build would
// see it, and a view kept after the store moved on still answers for its own moment.

import {describe, expect, it} from 'vitest';
import type {Cluster} from '../../../source/model/placement/cluster.js';
import {clusterOf} from '../../../source/model/placement/cluster-of.js';
import {podOf, RECORDED_AT, scenario} from './scenario.js';

function names(cluster: Cluster): Record<string, string[]> {
	return Object.fromEntries([...cluster.podsByNode].map(([node, pods]) => [node, pods.map(pod => pod.name).sort()]).sort());
}

describe('the placement cluster of a store', () => {
	it('follows binds and deletions as a full build does', () => {
		const made = scenario([{name: 'a', node: 'kind-worker'}, {name: 'b'}]);
		const {store} = made;
		const first = store.view();
		expect(names(first.placementCluster(null))).toEqual({'kind-worker': ['a']});
		store.apply(
			{
				t: 100,
				type: 'MODIFIED',
				object: {...podOf({name: 'b', node: 'kind-worker'}), metadata: {...made.state('b').readObject().metadata, resourceVersion: '9999'}},
			},
			RECORDED_AT + 100,
		);
		store.apply({t: 110, type: 'DELETED', object: made.state('a').readObject()}, RECORDED_AT + 110);
		const second = store.view();
		expect(names(second.placementCluster(null))).toEqual({'kind-worker': ['b']});
		expect(names(second.placementCluster(null))).toEqual(names(clusterOf(second, null)));
		// Leaving out the pod being placed.
		expect(names(second.placementCluster(made.state('b').key))).toEqual({'kind-worker': []});
		// The first view still tells its own moment.
		expect(names(first.placementCluster(null))).toEqual({'kind-worker': ['a']});
	});
});
