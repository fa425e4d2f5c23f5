// What this user may watch, found before anything is watched: a user of a shared cluster
// often may list pods in a few namespaces and nothing else (no cluster-wide list, no nodes,
// no events). Each question is a `list` of one item, answered as the API server's authorizer
// answers the real request (SelfSubjectAccessReview would need a POST many servers and
// proxies refuse to read-only users; the list asks exactly what the watch will need).
//
// -A without a cluster-wide list narrows to the namespaces the user may list pods in: all of
// them when it may list namespaces (each asked in turn), else the kubeconfig context's. Named
// namespaces (`-n a -n b`) are each checked; a forbidden one is left out and said, all of them
// forbidden is the RBAC error. Nodes and events only enrich the views: refused, they are left
// out and the views that need them say so in one line.

import {describeKubeError, type KubeErrorContext} from './errors.js';
import {KubeApiError} from './kube-error.js';
import type {Transport} from './transport.js';
import {unthrottled} from './unthrottled.js';

export type OptionalResource = 'nodes' | 'events';

export interface Access {
	/** The namespaces watched; null = all (cluster-wide). */
	namespaces: string[] | null;
	/** Why fewer namespaces than asked are watched (one line), else null. */
	scopeNote: string | null;
	/** Namespaces whose events may be listed (all of `namespaces`, or null for cluster-wide); empty: none. */
	eventNamespaces: string[] | null;
	/** Resources left out, with the one line that says why. */
	denied: Partial<Record<OptionalResource, string>>;
	/** How many pods there are in scope when the server says (for "listing N pods…"), else null. */
	podCount: number | null;
}

export interface AccessRequest {
	/** null = all namespaces (-A). */
	namespaces: string[] | null;
	contextNamespace: string;
	labelSelector?: string;
	fieldSelector?: string;
}

/** How many namespaces are asked about at once, and at most, when -A narrows. */
const PROBE_CONCURRENCY = 8;
const PROBE_LIMIT = 500;

export const EVENTS_FIELD_SELECTOR = 'involvedObject.kind=Pod';

export function collectionPath(namespace: string | null, resource: string): string {
	return namespace === null ? `/api/v1/${resource}` : `/api/v1/namespaces/${encodeURIComponent(namespace)}/${resource}`;
}

function isForbidden(error: unknown): error is KubeApiError {
	return error instanceof KubeApiError && error.statusCode === 403;
}

/** How many items a list of one says there are (it tells how many remain, unless selectors filter it), else null. */
function countOf(page: {items?: unknown[]; metadata?: {remainingItemCount?: number; continue?: string}}): number | null {
	const items = page.items?.length ?? 0;
	if (typeof page.metadata?.remainingItemCount === 'number') return items + page.metadata.remainingItemCount;
	return page.metadata?.continue ? null : items;
}

type Answer = {refused: KubeApiError; count: null} | {refused: null; count: number | null};

/** The list of one item: allowed (with the count it tells), or refused with the 403; any other failure throws. */
async function ask(
	transport: Transport,
	resource: string,
	namespace: string | null,
	query: Record<string, string | undefined>,
	ctx: KubeErrorContext,
): Promise<Answer> {
	try {
		const page = (await unthrottled(() =>
			transport.getJson(collectionPath(namespace, resource), {query: {limit: '1', ...query}, request: {verb: 'list', resource, namespace}}),
		)) as Parameters<typeof countOf>[0];
		return {refused: null, count: countOf(page)};
	} catch (error) {
		if (isForbidden(error)) return {refused: error, count: null};
		throw describeKubeError(error, {...ctx, verb: 'list', resource, namespace});
	}
}

/** Null when allowed, the 403 when not. */
async function probe(
	transport: Transport,
	resource: string,
	namespace: string | null,
	query: Record<string, string | undefined>,
	ctx: KubeErrorContext,
): Promise<KubeApiError | null> {
	return (await ask(transport, resource, namespace, query, ctx)).refused;
}

/** The sum of the counts, or null when one is unknown. */
function total(answers: readonly Answer[]): number | null {
	let sum = 0;
	for (const answer of answers) {
		if (answer.count === null) return null;
		sum += answer.count;
	}
	return sum;
}

/** A namespace that does not exist would watch nothing forever: say so instead. */
async function checkNamespace(transport: Transport, namespace: string, ctx: KubeErrorContext): Promise<void> {
	try {
		await unthrottled(() =>
			transport.getJson(`/api/v1/namespaces/${encodeURIComponent(namespace)}`, {request: {verb: 'get', resource: 'namespaces', namespace}}),
		);
	} catch (error) {
		// Many users may not get namespaces at all; the pod list tells what they may see.
		if (isForbidden(error)) return;
		throw describeKubeError(error, {...ctx, verb: 'get', resource: 'namespaces'});
	}
}

/** Every namespace's name, or null when the user may not list them. */
async function namespaceNames(transport: Transport, ctx: KubeErrorContext): Promise<string[] | null> {
	try {
		const list = (await unthrottled(() => transport.getJson('/api/v1/namespaces', {request: {verb: 'list', resource: 'namespaces', namespace: null}}))) as {
			items?: Array<{metadata?: {name?: string}}>;
		};
		return (list.items ?? []).map(item => item.metadata?.name ?? '').filter(Boolean);
	} catch (error) {
		if (isForbidden(error)) return null;
		throw describeKubeError(error, {...ctx, verb: 'list', resource: 'namespaces'});
	}
}

/** Runs `task` over `items`, at most `concurrency` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const workers = Array.from({length: Math.min(concurrency, items.length)}, async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index]!);
		}
	});
	await Promise.all(workers);
	return results;
}

function quoted(namespaces: readonly string[]): string {
	return namespaces.map(namespace => `"${namespace}"`).join(', ');
}

/** The one line a view that needs `resource` shows (within 80 columns), and headless mode prints. */
function leftOut(resource: OptionalResource): string {
	return `${resource} not permitted: RBAC forbids this user to list them; ${resource === 'nodes' ? 'no node fit shown' : 'no pod events shown'}`;
}

async function podNamespaces(
	transport: Transport,
	request: AccessRequest,
	ctx: KubeErrorContext,
): Promise<Pick<Access, 'namespaces' | 'scopeNote' | 'podCount'>> {
	const selectors = {labelSelector: request.labelSelector || undefined, fieldSelector: request.fieldSelector || undefined};
	const podsIn = (namespace: string) => ask(transport, 'pods', namespace, selectors, ctx);

	if (request.namespaces !== null) {
		await Promise.all(request.namespaces.map(namespace => checkNamespace(transport, namespace, ctx)));
		const answers = await Promise.all(request.namespaces.map(podsIn));
		const allowed = request.namespaces.filter((_, i) => answers[i]!.refused === null);
		if (allowed.length === 0) throw describeKubeError(answers[0]!.refused, {...ctx, verb: 'list', resource: 'pods'});
		const refused = request.namespaces.filter((_, i) => answers[i]!.refused !== null);
		const scopeNote = refused.length === 0 ? null : `watching ${quoted(allowed)} only: RBAC forbids this user to list pods in ${quoted(refused)}`;
		return {namespaces: allowed, scopeNote, podCount: total(answers.filter(answer => answer.refused === null))};
	}

	const clusterWide = await ask(transport, 'pods', null, selectors, ctx);
	if (clusterWide.refused === null) return {namespaces: null, scopeNote: null, podCount: clusterWide.count};
	const listed = await namespaceNames(transport, ctx);
	const candidates = listed === null ? [request.contextNamespace] : listed.slice(0, PROBE_LIMIT);
	const answers = await mapLimited(candidates, PROBE_CONCURRENCY, podsIn);
	const allowed = candidates.filter((_, i) => answers[i]!.refused === null);
	if (allowed.length === 0) throw describeKubeError(clusterWide.refused, {...ctx, verb: 'list', resource: 'pods'});
	const podCount = total(answers.filter(answer => answer.refused === null));
	// What is watched comes first: at 80 columns the line is cut after it.
	const where = listed === null ? `namespace "${allowed[0]}" only (the context's)` : `${quoted(allowed)} only (where it may list pods)`;
	return {
		namespaces: allowed,
		podCount,
		scopeNote: `watching ${where}: RBAC forbids this user to list pods across all namespaces; name others with -n NS -n NS`,
	};
}

/** What the user may watch: pods (required), nodes and events (each left out with a reason if refused). */
export async function resolveAccess(transport: Transport, request: AccessRequest, ctx: KubeErrorContext): Promise<Access> {
	const [scope, nodes] = await Promise.all([podNamespaces(transport, request, ctx), probe(transport, 'nodes', null, {}, ctx)]);
	const denied: Access['denied'] = {};
	if (nodes) denied.nodes = leftOut('nodes');

	const eventQuery = {fieldSelector: EVENTS_FIELD_SELECTOR};
	let eventNamespaces: string[] | null;
	if (scope.namespaces === null) {
		const refused = await probe(transport, 'events', null, eventQuery, ctx);
		eventNamespaces = refused ? [] : null;
		if (refused) denied.events = leftOut('events');
	} else {
		const refusals = await Promise.all(scope.namespaces.map(namespace => probe(transport, 'events', namespace, eventQuery, ctx)));
		eventNamespaces = scope.namespaces.filter((_, i) => refusals[i] === null);
		const first = refusals.find(refusal => refusal !== null);
		if (first) denied.events = leftOut('events');
	}
	return {...scope, eventNamespaces, denied};
}
