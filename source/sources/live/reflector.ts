// One resource kept in sync with the API server, the way client-go's Reflector does it
// (tools/cache/reflector.go ListAndWatch): get the current state, then watch from its
// resourceVersion with bookmarks; a watch that ends resumes from the last resourceVersion seen; 410
// Gone/Expired gets the state again and reconciles against what was known (vanished → DELETED,
// changed → MODIFIED, unchanged → nothing); any other failure retries with capped, jittered
// backoff, and never sooner than a throttling server's Retry-After. It never stops on its own.
//
// The state arrives as it comes, never held whole: where the server streams it (WatchList,
// KEP-3157: a watch with sendInitialEvents=true whose initial ADDED events end with a bookmark
// annotated k8s.io/initial-events-end) each event is emitted as it arrives and the same stream
// goes on as the watch; else a paged list, each page emitted as it arrives: from then on where the
// server refuses the watch-list (400/422: the feature is off), for the round where the attempt
// failed otherwise, as client-go falls back (watch-list-failure.ts).

import type {KubeObject} from '../../kube/objects.js';
import type {PrintedRow} from '../../session/format.js';
import type {WatchType} from '../../session/format.js';
import {retryDelay, sleep, type BackoffOptions} from './backoff.js';
import {isFatal, isGone, isThrottled, KubeApiError, type KubeStatus} from './kube-error.js';
import {keyOf, KnownObjects, type KnownItem, type Recall} from './known-objects.js';
import {isTable, printedRow, TABLE_ACCEPT, type TableColumn} from './table-rows.js';
import type {Transport, WatchStream} from './transport.js';
import {afterFailedWatchList, earlyEndError} from './watch-list-failure.js';
import type {ListProgress} from '../source-info.js';

export interface ResourceSpec {
	/** "pods", "nodes", "events". */
	resource: string;
	kind: string;
	apiVersion: string;
	path: string;
	/** Namespace scope of the request (null = all or cluster-scoped), for messages. */
	namespace: string | null;
	labelSelector?: string;
	fieldSelector?: string;
	/** Ask for the server's Table rows (pods when recording). */
	table: boolean;
}

export type ReflectorState = {state: 'connected'} | {state: 'relisting'} | {state: 'reconnecting'; attempt: number; error: unknown; delayMs: number};

/** `eventText`: the text of the watch event an object came in, when it came in one (KnownItem). */
export type ReflectorEvent =
	| {type: WatchType; object: KubeObject; row?: PrintedRow; eventText?: string}
	| {type: 'SYNCED'; resourceVersion: string}
	| {type: 'ERROR'; object: Record<string, unknown>};

export interface ReflectorDeps {
	transport: Transport;
	emit: (event: ReflectorEvent) => void;
	report: (state: ReflectorState) => void;
	signal: AbortSignal;
	clock: () => number;
	backoff?: BackoffOptions;
	/** Server-side watch timeout; client-go picks 5–10 min at random. */
	watchTimeoutSeconds?: number;
	/** Page size of lists. */
	pageSize?: number;
	/** Ask for the state as a watch-list stream first (the server is known to understand it). */
	watchList?: boolean;
	/** The consumer's last copy of an object, for a DELETED found by a relist (see known-objects.ts). */
	recall?: Recall;
	/** While the state is being listed: how far it has come; null once it is complete. */
	progress?: (progress: ListProgress | null) => void;
	/** Hand objects on with their metadata.managedFields (a recording that keeps them); default, without. */
	keepManagedFields?: boolean;
}

interface RawWatchEvent {
	type?: string;
	object?: Record<string, unknown>;
}

interface WatchOutcome {
	gone: boolean;
	failure: Error | null;
	quick: boolean;
}

/** While a watch-list stream sends the initial state: the keys seen, and what to do at its end. */
interface InitialEvents {
	seen: Set<string>;
	received: number;
	onEnd: (resourceVersion: string) => void;
}

/** A watch that closes sooner than this without delivering anything counts as a failed attempt (no busy loop). */
const QUICK_CLOSE_MS = 1000;
/** A page of a list answered 429 is asked again this many times before the whole list is. */
const THROTTLED_PAGE_RETRIES = 10;
const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

/** Lets keys, frames and other requests in between two pages. */
const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

export class Reflector {
	readonly spec: ResourceSpec;
	private readonly deps: ReflectorDeps;
	private readonly known: KnownObjects;
	private resourceVersion = '';
	private columns: TableColumn[] = [];
	private useWatchList: boolean;
	/** The watch-list stream that delivered the state and goes on as the watch. */
	private streaming: Promise<WatchOutcome> | null = null;
	private phase: 'connected' | 'relisting' = 'connected';

	constructor(spec: ResourceSpec, deps: ReflectorDeps) {
		this.spec = spec;
		this.deps = deps;
		this.useWatchList = deps.watchList ?? false;
		this.known = new KnownObjects(event => deps.emit({...event, object: this.withKind(event.object)}), deps.recall);
	}

	/** Whether the state comes as a watch-list stream (false once the server refused one). */
	get streamsLists(): boolean {
		return this.useWatchList;
	}

	/**
	 * The initial state. Failures retrying could fix (connection refused, 5xx, 429) are retried
	 * with backoff; ones the user must fix (401, 403, 404) reject with the raw error.
	 */
	async initialList(): Promise<void> {
		let attempt = 0;
		for (;;) {
			try {
				await this.sync();
				if (attempt > 0) this.deps.report({state: 'connected'});
				return;
			} catch (error) {
				if (this.deps.signal.aborted) return;
				if (isFatal(error)) throw error;
				attempt++;
				const delayMs = retryDelay(error, attempt, this.deps.backoff);
				this.deps.report({state: 'reconnecting', attempt, error, delayMs});
				await sleep(delayMs, this.deps.signal);
			}
		}
	}

	/** Watches (relisting when needed) until the signal aborts. Never rejects. */
	async run(): Promise<void> {
		const {signal} = this.deps;
		let needList = false;
		let attempt = 0;
		// Watches accepted then closed at once, in a row: backed off quietly (no busy loop, no alarm).
		let quickCloses = 0;
		while (!signal.aborted) {
			let listing = false;
			try {
				if (needList) {
					listing = true;
					this.phase = 'relisting';
					this.deps.report({state: 'relisting'});
					await this.sync();
					needList = false;
					listing = false;
					this.phase = 'connected';
				}
				const onOpen = () => {
					attempt = 0;
					this.deps.report({state: 'connected'});
				};
				// A watch-list stream is open already, its initial events delivered: it goes on as the watch.
				const streaming = this.streaming;
				this.streaming = null;
				if (streaming) onOpen();
				const result = await (streaming ?? this.watchOnce({resourceVersion: this.resourceVersion}, onOpen));
				if (signal.aborted) break;
				if (result.gone) {
					needList = true;
					continue;
				}
				if (result.failure) throw result.failure;
				if (result.quick) await sleep(retryDelay(null, ++quickCloses, this.deps.backoff), signal);
				else quickCloses = 0;
				// Otherwise the watch ended (server timeout, or the connection was cut):
				// resume at once from the last resourceVersion; a failure to reconnect lands below.
			} catch (error) {
				if (signal.aborted) break;
				// 410 on a watch: relist now. 410 while relisting (an expired continue token) backs off like any failure.
				if (isGone(error) && !listing) {
					needList = true;
					continue;
				}
				attempt++;
				const delayMs = retryDelay(error, attempt, this.deps.backoff);
				this.deps.report({state: 'reconnecting', attempt, error, delayMs});
				await sleep(delayMs, signal);
			}
		}
	}

	/** Brings the consumer to the server's state now: a watch-list where the server streams one, else a paged list. */
	private async sync(): Promise<void> {
		if (this.useWatchList) {
			try {
				await this.watchList();
				return;
			} catch (error) {
				const next = this.deps.signal.aborted ? 'retry' : afterFailedWatchList(error);
				if (next === 'retry') throw error;
				// As client-go: making progress with list+watch beats insisting (this round, or for good once refused).
				if (next === 'list-from-now-on') this.useWatchList = false;
			}
		}
		await this.list();
	}

	private query(extra: Record<string, string | undefined>): Record<string, string | undefined> {
		return {
			labelSelector: this.spec.labelSelector || undefined,
			fieldSelector: this.spec.fieldSelector || undefined,
			...(this.spec.table ? {includeObject: 'Object'} : {}),
			...extra,
		};
	}

	private request(verb: string) {
		return {verb, resource: this.spec.resource, namespace: this.spec.namespace};
	}

	private withKind(object: KubeObject): KubeObject {
		// List items and Table row objects may lack apiVersion/kind; session entries need them.
		if (object.kind && object.apiVersion) return object;
		return {...object, apiVersion: object.apiVersion ?? this.spec.apiVersion, kind: object.kind ?? this.spec.kind};
	}

	/** Items of a list or Table page, with their printed rows. */
	private itemsOf(page: unknown): KnownItem[] {
		if (isTable(page)) {
			if (page.columnDefinitions && page.columnDefinitions.length > 0) this.columns = page.columnDefinitions;
			return (page.rows ?? []).filter(row => row.object).map(row => ({object: this.withKind(row.object!), row: printedRow(this.columns, row.cells)}));
		}
		const items = (page as {items?: KubeObject[]}).items ?? [];
		return items.map(object => ({object: this.withKind(object)}));
	}

	/** A paged list, each page emitted as it arrives; objects known but not listed are DELETED at its end. */
	private async list(): Promise<void> {
		const seen = new Set<string>();
		let continueToken: string | undefined;
		let resourceVersion = '';
		let received = 0;
		do {
			const page = await this.listPage(continueToken);
			if (this.deps.signal.aborted) return;
			const meta = (page as {metadata?: {resourceVersion?: string; continue?: string; remainingItemCount?: number}}).metadata ?? {};
			const items = this.itemsOf(page);
			received += items.length;
			continueToken = meta.continue || undefined;
			resourceVersion = meta.resourceVersion ?? resourceVersion;
			for (const item of items) this.known.listed(item, seen);
			const total = typeof meta.remainingItemCount === 'number' ? received + meta.remainingItemCount : continueToken ? null : received;
			this.deps.progress?.({received, total});
			if (continueToken) await nextTurn();
		} while (continueToken && !this.deps.signal.aborted);
		if (this.deps.signal.aborted) return;
		this.complete(seen, resourceVersion);
	}

	private complete(seen: ReadonlySet<string>, resourceVersion: string): void {
		this.known.dropUnseen(seen);
		this.resourceVersion = resourceVersion;
		this.deps.progress?.(null);
		this.deps.emit({type: 'SYNCED', resourceVersion});
	}

	/** One page; a 429 asks for the same page again once the server's Retry-After has passed. */
	private async listPage(continueToken: string | undefined): Promise<unknown> {
		for (let attempt = 1; ; attempt++) {
			try {
				const page = await this.deps.transport.getJson(this.spec.path, {
					query: this.query({limit: String(this.deps.pageSize ?? 500), continue: continueToken}),
					accept: this.spec.table ? TABLE_ACCEPT : 'application/json',
					request: this.request('list'),
					signal: this.deps.signal,
					withoutManagedFields: !this.deps.keepManagedFields,
				});
				if (attempt > 1) this.deps.report({state: this.phase});
				return page;
			} catch (error) {
				if (!isThrottled(error) || this.deps.signal.aborted || attempt > THROTTLED_PAGE_RETRIES) throw error;
				const delayMs = retryDelay(error, attempt, this.deps.backoff);
				this.deps.report({state: 'reconnecting', attempt, error, delayMs});
				await sleep(delayMs, this.deps.signal);
			}
		}
	}

	/**
	 * The state as a watch-list stream: resolves once its initial events have ended (the stream
	 * goes on in `streaming`); rejects as opening a watch does, or when the stream ends first (earlyEndError).
	 */
	private async watchList(): Promise<void> {
		let ended: () => void = () => {};
		const initialEnded = new Promise<void>(resolve => {
			ended = resolve;
		});
		const initial: InitialEvents = {
			seen: new Set(),
			received: 0,
			onEnd: resourceVersion => {
				this.complete(initial.seen, resourceVersion);
				ended();
			},
		};
		// The most recent state, read consistently (resourceVersion "" with NotOlderThan).
		const stream = this.watchOnce({resourceVersion: '', initial}, () => {});
		const first = await Promise.race([initialEnded.then(() => null), stream]);
		if (first === null) {
			this.streaming = stream;
			return;
		}
		if (this.deps.signal.aborted) return;
		throw earlyEndError(first);
	}

	/** One watch request; resolves when it ends, rejects when it cannot be opened. `onOpen` runs once the server accepted it. */
	private async watchOnce(from: {resourceVersion: string; initial?: InitialEvents}, onOpen: () => void): Promise<WatchOutcome> {
		const timeoutSeconds = this.deps.watchTimeoutSeconds ?? Math.round(300 * (1 + Math.random()));
		let initial = from.initial ?? null;
		let gone = false;
		let failure: Error | null = null;
		let received = 0;
		let stream: WatchStream | undefined;
		// eslint-disable-next-line prefer-const -- onEvent may run before the await assigns it (a const would throw there).
		stream = await this.deps.transport.watch(this.spec.path, {
			query: this.query({
				resourceVersion: from.resourceVersion || undefined,
				allowWatchBookmarks: 'true',
				...(initial ? {sendInitialEvents: 'true', resourceVersionMatch: 'NotOlderThan'} : {}),
				timeoutSeconds: String(timeoutSeconds),
			}),
			accept: this.spec.table ? TABLE_ACCEPT : 'application/json',
			request: this.request('watch'),
			signal: this.deps.signal,
			withoutManagedFields: !this.deps.keepManagedFields,
			// The server must end the stream at timeoutSeconds; silence well past it means a dead connection.
			idleMs: timeoutSeconds * 1000 + 30_000,
			onEvent: (raw, text) => {
				received++;
				const outcome = this.onWatchEvent(raw as RawWatchEvent, initial, text);
				if (outcome === 'initial-end') {
					initial = null;
					return;
				}
				if (outcome === 'gone') gone = true;
				else if (outcome instanceof Error) failure = outcome;
				if (outcome !== 'ok') stream?.stop();
			},
		});
		const openedAt = this.deps.clock();
		onOpen();
		const stopOnAbort = () => stream?.stop();
		this.deps.signal.addEventListener('abort', stopOnAbort, {once: true});
		await stream.closed;
		this.deps.signal.removeEventListener('abort', stopOnAbort);
		const quick = received === 0 && this.deps.clock() - openedAt < QUICK_CLOSE_MS;
		return {gone, failure, quick};
	}

	private onWatchEvent(event: RawWatchEvent, initial: InitialEvents | null, text: string): 'ok' | 'gone' | 'initial-end' | Error {
		const type = event.type;
		const raw = event.object ?? {};
		if (type === 'ERROR') {
			this.deps.emit({type: 'ERROR', object: raw});
			const status = raw as KubeStatus;
			const error = new KubeApiError(status.code ?? 500, status, this.request('watch'));
			return isGone(error) ? 'gone' : error;
		}
		if (type === 'BOOKMARK') {
			// Asked as a Table, a bookmark is one too, and carries the column definitions when it is the
			// watch's first event (handlers/response.go watchEmbeddedEncoder.doEncode): a watch-list of
			// an empty namespace starts with its end bookmark, and the rows after it come without them.
			if (isTable(raw) && raw.columnDefinitions && raw.columnDefinitions.length > 0) this.columns = raw.columnDefinitions;
			const rv = this.resourceVersionOf(raw);
			if (initial) {
				// Initial events come in no resourceVersion order: the stream's position is the end bookmark's.
				const annotations = isTable(raw) ? raw.rows?.[0]?.object?.metadata?.annotations : (raw as KubeObject).metadata?.annotations;
				if (annotations?.[INITIAL_EVENTS_END] !== 'true') return 'ok';
				initial.onEnd(rv ?? '');
				return 'initial-end';
			}
			if (rv) this.resourceVersion = rv;
			return 'ok';
		}
		if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return 'ok';
		const item = this.watchItem(raw, text);
		if (!item) return 'ok';
		if (initial && type === 'DELETED') {
			// A change after the state was taken, sent before the bookmark that ends it (servers before
			// 1.32 send that bookmark on their bookmark timer): gone from the state, as client-go's
			// watchList applies it to its temporary store (tools/cache/reflector.go handleListWatch).
			initial.seen.delete(keyOf(item.object));
		} else if (initial) {
			this.known.listed(item, initial.seen);
			this.deps.progress?.({received: ++initial.received, total: null});
			return 'ok';
		}
		const meta = item.object.metadata ?? {};
		if (meta.resourceVersion) this.resourceVersion = meta.resourceVersion;
		// A replayed event for a version already known adds nothing (no duplicates after a resume).
		if (!this.known.watched(type, item)) return 'ok';
		this.deps.emit(
			item.row ? {type, object: item.object, row: item.row} : {type, object: item.object, ...(item.eventText !== undefined && {eventText: item.eventText})},
		);
		return 'ok';
	}

	/** The object (and printed row) of a watch event, plain (with the event's text) or as a one-row Table. */
	private watchItem(raw: Record<string, unknown>, eventText: string): KnownItem | null {
		if (!isTable(raw)) return {object: this.withKind(raw as KubeObject), eventText};
		if (raw.columnDefinitions && raw.columnDefinitions.length > 0) this.columns = raw.columnDefinitions;
		const first = raw.rows?.[0];
		if (!first?.object) return null;
		return {object: this.withKind(first.object), row: printedRow(this.columns, first.cells)};
	}

	private resourceVersionOf(raw: Record<string, unknown>): string | undefined {
		if (isTable(raw)) return raw.metadata?.resourceVersion ?? raw.rows?.[0]?.object?.metadata?.resourceVersion;
		return (raw as KubeObject).metadata?.resourceVersion;
	}
}
