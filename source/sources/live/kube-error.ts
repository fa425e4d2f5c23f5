// The errors the live source raises before they are put into words
// (errors.ts turns them into one line for the user).

import {UserError} from '../../errors.js';

/** A kubeconfig problem, already worded for the user. */
export class KubeconfigError extends UserError {
	constructor(message: string) {
		super(message);
		this.name = 'KubeconfigError';
	}
}

/** The `Status` object the API server sends with a failure (or in a watch ERROR event). */
export interface KubeStatus {
	kind?: string;
	status?: string;
	message?: string;
	reason?: string;
	code?: number;
	details?: {name?: string; kind?: string; group?: string; retryAfterSeconds?: number; causes?: Array<{reason?: string; message?: string; field?: string}>};
}

/** A non-2xx answer of the API server (or a watch ERROR event), with what was asked. */
export class KubeApiError extends Error {
	readonly statusCode: number;
	readonly status: KubeStatus | null;
	readonly verb: string;
	readonly resource: string;
	readonly namespace: string | null;
	/**
	 * How long the server asked the client to wait before asking again (Retry-After, or the Status's
	 * details.retryAfterSeconds): API Priority and Fairness answers 429 with it. Null when not said.
	 */
	readonly retryAfterSeconds: number | null;

	constructor(
		statusCode: number,
		status: KubeStatus | null,
		request: {verb: string; resource: string; namespace: string | null},
		retryAfterSeconds: number | null = null,
	) {
		super(`${request.verb} ${request.resource}: HTTP ${statusCode}${status?.reason ? ` ${status.reason}` : ''}`);
		this.name = 'KubeApiError';
		this.statusCode = statusCode;
		this.status = status;
		this.verb = request.verb;
		this.resource = request.resource;
		this.namespace = request.namespace;
		const fromStatus = status?.details?.retryAfterSeconds;
		this.retryAfterSeconds = retryAfterSeconds ?? (typeof fromStatus === 'number' && fromStatus > 0 ? fromStatus : null);
	}
}

/** metav1 StatusReasons of answers that may come without a Status body (a proxy's, or API Priority and Fairness's plain text). */
const REASON_OF_CODE: Record<number, string> = {
	429: 'TooManyRequests',
	500: 'InternalError',
	502: 'BadGateway',
	503: 'ServiceUnavailable',
	504: 'Timeout',
};

/** The answer's reason: the Status's, else the usual one for its code ("" when neither says). */
export function reasonOf(error: KubeApiError): string {
	return error.status?.reason ?? REASON_OF_CODE[error.statusCode] ?? '';
}

/** 429 Too Many Requests: the server is shedding load (API Priority and Fairness) and says when to come back. */
export function isThrottled(error: unknown): error is KubeApiError {
	return error instanceof KubeApiError && error.statusCode === 429;
}

/** A Retry-After header's seconds (the API server sends a whole number; an HTTP date is read too), or null. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
	if (value === undefined || value.trim() === '') return null;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed);
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** 410 Gone / Expired: the resourceVersion is too old, a relist is needed. */
export function isGone(error: unknown): boolean {
	return error instanceof KubeApiError && (error.statusCode === 410 || error.status?.reason === 'Expired' || error.status?.reason === 'Gone');
}

/** Errors that retrying cannot fix while nothing else changes (the user must act). */
export function isFatal(error: unknown): boolean {
	if (error instanceof UserError) return true;
	if (!(error instanceof KubeApiError)) return false;
	return error.statusCode === 401 || error.statusCode === 403 || error.statusCode === 404 || error.statusCode === 400;
}
