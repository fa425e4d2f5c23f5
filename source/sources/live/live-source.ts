// The live cluster as a stream of session entries (SESSION-FORMAT.md): pods in
// scope, all nodes, and pod events, each listed then watched by a Reflector; and
// namespaces, only once a pod's affinity selects namespaces by their labels.
// In two steps: connectLive() finds the server, its version and the scope, so
// that whoever takes the entries knows what they come from before the first
// one (the store's status compat, a recording's header); start() then lists
// and watches. Fatal problems found while connecting or by the first list (no
// kubeconfig, unreachable server, 401, namespace not found, RBAC forbids
// listing pods) reject with one UserError line; once running, the source never
// dies silently: every connection change becomes a STATUS entry and every
// failure is retried (the watching: live-watch.ts).

import type {SessionHeader} from '../../session/format.js';
import type {ListProgress, SourceInfo} from '../source-info.js';
import {collectionPath, EVENTS_FIELD_SELECTOR, resolveAccess, type Access} from './access.js';
import {describeKubeError, type KubeErrorContext} from './errors.js';
import {KubeApiError} from './kube-error.js';
import {loadKubeconfig} from './kubeconfig.js';
import {watch} from './live-watch.js';
import {liveLogs} from './log-stream.js';
import type {ResourceSpec} from './reflector.js';
import {createTransport, type Transport} from './transport.js';
import {unthrottled} from './unthrottled.js';

import type {LiveConnection, LiveConnectOptions, LiveHandlers, LiveOptions, LiveSource} from './live-source-types.js';

export type {LiveConnection, LiveConnectOptions, LiveHandlers, LiveOptions, LiveSource, LiveTuning} from './live-source-types.js';

/**
 * What is listed and watched, pods first (one spec per namespace when several; they must be
 * listable; the others only enrich the view and are left out when refused, access.ts). Another
 * resource is one more spec here: its entries reach the store by kind (model/store/pod-store.ts
 * apply) and its name goes in the header.
 */
function resourceSpecs(access: Access, options: LiveOptions): ResourceSpec[] {
	const scopes = (namespaces: string[] | null): Array<string | null> => (namespaces === null ? [null] : namespaces);
	const pods = scopes(access.namespaces).map((namespace): ResourceSpec => ({
		resource: 'pods',
		kind: 'Pod',
		apiVersion: 'v1',
		path: collectionPath(namespace, 'pods'),
		namespace,
		labelSelector: options.labelSelector,
		fieldSelector: options.fieldSelector,
		table: Boolean(options.withTable),
	}));
	const nodes: ResourceSpec[] = access.denied.nodes
		? []
		: [{resource: 'nodes', kind: 'Node', apiVersion: 'v1', path: '/api/v1/nodes', namespace: null, table: false}];
	const events = scopes(access.eventNamespaces).map((namespace): ResourceSpec => ({
		resource: 'events',
		kind: 'Event',
		apiVersion: 'v1',
		path: collectionPath(namespace, 'events'),
		namespace,
		fieldSelector: EVENTS_FIELD_SELECTOR,
		table: false,
	}));
	return [...pods, ...nodes, ...events];
}

async function serverVersion(transport: Transport, ctx: KubeErrorContext): Promise<string | null> {
	try {
		const version = (await unthrottled(() => transport.getJson('/version', {request: {verb: 'get', resource: 'version', namespace: null}}))) as {
			gitVersion?: string;
		};
		return version.gitVersion ?? null;
	} catch (error) {
		// Some clusters hide /version from unauthenticated users; a 403 here is not a reason to stop.
		if (error instanceof KubeApiError && (error.statusCode === 403 || error.statusCode === 404)) return null;
		throw describeKubeError(error, {...ctx, verb: 'get', resource: 'version'});
	}
}

/** WatchList (sendInitialEvents) is understood from 1.27 on (on by default from 1.32; older gates answer 422 and are fallen back from). */
function understandsWatchList(version: string | null): boolean {
	const match = /^v?(\d+)\.(\d+)/.exec(version ?? '');
	return match !== null && (Number(match[1]) > 1 || Number(match[2]) >= 27);
}

export async function connectLive(options: LiveConnectOptions): Promise<LiveConnection> {
	const clock = options.clock ?? Date.now;
	const startedAt = clock();
	const loaded = await loadKubeconfig(options);
	const {kc, context, server} = loaded;
	const ctx: KubeErrorContext = {context, server, namespace: loaded.namespace};
	const transport = createTransport(kc, kc.getCurrentCluster()!.server);
	const version = await serverVersion(transport, ctx);
	const access = await resolveAccess(
		transport,
		{namespaces: loaded.namespaces, contextNamespace: loaded.contextNamespace, labelSelector: options.labelSelector, fieldSelector: options.fieldSelector},
		ctx,
	);
	const specs = resourceSpecs(access, options);
	const podCount = access.podCount;
	// Several namespaces are recorded as one comma-separated scope (a namespace name has no comma).
	const namespace = access.namespaces === null ? null : access.namespaces.join(',');
	const watchList = options.watchList ?? understandsWatchList(version);

	/** The resources watched: all of them until one that only enriches the view is refused. */
	const active = new Set(specs.map(spec => spec.resource));
	// The initial list of pods, as it comes (watch() moves it on); null once complete.
	const listing: {now: ListProgress | null} = {now: {received: 0, total: podCount}};
	const info: SourceInfo = {
		kind: 'live',
		title: context,
		context,
		server,
		serverVersion: version,
		namespace,
		labelSelector: options.labelSelector ?? null,
		listing: () => listing.now,
	};
	const header = (): SessionHeader => ({
		podlife: 'session',
		version: 1,
		recordedAt: new Date(startedAt).toISOString(),
		context,
		server,
		serverVersion: version,
		namespace,
		labelSelector: options.labelSelector ?? null,
		fieldSelector: options.fieldSelector ?? null,
		resources: [...new Set(specs.map(spec => spec.resource).filter(resource => active.has(resource)))],
	});
	let started = false;
	const logs = liveLogs(transport, server);
	return {
		info,
		header,
		startedAt,
		logs,
		start(handlers: LiveHandlers): LiveSource {
			if (started) throw new Error('a live connection starts once');
			started = true;
			const notes = [access.scopeNote, access.denied.nodes, access.denied.events].filter((note): note is string => Boolean(note));
			return {
				...watch({transport, ctx, specs, active, info, header, startedAt, clock, options: {...options, watchList}, handlers, listing, notes, access}),
				logs,
			};
		},
	};
}
