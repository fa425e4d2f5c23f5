import {describe, expect, it} from 'vitest';
import type {KubeEvent, Pod} from '../../../source/kube/objects.js';
import {LATEST_COMPAT, parseStatusCompat} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {CHANGE_LOG_LIMIT} from '../../../source/model/store/change-log.js';
import type {StoreView} from '../../../source/model/pod-state.js';
import {podEntries, podKey, replay} from './store-fixture.js';

/** A plain copy of what a view shows, to compare states across time. */
function plain(view: StoreView): unknown {
	return JSON.parse(
		JSON.stringify({
			pods: [...view.pods.entries()],
			nodes: [...view.nodes.entries()],
			events: [...view.eventsByPod.entries()],
		}),
	);
}

const T0 = Date.parse('2026-11-25T10:00:00Z');

function pod(name: string, uid: string, resourceVersion: string, phase = 'Pending'): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, namespace: 'default', uid, resourceVersion, creationTimestamp: '2026-11-25T10:00:00Z'},
		spec: {containers: [{name: 'app'}]},
		status: {phase},
	};
}

function event(name: string, podName: string, reason: string, lastTimestamp: string, count = 1): KubeEvent {
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name, namespace: 'default', uid: `uid-${name}`},
		involvedObject: {kind: 'Pod', namespace: 'default', name: podName},
		reason,
		lastTimestamp,
		count,
	};
}

describe('PodStore with the recorded sessions', () => {
	it('keeps a deleted pod as a tombstone with its last status until it is pruned (terminating.ndjson)', () => {
		const {store, capture} = replay('terminating');
		const entries = podEntries(capture);
		const deleted = entries.at(-1)!;
		expect(deleted.type).toBe('DELETED');
		const key = podKey(deleted.object);
		const tombstone = store.pod(key)!;
		const deletedAt = Date.parse(capture.header.recordedAt) + deleted.t;
		expect(tombstone).toMatchObject({deletedAt, columns: {status: 'Completed', ready: '0/1'}});
		expect(tombstone.readServerRow()?.status).toBe('Completed');
		expect(store.view().pods.get(key)).toBe(tombstone);

		const version = store.version;
		expect(store.pruneTombstones(deletedAt + 5 * 60_000 - 1)).toBe(0);
		expect(store.pod(key)).toBe(tombstone);
		expect(store.pruneTombstones(deletedAt + 5 * 60_000)).toBe(1);
		expect(store.pod(key)).toBeUndefined();
		expect(store.changedSince(version)?.pods).toEqual(new Set([key]));
	});

	it('holds every pod, node and marker of the kind cluster boot', () => {
		const {store} = replay('kind-boot');
		expect(store.view().pods.size).toBe(11);
		expect([...store.view().nodes.keys()].sort()).toEqual(['kind-control-plane', 'kind-worker']);
		expect(store.synced).toEqual(new Set(['pods', 'events', 'nodes']));
		const etcd = store.pod('kube-system/etcd-kind-control-plane')!;
		expect(etcd.mirror).toMatchObject({node: 'kind-control-plane', source: 'file'});
		expect(store.pod('kube-system/coredns-668d6bf9bc-cdzwd')!.mirror).toBeNull();
	});

	it("attaches a pod's events to it, oldest first (sidecar.ndjson)", () => {
		const {store, capture} = replay('sidecar');
		const key = podKey(podEntries(capture)[0]!.object);
		const events = store.view().eventsByPod.get(key)!;
		expect(events.map(candidate => candidate.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'Pulled', 'Created', 'Started']);
		expect(store.pod(key)!.sidecars).toBe(1);
		expect(store.pod(key)!.containers.map(view => view.kind)).toEqual(['sidecar', 'regular']);
	});

	it('gives back the exact earlier state after restoring a snapshot taken mid-session (crashloop.ndjson)', () => {
		let snapshot: ReturnType<PodStore['snapshot']> | undefined;
		let before: unknown;
		let key = '';
		let podBefore: unknown;
		const {store} = replay('crashloop', ({store: live, entry}) => {
			if (snapshot || entry.type !== 'MODIFIED' || (entry.object as Pod).metadata.namespace !== 'default') return;
			if (entry.row?.status !== 'CrashLoopBackOff') return;
			snapshot = live.snapshot();
			before = plain(live.view());
			key = podKey(entry.object as Pod);
			podBefore = live.pod(key);
		});
		expect(snapshot).toBeDefined();
		const after = plain(store.view());
		expect(after).not.toEqual(before);

		const version = store.version;
		let told = 0;
		store.subscribe(() => (told += 1));
		store.restore(snapshot!);
		expect(plain(store.view())).toEqual(before);
		expect(store.pod(key)).toBe(podBefore);
		expect(store.pod(key)!.columns.restarts).toBe(1);
		expect(store.version).toBeGreaterThan(version);
		expect(told).toBe(1);
		expect(store.changedSince(version)).toBeNull();
	});

	it('never changes a view it handed out', () => {
		const views: Array<{view: StoreView; copy: unknown}> = [];
		const {store} = replay('init', ({store: live, entry}) => {
			if (entry.t % 3 === 0) views.push({view: live.view(), copy: plain(live.view())});
		});
		expect(views.length).toBeGreaterThan(3);
		for (const {view, copy} of views) expect(plain(view)).toEqual(copy);
		expect(store.view()).toBe(store.view());
	});

	it('prints the columns of another server version after setCompat', () => {
		const {store, capture} = replay('terminating', undefined, {tombstoneMs: 1000});
		const key = podKey(podEntries(capture)[0]!.object);
		expect(store.pod(key)!.columns.status).toBe('Completed');
		store.setCompat(parseStatusCompat('1.30'));
		// Before 1.31 a Succeeded pod with a deletionTimestamp printed Terminating.
		expect(store.pod(key)!.columns.status).toBe('Terminating');
		expect(store.pod(key)!.history.at(-1)!.kind).toBe('deleted');
	});
});

describe('PodStore, entry by entry', () => {
	it('replaces a tombstone when a pod of the same name comes back with a new uid', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		store.apply({t: 0, type: 'ADDED', object: pod('web', 'old', '1')}, T0);
		store.apply({t: 1, type: 'DELETED', object: pod('web', 'old', '2')}, T0 + 1);
		expect(store.pod('default/web')!.deletedAt).toBe(T0 + 1);
		store.apply({t: 2, type: 'ADDED', object: pod('web', 'new', '3')}, T0 + 2);
		const reborn = store.pod('default/web')!;
		expect(reborn).toMatchObject({uid: 'new', deletedAt: null, firstSeenAt: T0 + 2});
		expect(reborn.history.map(transition => transition.kind)).toEqual(['created']);
		// The old tombstone is gone for good: pruning later does not drop the new pod.
		store.pruneTombstones(T0 + 60 * 60_000);
		expect(store.pod('default/web')).toBe(reborn);
	});

	it('ignores a relisted pod that did not change, and the markers that change nothing', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		store.apply({t: 0, type: 'ADDED', object: pod('web', 'u', '7')}, T0);
		const version = store.version;
		store.apply({t: 5, type: 'ADDED', object: pod('web', 'u', '7')}, T0 + 5);
		store.apply({t: 5, type: 'BOOKMARK', object: {kind: 'Pod', metadata: {resourceVersion: '9'}}}, T0 + 5);
		store.apply({t: 5, type: 'ERROR', object: {kind: 'Status', code: 410}}, T0 + 5);
		store.apply({t: 5, type: 'ADDED', object: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'x'}}}, T0 + 5);
		expect(store.version).toBe(version);
		expect(store.pod('default/web')!.lastChangedAt).toBe(T0);
	});

	it('records SYNCED resources and the connection state', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		expect(store.connection).toBeNull();
		store.apply({t: 0, type: 'SYNCED', resource: 'pods', resourceVersion: '10'}, T0);
		store.apply({t: 9, type: 'STATUS', state: 'reconnecting', message: 'watch closed'}, T0 + 9);
		expect(store.synced).toEqual(new Set(['pods']));
		expect(store.connection).toEqual({state: 'reconnecting', message: 'watch closed', since: T0 + 9});
	});

	it('keeps counting how long it has been reconnecting across further attempts', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		store.apply({t: 9, type: 'STATUS', state: 'reconnecting', message: 'attempt 1'}, T0 + 9);
		store.apply({t: 20, type: 'STATUS', state: 'reconnecting', message: 'attempt 2'}, T0 + 20);
		expect(store.connection).toEqual({state: 'reconnecting', message: 'attempt 2', since: T0 + 9});
		store.apply({t: 30, type: 'STATUS', state: 'connected'}, T0 + 30);
		expect(store.connection).toEqual({state: 'connected', message: null, since: T0 + 30});
	});

	it("updates a pod's event in place, keeps them sorted by last time, and forgets deleted ones", () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		store.apply({t: 0, type: 'ADDED', object: event('a', 'web', 'BackOff', '2026-11-25T10:00:05Z')}, T0);
		store.apply({t: 1, type: 'ADDED', object: event('b', 'web', 'Pulled', '2026-11-25T10:00:03Z')}, T0 + 1);
		const reasons = (): Array<string | undefined> =>
			(store.view().eventsByPod.get('default/web') ?? []).map(candidate => `${candidate.reason} x${candidate.count}`);
		expect(reasons()).toEqual(['Pulled x1', 'BackOff x1']);
		store.apply({t: 2, type: 'MODIFIED', object: event('b', 'web', 'Pulled', '2026-11-25T10:00:09Z', 4)}, T0 + 2);
		expect(reasons()).toEqual(['BackOff x1', 'Pulled x4']);
		store.apply({t: 3, type: 'DELETED', object: event('a', 'web', 'BackOff', '2026-11-25T10:00:05Z')}, T0 + 3);
		expect(reasons()).toEqual(['Pulled x4']);
		store.apply({t: 4, type: 'DELETED', object: event('b', 'web', 'Pulled', '2026-11-25T10:00:09Z')}, T0 + 4);
		expect(store.view().eventsByPod.has('default/web')).toBe(false);
	});

	it('tells which pods changed since a version, and admits when it no longer knows', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const listened: number[] = [];
		const unsubscribe = store.subscribe(() => listened.push(store.version));
		store.apply({t: 0, type: 'ADDED', object: pod('a', 'ua', '1')}, T0);
		const afterA = store.version;
		store.apply({t: 1, type: 'ADDED', object: pod('b', 'ub', '2')}, T0 + 1);
		store.apply({t: 2, type: 'MODIFIED', object: pod('a', 'ua', '3', 'Running')}, T0 + 2);
		expect(store.changedSince(afterA)?.pods).toEqual(new Set(['default/a', 'default/b']));
		expect(store.changedSince(store.version)?.pods).toEqual(new Set());
		expect(listened).toEqual([1, 2, 3]);
		unsubscribe();
		for (let index = 0; index <= CHANGE_LOG_LIMIT; index += 1) {
			store.apply({t: 3 + index, type: 'MODIFIED', object: pod('b', 'ub', String(10 + index))}, T0 + 3 + index);
		}
		expect(listened.length).toBe(3);
		expect(store.changedSince(afterA)).toBeNull();
		expect(store.changedSince(store.version - 1)?.pods).toEqual(new Set(['default/b']));
	});

	it("tells whose events changed since a version, apart from the pods' own changes", () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		store.apply({t: 0, type: 'ADDED', object: pod('a', 'ua', '1')}, T0);
		const afterA = store.version;
		store.apply({t: 1, type: 'ADDED', object: event('b.1', 'b', 'Scheduled', '2026-11-25T10:00:01Z')}, T0 + 1);
		expect(store.changedSince(afterA)).toEqual({pods: new Set(), events: new Set(['default/b'])});
		const afterEvent = store.version;
		store.apply({t: 2, type: 'DELETED', object: event('b.1', 'b', 'Scheduled', '2026-11-25T10:00:01Z')}, T0 + 2);
		store.apply({t: 3, type: 'MODIFIED', object: pod('a', 'ua', '2', 'Running')}, T0 + 3);
		expect(store.changedSince(afterEvent)).toEqual({pods: new Set(['default/a']), events: new Set(['default/b'])});
	});
});
