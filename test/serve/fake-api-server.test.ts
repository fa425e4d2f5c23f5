import {CoreV1Api, Watch} from '@kubernetes/client-node';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {offsetToStartAt} from '../../source/serve/shift-times.js';
import type {KubeObject, Pod} from '../../source/kube/objects.js';
import {kubeConfig, podEntries, podsAt, readCapture, startServer, waitFor} from './helpers.js';
import {podKeyOf} from '../../source/model/pod-key.js';

let server: FakeApiServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

function withoutResourceVersion(object: unknown): unknown {
	const copy = structuredClone(object) as KubeObject;
	delete copy.metadata?.resourceVersion;
	delete copy.kind;
	delete copy.apiVersion;
	return copy;
}

interface Seen {
	type: string;
	object: KubeObject;
}

function collectWatch(url: string, path: string, query: Record<string, string | boolean>) {
	const seen: Seen[] = [];
	const state = {done: false as boolean, error: undefined as unknown};
	const started = new Watch(kubeConfig(url)).watch(
		path,
		query,
		(type, object) => seen.push({type, object: object as KubeObject}),
		error => {
			state.done = true;
			state.error = error;
		},
	);
	return {seen, state, started};
}

describe('FakeApiServer lists and watches', () => {
	it('lists the pods the session holds at the server time, with the recorded objects', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const api = kubeConfig(started.url).makeApiClient(CoreV1Api);

		const all = await api.listPodForAllNamespaces();
		const expected = podsAt(started.entries, 3000);
		expect(all.items.map(pod => podKeyOf(pod.metadata)).sort()).toEqual([...expected.keys()].sort());

		const inDefault = await api.listNamespacedPod({namespace: 'default'});
		expect(inDefault.items.map(pod => pod.metadata?.name)).toEqual(['web-fjmnw']);
		const recorded = expected.get('default/web-fjmnw')!.object as Pod;
		expect(inDefault.items[0]?.metadata?.uid).toBe(recorded.metadata.uid);
		expect(inDefault.items[0]?.spec?.nodeName).toBe(recorded.spec.nodeName);
		expect(inDefault.items[0]?.status?.conditions?.map(condition => condition.type)).toEqual(recorded.status?.conditions?.map(condition => condition.type));
		// The list's resourceVersion is the newest one handed out, and newer than every item's.
		const listRv = Number(inDefault.metadata?.resourceVersion);
		expect(listRv).toBe(server.resourceVersion);
		for (const pod of all.items) expect(Number(pod.metadata?.resourceVersion)).toBeLessThanOrEqual(listRv);
	});

	it('shows nothing before the first entry and everything after advanceToEnd', async () => {
		const started = await startServer('terminating');
		server = started.server;
		const api = kubeConfig(started.url).makeApiClient(CoreV1Api);
		expect((await api.listPodForAllNamespaces()).items).toHaveLength(0);
		server.advanceToEnd();
		const names = (await api.listPodForAllNamespaces()).items.map(pod => podKeyOf(pod.metadata));
		expect(names.sort()).toEqual([...podsAt(started.entries, Infinity).keys()].sort());
		expect(names.some(name => name.startsWith('default/terminating-'))).toBe(false);
	});

	it('streams the following entries in order to a watch resumed from the list resourceVersion', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const list = await kubeConfig(started.url).makeApiClient(CoreV1Api).listNamespacedPod({namespace: 'default'});
		const watch = collectWatch(started.url, '/api/v1/namespaces/default/pods', {resourceVersion: list.metadata!.resourceVersion!});
		await watch.started;

		server.advanceToEnd();
		const expected = podEntries(started.entries).filter(entry => entry.t > 3000 && entry.object.metadata?.namespace === 'default');
		await waitFor(() => (watch.seen.length >= expected.length ? true : undefined), 'the watch events');

		expect(watch.seen.map(event => event.type)).toEqual(expected.map(entry => entry.type));
		expect(watch.seen.map(event => withoutResourceVersion(event.object))).toEqual(expected.map(entry => withoutResourceVersion(entry.object)));
		const rvs = watch.seen.map(event => Number(event.object.metadata?.resourceVersion));
		expect(rvs[0]).toBeGreaterThan(Number(list.metadata!.resourceVersion));
		for (let index = 1; index < rvs.length; index++) expect(rvs[index]).toBeGreaterThan(rvs[index - 1]!);
	});

	it('starts a watch without resourceVersion with ADDED for what exists, then goes live', async () => {
		const started = await startServer('terminating');
		server = started.server;
		server.advanceTo(5000);
		const watch = collectWatch(started.url, '/api/v1/namespaces/default/pods', {});
		await watch.started;
		await waitFor(() => (watch.seen.length === 1 ? true : undefined), 'the initial ADDED');
		expect(watch.seen[0]).toMatchObject({type: 'ADDED', object: {metadata: {name: expect.stringMatching(/^terminating-/)}}});

		server.advanceToEnd();
		await waitFor(() => (watch.seen.at(-1)?.type === 'DELETED' ? true : undefined), 'the DELETED event');
		expect(watch.seen.slice(1).every(event => event.type === 'MODIFIED' || event.type === 'DELETED')).toBe(true);
	});

	it('sends BOOKMARKs only to watches that allow them, at the current resourceVersion', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const from = String(server.resourceVersion);
		const withBookmarks = collectWatch(started.url, '/api/v1/pods', {resourceVersion: from, allowWatchBookmarks: true});
		const without = collectWatch(started.url, '/api/v1/pods', {resourceVersion: from});
		await Promise.all([withBookmarks.started, without.started]);
		await waitFor(() => (server!.openWatches === 2 ? true : undefined), 'both watches');
		server.advanceTo(4000);
		server.sendBookmarks();
		await waitFor(() => (withBookmarks.seen.some(event => event.type === 'BOOKMARK') ? true : undefined), 'the bookmark');
		expect(withBookmarks.seen.at(-1)).toEqual({
			type: 'BOOKMARK',
			object: {kind: 'Pod', apiVersion: 'v1', metadata: {resourceVersion: String(server.resourceVersion), creationTimestamp: null}},
		});
		await waitFor(() => (without.seen.length === withBookmarks.seen.length - 1 ? true : undefined), 'the other watch to catch up');
		expect(without.seen.some(event => event.type === 'BOOKMARK')).toBe(false);
	});

	it('streams the initial state and marks its end when asked with sendInitialEvents', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const watch = collectWatch(started.url, '/api/v1/nodes', {sendInitialEvents: true, allowWatchBookmarks: true, resourceVersionMatch: 'NotOlderThan'});
		await watch.started;
		await waitFor(() => (watch.seen.length === 3 ? true : undefined), 'the initial events');
		expect(watch.seen.map(event => [event.type, event.object.metadata?.name])).toEqual([
			['ADDED', 'kind-control-plane'],
			['ADDED', 'kind-worker'],
			['BOOKMARK', undefined],
		]);
		expect(watch.seen[2]!.object.metadata?.annotations).toEqual({'k8s.io/initial-events-end': 'true'});
	});

	it('sends the changes made while the end of the initial events is held before the bookmark that ends them', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(1000);
		const release = server.holdInitialEventsEnd();
		const watch = collectWatch(started.url, '/api/v1/namespaces/default/pods', {
			sendInitialEvents: true,
			allowWatchBookmarks: true,
			resourceVersionMatch: 'NotOlderThan',
		});
		await watch.started;
		server.advanceTo(2200);
		await waitFor(() => (watch.seen.length === 1 ? true : undefined), 'the change');
		release();
		await waitFor(() => (watch.seen.length === 2 ? true : undefined), 'the end bookmark');
		expect(watch.seen.map(event => [event.type, event.object.metadata?.name])).toEqual([
			['ADDED', 'web-fjmnw'],
			['BOOKMARK', undefined],
		]);
		expect(watch.seen[1]!.object.metadata).toMatchObject({resourceVersion: String(server.resourceVersion), annotations: {'k8s.io/initial-events-end': 'true'}});
	});

	it("refuses list and watch options as the real server's validation does: 422 Invalid of ListOptions", async () => {
		// apimachinery internalversion/validation validation.go ValidateListOptions, validateWatchOptions.
		const started = await startServer('web', {watchList: false});
		server = started.server;
		const answer = async (query: string) => {
			const response = await fetch(`${started.url}/api/v1/pods?${query}`);
			return {code: response.status, ...((await response.json()) as {reason?: string; message?: string; details?: {causes?: unknown[]}})};
		};
		const gateOff = await answer('watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true');
		expect(gateOff).toMatchObject({
			code: 422,
			reason: 'Invalid',
			message:
				'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled',
			details: {group: 'meta.k8s.io', kind: 'ListOptions', causes: [{reason: 'FieldValueForbidden', field: 'sendInitialEvents'}]},
		});
		// Several problems: in brackets, as an aggregate error says them.
		expect((await answer('watch=true&sendInitialEvents=true&resourceVersionMatch=Exact')).message).toBe(
			'ListOptions.meta.k8s.io "" is invalid: [resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan, ' +
				'sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled, ' +
				'resourceVersionMatch: Unsupported value: "Exact": supported values: "NotOlderThan"]',
		);
		expect(await answer('sendInitialEvents=true')).toMatchObject({code: 422, message: expect.stringContaining('sendInitialEvents is forbidden for list')});
		expect(await answer('resourceVersionMatch=NotOlderThan')).toMatchObject({
			code: 422,
			message: expect.stringContaining('resourceVersionMatch is forbidden unless resourceVersion is provided'),
		});
		expect((await answer('limit=1')).code).toBe(200);
	});

	it('streams the initial events without asking for bookmarks too, only without the bookmark that ends them', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(3000);
		const watch = collectWatch(started.url, '/api/v1/nodes', {sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan'});
		await watch.started;
		await waitFor(() => (watch.seen.length === 2 ? true : undefined), 'the initial events');
		server.sendBookmarks();
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(watch.seen.map(event => event.type)).toEqual(['ADDED', 'ADDED']);
	});

	it('plays the session on its own and, with loop, deletes everything and plays it again', async () => {
		const started = await startServer('web');
		server = started.server;
		const watch = collectWatch(started.url, '/api/v1/namespaces/default/pods', {});
		await watch.started;
		await waitFor(() => (server!.openWatches === 1 ? true : undefined), 'the watch');
		// 10 000× speed: one pass of the 8.5 s session takes about a millisecond.
		server.play({speed: 10_000, loop: true, loopPauseMs: 5});
		const types = () => watch.seen.map(event => event.type).join(' ');
		await waitFor(() => (/DELETED ADDED/.test(types()) ? true : undefined), 'the second pass');
		server.pause();
		const onePass = podEntries(started.entries)
			.filter(entry => entry.object.metadata?.namespace === 'default')
			.map(entry => entry.type);
		expect(types().startsWith(`${onePass.join(' ')} DELETED ADDED`)).toBe(true);
	});

	it('plays each round of a loop as happening anew when times are moved to now', async () => {
		const {header, entries} = readCapture('web');
		const recordedAt = Date.parse(header.recordedAt);
		// 10 000× speed: one pass of the 8.5 s session takes about a millisecond.
		server = new FakeApiServer({header, entries, timeShiftMs: offsetToStartAt(recordedAt, Date.now()), timeSpeed: 10_000});
		const url = await server.start();
		const watch = collectWatch(url, '/api/v1/namespaces/default/pods', {});
		await watch.started;
		await waitFor(() => (server!.openWatches === 1 ? true : undefined), 'the watch');
		server.play({loop: true, loopPauseMs: 5, wallClock: true});
		const added = () => watch.seen.filter(event => event.type === 'ADDED');
		await waitFor(() => (added().length >= 2 ? true : undefined), 'the second round');
		const rewoundAt = Date.now();
		server.pause();
		const [first, second] = added().map(event => Date.parse(event.object.metadata!.creationTimestamp as string));
		// Round two is moved again: its pod is created after round one ended, not 8.5 s × rounds in the past.
		expect(second! - first!).toBeGreaterThanOrEqual(1000);
		expect(second!).toBeLessThanOrEqual(rewoundAt + 1000);
	});

	it('turns a pod entering a field selector into ADDED, as the watch cache does', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(2500); // web pod exists, not yet scheduled
		const watch = collectWatch(started.url, '/api/v1/pods', {
			resourceVersion: String(server.resourceVersion),
			fieldSelector: 'spec.nodeName=kind-worker,metadata.namespace=default',
		});
		await watch.started;
		server.advanceTo(2600); // the scheduler binds it to kind-worker
		await waitFor(() => watch.seen[0], 'the selector transition');
		expect(watch.seen[0]).toMatchObject({type: 'ADDED', object: {metadata: {name: 'web-fjmnw'}, spec: {nodeName: 'kind-worker'}}});
	});

	it('filters lists by label and field selectors', async () => {
		const started = await startServer('mixed');
		server = started.server;
		server.advanceToEnd();
		const api = kubeConfig(started.url).makeApiClient(CoreV1Api);
		const byLabel = await api.listPodForAllNamespaces({labelSelector: 'sim.kubelet/scenario in (web,job)'});
		expect(byLabel.items.map(pod => pod.metadata?.labels?.['sim.kubelet/scenario']).sort()).toEqual(['job', 'web']);
		const notScenario = await api.listPodForAllNamespaces({labelSelector: '!sim.kubelet/scenario'});
		expect(notScenario.items.every(pod => pod.metadata?.namespace !== 'default')).toBe(true);
		const onWorker = await api.listPodForAllNamespaces({fieldSelector: 'spec.nodeName=kind-worker,status.phase!=Running'});
		expect(onWorker.items.length).toBeGreaterThan(0);
		expect(onWorker.items.every(pod => pod.spec?.nodeName === 'kind-worker' && pod.status?.phase !== 'Running')).toBe(true);
		const events = await api.listNamespacedEvent({namespace: 'default', fieldSelector: 'involvedObject.kind=Pod,type=Warning'});
		expect(events.items.length).toBeGreaterThan(0);
		expect(events.items.every(event => event.type === 'Warning' && event.involvedObject.kind === 'Pod')).toBe(true);
	});

	it("answers an unknown field selector with the server's BadRequest", async () => {
		const started = await startServer('web');
		server = started.server;
		const response = await fetch(`${started.url}/api/v1/pods?fieldSelector=spec.color%3Dblue`);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({kind: 'Status', reason: 'BadRequest', message: 'field label not supported: spec.color'});
	});

	it('pages a list with limit and continue, all pages from the same resourceVersion', async () => {
		const started = await startServer('mixed');
		server = started.server;
		server.advanceTo(20_000);
		const api = kubeConfig(started.url).makeApiClient(CoreV1Api);
		const whole = await api.listPodForAllNamespaces();
		const first = await api.listPodForAllNamespaces({limit: 5});
		expect(first.items).toHaveLength(5);
		expect(first.metadata?.remainingItemCount).toBe(whole.items.length - 5);
		server.advanceToEnd(); // later changes must not leak into the next pages
		const names = first.items.map(pod => pod.metadata?.name);
		let token = first.metadata?._continue;
		while (token) {
			const page = await api.listPodForAllNamespaces({limit: 5, _continue: token});
			expect(page.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
			names.push(...page.items.map(pod => pod.metadata?.name));
			token = page.metadata?._continue;
		}
		expect(names).toEqual(whole.items.map(pod => pod.metadata?.name));
	});

	it("serves version, discovery, nodes and the session's namespaces", async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceToEnd();
		const kc = kubeConfig(started.url);
		const version = (await (await fetch(`${started.url}/version`)).json()) as {gitVersion: string; minor: string};
		expect(version).toMatchObject({gitVersion: 'v1.32.13', minor: '32'});
		const resources = (await (await fetch(`${started.url}/api/v1`)).json()) as {resources: Array<{name: string}>};
		expect(resources.resources.map(resource => resource.name)).toEqual(expect.arrayContaining(['pods', 'events', 'nodes', 'namespaces']));
		const api = kc.makeApiClient(CoreV1Api);
		expect((await api.listNode()).items.map(node => node.metadata?.name).sort()).toEqual(['kind-control-plane', 'kind-worker']);
		expect((await api.readNamespace({name: 'local-path-storage'})).status?.phase).toBe('Active');
		const missing = await fetch(`${started.url}/api/v1/namespaces/nowhere`);
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({reason: 'NotFound', message: 'namespaces "nowhere" not found', code: 404});
		expect((await api.readNamespacedPod({namespace: 'default', name: 'web-fjmnw'})).status?.phase).toBe('Running');
	});
});
