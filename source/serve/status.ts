// metav1.Status bodies shaped like the real API server's (apimachinery
// pkg/api/errors: NewUnauthorized, NewForbidden, NewNotFound, NewResourceExpired,
// NewBadRequest), so clients that read `reason`/`code` behave as against a cluster.

import type {OptionProblem} from './list-options.js';

export interface StatusCause {
	reason: string;
	message: string;
	/** Omitted when empty, as the real server's JSON omits it. */
	field?: string;
}

export interface StatusBody {
	kind: 'Status';
	apiVersion: 'v1';
	/** Empty, but for the inconsistent continue token of an expired one. */
	metadata: {continue?: string};
	status: 'Failure';
	message: string;
	reason: string;
	details?: {name?: string; kind?: string; group?: string; causes?: StatusCause[]; retryAfterSeconds?: number};
	code: number;
}

function failure(code: number, reason: string, message: string, details?: StatusBody['details']): StatusBody {
	const body: StatusBody = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code};
	if (details) body.details = details;
	return body;
}

/** A request's options the server's validation refuses (apimachinery errors.NewInvalid). */
export function invalid(kind: string, name: string, causes: Array<{field: string; value: number; message: string}>): StatusBody {
	const each = causes.map(cause => ({reason: 'FieldValueInvalid', message: `Invalid value: ${cause.value}: ${cause.message}`, field: cause.field}));
	const texts = each.map(cause => `${cause.field}: ${cause.message}`);
	const message = `${kind} "${name}" is invalid: ${texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`}`;
	return failure(422, 'Invalid', message, {name, kind, causes: each});
}

export function unauthorized(): StatusBody {
	return failure(401, 'Unauthorized', 'Unauthorized');
}

/** apiserver's authorization failure message (endpoints/handlers/responsewriters.forbiddenMessage). */
export function forbidden(request: {user: string; verb: string; resource: string; namespace?: string; name?: string}): StatusBody {
	// A subresource's refusal names the object by its resource: `pods "x" is forbidden: … resource "pods/log"`.
	const resource = request.resource.split('/')[0]!;
	const subject = request.name ? `${resource} "${request.name}"` : resource;
	const scope = request.namespace ? `in the namespace "${request.namespace}"` : 'at the cluster scope';
	const message = `${subject} is forbidden: User "${request.user}" cannot ${request.verb} resource "${request.resource}" in API group "" ${scope}`;
	const details: StatusBody['details'] = request.name ? {name: request.name, kind: resource} : {kind: resource};
	return failure(403, 'Forbidden', message, details);
}

export function notFound(resource: string, name: string, message = `${resource} "${name}" not found`): StatusBody {
	return failure(404, 'NotFound', message, {name, kind: resource});
}

export function unknownPath(): StatusBody {
	return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** The watch cache's answer to a resourceVersion it no longer holds (storage/cacher watch_cache.go). */
export function expired(requested: number, oldest: number): StatusBody {
	return failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/**
 * A continue token older than the compacted history (storage/etcd3 errors.go
 * handleCompactedErrorForPaging): 410 Expired, with a token in the Status's metadata that lists the
 * rest at the latest resourceVersion, an inconsistent list.
 */
export function continueExpired(inconsistentContinue: string): StatusBody {
	const body = failure(
		410,
		'Expired',
		'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
	);
	return {...body, metadata: {continue: inconsistentContinue}};
}

/**
 * A watch from a resourceVersion the watch cache has not reached in time (storage errors.go
 * NewTooLargeResourceVersionError, as apierrors turns it: NewTimeoutError with a cause).
 */
export function tooLargeResourceVersion(requested: number, current: number): StatusBody {
	return failure(504, 'Timeout', `Timeout: Too large resource version: ${requested}, current: ${current}`, {
		causes: [{reason: 'ResourceVersionTooLarge', message: 'Too large resource version'}],
		retryAfterSeconds: 1,
	});
}

/** A storage failure the server passes on (apierrors.NewInternalError, as storage/etcd3 watcher.go's interpretWatchError makes it). */
export function internalError(cause: string): StatusBody {
	return failure(500, 'InternalError', `Internal error occurred: ${cause}`, {causes: [{reason: '', message: cause}]});
}

export function badRequest(message: string): StatusBody {
	return failure(400, 'BadRequest', message);
}

export function methodNotAllowed(): StatusBody {
	return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

export function notAcceptable(): StatusBody {
	return failure(406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io');
}

/**
 * A request's options refused by validation (apimachinery errors.NewInvalid of ListOptions, as
 * ListResource answers): each cause "field: Type: message", several in brackets (an aggregate's Error()).
 */
export function invalidListOptions(problems: readonly OptionProblem[]): StatusBody {
	const texts = problems.map(problem => `${problem.field}: ${problem.body}`);
	const message = `ListOptions.meta.k8s.io "" is invalid: ${texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`}`;
	return failure(422, 'Invalid', message, {
		group: 'meta.k8s.io',
		kind: 'ListOptions',
		causes: problems.map(problem => ({reason: problem.reason, message: problem.body, field: problem.field})),
	});
}

/** A watch cache not ready yet refusing a request (storage/cacher cacher.go: errors.NewTooManyRequests); APF answers plain text. */
export function tooManyRequests(retryAfterSeconds: number): StatusBody {
	return failure(429, 'TooManyRequests', 'storage is (re)initializing', {retryAfterSeconds});
}
