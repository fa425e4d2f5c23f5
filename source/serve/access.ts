// Who may do what on the fake server, the way RBAC grants it: nothing is allowed but what a
// grant names. A grant with namespaces is a RoleBinding in each of them (it allows requests in
// that namespace only); one without is a ClusterRoleBinding (it allows cluster-scoped requests
// and lists across all namespaces too). With no rules set every request is allowed (the
// default: a cluster-admin). Revoking takes a grant back mid-session: open watches go on, as
// on a real server, and the next request (a re-watch, a relist) is refused 403.

import {resourceOfRoute, type Route, type Verb} from './routes.js';

export interface Grant {
	/** As RBAC names them: "pods", "pods/log", "nodes", "events", "namespaces". */
	resources: readonly string[];
	/** Default get, list and watch. */
	verbs?: readonly Verb[];
	/** The namespaces it is bound in; unset = cluster-wide. */
	namespaces?: readonly string[];
}

/** What a revocation takes back: every grant of these resources (in these namespaces; unset = everywhere). */
export interface Revocation {
	resources?: readonly string[];
	namespaces?: readonly string[];
}

/**
 * The namespace a request is authorized in: for a namespace object it is its own name (the
 * API server's RequestInfo does the same: GET /api/v1/namespaces/a is "in the namespace a").
 */
export function requestNamespace(route: Route): string | undefined {
	return route.resource === 'namespaces' ? route.name : route.namespace;
}

export class AccessRules {
	/** null: no RBAC, everything is allowed. */
	private grants: Grant[] | null = null;

	/** From now on only what `grants` allow is allowed. */
	limitTo(grants: readonly Grant[]): void {
		this.grants = grants.map(grant => ({...grant}));
	}

	allowAll(): void {
		this.grants = null;
	}

	/** Takes back the revoked resources (in the revoked namespaces) from every grant; the rest of each grant stays. */
	revoke(revocation: Revocation): void {
		if (this.grants === null) return;
		const next: Grant[] = [];
		for (const grant of this.grants) {
			const taken = grant.resources.filter(resource => !revocation.resources || revocation.resources.includes(resource));
			const kept = grant.resources.filter(resource => !taken.includes(resource));
			if (kept.length > 0) next.push({...grant, resources: kept});
			if (taken.length === 0 || !revocation.namespaces) continue;
			// A ClusterRoleBinding is not taken back namespace by namespace.
			const namespaces = grant.namespaces?.filter(namespace => !revocation.namespaces!.includes(namespace));
			if (namespaces === undefined || namespaces.length > 0) next.push({...grant, resources: taken, namespaces});
		}
		this.grants = next;
	}

	allows(route: Route): boolean {
		if (this.grants === null) return true;
		const namespace = requestNamespace(route);
		return this.grants.some(
			grant =>
				grant.resources.includes(resourceOfRoute(route)) &&
				(grant.verbs ?? ['get', 'list', 'watch']).includes(route.verb) &&
				(grant.namespaces === undefined || (namespace !== undefined && grant.namespaces.includes(namespace))),
		);
	}
}
