// The open watches: opening one (from a resourceVersion, with its backlog of changes, the
// initial objects, or the 410 of a compacted history), pushing every change to all of them,
// and the faults that end them (cut mid-stream, expired, bookmarks).

import type {ServerResponse} from 'node:http';
import type {Answer, Shape} from './list.js';
import type {Change} from './object-history.js';
import type {ServedObjects} from './served-objects.js';
import {watchOptionProblems} from './list-options.js';
import * as status from './status.js';
import {WatchConnection, type WatchScope} from './watch-connection.js';

export interface WatchesOptions {
	/**
	 * How a watch request from an expired resourceVersion is refused: 'event' (the real
	 * server's way: HTTP 200, one ERROR event, end of stream) or 'status' (HTTP 410).
	 */
	expiredWatchResponse?: 'event' | 'status';
	/** Current delay per chunk (the server's `slow()` setting). */
	chunkDelay: () => number;
	/** The WatchList feature gate (sendInitialEvents): on by default from 1.32. */
	watchList: boolean;
	/** How long a watch that asks no timeoutSeconds lasts at least (kube-apiserver --min-request-timeout). */
	minRequestTimeoutMs: number;
}

/** How a watch-list stream fails before its end bookmark: after its initial events, an ERROR event; or closed at once, before any event. */
export type WatchListFailure = 'error' | 'close';

/** How long before a watch's deadline its last bookmark goes. */
const PRE_TIMEOUT_BOOKMARK_MS = 2000;

export class Watches {
	private readonly open = new Set<WatchConnection>();
	/** How many more watches from a resourceVersion find the watch cache behind it (fallBehind). */
	private behind = 0;
	/** While set: the end bookmarks of watch-list streams wait here for their turn (holdInitialEventsEnd). */
	private endsHeld: Array<() => void> | null = null;
	/** How the next watch-list streams fail before their end bookmark, and how many more do (failWatchLists). */
	private listsFailing: {how: WatchListFailure; times: number} | null = null;

	constructor(
		private readonly objects: ServedObjects,
		private readonly options: WatchesOptions,
	) {}

	/**
	 * Answers a watch request: an error answer to send as any other (a bad or, with 'status',
	 * expired resourceVersion), or null once the stream is open on `response`.
	 */
	start(response: ServerResponse, scope: WatchScope, query: Record<string, string>, {representation, include, printRow}: Shape): Answer | null {
		const history = this.objects.history;
		const problems = watchOptionProblems(query, this.options.watchList);
		if (problems.length > 0) return {body: status.invalidListOptions(problems)};
		const requested = query['resourceVersion'] ?? '';
		const fromRv = requested === '' || requested === '0' ? undefined : Number(requested);
		if (fromRv !== undefined && !Number.isInteger(fromRv)) return {body: status.badRequest(`invalid resource version: ${requested}`)};
		// The streaming list (KEP-3157): the state now (never older than the resourceVersion asked), then what follows.
		const sendInitialEvents = query['sendInitialEvents'] === 'true';
		const backlog = fromRv === undefined || sendInitialEvents || scope.resource === 'namespaces' ? [] : history.changesAfter(fromRv);
		if (backlog === 'expired' && this.options.expiredWatchResponse === 'status') return {body: status.expired(fromRv!, history.oldestResumable)};

		response.writeHead(200, {
			'Content-Type': representation.kind === 'json' ? 'application/json' : representation.contentType,
			'Cache-Control': 'no-cache, private',
		});
		response.flushHeaders();
		const watch = new WatchConnection(
			response,
			scope,
			{representation, include, allowBookmarks: query['allowWatchBookmarks'] === 'true', chunkDelay: this.options.chunkDelay, printRow},
			sendInitialEvents ? history.resourceVersion : (fromRv ?? history.resourceVersion),
		);
		if (backlog === 'expired') {
			watch.sendErrorAndEnd(status.expired(fromRv!, history.oldestResumable));
			return null;
		}
		if (fromRv !== undefined && !sendInitialEvents && this.behind > 0) {
			this.behind--;
			watch.sendErrorAndEnd(status.tooLargeResourceVersion(fromRv, fromRv - 1));
			return null;
		}

		const failure = sendInitialEvents ? this.nextWatchListFailure() : null;
		if (failure === 'close') {
			watch.end();
			return null;
		}
		if (fromRv === undefined || sendInitialEvents) watch.sendInitial(this.objects.current(scope.resource));
		for (const change of backlog) watch.sendChange(change);
		if (failure === 'error') {
			watch.sendErrorAndEnd(status.internalError('etcdserver: request timed out'));
			return null;
		}
		// The streaming-list protocol (KEP-3157) marks the end of the initial state with this bookmark,
		// at the resourceVersion the server has reached when it sends it.
		const sendEnd = () => watch.sendBookmark(history.resourceVersion, {'k8s.io/initial-events-end': 'true'});
		if (sendInitialEvents && this.endsHeld) this.endsHeld.push(sendEnd);
		else if (sendInitialEvents) sendEnd();

		this.open.add(watch);
		// handlers/get.go ListResource: the client's timeoutSeconds, else minRequestTimeout × [1, 2).
		const asked = Number(query['timeoutSeconds'] ?? 0);
		const timeoutMs = asked > 0 ? asked * 1000 : this.options.minRequestTimeoutMs * (1 + Math.random());
		const timer = setTimeout(() => watch.end(), timeoutMs);
		// storage/cacher cache_watcher.go nextBookmarkTime: a bookmark 2 s before the deadline, so the
		// client resumes from where the server is, not from its last event (maybe long compacted).
		const lastBookmark =
			timeoutMs > PRE_TIMEOUT_BOOKMARK_MS ? setTimeout(() => watch.sendBookmark(history.resourceVersion), timeoutMs - PRE_TIMEOUT_BOOKMARK_MS) : undefined;
		response.on('close', () => {
			clearTimeout(timer);
			clearTimeout(lastBookmark);
			this.open.delete(watch);
		});
		return null;
	}

	/**
	 * Until the returned function is called, watch-list streams send their initial events and then
	 * the changes that follow, but not the bookmark that ends the initial events: it goes at the
	 * release, as servers before 1.32 sent it on the watch cache's bookmark timer (storage/cacher
	 * cache_watcher.go nextBookmarkTime, "schedule immediately" once the initial events are queued;
	 * kubernetes PR 127012 sends it right after them in processInterval).
	 */
	holdInitialEventsEnd(): () => void {
		const held: Array<() => void> = [];
		this.endsHeld = held;
		return () => {
			if (this.endsHeld === held) this.endsHeld = null;
			for (const sendEnd of held) sendEnd();
		};
	}

	/** The next `times` watch-list streams fail before their end bookmark (FakeApiServer.failWatchLists). */
	failWatchLists(how: WatchListFailure, times: number): void {
		this.listsFailing = times > 0 ? {how, times} : null;
	}

	private nextWatchListFailure(): WatchListFailure | null {
		const failing = this.listsFailing;
		if (!failing) return null;
		if (--failing.times <= 0) this.listsFailing = null;
		return failing.how;
	}

	/**
	 * The next `times` watches from a resourceVersion find the watch cache behind it (an API server
	 * of several whose cache lags, or one just restarted): after waiting for it to catch up, the
	 * cacher ends them with an ERROR event, 504 Timeout "Too large resource version"
	 * (storage/cacher cacher.go Watch: waitUntilFreshAndBlock's error in an errWatcher).
	 */
	fallBehind(times: number): void {
		this.behind = times;
	}

	/** Sends `changes` to every watch; `epochOf` gives a change's moment on the served clock. */
	broadcast(changes: Change[], epochOf: (change: Change) => number): void {
		for (const watch of this.open) for (const change of changes) watch.sendChange(change, epochOf(change));
	}

	get openCount(): number {
		return [...this.open].filter(watch => watch.isOpen).length;
	}

	/** Destroys every watch connection mid-stream; returns how many were open. */
	cut(): number {
		const count = this.openCount;
		for (const watch of this.open) watch.cut();
		this.open.clear();
		return count;
	}

	/** Forgets every watch without touching its connection (the listener resets them). */
	forget(): void {
		this.open.clear();
	}

	/** Sends every watch an ERROR 410 Expired and ends it; returns how many were open. */
	expire(): number {
		const count = this.openCount;
		for (const watch of this.open) watch.sendErrorAndEnd(status.expired(watch.position, this.objects.history.resourceVersion));
		this.open.clear();
		return count;
	}

	/** A BOOKMARK at the current resourceVersion to the watches that allow bookmarks. */
	sendBookmarks(): void {
		for (const watch of this.open) watch.sendBookmark(this.objects.history.resourceVersion);
	}
}
