// Which resource a request path names, as the real API server routes core/v1: a collection
// (list, or watch with ?watch=true) or one object (get), cluster-wide or in a namespace, or a
// pod's log (the subresource pods/log).

import type {ResourceName} from './object-history.js';

export type Verb = 'get' | 'list' | 'watch';
export type ServedResource = ResourceName | 'namespaces';

export interface Route {
	verb: Verb;
	resource: ServedResource;
	namespace?: string;
	name?: string;
	/** `log` for /api/v1/namespaces/{ns}/pods/{name}/log. */
	subresource?: 'log';
}

/** The resource as RBAC names it: "pods", or "pods/log" for a subresource. */
export function resourceOfRoute(route: Route): string {
	return route.subresource ? `${route.resource}/${route.subresource}` : route.resource;
}

const servedResources = new Set<string>(['pods', 'nodes', 'events', 'namespaces']);
const namespacedResources = new Set<string>(['pods', 'events']);

/** The route of `path` (no trailing slash), or undefined for a path the server does not serve. */
export function routeOf(path: string, query: Record<string, string>): Route | undefined {
	const parts = path.split('/').slice(1);
	if (parts[0] !== 'api' || parts[1] !== 'v1') return undefined;
	const rest = parts.slice(2);
	const watch = query['watch'] === 'true' || query['watch'] === '1';
	const collection = (resource: string, namespace?: string): Route | undefined =>
		servedResources.has(resource) ? {verb: watch ? 'watch' : 'list', resource: resource as ServedResource, namespace} : undefined;
	// /api/v1/{resource}[/{name}]
	if (rest.length === 1) return collection(rest[0]!);
	if (rest.length === 2 && rest[0] === 'namespaces') return {verb: 'get', resource: 'namespaces', name: rest[1]};
	if (rest.length === 2 && servedResources.has(rest[0]!) && !namespacedResources.has(rest[0]!)) {
		return {verb: 'get', resource: rest[0] as ServedResource, name: rest[1]};
	}
	// /api/v1/namespaces/{ns}/{resource}[/{name}]
	if (rest[0] === 'namespaces' && rest.length >= 3 && namespacedResources.has(rest[2]!)) {
		if (rest.length === 3) return collection(rest[2]!, rest[1]);
		if (rest.length === 4) return {verb: 'get', resource: rest[2] as ServedResource, namespace: rest[1], name: rest[3]};
		if (rest.length === 5 && rest[2] === 'pods' && rest[4] === 'log')
			return {verb: 'get', resource: 'pods', namespace: rest[1], name: rest[3], subresource: 'log'};
	}
	return undefined;
}
