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
// failure is retried.

import type {KubeObject, Pod} from '../../kube/objects.js';
import {selectsNamespacesByLabels} from '../../model/placement/affinity-terms.js';
import type {SessionEntry, SessionHeader} from '../../session/format.js';
import type {ListProgress, SourceInfo, SourceLimits} from '../source-info.js';
import type {BackoffOptions} from './backoff.js';
import {ConnectionTracker, type TrackedStatus} from './connection-tracker.js';
import {describeKubeError, shortError, type KubeErrorContext} from './errors.js';
import {isFatal, KubeApiError} from './kube-error.js';
import {collectionPath, EVENTS_FIELD_SELECTOR, resolveAccess, type Access} from './access.js';
import {unthrottled} from './unthrottled.js';
import {loadKubeconfig} from './kubeconfig.js';
import {Reflector, type ReflectorEvent, type ReflectorState, type ResourceSpec} from './reflector.js';
import type {Recall} from './known-objects.js';
import {createTransport, type Transport} from './transport.js';
import {liveLogs, type LiveLogs} from './log-stream.js';
import type {ConnectionStatus} from '../../model/connection-status.js';

export interface LiveOptions {
	kubeconfig?: string;
	context?: string;
	/** undefined = the context's namespace (else "default"); null = all namespaces. */
	namespace?: string | null;
	/** `-n a -n b`: several namespaces (overrides `namespace`). */
	namespaces?: readonly string[];
	allNamespaces?: boolean;
	labelSelector?: string;
	fieldSelector?: string;
	/** Ask the server for its printed Table rows of pods (recording). */
	withTable?: boolean;
}

/** Knobs for tests (and nothing else needs them). */
export interface LiveTuning {
	backoff?: BackoffOptions;
	watchTimeoutSeconds?: number;
	pageSize?: number;
	/**
	 * Ask for each resource's state as a watch-list stream (falling back to a paged list when the
	 * server refuses). Default: when the server's version is known to understand it (1.27 and later).
	 */
	watchList?: boolean;
}

export interface LiveConnectOptions extends LiveOptions, LiveTuning {
	clock?: () => number;
}

/** Where the entries go once the source starts. */
export interface LiveHandlers {
	onEntry: (entry: SessionEntry, atMs: number) => void;
	onStatus?: (status: ConnectionStatus) => void;
	/** Something was left out (e.g. nodes not visible to this user); the source carries on. */
	onWarning?: (message: string) => void;
	/** Stops the source (as stop() does). */
	signal?: AbortSignal;
	/** The consumer's last copy of an object of `resource`, for a DELETED found by a relist; the source keeps no objects. */
	recall?: (resource: string) => Recall | undefined;
}

/** A cluster found and checked, not yet watched. */
export interface LiveConnection {
	info: SourceInfo;
	/** The header a recording of this source starts with (t = 0 is startedAt). */
	header(): SessionHeader;
	/** Epoch ms of t = 0. */
	startedAt: number;
	/** Lists and watches; every entry goes to `handlers.onEntry` from the first on. Once only. */
	start(handlers: LiveHandlers): LiveSource;
	/** Container logs: each a request of its own, apart from the watches. */
	logs: LiveLogs;
}

export interface LiveSource {
	info: SourceInfo;
	/** The header a recording of this source starts with (t = 0 is startedAt). */
	header(): SessionHeader;
	/** Resolves after the initial list of pods, nodes and events; rejects with a UserError when pods cannot be listed. */
	synced: Promise<void>;
	/** Resolves once the first pods have been emitted (the first page of the list) or the list is complete; rejects as `synced` does. */
	firstPods: Promise<void>;
	/** How far the initial list of pods has come; null once it is complete. */
	listing(): ListProgress | null;
	/** Epoch ms of t = 0. */
	startedAt: number;
	/** The source's clock (epoch ms). */
	now(): number;
	status(): ConnectionStatus;
	warnings: readonly string[];
	/** Stops every request; resolves when all loops have ended. */
	stop(): Promise<void>;
	/** Container logs: each a request of its own, apart from the watches (their reconnects do not touch it). */
	logs: LiveLogs;
}

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

function isForbiddenError(error: unknown): boolean {
	return error instanceof KubeApiError && error.statusCode === 403;
}

/** A spec's name for the connection tracker and the messages: "pods", or "pods in "a"" when several namespaces are watched. */
function specName(spec: ResourceSpec, several: boolean): string {
	return several && spec.namespace !== null ? `${spec.resource} in "${spec.namespace}"` : spec.resource;
}

/** Watched only once a pod needs the namespaces' labels (a pod affinity term's namespaceSelector). */
const NAMESPACES_SPEC: ResourceSpec = {resource: 'namespaces', kind: 'Namespace', apiVersion: 'v1', path: '/api/v1/namespaces', namespace: null, table: false};

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

function statusMessage(resource: string, state: ReflectorState): TrackedStatus {
	switch (state.state) {
		case 'connected':
			return {state: 'connected', message: 'watching'};
		case 'relisting':
			return {state: 'relisting', message: `${resource}: resource version expired, listing again`};
		case 'reconnecting': {
			// A 403 once watching: the user's RBAC changed under it. Its rows stay as last seen.
			const cause = isForbiddenError(state.error) ? `permission revoked (${shortError(state.error)})` : shortError(state.error);
			return {
				state: 'reconnecting',
				attempt: state.attempt,
				message: `${resource}: ${cause}; retrying in ${(state.delayMs / 1000).toFixed(1)}s (attempt ${state.attempt})`,
			};
		}
	}
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

interface WatchContext {
	transport: Transport;
	ctx: KubeErrorContext;
	specs: ResourceSpec[];
	active: Set<string>;
	info: SourceInfo;
	header: () => SessionHeader;
	startedAt: number;
	clock: () => number;
	options: LiveConnectOptions;
	handlers: LiveHandlers;
	/** The initial list of pods so far: set here as pages (or initial events) arrive, null once complete. */
	listing: {now: ListProgress | null};
	/** Found while connecting (a narrowed scope, resources left out): said as warnings once watching starts. */
	notes: string[];
	access: Access;
}

/** What the views say the user cannot see; `revoked` follows the watches (a 403 once watching). */
function liveLimits(access: Access, revoked: ReadonlyMap<string, string>): SourceLimits {
	const first = revoked.values().next();
	const more = revoked.size > 1 ? ` (and ${revoked.size - 1} more)` : '';
	return {
		scope: access.scopeNote,
		nodes: access.denied.nodes ?? null,
		events: access.denied.events ?? null,
		revoked: first.done ? null : `${first.value}${more}`,
	};
}

/** The line of a permission taken back (within 80 columns): what is refused now, and that its rows are as last seen. */
function revokedLine(name: string): string {
	return `${name}: access revoked (403); rows as last seen, retrying`;
}

function watch({
	transport,
	ctx,
	specs,
	active,
	info,
	header,
	startedAt,
	clock,
	options,
	handlers,
	listing,
	notes,
	access,
}: WatchContext): Omit<LiveSource, 'logs'> {
	const controller = new AbortController();
	const revoked = new Map<string, string>();
	info.limits = () => liveLimits(access, revoked);
	const warnings: string[] = [...notes];
	for (const note of notes) handlers.onWarning?.(note);
	const podSpecs = specs.filter(spec => spec.resource === 'pods');
	const several = podSpecs.length > 1;
	let lastT = 0;
	let current: ConnectionStatus = {state: 'connected', message: null, since: startedAt};

	function emit(entry: Record<string, unknown> & {type: string}): void {
		const t = Math.max(lastT, Math.round(clock() - startedAt));
		lastT = t;
		handlers.onEntry({t, ...entry} as SessionEntry, startedAt + t);
	}

	function publish(status: TrackedStatus): void {
		emit({type: 'STATUS', state: status.state, message: status.message});
		const since = current.state === status.state ? current.since : startedAt + lastT;
		current = {state: status.state, message: status.message, since, ...(status.attempt ? {attempt: status.attempt} : {})};
		handlers.onStatus?.(current);
	}

	const tracker = new ConnectionTracker(
		specs.map(spec => specName(spec, several)),
		publish,
	);
	tracker.setAll({state: 'connected', message: `connected to ${info.server}${info.serverVersion ? ` (${info.serverVersion})` : ''}`});

	function toEntry(resource: string, event: ReflectorEvent): void {
		if (
			resource === 'pods' &&
			event.type !== 'SYNCED' &&
			event.type !== 'ERROR' &&
			!namespacesStarted &&
			selectsNamespacesByLabels((event.object as Pod).spec?.affinity)
		)
			watchNamespaces();
		if (event.type === 'SYNCED') emit({type: 'SYNCED', resource, resourceVersion: event.resourceVersion});
		else if (event.type === 'ERROR') emit({type: 'ERROR', object: event.object});
		else emit(event.row ? {type: event.type, object: event.object as KubeObject, row: event.row} : {type: event.type, object: event.object});
	}

	// The first rows can be drawn as soon as the first pods are in: the list goes on behind them.
	let firstPodsIn: () => void = () => {};
	const firstPodsSeen = new Promise<void>(resolve => {
		firstPodsIn = resolve;
	});
	const estimate = listing.now?.total ?? null;
	// Several namespaces: one list each; the header counts them together until every one is in.
	const podsReceived = new Map<ResourceSpec, number>();
	const podsListed = new Set<ResourceSpec>();
	const podsProgress =
		(spec: ResourceSpec) =>
		(progress: ListProgress | null): void => {
			// Only the initial list is "listing"; a relist says "relisting" in the connection state.
			if (listing.now === null) return;
			if (progress === null) podsListed.add(spec);
			else podsReceived.set(spec, progress.received);
			const received = [...podsReceived.values()].reduce((sum, count) => sum + count, 0);
			const total = several ? estimate : (progress?.total ?? estimate);
			listing.now = podsListed.size === podSpecs.length ? null : {received, total};
			firstPodsIn();
		};

	const reflectorOf = (spec: ResourceSpec): Reflector =>
		new Reflector(spec, {
			transport,
			emit: event => toEntry(spec.resource, event),
			report: state => {
				const name = specName(spec, several);
				if (state.state === 'reconnecting' && isForbiddenError(state.error)) revoked.set(name, revokedLine(name));
				else if (state.state === 'connected') revoked.delete(name);
				tracker.set(name, statusMessage(name, state));
			},
			signal: controller.signal,
			clock,
			backoff: options.backoff,
			watchTimeoutSeconds: options.watchTimeoutSeconds,
			pageSize: options.pageSize,
			watchList: options.watchList,
			recall: handlers.recall?.(spec.resource),
			progress: spec.resource === 'pods' ? podsProgress(spec) : undefined,
		});
	const reflectors = specs.map(reflectorOf);

	// Namespaces: listed and watched from the first pod whose affinity selects them by label. A
	// refusal goes into the stream as the Status the server sent, so placement (and a replay of
	// the recording) can say the namespaces are forbidden rather than guess.
	let namespacesStarted = false;
	function watchNamespaces(): void {
		namespacesStarted = true;
		const reflector = reflectorOf(NAMESPACES_SPEC);
		void (async () => {
			try {
				await reflector.initialList();
			} catch (error) {
				if (controller.signal.aborted) return;
				const message = `namespaces left out: ${describeKubeError(error, {...ctx, namespace: null}).message}`;
				warnings.push(message);
				handlers.onWarning?.(message);
				tracker.remove('namespaces');
				const status = error instanceof KubeApiError ? error.status : null;
				emit({
					type: 'ERROR',
					object: {
						kind: 'Status',
						apiVersion: 'v1',
						status: 'Failure',
						code: error instanceof KubeApiError ? error.statusCode : 500,
						reason: status?.reason ?? 'Unknown',
						message: status?.message ?? message,
						details: {kind: 'namespaces'},
					},
				});
				return;
			}
			active.add('namespaces');
			if (!controller.signal.aborted) loops.push(reflector.run());
		})();
	}

	const loops: Promise<void>[] = [];
	const initial = reflectors.map(async reflector => {
		const {resource} = reflector.spec;
		try {
			await reflector.initialList();
		} catch (error) {
			if (resource === 'pods' || !isFatal(error)) throw describeKubeError(error, {...ctx, namespace: reflector.spec.namespace});
			// Nodes and events only enrich the view: carry on without them.
			if (!specs.some(spec => spec !== reflector.spec && spec.resource === resource)) active.delete(resource);
			tracker.remove(specName(reflector.spec, several));
			const message = `${resource} left out: ${describeKubeError(error, {...ctx, namespace: reflector.spec.namespace}).message}`;
			warnings.push(message);
			handlers.onWarning?.(message);
			return;
		}
		if (!controller.signal.aborted) loops.push(reflector.run());
	});

	let stopped: Promise<void> | null = null;
	function stop(): Promise<void> {
		stopped ??= (async () => {
			controller.abort();
			await Promise.allSettled(initial);
			await Promise.allSettled(loops);
			if (current.state !== 'disconnected') tracker.setAll({state: 'disconnected', message: 'stopped'});
		})();
		return stopped;
	}

	const synced = Promise.all(initial).then(
		() => undefined,
		async (error: unknown) => {
			const message = error instanceof Error ? error.message : String(error);
			controller.abort();
			tracker.setAll({state: 'disconnected', message});
			throw error;
		},
	);
	// Callers that never await `synced` must not crash the process on its rejection.
	synced.catch(() => {});
	const firstPods = Promise.race([synced, firstPodsSeen]);
	handlers.signal?.addEventListener('abort', () => void stop(), {once: true});

	return {
		info,
		header,
		synced,
		firstPods,
		listing: () => listing.now,
		startedAt,
		now: clock,
		status: () => current,
		warnings,
		stop,
	};
}
