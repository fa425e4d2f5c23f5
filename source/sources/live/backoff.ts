// Capped exponential backoff with full jitter (AWS architecture blog,
// "Exponential Backoff And Jitter"): the n-th retry waits a random time in
// [0, min(cap, initial · 2^(n-1))], so many clients reconnecting after an API
// server restart do not stampede it in lockstep.

import {KubeApiError} from './kube-error.js';

export interface BackoffOptions {
	/** First ceiling, ms (default 500). */
	initialMs?: number;
	/** Largest ceiling, ms (default 30 000). */
	maxMs?: number;
	/** Uniform random in [0, 1); injectable for tests. */
	random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
	const initial = options.initialMs ?? 500;
	const cap = options.maxMs ?? 30_000;
	const random = options.random ?? Math.random;
	const ceiling = Math.min(cap, initial * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
	return Math.round(random() * ceiling);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		if (signal?.aborted) return resolve();
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		}
		signal?.addEventListener('abort', done, {once: true});
	});
}

/** The least wait after a 429 that did not say how long (ms): a throttled server is not asked again at once. */
const THROTTLED_MIN_MS = 1000;

/**
 * How long to wait before retrying after `error`: the backoff, but never less than what the
 * server asked for (Retry-After, as API Priority and Fairness sends with 429; client-go's
 * rest client waits it out the same way), nor less than a second after a 429 that said nothing.
 */
export function retryDelay(error: unknown, attempt: number, options: BackoffOptions = {}): number {
	const backoff = backoffDelay(attempt, options);
	if (!(error instanceof KubeApiError)) return backoff;
	if (error.retryAfterSeconds !== null) return Math.max(backoff, error.retryAfterSeconds * 1000);
	return error.statusCode === 429 ? Math.max(backoff, THROTTLED_MIN_MS) : backoff;
}
