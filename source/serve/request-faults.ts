// The faults a test sets on requests: authentication (401 without the right token), RBAC
// (403 for matching requests, worded like the real authorizer), requests held or throttled (429),
// and slowness. The faults of connections (refused, cut, expired watches) are the server's, which
// owns them.

import {resourceOfRoute, type Route, type Verb} from './routes.js';

export interface ForbidRule {
	verb?: Verb;
	/** As RBAC names it: "pods", "pods/log". */
	resource?: string;
	/** Only requests in this namespace; unset = every namespace and the cluster scope. */
	namespace?: string;
}

export interface ThrottleRule extends ForbidRule {
	/** How many matching requests are answered 429 (then they pass again). */
	times: number;
	/** The Retry-After the answers carry (seconds). */
	retryAfterSeconds: number;
	/**
	 * Who refuses: API Priority and Fairness (default: a plain-text body, the Retry-After header
	 * only), or a watch cache not ready yet after a restart (a Status whose details say it too).
	 */
	by?: 'priority-and-fairness' | 'watch-cache';
}

export interface Throttling {
	retryAfterSeconds: number;
	by: NonNullable<ThrottleRule['by']>;
}

export interface HoldRule extends ForbidRule {
	/** Only list requests that continue a paged list (a continue token): the first page is answered, the rest waits. */
	continued?: boolean;
}

export const ANONYMOUS = 'system:anonymous';

export class RequestFaults {
	private tokens = new Map<string, string>();
	private forbidRules: ForbidRule[] = [];
	private throttleRules: ThrottleRule[] = [];
	private holds: Array<{rule: HoldRule; released: Promise<void>}> = [];
	/** Delay of every response, and of every chunk of a watch (ms). */
	delayMs = 0;

	/** Require `Authorization: Bearer <token>`; null turns authentication off. */
	requireToken(token: string | null, user: string): void {
		this.tokens = new Map(token === null ? [] : [[token, user]]);
	}

	forbid(rule: ForbidRule): void {
		this.forbidRules.push(rule);
	}

	allowAll(): void {
		this.forbidRules = [];
	}

	slow(ms: number): void {
		this.delayMs = Math.max(0, ms);
	}

	/** The user a request's Authorization header authenticates; null when it must be refused 401. */
	userOf(authorization: string | undefined): string | null {
		if (this.tokens.size === 0) return ANONYMOUS;
		const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
		return (bearer === undefined ? undefined : this.tokens.get(bearer)) ?? null;
	}

	isForbidden(route: Route): boolean {
		return this.forbidRules.some(rule => matches(rule, route));
	}

	/** Hold matching requests (before they are judged) until the returned function is called. */
	hold(rule: HoldRule): () => void {
		let release: () => void = () => {};
		const hold = {rule, released: new Promise<void>(resolve => (release = resolve))};
		this.holds.push(hold);
		return () => {
			this.holds = this.holds.filter(other => other !== hold);
			release();
		};
	}

	/** What a request must wait for first: the release of every hold that matches it (`continued`: a list with a continue token). */
	heldUntil(route: Route, continued: boolean): Promise<void> | null {
		const released = this.holds.filter(hold => matches(hold.rule, route) && (!hold.rule.continued || continued)).map(hold => hold.released);
		return released.length === 0 ? null : Promise.all(released).then(() => undefined);
	}

	throttle(rule: ThrottleRule): void {
		this.throttleRules.push({...rule});
	}

	/** How to answer this request 429 (counting it); null to let it pass. */
	throttled(route: Route): Throttling | null {
		const rule = this.throttleRules.find(candidate => candidate.times > 0 && matches(candidate, route));
		if (!rule) return null;
		rule.times--;
		return {retryAfterSeconds: rule.retryAfterSeconds, by: rule.by ?? 'priority-and-fairness'};
	}
}

function matches(rule: ForbidRule, route: Route): boolean {
	return (
		(rule.verb === undefined || rule.verb === route.verb) &&
		(rule.resource === undefined || rule.resource === resourceOfRoute(route)) &&
		(rule.namespace === undefined || rule.namespace === route.namespace)
	);
}
