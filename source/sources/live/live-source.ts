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
import type {ListProgress, SourceInfo} from '../source-info.js';
import {retryDelay, sleep, type BackoffOptions} from './backoff.js';
import {ConnectionTracker, type TrackedStatus} from './connection-tracker.js';
import {describeKubeError, shortError, type KubeErrorContext} from './errors.js';
import {isFatal, isThrottled, KubeApiError} from './kube-error.js';
import {loadKubeconfig} from './kubeconfig.js';
import {Reflector, type ReflectorEvent, type ReflectorState, type ResourceSpec} from './reflector.js';
import type {Recall} from './known-objects.js';
import {createTransport, type Transport} from './transport.js';
import type {ConnectionStatus} from '../../model/connection-status.js';

export interface LiveOptions {
	kubeconfig?: string;
	context?: string;
	/** undefined = the context's namespace (else "default"); null = all namespaces. */
	namespace?: string | null;
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
}

const EVENTS_FIELD_SELECTOR = 'involvedObject.kind=Pod';

function namespaced(namespace: string | null, resource: string): string {
	return namespace === null ? `/api/v1/${resource}` : `/api/v1/namespaces/${encodeURIComponent(namespace)}/${resource}`;
}

/**
 * What is listed and watched, pods first (they must be listable; the others only enrich the view
 * and are left out with a warning when forbidden). Another resource is one more spec here: its
 * entries reach the store by kind (model/store/pod-store.ts apply) and its name goes in the header.
 */
function resourceSpecs(namespace: string | null, options: LiveOptions): ResourceSpec[] {
	return [
		{
			resource: 'pods',
			kind: 'Pod',
			apiVersion: 'v1',
			path: namespaced(namespace, 'pods'),
			namespace,
			labelSelector: options.labelSelector,
			fieldSelector: options.fieldSelector,
			table: Boolean(options.withTable),
		},
		{resource: 'nodes', kind: 'Node', apiVersion: 'v1', path: '/api/v1/nodes', namespace: null, table: false},
		{
			resource: 'events',
			kind: 'Event',
			apiVersion: 'v1',
			path: namespaced(namespace, 'events'),
			namespace,
			fieldSelector: EVENTS_FIELD_SELECTOR,
			table: false,
		},
	];
}

/** Watched only once a pod needs the namespaces' labels (a pod affinity term's namespaceSelector). */
const NAMESPACES_SPEC: ResourceSpec = {resource: 'namespaces', kind: 'Namespace', apiVersion: 'v1', path: '/api/v1/namespaces', namespace: null, table: false};

/** Connecting asks a throttled server again this many times (after its Retry-After) before giving up. */
const THROTTLED_CONNECT_ATTEMPTS = 5;

/** `request`, asked again while the server answers 429, no sooner than its Retry-After. */
async function unthrottled<T>(request: () => Promise<T>, backoff?: BackoffOptions): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await request();
		} catch (error) {
			if (!isThrottled(error) || attempt >= THROTTLED_CONNECT_ATTEMPTS) throw error;
			await sleep(retryDelay(error, attempt, backoff));
		}
	}
}

async function serverVersion(transport: Transport, ctx: KubeErrorContext): Promise<string | null> {
	try {
		const version = (await unthrottled(() => transport.getJson('/version', {request: {verb: 'get', resource: 'version', namespace: null}}))) as {gitVersion?: string};
		return version.gitVersion ?? null;
	} catch (error) {
		// Some clusters hide /version from unauthenticated users; a 403 here is not a reason to stop.
		if (error instanceof KubeApiError && (error.statusCode === 403 || error.statusCode === 404)) return null;
		throw describeKubeError(error, {...ctx, verb: 'get', resource: 'version'});
	}
}

/** A namespace that does not exist would watch nothing forever: say so instead. */
async function checkNamespace(transport: Transport, namespace: string, ctx: KubeErrorContext): Promise<void> {
	try {
		await unthrottled(() => transport.getJson(`/api/v1/namespaces/${encodeURIComponent(namespace)}`, {request: {verb: 'get', resource: 'namespaces', namespace}}));
	} catch (error) {
		// Many users may not get namespaces at all; the pod list below tells what they may see.
		if (error instanceof KubeApiError && error.statusCode === 403) return;
		throw describeKubeError(error, {...ctx, verb: 'get', resource: 'namespaces'});
	}
}

/**
 * Fails fast, with the RBAC message, when the user may not list pods in scope. Resolves with how
 * many pods there are when the server says (a list of one tells how many remain, unless
 * selectors filter it), for the header while the pods are listed.
 */
async function checkPodAccess(transport: Transport, spec: ResourceSpec, ctx: KubeErrorContext): Promise<number | null> {
	try {
		const page = (await unthrottled(() =>
			transport.getJson(spec.path, {
				query: {limit: '1', labelSelector: spec.labelSelector || undefined, fieldSelector: spec.fieldSelector || undefined},
				request: {verb: 'list', resource: 'pods', namespace: spec.namespace},
			}),
		)) as {items?: unknown[]; metadata?: {remainingItemCount?: number; continue?: string}};
		const items = page.items?.length ?? 0;
		if (typeof page.metadata?.remainingItemCount === 'number') return items + page.metadata.remainingItemCount;
		return page.metadata?.continue ? null : items;
	} catch (error) {
		throw describeKubeError(error, {...ctx, verb: 'list', resource: 'pods'});
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
		case 'reconnecting':
			return {
				state: 'reconnecting',
				attempt: state.attempt,
				message: `${resource}: ${shortError(state.error)}; retrying in ${(state.delayMs / 1000).toFixed(1)}s (attempt ${state.attempt})`,
			};
	}
}

export async function connectLive(options: LiveConnectOptions): Promise<LiveConnection> {
	const clock = options.clock ?? Date.now;
	const startedAt = clock();
	const loaded = await loadKubeconfig(options);
	const {kc, context, server, namespace} = loaded;
	const ctx: KubeErrorContext = {context, server, namespace};
	const transport = createTransport(kc, kc.getCurrentCluster()!.server);
	const version = await serverVersion(transport, ctx);
	if (namespace !== null) await checkNamespace(transport, namespace, ctx);
	const specs = resourceSpecs(namespace, options);
	const podCount = await checkPodAccess(transport, specs[0]!, ctx);
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
		resources: specs.map(spec => spec.resource).filter(resource => active.has(resource)),
	});
	let started = false;
	return {
		info,
		header,
		startedAt,
		start(handlers: LiveHandlers): LiveSource {
			if (started) throw new Error('a live connection starts once');
			started = true;
			return watch({transport, ctx, specs, active, info, header, startedAt, clock, options: {...options, watchList}, handlers, listing});
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
}

function watch({transport, ctx, specs, active, info, header, startedAt, clock, options, handlers, listing}: WatchContext): LiveSource {
	const controller = new AbortController();
	const warnings: string[] = [];
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

	const tracker = new ConnectionTracker([...active], publish);
	tracker.setAll({state: 'connected', message: `connected to ${info.server}${info.serverVersion ? ` (${info.serverVersion})` : ''}`});

	function toEntry(resource: string, event: ReflectorEvent): void {
		if (resource === 'pods' && event.type !== 'SYNCED' && event.type !== 'ERROR' && !namespacesStarted && selectsNamespacesByLabels((event.object as Pod).spec?.affinity)) watchNamespaces();
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
	function podsProgress(progress: ListProgress | null): void {
		// Only the initial list is "listing"; a relist says "relisting" in the connection state.
		if (listing.now === null) return;
		listing.now = progress === null ? null : {received: progress.received, total: progress.total ?? estimate};
		firstPodsIn();
	}

	const reflectorOf = (spec: ResourceSpec): Reflector =>
		new Reflector(spec, {
			transport,
			emit: event => toEntry(spec.resource, event),
			report: state => tracker.set(spec.resource, statusMessage(spec.resource, state)),
			signal: controller.signal,
			clock,
			backoff: options.backoff,
			watchTimeoutSeconds: options.watchTimeoutSeconds,
			pageSize: options.pageSize,
			watchList: options.watchList,
			recall: handlers.recall?.(spec.resource),
			progress: spec.resource === 'pods' ? podsProgress : undefined,
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
				emit({type: 'ERROR', object: {kind: 'Status', apiVersion: 'v1', status: 'Failure', code: error instanceof KubeApiError ? error.statusCode : 500, reason: status?.reason ?? 'Unknown', message: status?.message ?? message, details: {kind: 'namespaces'}}});
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
			active.delete(resource);
			tracker.remove(resource);
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
