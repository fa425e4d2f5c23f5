// The API server's pods/log, as kubectl logs asks for it: the path, the query (container,
// previous, tailLines, limitBytes, timestamps, follow) and, when the server refuses, one line
// that says why — the not-started container, the missing previous instance and the unreachable
// kubelet in the server's own words, RBAC in ours.

import type {LogTarget} from '../log-feed.js';
import {describeKubeError, scrub} from './errors.js';
import {KubeApiError} from './kube-error.js';
import type {RequestDescription} from './transport.js';

export interface LogQuery {
	tailLines?: number;
	limitBytes?: number;
	timestamps?: boolean;
	follow?: boolean;
}

export function logPath(target: Pick<LogTarget, 'namespace' | 'pod'>): string {
	return `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/log`;
}

export function logQuery(target: LogTarget, query: LogQuery): Record<string, string | undefined> {
	return {
		container: target.container,
		previous: target.previous ? 'true' : undefined,
		tailLines: query.tailLines === undefined ? undefined : String(query.tailLines),
		limitBytes: query.limitBytes === undefined ? undefined : String(query.limitBytes),
		timestamps: query.timestamps ? 'true' : undefined,
		follow: query.follow ? 'true' : undefined,
	};
}

export function logRequest(target: LogTarget): RequestDescription {
	return {verb: 'get', resource: 'pods/log', namespace: target.namespace};
}

/** Why the log of `target` could not be read, in one line (the view shows it in place of the log). */
export function logProblem(error: unknown, target: LogTarget, server?: string): string {
	if (error instanceof KubeApiError) {
		const said = error.status?.message ? scrub(error.status.message) : '';
		switch (error.statusCode) {
			case 403:
				return `RBAC forbids reading logs (get pods/log) in namespace "${target.namespace}" for this user; ask for a Role with get on pods/log`;
			case 400:
			case 404:
				// "container "app" in pod "web-1" is waiting to start: ContainerCreating", "previous terminated container … not found".
				return said || `no log of ${target.container}${target.previous ? ' (previous)' : ''}: HTTP ${error.statusCode}`;
			default:
				// The kubelet unreachable comes back as a 5xx whose message names the node's address.
				return said
					? `the API server could not get the log: ${said}`
					: describeKubeError(error, {server, verb: 'get', resource: 'pods/log', namespace: target.namespace}).message;
		}
	}
	return describeKubeError(error, {server, verb: 'get', resource: 'pods/log', namespace: target.namespace}).message;
}

/** The contract's short `error` of a LOG entry: `forbidden`, `not found`, or the server's message. */
export function logErrorField(error: unknown): string {
	if (error instanceof KubeApiError) {
		if (error.statusCode === 403) return 'forbidden';
		const said = error.status?.message ? scrub(error.status.message) : '';
		if (said) return said;
		if (error.statusCode === 404) return 'not found';
		return `HTTP ${error.statusCode}`;
	}
	return scrub(error instanceof Error ? error.message : String(error)) || 'unknown error';
}
