import {describe, expect, it} from 'vitest';
import {ObjectHistory} from '../../source/serve/object-history.js';
import type {SessionEntry} from '../../source/session/format.js';
import {podsAt, readCapture} from './helpers.js';
import {podKeyOf} from '../../source/model/pod-key.js';

function pod(name: string, recordedRv: string, phase: string) {
	return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default', resourceVersion: recordedRv}, spec: {containers: []}, status: {phase}};
}

describe('ObjectHistory', () => {
	it('gives every change its own increasing resourceVersion, across kinds', () => {
		const {entries} = readCapture('mixed');
		const history = new ObjectHistory(entries, {firstResourceVersion: 50});
		const changes = history.advanceToEnd();
		expect(changes.map(change => change.rv)).toEqual(changes.map((_, index) => 51 + index));
		expect(changes.every(change => change.object.metadata?.resourceVersion === String(change.rv))).toBe(true);
		expect(new Set(changes.map(change => change.resource))).toEqual(new Set(['pods', 'nodes', 'events']));
	});

	it('holds the pods of the session at each time', () => {
		const {entries} = readCapture('terminating');
		const history = new ObjectHistory(entries);
		for (const t of [0, 100, 5000, 12_000, 20_000]) {
			history.advanceTo(t);
			const names = history.list('pods').map(stored => podKeyOf(stored.object.metadata));
			expect(names).toEqual([...podsAt(entries, t).keys()].sort());
		}
	});

	it('ignores a relist that repeats an object unchanged', () => {
		const entries: SessionEntry[] = [
			{t: 0, type: 'ADDED', object: pod('a', '7', 'Pending')},
			{t: 5, type: 'ADDED', object: pod('a', '7', 'Pending')},
			{t: 6, type: 'ADDED', object: pod('a', '9', 'Running')},
		];
		const changes = new ObjectHistory(entries).advanceToEnd();
		expect(changes.map(change => change.type)).toEqual(['ADDED', 'MODIFIED']);
	});

	it('rebuilds an older state even after older history was compacted', () => {
		const entries: SessionEntry[] = [
			{t: 0, type: 'ADDED', object: pod('a', '1', 'Pending')},
			{t: 1, type: 'ADDED', object: pod('b', '2', 'Pending')},
			{t: 2, type: 'MODIFIED', object: pod('a', '3', 'Running')},
			{t: 3, type: 'DELETED', object: pod('b', '4', 'Succeeded')},
		];
		const history = new ObjectHistory(entries, {firstResourceVersion: 0});
		history.advanceToEnd(); // rvs 1..4
		history.expireBefore(3);
		const atTwo = history.listAt('pods', 2);
		expect(atTwo).not.toBe('expired');
		expect(
			(atTwo as Array<{object: {metadata?: {name?: string}; status?: unknown}}>).map(stored => [stored.object.metadata?.name, stored.object.status]),
		).toEqual([
			['a', {phase: 'Pending'}],
			['b', {phase: 'Pending'}],
		]);
		expect(history.listAt('pods', 1)).toBe('expired');
		expect(history.changesAfter(1)).toBe('expired');
		expect(history.changesAfter(2)).toHaveLength(2);
	});

	it('deletes everything and keeps counting up when it starts over', () => {
		const entries: SessionEntry[] = [{t: 10, type: 'ADDED', object: pod('a', '1', 'Pending')}];
		const history = new ObjectHistory(entries, {firstResourceVersion: 0});
		history.advanceToEnd();
		const rewound = history.rewind();
		expect(rewound.map(change => [change.type, change.rv])).toEqual([['DELETED', 2]]);
		expect(history.now).toBe(0);
		expect(history.advanceToEnd().map(change => [change.type, change.rv])).toEqual([['ADDED', 3]]);
	});
});
