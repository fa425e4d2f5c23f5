// A user of a shared cluster: pods in a few namespaces, no cluster-wide list, no nodes, no
// events — against the fake server's RBAC, as podlife meets it.

import {afterEach, describe, expect, it} from 'vitest';
import {connectLive, type LiveConnectOptions, type LiveHandlers, type LiveSource} from '../../../source/sources/live/live-source.js';
import {UserError} from '../../../source/errors.js';
import type {Grant} from '../../../source/serve/fake-api-server.js';
import {Collector, FAST, startFake, waitUntil, type Fake} from './helpers.js';

let fake: Fake | undefined;
let source: LiveSource | undefined;

afterEach(async () => {
	await source?.stop();
	await fake?.close();
	source = undefined;
	fake = undefined;
});

/** Pods and events in default and kube-system, nothing else (the capture also has local-path-storage). */
const TWO_NAMESPACES: Grant[] = [{resources: ['pods', 'events'], namespaces: ['default', 'kube-system']}];

async function limitedFake(grants: Grant[]): Promise<Fake> {
	fake = await startFake('mixed', {startAt: 60_000, token: 't'});
	fake.server.requireToken('t', 'jane');
	fake.server.limitAccess(grants);
	return fake;
}

async function watchAs(options: Partial<LiveConnectOptions>, collector: Collector, warnings: string[] = []): Promise<LiveSource> {
	const handlers: LiveHandlers = {onEntry: collector.onEntry, onWarning: warning => warnings.push(warning)};
	source = (await connectLive({kubeconfig: fake!.kubeconfig, ...FAST, ...options})).start(handlers);
	await source.synced;
	return source;
}

function namespacesOf(collector: Collector): string[] {
	return [...new Set([...collector.pods().values()].map(pod => pod.metadata?.namespace ?? ''))].sort();
}

describe('live source for a user without cluster-wide access', () => {
	it("-A without a cluster-wide list watches the context's namespace and says so", async () => {
		await limitedFake(TWO_NAMESPACES);
		const collector = new Collector();
		const warnings: string[] = [];
		const live = await watchAs({namespace: null}, collector, warnings);
		expect(namespacesOf(collector)).toEqual(['default']);
		const scope = 'watching namespace "default" only (the context\'s): RBAC forbids this user to list pods across all namespaces; name others with -n NS -n NS';
		expect(warnings).toEqual([scope, 'nodes not permitted: RBAC forbids this user to list them; no node fit shown']);
		expect(live.info.limits?.()).toEqual({scope, nodes: warnings[1], events: null, revoked: null});
		expect(live.header()).toMatchObject({namespace: 'default', resources: ['pods', 'events']});
	});

	it('-A watches every namespace it may list pods in when it may list namespaces', async () => {
		await limitedFake([...TWO_NAMESPACES, {resources: ['namespaces'], verbs: ['list']}]);
		const collector = new Collector();
		const live = await watchAs({namespace: null}, collector);
		expect(namespacesOf(collector)).toEqual(['default', 'kube-system']);
		expect(live.info.limits?.().scope).toBe(
			'watching "default", "kube-system" only (where it may list pods): RBAC forbids this user to list pods across all namespaces; name others with -n NS -n NS',
		);
		expect(live.info.namespace).toBe('default,kube-system');
	});

	it('-n a -n b watches both, with their events, and leaves out the one it may not see', async () => {
		await limitedFake(TWO_NAMESPACES);
		const collector = new Collector();
		const live = await watchAs({namespaces: ['default', 'kube-system', 'local-path-storage']}, collector);
		expect(namespacesOf(collector)).toEqual(['default', 'kube-system']);
		expect(live.info.limits?.().scope).toBe('watching "default", "kube-system" only: RBAC forbids this user to list pods in "local-path-storage"');
		// Events listed in each namespace watched.
		expect(collector.entries.filter(entry => entry.type === 'SYNCED' && entry.resource === 'events')).toHaveLength(2);
	});

	it('fails with the RBAC line when no namespace in reach may be listed', async () => {
		await limitedFake([{resources: ['pods'], namespaces: ['kube-system']}]);
		const error = await connectLive({kubeconfig: fake!.kubeconfig, ...FAST, namespace: null}).then(
			() => null,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(UserError);
		expect((error as Error).message).toBe(
			'RBAC forbids list pods across all namespaces for this user (context fake); ask for a ClusterRole with get/list/watch on pods, or pick one namespace with -n NAME',
		);
	});

	it('says a permission revoked mid-session while the other namespace goes on, and clears it once restored', async () => {
		await limitedFake(TWO_NAMESPACES);
		const collector = new Collector();
		const live = await watchAs({namespaces: ['default', 'kube-system']}, collector);
		fake!.server.revokeAccess({resources: ['pods'], namespaces: ['kube-system']});
		// Open watches go on after a revocation, as on a real server: the re-watch meets the 403.
		fake!.server.cutWatches();
		await waitUntil(() => live.info.limits?.().revoked != null, 'the revocation to show');
		expect(live.info.limits?.().revoked).toBe('pods in "kube-system": access revoked (403); rows as last seen, retrying');
		expect(live.status()).toMatchObject({
			state: 'reconnecting',
			message: expect.stringMatching(/^pods in "kube-system": permission revoked \(HTTP 403 Forbidden\); retrying in/),
		});
		// The other namespace still streams.
		const before = collector.podEntries().length;
		fake!.server.advanceToEnd();
		await waitUntil(() => collector.podEntries().some((entry, i) => i >= before && entry.object.metadata?.namespace === 'default'), 'default to go on');
		fake!.server.allowAll();
		await waitUntil(() => live.info.limits?.().revoked === null && live.status().state === 'connected', 'the permission to come back');
	});
});
