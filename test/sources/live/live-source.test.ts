import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {connectLive, type LiveConnectOptions, type LiveHandlers, type LiveSource} from '../../../source/sources/live/live-source.js';
import {UserError} from '../../../source/errors.js';
import {kubeconfigFor} from '../../../source/serve/kubeconfig.js';
import {Collector, duplicates, FAST, podsFrom, startFake, visible, waitUntil, type Fake} from './helpers.js';

let fake: Fake | undefined;
let source: LiveSource | undefined;
/** How the state is asked for: as a watch-list stream, or as a paged list (undefined: as the source decides). */
let watchList: boolean | undefined;

/** Connects, then lists and watches: the two steps every user of the source takes. */
async function startLiveSource(options: LiveConnectOptions & LiveHandlers): Promise<LiveSource> {
	return (await connectLive({watchList, ...options})).start(options);
}

afterEach(async () => {
	await source?.stop();
	await fake?.close();
	source = undefined;
	fake = undefined;
	watchList = undefined;
});

const MODES = [
	{mode: 'watch-list stream', watchList: true},
	{mode: 'paged list, then watch', watchList: false},
];

async function start(collector: Collector, options: {namespace?: string | null; withTable?: boolean} = {}): Promise<LiveSource> {
	source = await startLiveSource({kubeconfig: fake!.kubeconfig, namespace: null, ...FAST, ...options, onEntry: collector.onEntry});
	await source.synced;
	return source;
}

function sessionPodsAtEnd(): ReturnType<typeof visible> {
	return visible(podsFrom(fake!.entries));
}

describe.each(MODES)('live source against a fake API server ($mode)', mode => {
	beforeEach(() => {
		watchList = mode.watchList;
	});

	it('lists pods, nodes and events as ADDED then SYNCED, and knows the server', async () => {
		fake = await startFake('web', {startAt: 3000});
		const collector = new Collector();
		const live = await start(collector);
		const synced = collector.entries.filter(entry => entry.type === 'SYNCED').map(entry => (entry as {resource: string}).resource);
		expect(synced.sort()).toEqual(['events', 'nodes', 'pods']);
		expect(visible(collector.pods())).toEqual(visible(podsFrom(fake.entries.filter(entry => entry.t <= 3000))));
		expect(live.info).toMatchObject({kind: 'live', context: 'fake', server: fake.url, serverVersion: 'v1.32.13', namespace: null});
		expect(collector.statuses()[0]).toMatchObject({state: 'connected'});
		// Every entry's t is whole, non-negative and never goes backwards.
		const ts = collector.entries.map(entry => entry.t);
		expect(ts.every((t, i) => Number.isInteger(t) && t >= 0 && (i === 0 || t >= ts[i - 1]!))).toBe(true);
	});

	it('keeps timestamps as RFC 3339 strings, as the server sent them', async () => {
		fake = await startFake('web', {startAt: 3000});
		const collector = new Collector();
		await start(collector);
		const web = collector.podEntries().find(entry => entry.object.metadata?.name?.startsWith('web-'))!;
		expect(typeof web.object.metadata?.creationTimestamp).toBe('string');
		expect(web.object).toMatchObject({apiVersion: 'v1', kind: 'Pod'});
	});

	it('resumes after a watch is cut mid-stream and ends with the session’s final pods', async () => {
		fake = await startFake('web', {startAt: 1000});
		const collector = new Collector();
		await start(collector);
		fake.server.advanceTo(2913);
		await waitUntil(() => collector.podEntries().some(entry => entry.object.metadata?.name?.startsWith('web-')), 'the web pod');
		await waitUntil(() => fake!.server.openWatches === 3, 'three open watches');
		expect(fake.server.cutWatches()).toBe(3);
		fake.server.advanceToEnd();
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(sessionPodsAtEnd()), 'the final pods');
		expect(visible(collector.pods())).toEqual(sessionPodsAtEnd());
		expect(duplicates(collector.podEntries())).toEqual([]);
		// The resume asked for the last resourceVersion seen, not a fresh list.
		const podWatches = fake.server.requests.filter(request => request.verb === 'watch' && request.resource === 'pods');
		expect(podWatches.at(-1)!.query).toMatchObject({resourceVersion: expect.stringMatching(/^\d+$/)});
		expect(podWatches.at(-1)!.query['sendInitialEvents']).toBeUndefined();
		// The access check, and the initial list unless the state came as a stream.
		expect(fake.server.count({verb: 'list', resource: 'pods'})).toBe(mode.watchList ? 1 : 2);
	});

	it('relists after 410 Expired: pods that vanished meanwhile become DELETED, nothing duplicated', async () => {
		fake = await startFake('terminating', {startAt: 10_000});
		const collector = new Collector();
		await start(collector);
		const before = collector.entries.length;
		await waitUntil(() => fake!.server.openWatches === 3, 'three open watches');
		await fake.server.refuseConnections();
		fake.server.advanceToEnd();
		fake.server.expireResourceVersionsBefore(fake.server.resourceVersion);
		await waitUntil(() => collector.statuses().some(status => status.state === 'reconnecting'), 'reconnecting');
		await fake.server.restoreConnections();
		await waitUntil(() => collector.statuses().some(status => status.state === 'relisting'), 'relisting');
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(sessionPodsAtEnd()), 'the final pods');
		await waitUntil(() => collector.statuses().at(-1)?.state === 'connected', 'connected after the relist');
		const after = collector.entries.slice(before);
		const deleted = after.filter(entry => entry.type === 'DELETED' && entry.object.kind === 'Pod');
		expect(deleted.map(entry => (entry as {object: {metadata: {name: string}}}).object.metadata.name)).toEqual(['terminating-kt8jr']);
		// Unchanged pods (all of kube-system) emit nothing on the relist: no ghosts, no duplicates.
		expect(after.filter(entry => (entry.type === 'ADDED' || entry.type === 'MODIFIED') && entry.object.kind === 'Pod')).toEqual([]);
		expect(collector.statuses().at(-1)).toMatchObject({state: 'connected'});
		expect(duplicates(collector.podEntries())).toEqual([]);
	});

	it('relists when an open watch gets an ERROR 410 event and records that event', async () => {
		fake = await startFake('web', {startAt: 1000});
		const collector = new Collector();
		await start(collector);
		await waitUntil(() => fake!.server.openWatches === 3, 'three open watches');
		fake.server.expireOpenWatches();
		await waitUntil(() => collector.entries.filter(entry => entry.type === 'SYNCED').length >= 6, 'three relists');
		const errors = collector.entries.filter(entry => entry.type === 'ERROR');
		expect(errors.length).toBe(3);
		expect(errors[0]).toMatchObject({object: {kind: 'Status', code: 410}});
		fake.server.advanceToEnd();
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(sessionPodsAtEnd()), 'the final pods');
		expect(duplicates(collector.podEntries())).toEqual([]);
	});

	it('shows reconnecting with attempt numbers while connections are refused, then connected again', async () => {
		fake = await startFake('web', {startAt: 1000});
		const collector = new Collector();
		const statuses: string[] = [];
		source = await startLiveSource({
			kubeconfig: fake.kubeconfig,
			namespace: null,
			...FAST,
			onEntry: collector.onEntry,
			onStatus: status => statuses.push(`${status.state}${status.attempt ? ` ${status.attempt}` : ''}`),
		});
		await source.synced;
		await waitUntil(() => fake!.server.openWatches === 3, 'three open watches');
		await fake.server.refuseConnections();
		await waitUntil(() => statuses.includes('reconnecting 3'), 'three reconnect attempts');
		const reconnecting = collector.statuses().find(status => status.state === 'reconnecting')!;
		expect(reconnecting.message).toMatch(/connection refused|connection reset|connection closed/);
		fake.server.advanceToEnd();
		await fake.server.restoreConnections();
		await waitUntil(() => statuses.at(-1) === 'connected', 'connected again');
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(sessionPodsAtEnd()), 'the final pods');
		expect(statuses.slice(0, 4)).toEqual(['connected', 'reconnecting 1', 'reconnecting 2', 'reconnecting 3']);
		expect(statuses.filter(status => status === 'connected')).toHaveLength(2);
		expect(source.status().state).toBe('connected');
	});

	it('copes with a slow server', async () => {
		fake = await startFake('web', {startAt: 1000});
		fake.server.slow(150);
		const collector = new Collector();
		await start(collector);
		fake.server.advanceToEnd();
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(sessionPodsAtEnd()), 'the final pods');
		expect(collector.statuses().filter(status => status.state !== 'connected')).toEqual([]);
	});

	it('watches one namespace, with pod events only', async () => {
		fake = await startFake('web', {startAt: 8000});
		const collector = new Collector();
		await start(collector, {namespace: 'default'});
		expect([...collector.pods().keys()].every(key => key.startsWith('default/'))).toBe(true);
		expect(collector.pods().size).toBe(1);
		const events = fake.server.requests.filter(request => request.resource === 'events');
		expect(events.every(request => request.path === '/api/v1/namespaces/default/events' && request.query['fieldSelector'] === 'involvedObject.kind=Pod')).toBe(
			true,
		);
	});

	it('attaches the server’s printed row to each pod entry when asked for tables', async () => {
		fake = await startFake('web', {startAt: 1000});
		const collector = new Collector();
		await start(collector, {withTable: true});
		fake.server.advanceToEnd();
		await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(sessionPodsAtEnd()), 'the final pods');
		const pods = collector.podEntries();
		expect(pods.every(entry => entry.row !== undefined)).toBe(true);
		const lastWeb = pods.filter(entry => entry.object.metadata?.name?.startsWith('web-')).at(-1)!;
		expect(lastWeb.row).toMatchObject({ready: '1/1', status: 'Running', restarts: '0', node: 'kind-worker'});
		expect(lastWeb.object).toMatchObject({kind: 'Pod', apiVersion: 'v1'});
	});

	it('emits disconnected when stopped', async () => {
		fake = await startFake('web', {startAt: 1000});
		const collector = new Collector();
		const live = await start(collector);
		await live.stop();
		expect(collector.statuses().at(-1)).toMatchObject({state: 'disconnected'});
	});
});

describe('live source errors: one line, no stack, no credential', () => {
	async function failure(run: () => Promise<unknown>): Promise<UserError> {
		const error = await run().then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(UserError);
		expect((error as Error).message).not.toContain('\n');
		return error as UserError;
	}

	it('says RBAC forbids listing pods in the namespace when the server answers 403', async () => {
		fake = await startFake('web', {startAt: 1000});
		fake.server.forbid({verb: 'list', resource: 'pods', namespace: 'default'});
		const error = await failure(() => startLiveSource({kubeconfig: fake!.kubeconfig, ...FAST, onEntry: () => {}}));
		expect(error.message).toMatch(
			/^RBAC forbids list pods in namespace "default" for this user \(context fake\); ask for a Role with get\/list\/watch on pods or use -n$/,
		);
	});

	it('carries on without nodes when the user may not list them', async () => {
		fake = await startFake('web', {startAt: 1000});
		fake.server.forbid({resource: 'nodes'});
		const collector = new Collector();
		const warnings: string[] = [];
		source = await startLiveSource({kubeconfig: fake.kubeconfig, namespace: null, ...FAST, onEntry: collector.onEntry, onWarning: w => warnings.push(w)});
		await source.synced;
		expect(warnings).toEqual(['nodes not permitted: RBAC forbids this user to list them; no node fit shown']);
		expect(source.header().resources).toEqual(['pods', 'events']);
		expect(collector.pods().size).toBeGreaterThan(0);
	});

	it('says the credentials were rejected on 401, without showing the token', async () => {
		fake = await startFake('web', {startAt: 1000, token: 'wrong-token-0123456789'});
		fake.server.requireToken('right-token');
		const error = await failure(() => startLiveSource({kubeconfig: fake!.kubeconfig, ...FAST, onEntry: () => {}}));
		expect(error.message).toMatch(/rejected the credentials of context fake \(401 Unauthorized\); refresh them/);
		expect(error.message).not.toContain('wrong-token');
	});

	it('accepts the right token', async () => {
		fake = await startFake('web', {startAt: 1000, token: 'right-token'});
		fake.server.requireToken('right-token');
		const collector = new Collector();
		await start(collector);
		expect(collector.pods().size).toBeGreaterThan(0);
	});

	it('says a namespace does not exist instead of watching nothing', async () => {
		fake = await startFake('web', {startAt: 1000});
		const error = await failure(() => startLiveSource({kubeconfig: fake!.kubeconfig, namespace: 'foo', ...FAST, onEntry: () => {}}));
		expect(error.message).toBe('namespace "foo" not found in context fake; list them with kubectl get ns');
	});

	it('lists the available contexts for an unknown --context', async () => {
		fake = await startFake('web', {startAt: 1000});
		const error = await failure(() => startLiveSource({kubeconfig: fake!.kubeconfig, context: 'prod', ...FAST, onEntry: () => {}}));
		expect(error.message).toMatch(/context "prod" not found .*available: fake$/);
	});

	it('names the missing kubeconfig file', async () => {
		const error = await failure(() => startLiveSource({kubeconfig: '/nonexistent/podlife/kubeconfig', onEntry: () => {}}));
		expect(error.message).toMatch(/kubeconfig \/nonexistent\/podlife\/kubeconfig does not exist/);
	});

	it('names the server when nothing listens on its port', async () => {
		const port = await new Promise<number>(resolve => {
			const probe = net.createServer().listen(0, '127.0.0.1', () => {
				const {port: free} = probe.address() as net.AddressInfo;
				probe.close(() => resolve(free));
			});
		});
		fake = await startFake('web', {startAt: 0});
		const file = path.join(fake.dir, 'unreachable');
		fs.writeFileSync(file, kubeconfigFor(`http://127.0.0.1:${port}`, {name: 'gone'}));
		const error = await failure(() => startLiveSource({kubeconfig: file, onEntry: () => {}}));
		expect(error.message).toBe(
			`cannot reach the API server http://127.0.0.1:${port} for context gone (connection refused); is the cluster running? check with kubectl cluster-info`,
		);
	});
});
