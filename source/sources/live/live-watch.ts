// The watching half of a live source (live-source.ts connects): one Reflector per resource spec,
// their events turned into session entries in arrival order, their states into one connection
// status (connection-tracker.ts), the initial list's progress, permissions revoked mid-session,
// and namespaces watched only once a pod's affinity selects them by their labels.

import type {KubeObject, Pod} from '../../kube/objects.js';
import type {ConnectionStatus} from '../../model/connection-status.js';
import {selectsNamespacesByLabels} from '../../model/placement/affinity-terms.js';
import type {SessionEntry, SessionHeader} from '../../session/format.js';
import type {ListProgress, SourceInfo, SourceLimits} from '../source-info.js';
import type {Access} from './access.js';
import {ConnectionTracker, type TrackedStatus} from './connection-tracker.js';
import {describeKubeError, shortError, type KubeErrorContext} from './errors.js';
import {isFatal, KubeApiError} from './kube-error.js';
import type {LiveConnectOptions, LiveHandlers, LiveSource} from './live-source-types.js';
import {Reflector, type ReflectorEvent, type ReflectorState, type ResourceSpec} from './reflector.js';
import type {Transport} from './transport.js';

function isForbiddenError(error: unknown): boolean {
	return error instanceof KubeApiError && error.statusCode === 403;
}

/** A spec's name for the connection tracker and the messages: "pods", or "pods in "a"" when several namespaces are watched. */
function specName(spec: ResourceSpec, several: boolean): string {
	return several && spec.namespace !== null ? `${spec.resource} in "${spec.namespace}"` : spec.resource;
}

/** Watched only once a pod needs the namespaces' labels (a pod affinity term's namespaceSelector). */
const NAMESPACES_SPEC: ResourceSpec = {resource: 'namespaces', kind: 'Namespace', apiVersion: 'v1', path: '/api/v1/namespaces', namespace: null, table: false};

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

export interface WatchContext {
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

/** Starts every spec's Reflector (the initial lists, then the watches); the source they make, but its logs. */
export function watch({
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

	function emit(entry: Record<string, unknown> & {type: string}, eventText?: string): void {
		const t = Math.max(lastT, Math.round(clock() - startedAt));
		lastT = t;
		handlers.onEntry({t, ...entry} as SessionEntry, startedAt + t, eventText);
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
		else emit(event.row ? {type: event.type, object: event.object as KubeObject, row: event.row} : {type: event.type, object: event.object}, event.eventText);
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
			keepManagedFields: options.keepManagedFields,
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
