// Every failure of the live source in one line: what happened and what to do.
// Never a credential: messages are built from our own words plus the server
// URL, context, namespace, verb and resource — never from kubeconfig content,
// request headers or raw server bodies (scrub() guards the rare pass-through).

import {EXIT_FAILURE, UserError} from '../../errors.js';
import {KubeApiError, reasonOf} from './kube-error.js';

export interface KubeErrorContext {
	context?: string;
	server?: string;
	/** null = all namespaces. */
	namespace?: string | null;
	verb?: string;
	resource?: string;
}

const TLS_CODES: Record<string, string> = {
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed and not trusted',
	SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain has a self-signed certificate that is not trusted',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate cannot be verified against the cluster CA',
	UNABLE_TO_GET_ISSUER_CERT: 'its certificate issuer is unknown',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate issuer is unknown',
	CERT_HAS_EXPIRED: 'its certificate has expired',
	CERT_NOT_YET_VALID: 'its certificate is not valid yet',
	ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate does not name this host',
	CERT_SIGNATURE_FAILURE: 'its certificate signature is invalid',
	EPROTO: 'the TLS handshake failed',
};

const UNREACHABLE: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ETIMEDOUT: 'connection timed out',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	EPIPE: 'connection closed',
	UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
	UND_ERR_SOCKET: 'connection closed',
};

/** Removes anything that looks like a secret from a message we did not write. */
export function scrub(text: string): string {
	return text
		.replace(/(bearer|basic)\s+\S+/gi, '$1 <redacted>')
		.replace(/((?:token|password|secret|key)["']?\s*[:=]\s*)["']?[^\s"',}]+/gi, '$1<redacted>')
		.replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<redacted>')
		.replace(/[A-Za-z0-9+/_-]{40,}={0,2}/g, '<redacted>')
		.replace(/\/\/[^/@\s]+:[^/@\s]+@/g, '//')
		.split('\n')[0]!
		.trim();
}

/** The Node error code of an error or of one of its causes. */
export function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string') return code;
		current = (current as {cause?: unknown}).cause;
	}
	return undefined;
}

function quoteNs(namespace: string | null | undefined): string {
	return namespace === null || namespace === undefined ? 'across all namespaces' : `in namespace "${namespace}"`;
}

function apiError(err: KubeApiError, ctx: KubeErrorContext): string {
	const server = ctx.server ?? 'the API server';
	const context = ctx.context ? ` (context ${ctx.context})` : '';
	const verb = err.verb || ctx.verb || 'access';
	const resource = err.resource || ctx.resource || 'resources';
	const namespace = err.namespace !== undefined ? err.namespace : ctx.namespace;
	switch (err.statusCode) {
		case 401:
			return `the API server ${server} rejected the credentials of context ${ctx.context ?? '(current)'} (401 Unauthorized); refresh them (log in again or renew the token or client certificate) and retry`;
		case 403: {
			if (namespace === null || namespace === undefined) {
				return `RBAC forbids ${verb} ${resource} across all namespaces for this user${context}; ask for a ClusterRole with get/list/watch on ${resource}, or pick one namespace with -n NAME`;
			}
			return `RBAC forbids ${verb} ${resource} ${quoteNs(namespace)} for this user${context}; ask for a Role with get/list/watch on ${resource} or use -n`;
		}
		case 404:
			if (resource === 'namespaces' && namespace) {
				return `namespace "${namespace}" not found in context ${ctx.context ?? '(current)'}; list them with kubectl get ns`;
			}
			return `the API server ${server} has no ${resource} here (404 on ${verb} ${resource}); check the server in your kubeconfig`;
		case 410:
			return `the API server ${server} expired the resource version of ${resource} (410 Gone); retry`;
		case 429:
			return `the API server ${server} is throttling requests (429 Too Many Requests); retry in a moment`;
		default: {
			const reason = reasonOf(err) ? ` ${reasonOf(err)}` : '';
			const hint = err.statusCode >= 500 ? '; the server is failing, retry later' : '';
			return `the API server ${server} answered ${verb} ${resource} ${quoteNs(namespace)} with HTTP ${err.statusCode}${reason}${hint}`;
		}
	}
}

/** A short cause for a STATUS marker ("connection refused", "HTTP 503"). */
export function shortError(error: unknown): string {
	if (error instanceof KubeApiError) {
		const reason = reasonOf(error);
		return `HTTP ${error.statusCode}${reason ? ` ${reason}` : ''}`;
	}
	const code = errorCode(error);
	if (code && UNREACHABLE[code]) return UNREACHABLE[code];
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'DNS lookup failed';
	if (code && TLS_CODES[code]) return `TLS: ${TLS_CODES[code]}`;
	if (code === 'WATCH_IDLE') return 'watch went quiet';
	return scrub(error instanceof Error ? error.message : String(error)) || 'unknown error';
}

export function describeKubeError(err: unknown, ctx: KubeErrorContext): UserError {
	if (err instanceof UserError) return err;
	const server = ctx.server ?? 'the API server';
	const context = ctx.context ? ` for context ${ctx.context}` : '';
	if (err instanceof KubeApiError) return new UserError(apiError(err, ctx), EXIT_FAILURE);

	const code = errorCode(err);
	if (code && UNREACHABLE[code]) {
		return new UserError(`cannot reach the API server ${server}${context} (${UNREACHABLE[code]}); is the cluster running? check with kubectl cluster-info`);
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return new UserError(
			`cannot resolve the host of the API server ${server}${context} (DNS lookup failed); check the server in your kubeconfig and your network or VPN`,
		);
	}
	if (code && (TLS_CODES[code] || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))) {
		const what = TLS_CODES[code] ?? 'the TLS handshake failed';
		return new UserError(
			`cannot connect securely to the API server ${server}${context}: ${what}; check certificate-authority-data in your kubeconfig (or renew the cluster's certificates)`,
		);
	}
	const message = err instanceof Error ? err.message : String(err);
	// client-node refuses plain http unless the cluster says insecure-skip-tls-verify.
	if (/HTTP protocol is not allowed/i.test(message)) {
		return new UserError(
			`the API server ${server}${context} uses plain http; set insecure-skip-tls-verify: true for that cluster in the kubeconfig, or use https`,
		);
	}
	const doing = ctx.verb && ctx.resource ? ` while trying to ${ctx.verb} ${ctx.resource}` : '';
	return new UserError(`talking to the API server ${server}${context} failed${doing}: ${scrub(message) || 'unknown error'}`);
}
