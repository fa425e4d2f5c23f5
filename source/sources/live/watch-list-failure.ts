// What follows a watch-list attempt that did not deliver the state, decided as client-go's
// Reflector decides it (tools/cache/reflector.go, v1.32+):
// - ListAndWatchWithContext: when watchList returns an error, "The watchlist request ended with an
//   error, falling back to the standard LIST/WATCH semantics because making progress is better than
//   deadlocking": that round lists instead (fallbackToList is local to the round, so the next relist
//   asks for a watch-list again);
// - watchList: before returning an error it opens another watch-list itself when a retry may fix it
//   (isWatchErrorRetriable: connection refused, 429; isExpiredError and isTooLargeResourceVersionError),
//   and when the stream closed without one before the end bookmark (handleAnyWatch returns no error
//   for a close, nor does the StreamWatcher for a connection reset: net.IsProbableEOF), unless that
//   close came within a second with nothing received (VeryShortWatchError: an error, so it lists).
// A server without the WatchList feature refuses the request (400/422): podlife then lists from
// then on, where client-go asks again each round.

import {errorCode} from './errors.js';
import {isGone, isThrottled, KubeApiError} from './kube-error.js';

/** How a watch-list stream ended before the bookmark that ends its initial events. */
export interface EarlyEnd {
	/** The ERROR event that ended it, but for 410 Expired (retried, as client-go's isExpiredError). */
	failure: Error | null;
	/** It closed within a second, nothing received. */
	quick: boolean;
}

/** A stream closed (by the server, its timeout, or a cut connection) before its initial events ended: a watch-list is asked again. */
export class WatchListEndedEarly extends Error {
	constructor() {
		super('the watch-list stream ended before its initial events did');
		this.name = 'WatchListEndedEarly';
	}
}

/** client-go's VeryShortWatchError: a watch-list closed at once, nothing received, is a failure that lists instead. */
export class VeryShortWatchList extends Error {
	constructor() {
		super('the watch-list stream closed at once, before any event');
		this.name = 'VeryShortWatchList';
	}
}

/** The error a watch-list attempt ended with, from how its stream ended. */
export function earlyEndError(end: EarlyEnd): Error {
	if (end.failure) return end.failure;
	if (end.quick) return new VeryShortWatchList();
	return new WatchListEndedEarly();
}

/** The answer of a server that does not stream lists (WatchList off: 422 Invalid; older: 400). */
export function watchListRefused(error: unknown): boolean {
	return error instanceof KubeApiError && (error.statusCode === 422 || error.statusCode === 400);
}

/** A watch cache that has not reached the resourceVersion asked (apimachinery CauseTypeResourceVersionTooLarge). */
function tooLargeResourceVersion(error: unknown): boolean {
	if (!(error instanceof KubeApiError)) return false;
	if (error.status?.details?.causes?.some(cause => cause.reason === 'ResourceVersionTooLarge')) return true;
	return error.statusCode === 504 && (error.status?.message ?? '').includes('Too large resource version');
}

/**
 * After a failed watch-list attempt: ask for one again (the error is thrown, backed off and retried),
 * list this round, or list from now on (the server refused it).
 */
export function afterFailedWatchList(error: unknown): 'retry' | 'list' | 'list-from-now-on' {
	if (watchListRefused(error)) return 'list-from-now-on';
	if (error instanceof WatchListEndedEarly) return 'retry';
	if (isThrottled(error) || isGone(error) || tooLargeResourceVersion(error) || errorCode(error) === 'ECONNREFUSED') return 'retry';
	return 'list';
}
