import {describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import {LATEST_COMPAT} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {LOGS_PER_POD_LIMIT} from '../../../source/model/store/captured-logs.js';
import type {LogEntry} from '../../../source/session/format.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');

function log(second: number, lines: string[], extra: Partial<LogEntry> = {}): LogEntry {
	return {t: second * 1000, type: 'LOG', namespace: 'default', pod: 'web', container: 'app', previous: true, lines, ...extra};
}

function pod(name = 'web'): Pod {
	return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1'}, spec: {containers: [{name: 'app'}]}};
}

function lastLines(store: PodStore, key = 'default/web'): string[] {
	return (store.view().logsByPod.get(key) ?? []).map(captured => captured.lines.at(-1) ?? '');
}

describe("a pod's captured logs in the store", () => {
	it('keeps each LOG entry under its pod, oldest first, with the time it was fetched', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const version = store.version;
		store.apply(log(5, ['a', 'boom 1'], {containerID: 'containerd://1', restartCount: 1, truncated: true}), T0 + 5000);
		store.apply(log(9, ['boom 2']), T0 + 9000);
		expect(store.version).toBeGreaterThan(version);
		expect(lastLines(store)).toEqual(['boom 1', 'boom 2']);
		expect(store.logsOf('default/web')[0]).toMatchObject({
			at: T0 + 5000,
			container: 'app',
			containerID: 'containerd://1',
			restartCount: 1,
			truncated: true,
			error: null,
		});
		expect(store.logsOf('default/other')).toEqual([]);
	});

	it('goes back to the logs of a snapshot: a log captured after it is gone again', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		store.apply(log(5, ['boom 1']), T0 + 5000);
		const snapshot = store.snapshot();
		const view = store.view();
		store.apply(log(9, ['boom 2']), T0 + 9000);
		// A view handed out before stays as it was.
		expect(view.logsByPod.get('default/web')).toHaveLength(1);
		expect(lastLines(store)).toEqual(['boom 1', 'boom 2']);
		store.restore(snapshot);
		expect(lastLines(store)).toEqual(['boom 1']);
	});

	it('keeps the newest LOGS_PER_POD_LIMIT of a pod that keeps crashing', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		for (let index = 0; index < LOGS_PER_POD_LIMIT + 5; index++) store.apply(log(index, [`boom ${index}`]), T0 + index * 1000);
		const kept = lastLines(store);
		expect(kept).toHaveLength(LOGS_PER_POD_LIMIT);
		expect(kept[0]).toBe('boom 5');
		expect(kept.at(-1)).toBe(`boom ${LOGS_PER_POD_LIMIT + 4}`);
	});

	it('forgets the logs of a deleted pod with its tombstone', () => {
		const store = new PodStore({compat: LATEST_COMPAT, tombstoneMs: 1000});
		store.apply({t: 0, type: 'ADDED', object: pod()}, T0);
		store.apply(log(1, ['boom']), T0 + 1000);
		store.apply({t: 2000, type: 'DELETED', object: pod()}, T0 + 2000);
		expect(lastLines(store)).toEqual(['boom']);
		store.pruneTombstones(T0 + 3500);
		expect(store.view().pods.has('default/web')).toBe(false);
		expect(store.view().logsByPod.has('default/web')).toBe(false);
	});
});
