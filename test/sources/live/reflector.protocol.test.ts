// The state and its watch as a real API server sends them, beyond the plain cases
// (reflector.test.ts): the watch-list stream's end bookmark as a Table (the first event of an
// empty scope, carrying the column definitions), changes that come between the initial events and
// that bookmark, a list whose continue token expired before its last page, a watch that ends
// at its timeout after a quiet while, a server that restarts, and one whose watch cache lags.

import {afterEach, describe, expect, it} from 'vitest';
import {connectLive, type LiveConnectOptions, type LiveHandlers, type LiveSource} from '../../../source/sources/live/live-source.js';
import {Collector, duplicates, FAST, podsFrom, startFake, visible, waitUntil, type Fake} from './helpers.js';
import type {SessionEntry} from '../../../source/session/format.js';

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

describe('the watch-list stream asked as Tables (podlife record)', () => {
	it('prints the rows of pods created after a watch-list of an empty namespace, whose column definitions came with the end bookmark', async () => {
		// Before t = 2184 the namespace "default" has no pod: the stream's first event is its end bookmark.
		fake = await startFake('web', {startAt: 1000});
		const collector = new Collector();
		const live = await startSource({namespace: 'default', withTable: true, watchList: true, onEntry: collector.onEntry});
		await live.synced;
		expect(collector.podEntries()).toEqual([]);
		fake.server.advanceToEnd();
		const expected = podsFrom(
			fake.entries.filter(entry => entry.object !== undefined && (entry.object as {metadata?: {namespace?: string}}).metadata?.namespace === 'default'),
		);
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(visible(expected)), 'the pods of "default"');
		const entries = collector.podEntries();
		expect(entries.length).toBeGreaterThan(0);
		expect(entries.filter(entry => entry.row === undefined).map(entry => `${entry.type} ${entry.object.metadata?.name}`)).toEqual([]);
		expect(entries.at(-1)!.row).toMatchObject({ready: expect.stringMatching(/^\d+\/\d+$/), status: expect.any(String)});
	});
});

describe('changes between the initial events and the bookmark that ends them', () => {
	const podsAt = (entries: readonly SessionEntry[], t: number) => podsFrom(entries.filter(entry => entry.t <= t));

	it('takes a pod deleted meanwhile out of the state, as client-go does, instead of keeping it as it was last seen', async () => {
		// Servers before 1.32 send the end bookmark on their bookmark timer, after the changes made meanwhile.
		fake = await startFake('terminating', {startAt: 17_000});
		const release = fake.server.holdInitialEventsEnd();
		const collector = new Collector();
		const live = await startSource({watchList: true, onEntry: collector.onEntry});
		const before = podsAt(fake.entries, 17_000);
		await waitUntil(() => collector.pods().size === before.size, 'the initial events');
		const changes = fake.server.advanceToEnd().filter(change => change.resource === 'pods').length;
		await waitUntil(() => collector.podEntries().length === before.size + changes, 'the changes, the deletion last');
		release();
		await live.synced;
		expect(visible(collector.pods())).toEqual(visible(podsAt(fake.entries, fake.end)));
		expect(
			collector
				.podEntries()
				.filter(entry => entry.type === 'DELETED')
				.map(entry => entry.object.metadata?.name),
		).toEqual(['terminating-kt8jr']);
		// The stream goes on as the watch, from the end bookmark's resourceVersion.
		expect(fake.server.count({verb: 'watch', resource: 'pods'})).toBe(1);
	});
});

describe('a list whose continue token expires before its last page', () => {
	it('lists again from the start and ends with the pods the server has, nothing twice, nothing left over', async () => {
		// storage/etcd3 errors.go handleCompactedErrorForPaging: 410 Expired. The inconsistent token it
		// offers is not used (client-go's pager lists again in full too).
		fake = await startFake('mixed', {startAt: 60_000});
		const release = fake.server.holdContinuedLists();
		const collector = new Collector();
		const live = await startSource({watchList: false, pageSize: 5, onEntry: collector.onEntry});
		await waitUntil(() => collector.podEntries().length === 5, 'the first page');
		fake.server.advanceToEnd();
		fake.server.expireResourceVersionsBefore(fake.server.resourceVersion);
		release();
		await live.synced;
		const lists = fake.server.requests.filter(request => request.verb === 'list' && request.resource === 'pods').slice(1);
		expect(lists.find(request => request.query['continue'])?.status).toBe(410);
		expect(lists.filter(request => !request.query['continue'])).toHaveLength(2);
		expect(visible(collector.pods())).toEqual(visible(podsFrom(fake.entries)));
		expect(duplicates(collector.podEntries())).toEqual([]);
		expect(live.status().state).toBe('connected');
	});
});

describe('a watch that ends at its timeout after a quiet while', () => {
	it('resumes from the bookmark the server sent before the end, not from an older resourceVersion compacted since (no relist)', async () => {
		// storage/cacher cache_watcher.go nextBookmarkTime: a bookmark 2 s before the watch's deadline.
		fake = await startFake('web', {startAt: 1000});
		const collector = new Collector();
		const live = await startSource({namespace: 'default', watchTimeoutSeconds: 3, onEntry: collector.onEntry});
		await live.synced;
		const watches = () => fake!.server.requests.filter(request => request.verb === 'watch' && request.resource === 'pods');
		fake.server.advanceTo(2100); // the nodes change; nothing in "default"
		const before = fake.server.resourceVersion;
		fake.server.expireResourceVersionsBefore(before);
		await waitUntil(() => watches().length === 2, 'the watch opened again', 8000);
		expect(watches()[1]!.query['resourceVersion']).toBe(String(before));
		await waitUntil(() => watches()[1]!.status !== 0, 'its answer');
		expect(collector.entries.filter(entry => entry.type === 'SYNCED' && entry.resource === 'pods')).toHaveLength(1);
		expect(collector.statuses().some(status => status.state === 'relisting')).toBe(false);
	});
});

describe('a server that restarts', () => {
	it('waits out the 429 of its watch cache still initializing, then lists again what changed meanwhile', async () => {
		// storage/cacher cacher.go Watch: errors.NewTooManyRequests("storage is (re)initializing", 1)
		// until the cache is ready; then a resourceVersion from before the restart is too old (410).
		fake = await startFake('terminating', {startAt: 1000});
		const collector = new Collector();
		const live = await startSource({onEntry: collector.onEntry});
		await live.synced;
		await waitUntil(() => fake!.server.openWatches === 3, 'three open watches');
		await fake.server.refuseConnections();
		fake.server.advanceToEnd();
		fake.server.expireResourceVersionsBefore(fake.server.resourceVersion);
		await waitUntil(() => collector.statuses().some(status => status.state === 'reconnecting'), 'reconnecting');
		fake.server.throttle({verb: 'watch', times: 3, retryAfterSeconds: 1, by: 'watch-cache'});
		const restoredAt = fake.server.requests.length;
		await fake.server.restoreConnections();
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(visible(podsFrom(fake!.entries))), 'the final pods');
		await waitUntil(() => live.status().state === 'connected', 'connected again');
		const podWatches = fake.server.requests.slice(restoredAt).filter(request => request.verb === 'watch' && request.resource === 'pods');
		expect(podWatches[0]!.status).toBe(429);
		expect(podWatches[1]!.at - podWatches[0]!.at).toBeGreaterThanOrEqual(1000);
		expect(collector.statuses().map(status => status.message)).toContainEqual(expect.stringMatching(/HTTP 429 TooManyRequests; retrying in 1\.0s/));
		expect(duplicates(collector.podEntries())).toEqual([]);
	});
});

describe('a server whose watch cache has not reached the resourceVersion watched from', () => {
	it('watches again from it after the wait the server asked for, without a relist and without losing a change', async () => {
		// storage/cacher cacher.go Watch: an ERROR event 504 "Too large resource version", retryAfterSeconds 1.
		fake = await startFake('web', {startAt: 3000});
		const collector = new Collector();
		const live = await startSource({namespace: 'default', onEntry: collector.onEntry});
		await live.synced;
		const watches = () => fake!.server.requests.filter(request => request.verb === 'watch' && request.resource === 'pods');
		await waitUntil(() => fake!.server.openWatches === 3, 'the pods, nodes and events watches');
		fake.server.fallBehind(3); // the three watches opened again
		fake.server.cutWatches();
		await waitUntil(() => watches().length >= 3, 'the pods watch opened twice more');
		fake.server.advanceToEnd();
		const inDefault = podsFrom(
			fake.entries.filter(entry => (entry.object as {metadata?: {namespace?: string}} | undefined)?.metadata?.namespace === 'default'),
		);
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(visible(inDefault)), 'the final pods of "default"');
		const [, behind, again] = watches();
		expect(again!.query['resourceVersion']).toBe(behind!.query['resourceVersion']);
		expect(again!.at - behind!.at).toBeGreaterThanOrEqual(1000);
		expect(collector.entries.filter(entry => entry.type === 'SYNCED' && entry.resource === 'pods')).toHaveLength(1);
		expect(collector.statuses().map(status => status.message)).toContainEqual(expect.stringMatching(/HTTP 504 Timeout; retrying in 1\.0s/));
		expect(duplicates(collector.podEntries())).toEqual([]);
	});
});
