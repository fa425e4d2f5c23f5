// Connecting asks a throttled server (429, API Priority and Fairness) again, no sooner than its
// Retry-After, a few times before giving up: the questions asked before watching (version,
// access) must not fail on a busy server, nor hammer it.

import {retryDelay, sleep, type BackoffOptions} from './backoff.js';
import {isThrottled} from './kube-error.js';

/** Connecting asks a throttled server again this many times (after its Retry-After) before giving up. */
const THROTTLED_CONNECT_ATTEMPTS = 5;

/** `request`, asked again while the server answers 429, no sooner than its Retry-After. */
export async function unthrottled<T>(request: () => Promise<T>, backoff?: BackoffOptions): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await request();
		} catch (error) {
			if (!isThrottled(error) || attempt >= THROTTLED_CONNECT_ATTEMPTS) throw error;
			await sleep(retryDelay(error, attempt, backoff));
		}
	}
}
