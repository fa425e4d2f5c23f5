// How the live source gets a resource's state from the server (sources/live/reflector.ts): as a
// watch-list stream where the server has one, as a paged list where it refuses it, each part
// handed on as it arrives; and how it waits when the server throttles it (429 + Retry-After).

import {afterEach, describe, expect, it} from 'vitest';
import {connectLive, type LiveConnectOptions, type LiveHandlers, type LiveSource} from '../../../source/sources/live/live-source.js';
import type {RequestRecord} from '../../../source/serve/index.js';
import {Collector, duplicates, FAST, podsFrom, startFake, visible, waitUntil, type Fake} from './helpers.js';

let fake: Fake | undefined;
let source: LiveSource | undefined;

afterEach(async () => {
	await source?.stop();
	await fake?.close();
	source = undefined;
	fake = undefined;
});

async function startSource(options: Partial<LiveConnectOptions & LiveHandlers> & {onEntry: LiveHandlers['onEntry']}): Promise<LiveSource> {
	source = (await connectLive({kubeconfig: fake!.kubeconfig, namespace: null, ...FAST, ...options})).start(options);
	return source;
}

const podRequests = (verb: string): RequestRecord[] => fake!.server.requests.filter(request => request.verb === verb && request.resource === 'pods');

describe('getting the state of the pods', () => {
	it('streams it as the initial events of one watch, which goes on as the watch', async () => {
		fake = await startFake('web', {startAt: 1000});
		const collector = new Collector();
		const live = await startSource({watchList: true, onEntry: collector.onEntry});
		await live.synced;
		expect(visible(collector.pods())).toEqual(visible(podsFrom(fake.entries.filter(entry => entry.t <= 1000))));
		expect(podRequests('watch').map(request => request.query)).toEqual([
			expect.objectContaining({sendInitialEvents: 'true', resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: 'true'}),
		]);
		// Only the access check lists pods.
		expect(podRequests('list')).toHaveLength(1);
		fake.server.advanceToEnd();
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(visible(podsFrom(fake!.entries))), 'the final pods');
		expect(podRequests('watch')).toHaveLength(1);
	});

	it('lists it page by page when the server refuses a watch-list (WatchList off: 422), and keeps to that', async () => {
		fake = await startFake('mixed', {startAt: 60_000, watchList: false});
		const collector = new Collector();
		const live = await startSource({watchList: true, pageSize: 5, onEntry: collector.onEntry});
		await live.synced;
		expect(live.status().state).toBe('connected');
		expect(live.warnings).toEqual([]);
		expect(visible(collector.pods())).toEqual(visible(podsFrom(fake.entries.filter(entry => entry.t <= 60_000))));
		const refused = podRequests('watch').filter(request => request.query['sendInitialEvents'] !== undefined);
		expect(refused.map(request => request.status)).toEqual([422]);
		expect(podRequests('list').filter(request => request.query['continue']).length).toBeGreaterThan(0);
		fake.server.advanceToEnd();
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(visible(podsFrom(fake!.entries))), 'the final pods');
		// A relist (after 410) lists again: the refused watch-list is not asked for again.
		const synced = () => collector.entries.filter(entry => entry.type === 'SYNCED' && entry.resource === 'pods').length;
		await waitUntil(() => fake!.server.openWatches === 3, 'three open watches');
		fake.server.expireOpenWatches();
		await waitUntil(() => synced() === 2, 'the relist');
		expect(podRequests('watch').filter(request => request.query['sendInitialEvents'] !== undefined)).toHaveLength(1);
	});

	it('hands on each page of a list as it arrives, and says how far the list has come', async () => {
		fake = await startFake('mixed', {startAt: 60_000});
		const release = fake.server.holdContinuedLists();
		const collector = new Collector();
		const live = await startSource({watchList: false, pageSize: 5, onEntry: collector.onEntry});
		const total = podsFrom(fake.entries.filter(entry => entry.t <= 60_000)).size;
		expect(live.listing()).toEqual({received: 0, total});
		await live.firstPods;
		await waitUntil(() => collector.podEntries().length === 5, 'the first page');
		expect(collector.entries.some(entry => entry.type === 'SYNCED' && entry.resource === 'pods')).toBe(false);
		expect(live.listing()).toEqual({received: 5, total});
		release();
		await live.synced;
		expect(collector.pods().size).toBe(total);
		expect(live.listing()).toBeNull();
	});
});

describe('a watch-list attempt that ends before the bookmark that ends its initial events', () => {
	// client-go (tools/cache/reflector.go, v1.32+): ListAndWatchWithContext lists instead, for that
	// round, when watchList returns an error; watchList opens another watch-list when the stream just closed.
	const watchLists = () => podRequests('watch').filter(request => request.query['sendInitialEvents'] === 'true');
	const fullLists = () => podRequests('list').filter(request => !request.query['continue']);
	const synced = (collector: Collector) => collector.entries.filter(entry => entry.type === 'SYNCED' && entry.resource === 'pods').length;

	it('lists the pods page by page that round when the stream fails with an ERROR event, and asks for a watch-list again at the next relist', async () => {
		fake = await startFake('mixed', {startAt: 60_000});
		fake.server.failWatchLists();
		const collector = new Collector();
		const live = await startSource({watchList: true, pageSize: 5, onEntry: collector.onEntry});
		await live.synced;
		expect(live.status().state).toBe('connected');
		expect(visible(collector.pods())).toEqual(visible(podsFrom(fake.entries.filter(entry => entry.t <= 60_000))));
		expect(watchLists()).toHaveLength(1);
		expect(podRequests('list').filter(request => request.query['continue']).length).toBeGreaterThan(0);
		// The pods the failed stream delivered are not handed on again by the list.
		expect(duplicates(collector.podEntries())).toEqual([]);
		fake.server.advanceToEnd();
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(visible(podsFrom(fake!.entries))), 'the final pods');
		// A relist (after 410) asks for a watch-list first again; it fails again, and that round lists too.
		const listsBefore = fullLists().length;
		await waitUntil(() => fake!.server.openWatches === 3, 'three open watches');
		fake.server.expireOpenWatches();
		await waitUntil(() => synced(collector) === 2, 'the relist');
		expect(watchLists()).toHaveLength(2);
		expect(fullLists()).toHaveLength(listsBefore + 1);
		await waitUntil(() => live.status().state === 'connected', 'connected again');
	});

	it('lists them when the stream closes at once with nothing in it (client-go: VeryShortWatchError), and streams them at the next relist', async () => {
		fake = await startFake('web', {startAt: 1000});
		fake.server.failWatchLists({how: 'close', times: 1});
		const collector = new Collector();
		const live = await startSource({watchList: true, onEntry: collector.onEntry});
		await live.synced;
		expect(visible(collector.pods())).toEqual(visible(podsFrom(fake.entries.filter(entry => entry.t <= 1000))));
		expect(watchLists().map(request => request.status)).toEqual([200]);
		expect(fullLists()).toHaveLength(2); // the access check's and this one
		await waitUntil(() => fake!.server.openWatches === 3, 'three open watches');
		fake.server.expireOpenWatches();
		await waitUntil(() => synced(collector) === 2, 'the relist');
		expect(watchLists()).toHaveLength(2);
		expect(fullLists()).toHaveLength(2);
	});

	it('asks for a watch-list again, not a list, when the stream is cut before its end bookmark', async () => {
		fake = await startFake('web', {startAt: 1000});
		const release = fake.server.holdInitialEventsEnd();
		const collector = new Collector();
		const live = await startSource({watchList: true, onEntry: collector.onEntry});
		const before = podsFrom(fake.entries.filter(entry => entry.t <= 1000));
		await waitUntil(() => collector.pods().size === before.size, 'the initial events');
		fake.server.cutWatches();
		await waitUntil(() => watchLists().length === 2, 'a second watch-list');
		release();
		await live.synced;
		expect(visible(collector.pods())).toEqual(visible(before));
		expect(fullLists()).toHaveLength(1); // the access check's only
		expect(duplicates(collector.podEntries())).toEqual([]);
	});
});

describe('managedFields', () => {
	/** The pods' objects the source handed on, by key, and the server's (both after every entry). */
	async function handedOn(options: {watchList: boolean; keepManagedFields?: boolean}) {
		fake = await startFake('mixed', {startAt: 60_000, watchList: options.watchList});
		const collector = new Collector();
		const live = await startSource({...options, pageSize: 5, onEntry: collector.onEntry});
		await live.synced;
		fake.server.advanceToEnd();
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(visible(podsFrom(fake!.entries))), 'the final pods');
		return {pods: collector.podEntries().map(entry => entry.object), final: collector.pods(), server: podsFrom(fake.entries)};
	}

	it('leaves them out of every object, listed, streamed or watched, and nothing else', async () => {
		for (const watchList of [true, false]) {
			const {pods, final, server} = await handedOn({watchList});
			expect(pods.length).toBeGreaterThan(20);
			expect(pods.filter(pod => pod.metadata?.managedFields !== undefined)).toEqual([]);
			for (const [key, pod] of final) {
				const {managedFields: _mf, resourceVersion: _rv, ...meta} = server.get(key)!.metadata ?? {};
				const {resourceVersion: _rv2, ...handed} = pod.metadata ?? {};
				expect(JSON.stringify(handed)).toBe(JSON.stringify(meta));
				expect(JSON.stringify([pod['spec'], pod['status']])).toBe(JSON.stringify([server.get(key)!['spec'], server.get(key)!['status']]));
			}
			await source?.stop();
			await fake?.close();
		}
	});

	it('keeps them when asked (a recording that keeps them)', async () => {
		const {pods} = await handedOn({watchList: true, keepManagedFields: true});
		expect(pods.filter(pod => pod.metadata?.managedFields !== undefined).length).toBeGreaterThan(20);
	});
});

describe('a server that throttles (API Priority and Fairness: 429 with Retry-After)', () => {
	it('asks for a throttled page again once Retry-After has passed, and goes on from that page', async () => {
		fake = await startFake('mixed', {startAt: 60_000});
		const release = fake.server.holdContinuedLists();
		const collector = new Collector();
		const live = await startSource({watchList: false, pageSize: 5, onEntry: collector.onEntry});
		await waitUntil(() => collector.podEntries().length === 5, 'the first page');
		// The second page is asked for and held before the server starts throttling: it is the one throttled.
		await waitUntil(() => podRequests('list').some(request => request.query['continue']), 'the second page asked for');
		fake.server.throttle({verb: 'list', resource: 'pods', times: 1, retryAfterSeconds: 1});
		release();
		await live.synced;
		const pages = podRequests('list').slice(1);
		const throttled = pages.findIndex(request => request.status === 429);
		expect(throttled).toBe(1);
		// The same page asked again, no sooner than the server said; the first page was not asked again.
		expect(pages[throttled + 1]!.query['continue']).toBe(pages[throttled]!.query['continue']);
		expect(pages[throttled + 1]!.at - pages[throttled]!.at).toBeGreaterThanOrEqual(1000);
		expect(pages.filter(request => !request.query['continue'])).toHaveLength(1);
		expect(collector.statuses().map(status => status.message)).toContainEqual(expect.stringMatching(/^pods: HTTP 429 TooManyRequests.*retrying in 1\.0s/));
		expect(live.status().state).toBe('connected');
		expect(collector.pods().size).toBe(podsFrom(fake.entries.filter(entry => entry.t <= 60_000)).size);
	});

	it('waits out Retry-After before opening a throttled watch again', async () => {
		fake = await startFake('web', {startAt: 1000});
		fake.server.throttle({verb: 'watch', resource: 'pods', times: 2, retryAfterSeconds: 1});
		const collector = new Collector();
		const live = await startSource({watchList: true, onEntry: collector.onEntry});
		await live.synced;
		const watches = podRequests('watch');
		expect(watches.map(request => request.status)).toEqual([429, 429, 200]);
		expect(watches[1]!.at - watches[0]!.at).toBeGreaterThanOrEqual(1000);
		expect(watches[2]!.at - watches[1]!.at).toBeGreaterThanOrEqual(1000);
		expect(live.status().state).toBe('connected');
	});

	it('waits out Retry-After while connecting', async () => {
		fake = await startFake('web', {startAt: 1000});
		fake.server.throttle({verb: 'list', resource: 'pods', times: 1, retryAfterSeconds: 1});
		const collector = new Collector();
		const live = await startSource({watchList: true, onEntry: collector.onEntry});
		await live.synced;
		const [throttled, retried] = podRequests('list');
		expect([throttled!.status, retried!.status]).toEqual([429, 200]);
		expect(retried!.at - throttled!.at).toBeGreaterThanOrEqual(1000);
	});
});
