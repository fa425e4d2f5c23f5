import {describe, expect, it} from 'vitest';
import type {KubeEvent, Pod} from '../../../source/kube/objects.js';
import type {ObjectSource} from '../../../source/model/store/object-source.js';
import {LATEST_COMPAT} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {EVENTS_PER_POD_LIMIT} from '../../../source/model/store/pod-events.js';
import type {WatchType} from '../../../source/session/format.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');

/** An event about pod `podName`, last seen `second` seconds after T0. */
function event(name: string, second: number, extra: Partial<KubeEvent> = {}, podName = 'web'): KubeEvent {
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1'},
		involvedObject: {kind: 'Pod', namespace: 'default', name: podName},
		reason: `Reason-${name}`,
		lastTimestamp: new Date(T0 + second * 1000).toISOString(),
		count: 1,
		...extra,
	};
}

function feed(store: PodStore, type: WatchType, object: KubeEvent): void {
	store.apply({t: 0, type, object}, T0);
}

function names(store: PodStore, key = 'default/web'): string[] {
	return (store.view().eventsByPod.get(key) ?? []).map(candidate => candidate.metadata.name ?? '');
}

describe("a pod's events in the store", () => {
	it('forgets an event the API server deleted, and only that one', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		for (const [name, second] of [
			['a', 1],
			['b', 2],
			['c', 3],
		] as const)
			feed(store, 'ADDED', event(name, second));
		feed(store, 'DELETED', event('b', 2));
		expect(names(store)).toEqual(['a', 'c']);
		// Deleting one it never had changes nothing.
		const version = store.version;
		feed(store, 'DELETED', event('zz', 9));
		expect(store.version).toBe(version);
		expect(names(store)).toEqual(['a', 'c']);
	});

	it('replaces an event when it is modified, at its new place in time order', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		for (const [name, second] of [
			['a', 1],
			['b', 2],
			['c', 3],
		] as const)
			feed(store, 'ADDED', event(name, second));
		feed(store, 'MODIFIED', event('a', 5, {count: 4, message: 'again'}));
		const list = store.view().eventsByPod.get('default/web')!;
		expect(list.map(candidate => candidate.metadata.name)).toEqual(['b', 'c', 'a']);
		expect(list.at(-1)).toMatchObject({count: 4, message: 'again'});
		// A modification that keeps an event between its neighbours leaves it there.
		feed(store, 'MODIFIED', event('c', 4, {count: 2}));
		expect(names(store)).toEqual(['b', 'c', 'a']);
		expect(store.view().eventsByPod.get('default/web')![1]!.count).toBe(2);
	});

	it('keeps only the newest events of a pod, whatever order they arrive in', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const total = EVENTS_PER_POD_LIMIT + 15;
		// Arrival order is shuffled (every 7th, wrapping): the kept ones are still the newest by time.
		for (let index = 0; index < total; index++) {
			const second = (index * 7) % total;
			feed(store, 'ADDED', event(`e${second}`, second));
		}
		const kept = names(store);
		expect(kept).toHaveLength(EVENTS_PER_POD_LIMIT);
		expect(kept).toEqual(Array.from({length: EVENTS_PER_POD_LIMIT}, (_, index) => `e${total - EVENTS_PER_POD_LIMIT + index}`));
		// An event older than all kept ones does not push a newer one out.
		feed(store, 'ADDED', event('ancient', -100));
		expect(names(store)).toEqual(kept);
	});

	it('keeps events with the same time in the order they arrived', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		feed(store, 'ADDED', event('late', 9));
		for (const name of ['x', 'y', 'z']) feed(store, 'ADDED', event(name, 5));
		feed(store, 'ADDED', event('early', 1));
		feed(store, 'ADDED', event('w', 5));
		expect(names(store)).toEqual(['early', 'x', 'y', 'z', 'w', 'late']);
	});

	it('orders by the newest time an event speaks of: series, lastTimestamp, eventTime, firstTimestamp', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const at = (second: number): string => new Date(T0 + second * 1000).toISOString();
		feed(store, 'ADDED', event('series', 1, {series: {count: 3, lastObservedTime: at(8)}}));
		feed(store, 'ADDED', event('plain', 4));
		feed(store, 'ADDED', event('new-api', 0, {lastTimestamp: null, eventTime: at(6)}));
		feed(store, 'ADDED', event('first-only', 0, {lastTimestamp: undefined, firstTimestamp: at(2)}));
		expect(names(store)).toEqual(['first-only', 'plain', 'new-api', 'series']);
	});

	it('ignores events about anything but a pod', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const version = store.version;
		feed(store, 'ADDED', {...event('node', 1), involvedObject: {kind: 'Node', name: 'kind-worker'}});
		feed(store, 'ADDED', {...event('deploy', 1), involvedObject: {kind: 'Deployment', namespace: 'default', name: 'web'}});
		feed(store, 'ADDED', {...event('nameless', 1), involvedObject: {kind: 'Pod', namespace: 'default'}});
		expect(store.view().eventsByPod.size).toBe(0);
		expect(store.version).toBe(version);
	});

	it('files an event under its own namespace when involvedObject names none', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		feed(store, 'ADDED', {...event('a', 1), metadata: {name: 'a', namespace: 'team', uid: 'uid-a'}, involvedObject: {kind: 'Pod', name: 'api'}});
		expect(names(store, 'team/api')).toEqual(['a']);
	});

	it('keeps what the Events view shows and drops annotations, labels and managedFields', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const received = event('pull', 3, {
			reason: 'Failed',
			message: 'Failed to pull image "nope:1": not found',
			type: 'Warning',
			count: 7,
			firstTimestamp: new Date(T0).toISOString(),
			source: {component: 'kubelet', host: 'kind-worker'},
			reportingComponent: 'kubelet',
			involvedObject: {kind: 'Pod', namespace: 'default', name: 'web', uid: 'pod-uid', fieldPath: 'spec.containers{app}'},
		});
		received.metadata = {
			...received.metadata,
			annotations: {note: 'x'},
			labels: {team: 'a'},
			managedFields: [{manager: 'kubelet', operation: 'Update'}],
			creationTimestamp: new Date(T0).toISOString(),
		};
		feed(store, 'ADDED', received);
		const kept = store.view().eventsByPod.get('default/web')![0]!;
		expect(kept).toMatchObject({
			reason: 'Failed',
			message: 'Failed to pull image "nope:1": not found',
			type: 'Warning',
			count: 7,
			lastTimestamp: received.lastTimestamp,
			firstTimestamp: received.firstTimestamp,
			source: {component: 'kubelet', host: 'kind-worker'},
			reportingComponent: 'kubelet',
			involvedObject: {kind: 'Pod', namespace: 'default', name: 'web', uid: 'pod-uid', fieldPath: 'spec.containers{app}'},
			metadata: {name: 'pull', namespace: 'default', uid: 'uid-pull', resourceVersion: '1', creationTimestamp: received.metadata.creationTimestamp},
		});
		expect(kept.metadata.annotations).toBeUndefined();
		expect(kept.metadata.labels).toBeUndefined();
		expect(kept.metadata.managedFields).toBeUndefined();
		// The received object is left as it was.
		expect(received.metadata.managedFields).toHaveLength(1);
	});
});

describe('the events of one life of a name', () => {
	/** A pod `web` of uid `uid`, and its event `name` (about that uid, or naming none). */
	const life = (uid: string, resourceVersion: string): Pod => ({
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name: 'web', namespace: 'default', uid, resourceVersion},
		spec: {containers: [{name: 'app', image: 'app:1'}]},
		status: {phase: 'Pending'},
	});
	const about = (name: string, second: number, uid: string | null): KubeEvent =>
		event(name, second, {involvedObject: {kind: 'Pod', namespace: 'default', name: 'web', ...(uid !== null && {uid})}});
	const entries = [
		{type: 'ADDED', object: life('first', '1')},
		{type: 'ADDED', object: about('scheduled-1', 1, 'first')},
		{type: 'ADDED', object: about('no-uid', 2, null)},
		{type: 'DELETED', object: life('first', '2')},
		{type: 'ADDED', object: life('second', '3')},
		{type: 'ADDED', object: about('scheduled-2', 4, 'second')},
	] as const;

	/** Each life's events as the store gives them: kept in memory, or read back from the entries (a replay). */
	function lives(readBack: boolean): {first: string[]; second: string[]} {
		const objects: ObjectSource = {
			object: ref => entries[ref]!.object as Pod,
			row: () => null,
			event: ref => entries[ref]!.object as KubeEvent,
		};
		const store = new PodStore({compat: LATEST_COMPAT, ...(readBack && {objects})});
		entries.forEach((entry, index) => store.apply({t: index, ...entry}, T0 + index, readBack ? index : undefined));
		const [first] = store.view().endedPods;
		const second = store.pod('default/web')!;
		const namesOf = (list: readonly KubeEvent[]): string[] => list.map(candidate => candidate.metadata.name ?? '');
		return {first: namesOf(store.eventsOf(first!)), second: namesOf(store.eventsOf(second))};
	}

	it('gives each life the events about its uid, and those that name no uid to both', () => {
		expect(lives(false)).toEqual({first: ['scheduled-1', 'no-uid'], second: ['no-uid', 'scheduled-2']});
	});

	it('tells them apart as well when it keeps events out of memory (a replay reads them back)', () => {
		expect(lives(true)).toEqual({first: ['scheduled-1', 'no-uid'], second: ['no-uid', 'scheduled-2']});
	});
});
