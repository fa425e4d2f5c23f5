import {describe, expect, it} from 'vitest';
import type {KubeEvent, Pod} from '../../../source/kube/objects.js';
import {LATEST_COMPAT} from '../../../source/model/compat.js';
import {DEFAULT_TOMBSTONE_MS, PodStore} from '../../../source/model/store/pod-store.js';
import type {SessionEntry} from '../../../source/session/format.js';
import {CAPTURE_FILES} from '../../sources/replay/replay-fixture.js';
import {applyAt, EntryArray, feedBothKinds, lazyStore, restored, viewPrint} from './lazy-store-fixture.js';

const NAMES = CAPTURE_FILES.map(file => [file.split('/').slice(-2).join('/'), file] as const);
const T0 = Date.parse('2026-11-25T10:00:00Z');
const MINUTE = 60_000;

function pod(name: string, resourceVersion: string, phase = 'Running'): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, namespace: 'default', uid: `uid-${name}`, resourceVersion, creationTimestamp: '2026-11-25T10:00:00Z'},
		spec: {containers: [{name: 'app'}]},
		status: {phase},
	};
}

function event(name: string, podName: string): KubeEvent {
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name, namespace: 'default', uid: `uid-${name}`},
		involvedObject: {kind: 'Pod', namespace: 'default', name: podName},
		reason: 'Killing',
		lastTimestamp: '2026-11-25T10:00:00Z',
	};
}

/** old: deleted at T0+1m; young: deleted at T0+2m; then a pod added at T0+6m (5 min after old's deletion, 4 after young's). */
function tombstoneEntries(): Array<{entry: SessionEntry; at: number}> {
	return [
		{entry: {t: 0, type: 'ADDED', object: pod('old', '1')}, at: T0},
		{entry: {t: 0, type: 'ADDED', object: pod('young', '2')}, at: T0},
		{entry: {t: 0, type: 'ADDED', object: event('old.1', 'old')}, at: T0},
		{entry: {t: 0, type: 'ADDED', object: event('young.1', 'young')}, at: T0},
		{entry: {t: MINUTE, type: 'DELETED', object: pod('old', '3')}, at: T0 + MINUTE},
		{entry: {t: 2 * MINUTE, type: 'DELETED', object: pod('young', '4')}, at: T0 + 2 * MINUTE},
		{entry: {t: 6 * MINUTE + 1, type: 'ADDED', object: pod('late', '5')}, at: T0 + 6 * MINUTE + 1},
	];
}

describe('pruning tombstones on apply', () => {
	it.each([
		['holding its objects', false],
		['keeping objects out of memory', true],
	])('drops a pod deleted more than 5 minutes before a later entry, with its events, and keeps one deleted 4 minutes before (%s)', (_kind, lazy) => {
		expect(DEFAULT_TOMBSTONE_MS).toBe(5 * MINUTE);
		const source = new EntryArray();
		const store = lazy ? lazyStore(source, {compat: LATEST_COMPAT, pruneOnApply: true}) : new PodStore({compat: LATEST_COMPAT, pruneOnApply: true});
		const entries = tombstoneEntries();
		entries.forEach(({entry, at}, index) => {
			source.push(entry);
			applyAt(store, source, index, at);
			if (index === entries.length - 2) {
				// Before the late entry both are tombstones with their events.
				expect(store.view().pods.get('default/old')?.deletedAt).toBe(T0 + MINUTE);
				expect(store.view().eventsByPod.has('default/old')).toBe(true);
			}
		});
		const view = store.view();
		expect(view.pods.has('default/old')).toBe(false);
		expect(view.eventsByPod.has('default/old')).toBe(false);
		expect(view.pods.get('default/young')?.deletedAt).toBe(T0 + 2 * MINUTE);
		expect(view.eventsByPod.get('default/young')?.map(candidate => candidate.metadata.name)).toEqual(['young.1']);
		expect(view.pods.get('default/late')?.deletedAt).toBeNull();
	});

	it('keeps every tombstone when not asked to prune on apply', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		for (const {entry, at} of tombstoneEntries()) store.apply(entry, at);
		expect(store.view().pods.get('default/old')?.deletedAt).toBe(T0 + MINUTE);
		expect(store.view().eventsByPod.has('default/old')).toBe(true);
	});
});

describe('snapshots', () => {
	it.each(NAMES)('restore into the same view at every entry of %s', (_name, file) => {
		feedBothKinds(file, (what, live, make) => {
			const shared = restored(live.snapshot(), make);
			expect(viewPrint(shared.view()), what).toEqual(viewPrint(live.view()));
			expect(shared.synced).toEqual(live.synced);
			expect(shared.connection).toEqual(live.connection);
		});
	});

	it('gives a store restored to an earlier snapshot its own history when it is fed another future, objects out of memory', () => {
		const source = new EntryArray();
		const first = lazyStore(source, {compat: LATEST_COMPAT});
		const feed = (store: PodStore, entry: SessionEntry): void => applyAt(store, source, source.push(entry), T0 + entry.t);
		feed(first, {t: 0, type: 'ADDED', object: pod('web', '1', 'Pending')});
		const early = first.snapshot();
		feed(first, {t: 1, type: 'MODIFIED', object: pod('web', '2', 'Running')});
		feed(first, {t: 2, type: 'MODIFIED', object: pod('web', '3', 'Succeeded')});
		const firstHistory = first.pod('default/web')!.history.map(transition => `${transition.kind} ${transition.to}`);
		expect(firstHistory).toEqual(['created Pending', 'phase Running', 'status Running', 'phase Succeeded', 'status Succeeded']);

		const second = lazyStore(source, {compat: LATEST_COMPAT});
		second.restore(early);
		feed(second, {t: 1, type: 'MODIFIED', object: pod('web', '4', 'Failed')});
		expect(second.pod('default/web')!.history.map(transition => `${transition.kind} ${transition.to}`)).toEqual([
			'created Pending',
			'phase Failed',
			'status Failed',
		]);
		expect(second.pod('default/web')!.readObject().metadata.resourceVersion).toBe('4');
		// The first store's pod, and the snapshot, are untouched.
		expect(first.pod('default/web')!.history.map(transition => `${transition.kind} ${transition.to}`)).toEqual(firstHistory);
		expect(first.pod('default/web')!.readObject().metadata.resourceVersion).toBe('3');
		expect(early.pods.get('default/web')!.history).toHaveLength(1);
	});

	it('shows no transition from the future after restoring an earlier snapshot and applying an entry that changes nothing shown', () => {
		const labelled = (rv: string, phase: string, label: string): Pod => {
			const object = pod('web', rv, phase);
			return {...object, metadata: {...object.metadata, labels: {l: label}}};
		};
		const source = new EntryArray();
		const straight = lazyStore(source, {compat: LATEST_COMPAT});
		source.push({t: 0, type: 'ADDED', object: labelled('1', 'Pending', 'a')});
		applyAt(straight, source, 0, T0);
		source.push({t: 1, type: 'MODIFIED', object: labelled('2', 'Running', 'a')});
		applyAt(straight, source, 1, T0 + 1);
		const snapshot = straight.snapshot();
		const historyThen = straight.pod('default/web')!.history;
		// A label only: no transition.
		source.push({t: 2, type: 'MODIFIED', object: labelled('3', 'Running', 'b')});
		applyAt(straight, source, 2, T0 + 2);
		source.push({t: 3, type: 'MODIFIED', object: labelled('4', 'Succeeded', 'b')});
		applyAt(straight, source, 3, T0 + 3);
		const again = lazyStore(source, {compat: LATEST_COMPAT});
		again.restore(snapshot);
		applyAt(again, source, 2, T0 + 2);
		expect(again.pod('default/web')!.history).toEqual(historyThen);
		applyAt(again, source, 3, T0 + 3);
		expect(again.pod('default/web')!.history).toEqual(straight.pod('default/web')!.history);
	});
});
