import {describe, expect, it} from 'vitest';
import {describeKubeError, shortError} from '../../../source/sources/live/errors.js';
import {KubeApiError} from '../../../source/sources/live/kube-error.js';
import {EXIT_FAILURE} from '../../../source/errors.js';

function nodeError(code: string, message = `connect ${code} 10.0.0.1:6443`): NodeJS.ErrnoException {
	const error = new Error(message) as NodeJS.ErrnoException;
	error.code = code;
	return error;
}

const ctx = {context: 'kind-kind', server: 'https://127.0.0.1:6443', namespace: 'prod'};

describe('describeKubeError', () => {
	it('names verb, resource and namespace when RBAC forbids listing pods', () => {
		const error = new KubeApiError(403, {kind: 'Status', reason: 'Forbidden', code: 403}, {verb: 'list', resource: 'pods', namespace: 'prod'});
		const user = describeKubeError(error, ctx);
		expect(user.message).toMatch(/^RBAC forbids list pods in namespace "prod" for this user.*ask for a Role with get\/list\/watch on pods or use -n$/);
		expect(user.exitCode).toBe(EXIT_FAILURE);
	});

	it('suggests -n when RBAC forbids listing pods across all namespaces', () => {
		const error = new KubeApiError(403, null, {verb: 'list', resource: 'pods', namespace: null});
		expect(describeKubeError(error, {...ctx, namespace: null}).message).toMatch(/RBAC forbids list pods across all namespaces.*-n NAME/);
	});

	it('says the credentials were rejected on 401 and to refresh them', () => {
		const error = new KubeApiError(401, {reason: 'Unauthorized'}, {verb: 'get', resource: 'version', namespace: null});
		expect(describeKubeError(error, ctx).message).toMatch(/rejected the credentials of context kind-kind.*refresh them/);
	});

	it('says which namespace does not exist and how to list them', () => {
		const error = new KubeApiError(404, {reason: 'NotFound'}, {verb: 'get', resource: 'namespaces', namespace: 'foo'});
		expect(describeKubeError(error, {...ctx, namespace: 'foo'}).message).toBe('namespace "foo" not found in context kind-kind; list them with kubectl get ns');
	});

	it.each([
		['ECONNREFUSED', /cannot reach the API server https:\/\/127\.0\.0\.1:6443 for context kind-kind \(connection refused\)/],
		['ETIMEDOUT', /cannot reach the API server https:\/\/127\.0\.0\.1:6443.*timed out/],
		['ENOTFOUND', /cannot resolve the host of the API server https:\/\/127\.0\.0\.1:6443.*DNS/],
		['DEPTH_ZERO_SELF_SIGNED_CERT', /cannot connect securely to the API server https:\/\/127\.0\.0\.1:6443.*self-signed/],
		['CERT_HAS_EXPIRED', /cannot connect securely.*has expired/],
	])('names the server when the connection fails with %s', (code, expected) => {
		expect(describeKubeError(nodeError(code), ctx).message).toMatch(expected);
	});

	it('finds the network error code inside a wrapped cause', () => {
		const wrapped = new Error('request to https://127.0.0.1:6443/version failed', {cause: nodeError('ECONNREFUSED')});
		expect(describeKubeError(wrapped, ctx).message).toContain('connection refused');
	});

	it('never repeats a token or key found in an unexpected error', () => {
		const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJlc2lnbmF0dXJl';
		const error = new Error(`exec plugin failed: Authorization: Bearer ${jwt} token=abc123def password: hunter2`);
		const message = describeKubeError(error, ctx).message;
		expect(message).not.toContain(jwt);
		expect(message).not.toContain('abc123def');
		expect(message).not.toContain('hunter2');
		expect(message).toContain('https://127.0.0.1:6443');
	});

	it('keeps every message on one line', () => {
		const message = describeKubeError(new Error('first line\nsecond line with detail'), ctx).message;
		expect(message).not.toContain('\n');
	});
});

describe('shortError', () => {
	it("names the reason of an answer without a Status body, as API Priority and Fairness's plain-text 429", () => {
		// apiserver server/filters/maxinflight.go tooManyRequests: http.Error, no Status.
		const throttled = new KubeApiError(429, null, {verb: 'list', resource: 'pods', namespace: null}, 1);
		expect(shortError(throttled)).toBe('HTTP 429 TooManyRequests');
		expect(shortError(new KubeApiError(503, null, {verb: 'watch', resource: 'pods', namespace: null}))).toBe('HTTP 503 ServiceUnavailable');
		expect(shortError(new KubeApiError(504, {reason: 'Timeout'}, {verb: 'watch', resource: 'pods', namespace: null}))).toBe('HTTP 504 Timeout');
	});
});
