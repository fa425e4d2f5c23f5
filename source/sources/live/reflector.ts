// One resource kept in sync with the API server, the way client-go's Reflector
// does it (tools/cache/reflector.go ListAndWatch): list, then watch from the
// list's resourceVersion with bookmarks; a watch that ends resumes from the last
// resourceVersion seen; 410 Gone/Expired relists and reconciles against what was
// known (vanished → DELETED, changed → MODIFIED, unchanged → nothing); any other
// failure retries with capped, jittered backoff. It never stops on its own.

import type {KubeObject} from '../../kube/objects.js';
import type {PrintedRow} from '../../session/format.js';
import type {WatchType} from '../../session/format.js';
import {backoffDelay, sleep, type BackoffOptions} from './backoff.js';
import {isFatal, isGone, KubeApiError, type KubeStatus} from './kube-error.js';
import {isTable, printedRow, TABLE_ACCEPT, type TableColumn} from './table-rows.js';
import type {Transport, WatchStream} from './transport.js';

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

export type ReflectorState =
	| {state: 'connected'}
	| {state: 'relisting'}
	| {state: 'reconnecting'; attempt: number; error: unknown; delayMs: number};

export type ReflectorEvent =
	| {type: WatchType; object: KubeObject; row?: PrintedRow}
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
}

interface Known {
	uid: string | undefined;
	resourceVersion: string | undefined;
	object: KubeObject;
	row?: PrintedRow;
}

interface RawWatchEvent {
	type?: string;
	object?: Record<string, unknown>;
}

/** A watch that closes sooner than this without delivering anything counts as a failed attempt (no busy loop). */
const QUICK_CLOSE_MS = 1000;

function keyOf(object: KubeObject): string {
	const meta = object.metadata ?? {};
	return `${meta.namespace ?? ''}/${meta.name ?? ''}`;
}

export class Reflector {
	readonly spec: ResourceSpec;
	private readonly deps: ReflectorDeps;
	private known = new Map<string, Known>();
	private resourceVersion = '';
	private columns: TableColumn[] = [];

	constructor(spec: ResourceSpec, deps: ReflectorDeps) {
		this.spec = spec;
		this.deps = deps;
	}

	/**
	 * The initial list. Failures retrying could fix (connection refused, 5xx) are
	 * retried with backoff; ones the user must fix (401, 403, 404) reject with
	 * the raw error.
	 */
	async initialList(): Promise<void> {
		let attempt = 0;
		for (;;) {
			try {
				await this.list(false);
				if (attempt > 0) this.deps.report({state: 'connected'});
				return;
			} catch (error) {
				if (this.deps.signal.aborted) return;
				if (isFatal(error)) throw error;
				attempt++;
				const delayMs = backoffDelay(attempt, this.deps.backoff);
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
					this.deps.report({state: 'relisting'});
					await this.list(true);
					needList = false;
					listing = false;
				}
				const result = await this.watchOnce(() => {
					attempt = 0;
					this.deps.report({state: 'connected'});
				});
				if (signal.aborted) break;
				if (result.gone) {
					needList = true;
					continue;
				}
				if (result.failure) throw result.failure;
				if (result.quick) await sleep(backoffDelay(++quickCloses, this.deps.backoff), signal);
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
				const delayMs = backoffDelay(attempt, this.deps.backoff);
				this.deps.report({state: 'reconnecting', attempt, error, delayMs});
				await sleep(delayMs, signal);
			}
		}
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
	private itemsOf(page: unknown): Array<{object: KubeObject; row?: PrintedRow}> {
		if (isTable(page)) {
			if (page.columnDefinitions && page.columnDefinitions.length > 0) this.columns = page.columnDefinitions;
			return (page.rows ?? [])
				.filter(row => row.object)
				.map(row => ({object: this.withKind(row.object!), row: printedRow(this.columns, row.cells)}));
		}
		const items = (page as {items?: KubeObject[]}).items ?? [];
		return items.map(object => ({object: this.withKind(object)}));
	}

	private async list(isRelist: boolean): Promise<void> {
		const items: Array<{object: KubeObject; row?: PrintedRow}> = [];
		let continueToken: string | undefined;
		let resourceVersion = '';
		do {
			const page = await this.deps.transport.getJson(this.spec.path, {
				query: this.query({limit: String(this.deps.pageSize ?? 500), continue: continueToken}),
				accept: this.spec.table ? TABLE_ACCEPT : 'application/json',
				request: this.request('list'),
				signal: this.deps.signal,
			});
			items.push(...this.itemsOf(page));
			const meta = (page as {metadata?: {resourceVersion?: string; continue?: string}}).metadata ?? {};
			continueToken = meta.continue || undefined;
			resourceVersion = meta.resourceVersion ?? resourceVersion;
		} while (continueToken && !this.deps.signal.aborted);
		if (this.deps.signal.aborted) return;
		this.reconcile(items, isRelist);
		this.resourceVersion = resourceVersion;
		this.deps.emit({type: 'SYNCED', resourceVersion});
	}

	private reconcile(items: Array<{object: KubeObject; row?: PrintedRow}>, isRelist: boolean): void {
		const next = new Map<string, Known>();
		for (const item of items) {
			const meta = item.object.metadata ?? {};
			next.set(keyOf(item.object), {uid: meta.uid, resourceVersion: meta.resourceVersion, object: item.object, row: item.row});
		}
		if (isRelist) {
			// Deletions first, so a pod recreated under the same name shows as gone then new.
			for (const [key, before] of this.known) {
				const after = next.get(key);
				if (!after || after.uid !== before.uid) this.deps.emit({type: 'DELETED', object: before.object, row: before.row});
			}
		}
		for (const [key, after] of next) {
			const before = isRelist ? this.known.get(key) : undefined;
			if (!before || before.uid !== after.uid) this.deps.emit({type: 'ADDED', object: after.object, row: after.row});
			else if (before.resourceVersion !== after.resourceVersion) this.deps.emit({type: 'MODIFIED', object: after.object, row: after.row});
		}
		this.known = next;
	}

	/** One watch request; resolves when it ends. `onOpen` runs once the server accepted it. */
	private async watchOnce(onOpen: () => void): Promise<{gone: boolean; failure: Error | null; quick: boolean}> {
		const timeoutSeconds = this.deps.watchTimeoutSeconds ?? Math.round(300 * (1 + Math.random()));
		let gone = false;
		let failure: Error | null = null;
		let received = 0;
		let stream: WatchStream | undefined;
		stream = await this.deps.transport.watch(this.spec.path, {
			query: this.query({
				resourceVersion: this.resourceVersion || undefined,
				allowWatchBookmarks: 'true',
				timeoutSeconds: String(timeoutSeconds),
			}),
			accept: this.spec.table ? TABLE_ACCEPT : 'application/json',
			request: this.request('watch'),
			signal: this.deps.signal,
			// The server must end the stream at timeoutSeconds; silence well past it means a dead connection.
			idleMs: timeoutSeconds * 1000 + 30_000,
			onEvent: raw => {
				received++;
				const outcome = this.onWatchEvent(raw as RawWatchEvent);
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

	private onWatchEvent(event: RawWatchEvent): 'ok' | 'gone' | Error {
		const type = event.type;
		const raw = event.object ?? {};
		if (type === 'ERROR') {
			this.deps.emit({type: 'ERROR', object: raw});
			const status = raw as KubeStatus;
			const error = new KubeApiError(status.code ?? 500, status, this.request('watch'));
			return isGone(error) ? 'gone' : error;
		}
		if (type === 'BOOKMARK') {
			const rv = this.resourceVersionOf(raw);
			if (rv) this.resourceVersion = rv;
			return 'ok';
		}
		if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return 'ok';
		let object: KubeObject | undefined;
		let row: PrintedRow | undefined;
		if (isTable(raw)) {
			if (raw.columnDefinitions && raw.columnDefinitions.length > 0) this.columns = raw.columnDefinitions;
			const first = raw.rows?.[0];
			if (!first?.object) return 'ok';
			object = this.withKind(first.object);
			row = printedRow(this.columns, first.cells);
		} else {
			object = this.withKind(raw as KubeObject);
		}
		const meta = object.metadata ?? {};
		const key = keyOf(object);
		const before = this.known.get(key);
		if (meta.resourceVersion) this.resourceVersion = meta.resourceVersion;
		if (type === 'DELETED') {
			this.known.delete(key);
		} else {
			// A replayed event for a version already known adds nothing (no duplicates after a resume).
			if (before && before.uid === meta.uid && before.resourceVersion === meta.resourceVersion) return 'ok';
			this.known.set(key, {uid: meta.uid, resourceVersion: meta.resourceVersion, object, row});
		}
		this.deps.emit(row ? {type, object, row} : {type, object});
		return 'ok';
	}

	private resourceVersionOf(raw: Record<string, unknown>): string | undefined {
		if (isTable(raw)) return raw.metadata?.resourceVersion ?? raw.rows?.[0]?.object?.metadata?.resourceVersion;
		return (raw as KubeObject).metadata?.resourceVersion;
	}
}

