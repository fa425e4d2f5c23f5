// Grouped by owner (o), the TUI places a pod as the headless outputs do: with the owner objects the
// session holds when it holds them (a ReplicaSet's own controller, its revision), else from the
// names the controllers give — and a ReplicaSet whose revision cannot be known says so.

import {describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/objects.js';
import {compatForServerVersion} from '../../source/model/compat.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {deriveFrame, frameMemory, type Frame} from '../../source/view/frame.js';
import {initialUiState} from '../../source/view/ui-state.js';
import type {SourceInfo} from '../../source/sources/source-info.js';
import {replicaSetPod} from '../helpers/replica-set-pod.js';

const LIVE: SourceInfo = {kind: 'live', title: 'kind-kind', context: 'kind-kind'};
const start = Date.parse('2026-12-05T10:00:00Z');

/** A ready pod of ReplicaSet `replicaSet`, first seen well after it was made (as when a watch starts). */
const pod = (name: string, replicaSet: string, hash: string): Pod => replicaSetPod(name, replicaSet, hash);

/** ReplicaSet frontend-5c6d of Deployment storefront (its name says frontend), revision 7. */
const REPLICA_SET = {
	apiVersion: 'apps/v1',
	kind: 'ReplicaSet',
	metadata: {
		name: 'frontend-5c6d',
		namespace: 'shop',
		annotations: {'deployment.kubernetes.io/revision': '7'},
		ownerReferences: [{kind: 'Deployment', name: 'storefront', controller: true}],
	},
	spec: {replicas: 2},
} as unknown as Pod;

function grouped(store: PodStore, memory = frameMemory(initialUiState({sort: 'owner'})), wide = false): {frame: Frame; lines: string[]} {
	const frame = deriveFrame({
		store,
		memory,
		info: LIVE,
		player: null,
		now: start + 1000,
		columns: 160,
		rows: 20,
		help: [],
		state: {...initialUiState({sort: 'owner', namespace: 'shop'}), wide},
	});
	if (frame.body.kind !== 'table') throw new Error(`the body is ${frame.body.kind}`);
	return {frame, lines: frame.body.lines.map(line => (line.heading ? line.text : `pod ${line.text.trim()}`))};
}

describe('the grouped table and the owner objects', () => {
	it('without the ReplicaSet object: the Deployment its name says, the ReplicaSet by its hash, marked revision unknown', () => {
		const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
		store.apply({t: 0, type: 'ADDED', object: pod('frontend-5c6d-a', 'frontend-5c6d', '5c6d')}, start);
		store.apply({t: 0, type: 'ADDED', object: pod('frontend-5c6d-b', 'frontend-5c6d', '5c6d')}, start);
		const {lines} = grouped(store);
		expect(lines[0]).toMatch(/^▾ frontend {2}Deployment {2}rs 5c6d \(revision unknown\) {2}ready 2\/2$/);
		expect(lines.slice(1).map(line => line.split(/\s+/)[1])).toEqual(['frontend-5c6d-a', 'frontend-5c6d-b']);
	});

	it('with it: the Deployment the ReplicaSet names and its revision — and the grouping follows when the object comes after the pods', () => {
		const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
		const memory = frameMemory(initialUiState({sort: 'owner'}));
		store.apply({t: 0, type: 'ADDED', object: pod('frontend-5c6d-a', 'frontend-5c6d', '5c6d')}, start);
		expect(grouped(store, memory).lines[0]).toMatch(/^▾ frontend {2}Deployment/);
		store.apply({t: 0, type: 'ADDED', object: REPLICA_SET}, start);
		store.apply({t: 0, type: 'ADDED', object: pod('frontend-5c6d-b', 'frontend-5c6d', '5c6d')}, start);
		const {lines} = grouped(store, memory);
		expect(lines[0]).toMatch(/^▾ storefront {2}Deployment {2}rev 7 {2}ready 2\/2$/);
		expect(lines).toHaveLength(3);
		// Wide, OWNER says the same.
		const wide = grouped(store, memory, true);
		expect(wide.frame.body.kind === 'table' && wide.frame.body.header).toMatch(/OWNER/);
		expect(wide.lines[1]).toContain('Deployment/storefront');
	});
});
