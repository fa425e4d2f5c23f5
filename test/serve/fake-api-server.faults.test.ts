import {ApiException, CoreV1Api, makeInformer, Watch, type V1Pod} from '@kubernetes/client-node';
import {afterEach, describe, expect, it} from 'vitest';
import type {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {kubeConfig, podsAt, startServer, waitFor} from './helpers.js';

let server: FakeApiServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function failure(promise: Promise<unknown>): Promise<ApiException<string>> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ApiException) return error as ApiException<string>;
		throw error;
	}
	throw new Error('the request succeeded');
}

function statusOf(error: ApiException<string>): {reason?: string; message?: string; code?: number} {
	return (typeof error.body === 'string' ? JSON.parse(error.body) : error.body) as {reason?: string; message?: string; code?: number};
}

function watchUntilDone(url: string, path: string, query: Record<string, string>, token?: string) {
	const events: Array<{type: string; object: Record<string, unknown>}> = [];
	const state: {done: boolean; error: unknown} = {done: false, error: undefined};
	const started = new Watch(kubeConfig(url, token)).watch(
		path,
		query,
		(type, object) => events.push({type, object: object as Record<string, unknown>}),
		error => {
			state.done = true;
			state.error = error;
		},
	);
	return {events, state, started};
}

describe('FakeApiServer faults', () => {
	it('answers a list exactly at a compacted resourceVersion with HTTP 410 Expired', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const old = server.resourceVersion;
		server.advanceToEnd();
		server.expireResourceVersionsBefore(server.resourceVersion);
		const api = kubeConfig(started.url).makeApiClient(CoreV1Api);
		const error = await failure(api.listNamespacedPod({namespace: 'default', resourceVersion: String(old), resourceVersionMatch: 'Exact'}));
		expect(error.code).toBe(410);
		expect(statusOf(error)).toMatchObject({
			kind: 'Status',
			status: 'Failure',
			reason: 'Expired',
			code: 410,
			message: `too old resource version: ${old} (${server.resourceVersion - 1})`,
		});
	});

	it('answers a continue token older than the compacted history with 410 Expired and an inconsistent token for the rest', async () => {
		// storage/etcd3 errors.go handleCompactedErrorForPaging: the Status's metadata carries a token at resourceVersion -1.
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const first = (await (await fetch(`${started.url}/api/v1/pods?limit=2`)).json()) as {
			metadata: {continue: string};
			items: Array<{metadata: {name: string}}>;
		};
		server.advanceToEnd();
		server.expireResourceVersionsBefore(server.resourceVersion);
		const expired = await fetch(`${started.url}/api/v1/pods?limit=2&continue=${first.metadata.continue}`);
		expect(expired.status).toBe(410);
		const body = (await expired.json()) as {reason: string; message: string; metadata: {continue?: string}};
		expect(body).toMatchObject({kind: 'Status', reason: 'Expired', code: 410});
		expect(body.message).toMatch(/^The provided continue parameter is too old .* use the continue token in this response to retrieve the remainder/);
		const rest = (await (await fetch(`${started.url}/api/v1/pods?continue=${body.metadata.continue}`)).json()) as {
			metadata: {resourceVersion: string};
			items: Array<{metadata: {name: string}}>;
		};
		expect(rest.metadata.resourceVersion).toBe(String(server.resourceVersion));
		const names = [...first.items, ...rest.items].map(item => item.metadata.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toHaveLength(podsAt(started.entries, Infinity).size);
	});

	it('lists exactly at a retained resourceVersion as the state was then', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(2200); // web pod just ADDED, Pending without a node
		const then = server.resourceVersion;
		server.advanceToEnd();
		const list = await kubeConfig(started.url)
			.makeApiClient(CoreV1Api)
			.listNamespacedPod({namespace: 'default', resourceVersion: String(then), resourceVersionMatch: 'Exact'});
		expect(list.metadata?.resourceVersion).toBe(String(then));
		expect(list.items[0]?.spec?.nodeName).toBeUndefined();
	});

	it('sends a watch resumed from a compacted resourceVersion one ERROR event with the 410 Status, then ends it', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const old = server.resourceVersion;
		server.advanceToEnd();
		server.expireResourceVersionsBefore(server.resourceVersion);
		const watch = watchUntilDone(started.url, '/api/v1/namespaces/default/pods', {resourceVersion: String(old)});
		await waitFor(() => (watch.state.done ? true : undefined), 'the watch to end');
		expect(watch.events).toEqual([
			{
				type: 'ERROR',
				object: {
					kind: 'Status',
					apiVersion: 'v1',
					metadata: {},
					status: 'Failure',
					message: `too old resource version: ${old} (${server.resourceVersion - 1})`,
					reason: 'Expired',
					code: 410,
				},
			},
		]);
	});

	it('can refuse an expired watch with HTTP 410 instead', async () => {
		const started = await startServer('web', {expiredWatchResponse: 'status'});
		server = started.server;
		server.advanceToEnd();
		server.expireResourceVersionsBefore(server.resourceVersion);
		const watch = watchUntilDone(started.url, '/api/v1/pods', {resourceVersion: '1001'});
		await waitFor(() => (watch.state.done ? true : undefined), 'the watch to fail');
		expect((watch.state.error as {statusCode?: number}).statusCode).toBe(410);
	});

	it('makes a client-node informer relist after its open watch gets 410 Expired', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const kc = kubeConfig(started.url);
		const api = kc.makeApiClient(CoreV1Api);
		const informer = makeInformer<V1Pod>(kc, '/api/v1/namespaces/default/pods', () => api.listNamespacedPod({namespace: 'default'}));
		await informer.start();
		await waitFor(() => (server!.openWatches === 1 ? true : undefined), 'the informer watch');
		const live = server;
		expect(live.count({verb: 'list', resource: 'pods'})).toBe(1);

		expect(live.expireOpenWatches()).toBe(1);
		await waitFor(() => (live.count({verb: 'list', resource: 'pods'}) === 2 ? true : undefined), 'the relist');
		await informer.stop();
	});

	it('answers 401 Unauthorized without the required token', async () => {
		const started = await startServer('web');
		server = started.server;
		server.requireToken('s3cret');
		const error = await failure(kubeConfig(started.url).makeApiClient(CoreV1Api).listNamespacedPod({namespace: 'default'}));
		expect(error.code).toBe(401);
		// client-node drops the body of a 401; read the Status the server sent directly.
		const raw = await fetch(`${started.url}/api/v1/namespaces/default/pods`);
		expect(raw.status).toBe(401);
		expect(await raw.json()).toEqual({
			kind: 'Status',
			apiVersion: 'v1',
			metadata: {},
			status: 'Failure',
			message: 'Unauthorized',
			reason: 'Unauthorized',
			code: 401,
		});
		const wrong = await failure(kubeConfig(started.url, 'guess').makeApiClient(CoreV1Api).listNamespacedPod({namespace: 'default'}));
		expect(wrong.code).toBe(401);
		const ok = await kubeConfig(started.url, 's3cret').makeApiClient(CoreV1Api).listNamespacedPod({namespace: 'default'});
		expect(ok.kind).toBe('PodList');
	});

	it("answers 403 Forbidden with the authorizer's message, namespaced and cluster-wide", async () => {
		const started = await startServer('web');
		server = started.server;
		server.requireToken('t', 'jane');
		server.forbid({verb: 'list', resource: 'pods'});
		const api = kubeConfig(started.url, 't').makeApiClient(CoreV1Api);
		const namespaced = await failure(api.listNamespacedPod({namespace: 'default'}));
		expect(namespaced.code).toBe(403);
		expect(statusOf(namespaced)).toMatchObject({
			reason: 'Forbidden',
			message: 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"',
		});
		const clusterWide = await failure(api.listPodForAllNamespaces());
		expect(statusOf(clusterWide).message).toBe('pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope');
		// Only the forbidden verb: nodes are still readable.
		expect((await api.listNode()).kind).toBe('NodeList');
		expect(server.count({status: 403})).toBe(2);
	});

	it('throttles as API Priority and Fairness does: 429 with a line of plain text and Retry-After, no Status', async () => {
		// apiserver server/filters/maxinflight.go tooManyRequests (http.Error), as priority-and-fairness.go calls it.
		const started = await startServer('web');
		server = started.server;
		server.throttle({verb: 'list', resource: 'pods', times: 1, retryAfterSeconds: 3});
		const throttled = await fetch(`${started.url}/api/v1/pods`);
		expect(throttled.status).toBe(429);
		expect(throttled.headers.get('retry-after')).toBe('3');
		expect(throttled.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await throttled.text()).toBe('Too many requests, please try again later.\n');
		expect((await fetch(`${started.url}/api/v1/pods`)).status).toBe(200);
	});

	it('throttles as a watch cache not ready after a restart does: 429 with a Status saying how long to wait', async () => {
		const started = await startServer('web');
		server = started.server;
		server.throttle({verb: 'watch', resource: 'pods', times: 1, retryAfterSeconds: 1, by: 'watch-cache'});
		const throttled = await fetch(`${started.url}/api/v1/pods?watch=true`);
		expect(throttled.status).toBe(429);
		expect(throttled.headers.get('retry-after')).toBe('1');
		expect(await throttled.json()).toMatchObject({kind: 'Status', code: 429, reason: 'TooManyRequests', details: {retryAfterSeconds: 1}});
	});

	it('ends a watch at its timeoutSeconds, with a bookmark at the current resourceVersion 2 s before', async () => {
		// handlers/get.go ListResource (the timeout), storage/cacher cache_watcher.go nextBookmarkTime (the bookmark).
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(1000);
		const openedAt = Date.now();
		const watch = watchUntilDone(started.url, '/api/v1/namespaces/default/pods', {
			resourceVersion: String(server.resourceVersion),
			allowWatchBookmarks: 'true',
			timeoutSeconds: '3',
		});
		await watch.started;
		server.advanceTo(2000); // changes in other namespaces only: nothing for this watch
		await waitFor(() => (watch.state.done ? true : undefined), 'the end of the watch', 5000);
		expect(Date.now() - openedAt).toBeGreaterThanOrEqual(2900);
		expect(watch.state.error).toBeNull();
		expect(watch.events.map(event => [event.type, (event.object['metadata'] as {resourceVersion?: string}).resourceVersion])).toEqual([
			['BOOKMARK', String(server.resourceVersion)],
		]);
	});

	it('ends a watch that asks no timeout after the minimum request timeout, up to twice it', async () => {
		const started = await startServer('web', {minRequestTimeoutSeconds: 1});
		server = started.server;
		const openedAt = Date.now();
		const watch = watchUntilDone(started.url, '/api/v1/pods', {resourceVersion: String(server.resourceVersion)});
		await watch.started;
		await waitFor(() => (watch.state.done ? true : undefined), 'the end of the watch', 3000);
		expect(Date.now() - openedAt).toBeGreaterThanOrEqual(950);
		expect(watch.state.error).toBeNull();
	});

	it('ends a watch from a resourceVersion its watch cache has not reached with an ERROR event, 504 Too large resource version', async () => {
		// storage/cacher cacher.go Watch: waitUntilFreshAndBlock failing, its error sent by an errWatcher.
		const started = await startServer('web');
		server = started.server;
		server.fallBehind(1);
		const rv = String(server.resourceVersion);
		const watch = watchUntilDone(started.url, '/api/v1/pods', {resourceVersion: rv});
		await watch.started;
		await waitFor(() => (watch.state.done ? true : undefined), 'the end of the watch');
		expect(watch.events).toEqual([
			{
				type: 'ERROR',
				object: expect.objectContaining({
					code: 504,
					reason: 'Timeout',
					message: `Timeout: Too large resource version: ${rv}, current: ${Number(rv) - 1}`,
					details: {causes: [{reason: 'ResourceVersionTooLarge', message: 'Too large resource version'}], retryAfterSeconds: 1},
				}),
			},
		]);
	});

	it('fails watch-list streams before their end bookmark as asked: an ERROR 500 after the initial events, or an end before any event', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const query = {sendInitialEvents: 'true', resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: 'true'};
		server.failWatchLists({times: 1});
		const failed = watchUntilDone(started.url, '/api/v1/pods', query);
		await waitFor(() => (failed.state.done ? true : undefined), 'the end of the first watch-list');
		expect(failed.events.map(event => event.type)).toEqual([...[...podsAt(started.entries, 3000).keys()].map(() => 'ADDED'), 'ERROR']);
		expect(failed.events.at(-1)!.object).toMatchObject({code: 500, reason: 'InternalError', message: 'Internal error occurred: etcdserver: request timed out'});
		server.failWatchLists({how: 'close', times: 1});
		const closed = watchUntilDone(started.url, '/api/v1/pods', query);
		await waitFor(() => (closed.state.done ? true : undefined), 'the end of the second watch-list');
		expect(closed.events).toEqual([]);
		// Then they stream their initial events and the bookmark that ends them again; plain watches were never touched.
		const streamed = watchUntilDone(started.url, '/api/v1/pods', query);
		await waitFor(() => (streamed.events.some(event => event.type === 'BOOKMARK') ? true : undefined), 'the end bookmark');
		expect(streamed.state.done).toBe(false);
	});

	it('ends open watch streams when cutWatches() drops them', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const watch = watchUntilDone(started.url, '/api/v1/pods', {});
		await waitFor(() => (server!.openWatches === 1 ? true : undefined), 'the watch to open');
		expect(server.cutWatches()).toBe(1);
		await waitFor(() => (watch.state.done ? true : undefined), 'the watch to end');
		const countBefore = watch.events.length;
		server.advanceToEnd();
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(watch.events.length).toBe(countBefore);
	});

	it('refuses connections with ECONNREFUSED until restored', async () => {
		const started = await startServer('web');
		server = started.server;
		const api = kubeConfig(started.url).makeApiClient(CoreV1Api);
		await server.refuseConnections();
		const error = await api.listNamespacedPod({namespace: 'default'}).then(
			() => undefined,
			(caught: unknown) => caught as {code?: string; cause?: {code?: string}},
		);
		expect(error?.code ?? error?.cause?.code).toBe('ECONNREFUSED');
		await server.restoreConnections();
		expect((await api.listNamespacedPod({namespace: 'default'})).kind).toBe('PodList');
	});

	it('delays responses and watch chunks with slow()', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		server.slow(30);
		const watch = watchUntilDone(started.url, '/api/v1/namespaces/default/pods', {resourceVersion: String(server.resourceVersion)});
		await waitFor(() => (server!.openWatches === 1 ? true : undefined), 'the watch to open');
		server.advanceToEnd();
		// Events are queued behind one another, so they still arrive complete and in order.
		await waitFor(() => (watch.events.length === 3 ? true : undefined), 'the slowed events');
		const rvs = watch.events.map(event => Number((event.object['metadata'] as {resourceVersion: string}).resourceVersion));
		expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
	});
});
