// Capped exponential backoff with full jitter (AWS architecture blog,
// "Exponential Backoff And Jitter"): the n-th retry waits a random time in
// [0, min(cap, initial · 2^(n-1))], so many clients reconnecting after an API
// server restart do not stampede it in lockstep.

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
