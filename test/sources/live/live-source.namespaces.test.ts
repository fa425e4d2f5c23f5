// The live source lists and watches namespaces only once a pod's affinity selects namespaces by
// their labels, and when the server refuses, the refusal goes into the stream so that placement
// says the namespaces are forbidden.

import {afterEach, describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {FakeApiServer} from '../../../source/serve/fake-api-server.js';
import {kubeconfigFor} from '../../../source/serve/kubeconfig.js';
import {connectLive, type LiveConnectOptions, type LiveHandlers, type LiveSource} from '../../../source/sources/live/live-source.js';
import {isWatchEntry} from '../../../source/session/format.js';
import {podOf, scenario} from '../../model/placement/scenario.js';
import {Collector, FAST, waitUntil} from './helpers.js';
import {tempDir} from './kubeconfig-fixture.js';
import fs from 'node:fs';
import path from 'node:path';

let server: FakeApiServer | null = null;

/** Connects, then lists and watches. */
async function startLiveSource(options: LiveConnectOptions & LiveHandlers): Promise<LiveSource> {
	return (await connectLive(options)).start(options);
}
let source: LiveSource | null = null;

afterEach(async () => {
	await source?.stop();
	await server?.close();
	source = null;
	server = null;
});

/** A fake API server holding the kind nodes and `pods`; resolves with a kubeconfig for it. */
async function serve(pods: Pod[], forbidNamespaces = false): Promise<string> {
	const made = scenario([]);
	const entries = [...made.entries, ...pods.map(object => ({t: 50, type: 'ADDED' as const, object}))];
	server = new FakeApiServer({header: made.header, entries, startAt: 100});
	if (forbidNamespaces) server.forbid({resource: 'namespaces'});
	const url = await server.start();
	const file = path.join(tempDir(), 'kubeconfig');
	fs.writeFileSync(file, kubeconfigFor(url, {name: 'fake'}));
	return file;
}

const selecting = podOf({
	name: 'web-0',
	labels: {app: 'web'},
	affinity: {
		podAntiAffinity: {
			requiredDuringSchedulingIgnoredDuringExecution: [
				{
					labelSelector: {matchLabels: {app: 'web'}},
					topologyKey: 'kubernetes.io/hostname',
					namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'default'}},
				},
			],
		},
	},
});

function namespaceEntries(collector: Collector): string[] {
	return collector.entries
		.filter(isWatchEntry)
		.filter(entry => entry.object.kind === 'Namespace')
		.map(entry => entry.object.metadata!.name!);
}

describe('live: namespaces for a namespaceSelector', () => {
	it('does not watch namespaces while no pod selects them by label', async () => {
		const kubeconfig = await serve([podOf({name: 'plain', labels: {app: 'web'}})]);
		const collector = new Collector();
		const live = (source = await startLiveSource({kubeconfig, namespace: null, ...FAST, onEntry: collector.onEntry}));
		await live.synced;
		expect(namespaceEntries(collector)).toEqual([]);
		expect(server!.requests.some(request => request.resource === 'namespaces' && request.verb !== 'get')).toBe(false);
	});

	it('lists and watches them once a pod does, so placement knows their labels', async () => {
		const kubeconfig = await serve([selecting]);
		const collector = new Collector();
		const live = (source = await startLiveSource({kubeconfig, namespace: null, ...FAST, onEntry: collector.onEntry}));
		await live.synced;
		await waitUntil(() => collector.entries.some(entry => entry.type === 'SYNCED' && entry.resource === 'namespaces'), 'namespaces synced');
		expect(namespaceEntries(collector)).toContain('default');
		const store = new PodStore({compat: compatForServerVersion(null)});
		for (const entry of collector.entries) store.apply(entry, Date.now());
		expect(store.view().namespaces.known).toBe(true);
	});

	it('puts the server’s refusal in the stream, and placement says they are forbidden', async () => {
		const kubeconfig = await serve([selecting], true);
		const collector = new Collector();
		const warnings: string[] = [];
		const live = (source = await startLiveSource({
			kubeconfig,
			namespace: null,
			...FAST,
			onEntry: collector.onEntry,
			onWarning: (warning: string) => warnings.push(warning),
		}));
		await live.synced;
		await waitUntil(() => warnings.length > 0, 'the warning');
		expect(warnings[0]).toMatch(/^namespaces left out: RBAC forbids (list|watch) namespaces/);
		const store = new PodStore({compat: compatForServerVersion(null)});
		for (const entry of collector.entries) store.apply(entry, Date.now());
		expect(store.view().namespaces).toMatchObject({known: false, why: 'forbidden'});
	});
});
