// The Lanes view's rows for pods the table no longer lists: a deleted pod is the table's row for a
// minute, then an ended life's row after the table's rows while its lane meets the window and it
// passes the filter — never both at once, never neither.

import {describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {NO_FILTER} from '../../../source/view/filter.js';
import {PodIndex, TOMBSTONE_SHOW_MS} from '../../../source/view/pod-index.js';
import {endedRowKey, podOfRow, rowPlaces, withEndedRows} from '../../../source/view/lanes/ended-rows.js';

const start = Date.parse('2026-12-05T10:00:00Z');
const deletedAt = start + 10_000;

function pod(name: string): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, namespace: 'shop', uid: `uid-${name}`, creationTimestamp: '2026-12-05T10:00:00Z', labels: {app: name}},
		spec: {containers: [{name: 'app'}], nodeName: 'node-1'},
		status: {phase: 'Running'},
	} as Pod;
}

function storeWithDeletedPod(): PodStore {
	const store = new PodStore({compat: compatForServerVersion('v1.32.0')});
	store.apply({t: 0, type: 'ADDED', object: pod('api')}, start);
	store.apply({t: 0, type: 'ADDED', object: pod('web')}, start);
	store.apply({t: 10_000, type: 'DELETED', object: pod('api')}, deletedAt);
	return store;
}

/** The Lanes view's rows at `now` over a window of (from, now]. */
function rowsAt(store: PodStore, now: number, options: {from?: number; text?: string} = {}) {
	const index = new PodIndex();
	index.update(store, now);
	const filter = {...NO_FILTER, text: options.text ?? ''};
	const table = index.rows(filter);
	const rows = withEndedRows(table, store.view(), filter, {start: options.from ?? start - 1, end: now}, now);
	const keys = Array.from({length: rows.length}, (_, at) => rows.keyAt(at)!);
	return {table, rows, keys};
}

describe('ended lives in the Lanes view', () => {
	it('draws a pod deleted a minute ago or less once, as the table’s row', () => {
		const store = storeWithDeletedPod();
		expect(rowsAt(store, deletedAt + 1000).keys.sort()).toEqual(['shop/api', 'shop/web']);
		// The table still lists it at exactly a minute: its row is its lane.
		expect(rowsAt(store, deletedAt + TOMBSTONE_SHOW_MS).keys.sort()).toEqual(['shop/api', 'shop/web']);
	});

	it('after the table’s minute, lists it after the table’s rows, under a key of its own that finds its pod and place', () => {
		const store = storeWithDeletedPod();
		const {table, rows, keys} = rowsAt(store, deletedAt + TOMBSTONE_SHOW_MS + 1);
		const ended = endedRowKey(store.view().endedPods[0]!);
		expect(keys).toEqual(['shop/web', ended]);
		expect(rows.indexOf(ended)).toBe(1);
		expect(podOfRow(store.view(), ended)?.name).toBe('api');
		expect(rowPlaces(rows, table, store.view())(1)).toMatchObject({workload: 'Pod/shop/', part: null, namespace: 'shop', name: 'api'});
	});

	it('leaves it out when its lane ends before the window or the filter leaves it out', () => {
		const store = storeWithDeletedPod();
		const later = deletedAt + 2 * TOMBSTONE_SHOW_MS;
		expect(rowsAt(store, later, {from: deletedAt}).keys).toEqual(['shop/web']);
		expect(rowsAt(store, later, {text: 'web'}).keys).toEqual(['shop/web']);
		expect(rowsAt(store, later, {text: 'api'}).keys).toEqual([endedRowKey(store.view().endedPods[0]!)]);
	});
});
