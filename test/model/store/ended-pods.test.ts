// The deleted pods a store keeps for their lanes after it lets the pods go (model/store/ended-pods.ts):
// pruned tombstones and a name's earlier lives keep their lanes, within the store's limits, and a
// store restored from a snapshot and fed the same entries keeps the same ones.
import {describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import {LATEST_COMPAT} from '../../../source/model/compat.js';
import {podLane} from '../../../source/model/status-lane.js';
import {podsAndEnded} from '../../../source/model/store/ended-pods.js';
import {DEFAULT_TOMBSTONE_MS, PodStore, type PodStoreOptions} from '../../../source/model/store/pod-store.js';
import type {SessionEntry} from '../../../source/session/format.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const MINUTE = 60_000;

function pod(name: string, resourceVersion: string, options: {uid?: string; phase?: string} = {}): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, namespace: 'default', uid: options.uid ?? `uid-${name}`, resourceVersion, creationTimestamp: '2026-11-25T10:00:00Z'},
		spec: {nodeName: 'node-1', containers: [{name: 'app', image: 'app:1'}]},
		status: {
			phase: options.phase ?? 'Running',
			containerStatuses: [{name: 'app', ready: true, restartCount: 0, state: {running: {startedAt: '2026-11-25T10:00:01Z'}}}],
		},
	};
}

/** `count` pods, each added at T0 + i min and deleted a minute later. */
function churn(count: number): Array<{entry: SessionEntry; at: number}> {
	const out: Array<{entry: SessionEntry; at: number}> = [];
	for (let index = 0; index < count; index++) {
		const at = T0 + index * MINUTE;
		out.push({entry: {t: at - T0, type: 'ADDED', object: pod(`p${index}`, `${2 * index + 1}`)}, at});
		out.push({entry: {t: at - T0 + MINUTE, type: 'DELETED', object: pod(`p${index}`, `${2 * index + 2}`)}, at: at + MINUTE});
	}
	return out.sort((a, b) => a.at - b.at);
}

function feed(options: Partial<PodStoreOptions>, entries: Array<{entry: SessionEntry; at: number}>): PodStore {
	const store = new PodStore({compat: LATEST_COMPAT, ...options});
	for (const {entry, at} of entries) store.apply(entry, at);
	return store;
}

const names = (store: PodStore): string[] => store.view().endedPods.map(ended => ended.name);

describe('the pods a store keeps for their lanes', () => {
	it('keeps a pruned pod’s lane — its segments, its end — after its tombstone is gone, without its object', () => {
		const store = feed({pruneOnApply: true, compactObjects: true}, [
			{entry: {t: 0, type: 'ADDED', object: pod('old', '1')}, at: T0},
			{entry: {t: MINUTE, type: 'DELETED', object: pod('old', '2')}, at: T0 + MINUTE},
			{entry: {t: 20 * MINUTE, type: 'ADDED', object: pod('late', '3')}, at: T0 + 20 * MINUTE},
		]);
		const view = store.view();
		expect(view.pods.has('default/old')).toBe(false);
		const [old] = podsAndEnded(view).filter(state => state.name === 'old');
		expect(old).toBeDefined();
		const lane = podLane(old!);
		expect(lane.start).toBe(T0);
		expect(lane.end).toBe(T0 + MINUTE);
		expect(lane.segments.map(segment => segment.cls)).toEqual(['ready']);
		// Its object is not kept: what is read back is what the version itself knows.
		expect(old!.readObject().metadata.name).toBe('old');
		expect(old!.readObject().spec.containers).toEqual([]);
		expect(old!.readServerRow()).toBeNull();
	});

	it('keeps a name’s earlier life when a new pod takes the name (a StatefulSet’s pod made again)', () => {
		const store = feed({}, [
			{entry: {t: 0, type: 'ADDED', object: pod('db-0', '1', {uid: 'first'})}, at: T0},
			{entry: {t: MINUTE, type: 'DELETED', object: pod('db-0', '2', {uid: 'first'})}, at: T0 + MINUTE},
			{entry: {t: MINUTE + 1000, type: 'ADDED', object: pod('db-0', '3', {uid: 'second'})}, at: T0 + MINUTE + 1000},
		]);
		const lives = podsAndEnded(store.view()).filter(state => state.name === 'db-0');
		expect(lives.map(state => [state.uid, podLane(state).end])).toEqual([
			['second', null],
			['first', T0 + MINUTE],
		]);
	});

	it('lists a pod still held as a tombstone once', () => {
		const store = feed({}, [
			{entry: {t: 0, type: 'ADDED', object: pod('web', '1')}, at: T0},
			{entry: {t: MINUTE, type: 'DELETED', object: pod('web', '2')}, at: T0 + MINUTE},
		]);
		expect(store.view().endedPods).toHaveLength(1);
		expect(podsAndEnded(store.view())).toHaveLength(1);
	});

	it('keeps at most `max` of them, the latest deleted, and none older than `maxAgeMs`', () => {
		const byCount = feed({endedPods: {max: 3, maxAgeMs: Infinity}}, churn(10));
		expect(names(byCount)).toEqual(['p7', 'p8', 'p9']);
		const byAge = feed({endedPods: {max: Infinity, maxAgeMs: 3 * MINUTE}}, churn(10));
		// p9 was deleted at T0+10m, the last entry: those deleted from T0+7m on are kept.
		expect(names(byAge)).toEqual(['p6', 'p7', 'p8', 'p9']);
		// Pruning later, in a quiet spell, lets the old ones go by time too.
		byAge.pruneTombstones(T0 + 12 * MINUTE);
		expect(names(byAge)).toEqual(['p8', 'p9']);
	});

	it('keeps the same ones in a store restored from a snapshot and fed the rest, as in one fed straight', () => {
		const entries = churn(12);
		const options = {pruneOnApply: true, endedPods: {max: 6, maxAgeMs: 8 * MINUTE}};
		const straight = feed(options, entries);
		for (const cut of [3, 9, 17]) {
			const first = feed(options, entries.slice(0, cut));
			const before = names(first);
			const snapshot = first.snapshot();
			// The first store goes on to another future: the snapshot is not changed by it.
			first.apply({t: 0, type: 'DELETED', object: pod('other', '99')}, entries[cut - 1]!.at);
			expect(names(first)).toContain('other');
			const again = new PodStore({compat: LATEST_COMPAT, ...options});
			again.restore(snapshot);
			expect(names(again)).toEqual(before);
			for (const {entry, at} of entries.slice(cut)) again.apply(entry, at);
			expect(names(again)).toEqual(names(straight));
		}
		// Kept longer than the tombstones, which pruning dropped.
		expect(DEFAULT_TOMBSTONE_MS).toBeLessThan(8 * MINUTE);
		expect(names(straight).filter(name => !straight.view().pods.has(`default/${name}`)).length).toBeGreaterThan(0);
	});
});
