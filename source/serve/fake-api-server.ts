// A loopback Kubernetes API server that plays a recorded session: lists, gets
// and watches of pods, nodes and events answer with the session's state at the
// server's current time, in the real server's wire shapes (lists, WatchEvent
// lines, meta.k8s.io Tables, Status errors). Tests drive time by hand with
// advanceTo(); `podlife serve` plays it in real time, its times moved to now
// (timeShiftMs, shift-times.ts). Faults (cut watches,
// refused connections, 401/403, slowness, expired resourceVersions) are methods,
// so client code can be tested against the failures a real cluster produces.

import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import type {KubeObject, Pod} from '../kube/objects.js';
import {compatForServerVersion, type StatusCompat} from '../model/compat.js';
import type {SessionEntry, SessionHeader} from '../session/format.js';
import {apiGroupList, apiVersions, coreResourceList, versionInfo} from './discovery.js';
import {loadSession} from './load-session.js';
import {negotiate, type Representation} from './media-type.js';
import {parseFieldSelector, parseLabelSelector, SelectorError, type Matcher} from './selectors.js';
import * as status from './status.js';
import {agedRow} from './aged-row.js';
import {offsetToStartAt, shiftTime} from './shift-times.js';
import {table, type IncludeObject, type RowPrinter} from './table.js';
import {objectKey, ObjectHistory, type Change, type ResourceName, type StoredObject} from './object-history.js';
import {WatchConnection, type WatchScope} from './watch-connection.js';

export type Verb = 'get' | 'list' | 'watch';
type ServedResource = ResourceName | 'namespaces';

export interface FakeApiServerOptions {
	header: SessionHeader;
	entries: SessionEntry[];
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0 (any free port). */
	port?: number;
	/** resourceVersion of the empty store; the first change gets the next one. Default 1000. */
	firstResourceVersion?: number;
	/** Apply the entries up to this session time before serving. */
	startAt?: number;
	/**
	 * Move every time in the served objects by this many ms (whole seconds; offsetToStartAt gives
	 * the one that makes the session start now). Default 0: the times as recorded.
	 */
	timeShiftMs?: number;
	/**
	 * How a watch request from an expired resourceVersion is refused. 'event' (default) is
	 * the real server's way: HTTP 200, one ERROR event with a 410 Status, end of stream.
	 * 'status' answers HTTP 410 with the Status instead.
	 */
	expiredWatchResponse?: 'event' | 'status';
	/** While playing, send BOOKMARKs to watches that allow them this often. Default 60 000. */
	bookmarkIntervalMs?: number;
}

export interface ForbidRule {
	verb?: Verb;
	resource?: string;
	/** Only requests in this namespace; unset = every namespace and the cluster scope. */
	namespace?: string;
}

export interface RequestRecord {
	method: string;
	path: string;
	query: Record<string, string>;
	verb?: Verb;
	resource?: string;
	namespace?: string;
	name?: string;
	user: string;
	status: number;
}

interface Route {
	verb: Verb;
	resource: ServedResource;
	namespace?: string;
	name?: string;
}

const listKinds: Record<ServedResource, string> = {pods: 'PodList', nodes: 'NodeList', events: 'EventList', namespaces: 'NamespaceList'};
const servedResources = new Set<string>(['pods', 'nodes', 'events', 'namespaces']);
const namespacedResources = new Set<string>(['pods', 'events']);
const anonymous = 'system:anonymous';

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

function stripTypeMeta(object: KubeObject): KubeObject {
	// List items on the wire carry no kind/apiVersion; the list does.
	const {kind: _kind, apiVersion: _apiVersion, ...rest} = object;
	return rest;
}

function encodeContinue(rv: number, start: string): string {
	return Buffer.from(JSON.stringify({v: 'meta.k8s.io/v1', rv, start})).toString('base64url');
}

function decodeContinue(token: string): {rv: number; start: string} | undefined {
	try {
		const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {rv?: unknown; start?: unknown};
		if (typeof parsed.rv === 'number' && typeof parsed.start === 'string') return {rv: parsed.rv, start: parsed.start};
	} catch {
		// fall through: not a token of ours
	}
	return undefined;
}

export class FakeApiServer {
	readonly header: SessionHeader;
	readonly history: ObjectHistory;
	/** Warnings from reading the session file (fromFile only). */
	warnings: string[] = [];
	/** Every request answered, in order (for assertions). */
	readonly requests: RequestRecord[] = [];
	private readonly host: string;
	private port: number;
	private readonly server: Server;
	private readonly sockets = new Set<Socket>();
	private readonly watches = new Set<WatchConnection>();
	private readonly options: FakeApiServerOptions;
	private readonly namespaceNames: string[];
	private tokens = new Map<string, string>();
	private forbidRules: ForbidRule[] = [];
	private delayMs = 0;
	private refusing = false;
	private refuseTimer: NodeJS.Timeout | undefined;
	private playTimer: NodeJS.Timeout | undefined;
	private bookmarkTimer: NodeJS.Timeout | undefined;
	/** While playing: session time `session` is (or was due) at performance.now() = `wall`. */
	private anchor: {wall: number; session: number; speed: number} | null = null;
	private readonly recordedAtMs: number;
	private readonly compat: StatusCompat;
	private listening = false;

	constructor(options: FakeApiServerOptions) {
		this.options = options;
		this.header = options.header;
		this.host = options.host ?? '127.0.0.1';
		this.port = options.port ?? 0;
		this.recordedAtMs = Date.parse(options.header.recordedAt);
		this.compat = compatForServerVersion(options.header.serverVersion);
		this.history = new ObjectHistory(options.entries, {firstResourceVersion: options.firstResourceVersion, shiftMs: options.timeShiftMs});
		if (options.startAt !== undefined) this.history.advanceTo(options.startAt);
		this.namespaceNames = [...new Set(['default', 'kube-node-lease', 'kube-public', 'kube-system', ...this.history.namespaces()])].sort();
		this.server = createServer((request, response) => {
			this.handle(request, response).catch((error: unknown) => {
				// A bug here must not kill the process serving a demo: answer like the real server's 500.
				if (response.headersSent) return void response.destroy();
				const body = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(error), reason: 'InternalError', code: 500};
				response.writeHead(500, {'Content-Type': 'application/json'});
				response.end(JSON.stringify(body));
			});
		});
		this.server.on('connection', socket => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	static async fromFile(file: string, options: Omit<FakeApiServerOptions, 'header' | 'entries'> = {}): Promise<FakeApiServer> {
		const session = await loadSession(file);
		const server = new FakeApiServer({...options, header: session.header, entries: session.entries});
		server.warnings = session.warnings;
		return server;
	}

	/** Listen; resolves with the base URL (http://127.0.0.1:PORT). */
	async start(): Promise<string> {
		await this.listen();
		return this.url;
	}

	get url(): string {
		return `http://${this.host}:${this.port}`;
	}

	private listen(): Promise<void> {
		return new Promise((resolve, reject) => {
			const onError = (error: Error) => reject(error);
			this.server.once('error', onError);
			this.server.listen(this.port, this.host, () => {
				this.server.off('error', onError);
				this.port = (this.server.address() as AddressInfo).port;
				this.listening = true;
				resolve();
			});
		});
	}

	private async closeListener(): Promise<void> {
		if (!this.listening) return;
		this.listening = false;
		const closed = new Promise<void>(resolve => this.server.close(() => resolve()));
		for (const watch of this.watches) watch.cut();
		for (const socket of this.sockets) socket.destroy();
		this.server.closeAllConnections();
		await closed;
	}

	async close(): Promise<void> {
		this.pause();
		clearTimeout(this.refuseTimer);
		this.refusing = false;
		await this.closeListener();
	}

	// ── time ────────────────────────────────────────────────────────────────

	/** Session time (ms) of the last change applied. */
	get now(): number {
		return this.history.now;
	}

	/** Session time (ms) now: while playing it runs on between entries, as a real cluster's clock does. */
	get sessionNow(): number {
		if (!this.anchor) return this.history.now;
		return Math.max(this.history.now, this.anchor.session + (performance.now() - this.anchor.wall) * this.anchor.speed);
	}

	/** The moment the server answers for (epoch ms), on the clock of the objects it serves. */
	get serverTime(): number {
		return this.epochOf(this.sessionNow);
	}

	private epochOf(t: number, shiftMs = this.history.shiftMs): number {
		return this.recordedAtMs + shiftMs + t;
	}

	/** How far the served times are from the recorded ones (ms). */
	get timeShiftMs(): number {
		return this.history.shiftMs;
	}

	/** A pod's row as the server prints it at `atMs` (default now): the recorded cells, AGE and "(X ago)" as of then. */
	private readonly printRow: RowPrinter = (stored, atMs) => {
		if (!stored.row || stored.object.kind !== 'Pod') return stored.row;
		return agedRow(stored.object as Pod, stored.row, atMs ?? this.serverTime, this.compat);
	};

	get resourceVersion(): number {
		return this.history.resourceVersion;
	}

	/** Move the session clock to `t` and push the changes to open watches; returns them. */
	advanceTo(t: number): Change[] {
		const changes = this.history.advanceTo(t);
		this.broadcast(changes);
		return changes;
	}

	advanceToEnd(): Change[] {
		const changes = this.history.advanceToEnd();
		this.broadcast(changes);
		return changes;
	}

	/**
	 * Play the session in real time from where it is (× speed); with loop, start over after the end.
	 * With wallClock, session time is the served times' clock: t = 0 is when timeShiftMs says the
	 * session started (offsetToStartAt), and each round of a loop is moved to start anew when it does.
	 */
	play(options: {speed?: number; loop?: boolean; loopPauseMs?: number; wallClock?: boolean} = {}): void {
		this.pause();
		const speed = options.speed && options.speed > 0 ? options.speed : 1;
		const anchor = (): void => {
			// Wall clock: t = 0 was (or is due) at the epoch the served times say, read on the monotonic clock.
			const startsIn = this.recordedAtMs + this.history.shiftMs - Date.now();
			this.anchor = options.wallClock ? {wall: performance.now() + startsIn, session: 0, speed} : {wall: performance.now(), session: this.history.now, speed};
		};
		anchor();
		const schedule = (): void => {
			const next = this.history.nextTime;
			if (next === undefined) {
				if (!options.loop) return;
				this.playTimer = setTimeout(() => {
					// The deletions of the round that ends happen now, on that round's clock.
					this.history.advanceTo(this.sessionNow);
					this.broadcast(this.history.rewind(options.wallClock ? offsetToStartAt(this.recordedAtMs, Date.now()) : undefined));
					anchor();
					schedule();
				}, options.loopPauseMs ?? 2000);
				return;
			}
			const playing = this.anchor!;
			const due = playing.wall + (next - playing.session) / speed - performance.now();
			this.playTimer = setTimeout(() => {
				this.advanceTo(next);
				schedule();
			}, Math.max(0, due));
		};
		schedule();
		this.bookmarkTimer = setInterval(() => this.sendBookmarks(), this.options.bookmarkIntervalMs ?? 60_000);
		this.bookmarkTimer.unref();
	}

	pause(): void {
		clearTimeout(this.playTimer);
		clearInterval(this.bookmarkTimer);
		this.playTimer = undefined;
		this.bookmarkTimer = undefined;
		this.anchor = null;
	}

	private broadcast(changes: Change[]): void {
		for (const watch of this.watches) for (const change of changes) watch.sendChange(change, this.epochOf(change.t, change.shiftMs));
	}

	// ── faults ──────────────────────────────────────────────────────────────

	get openWatches(): number {
		return [...this.watches].filter(watch => watch.isOpen).length;
	}

	/** Destroy every open watch connection mid-stream; returns how many. */
	cutWatches(): number {
		const count = this.openWatches;
		for (const watch of this.watches) watch.cut();
		this.watches.clear();
		return count;
	}

	/** Stop listening (new connections get ECONNREFUSED, open ones are reset); for `forMs`, or until restoreConnections(). */
	async refuseConnections(forMs?: number): Promise<void> {
		clearTimeout(this.refuseTimer);
		this.refusing = true;
		this.watches.clear();
		await this.closeListener();
		if (forMs !== undefined) this.refuseTimer = setTimeout(() => void this.restoreConnections(), forMs);
	}

	async restoreConnections(): Promise<void> {
		clearTimeout(this.refuseTimer);
		if (!this.refusing) return;
		this.refusing = false;
		await this.listen();
	}

	/** Require `Authorization: Bearer <token>` (401 otherwise); null turns authentication off. */
	requireToken(token: string | null, user = 'podlife-test'): void {
		this.tokens = new Map(token === null ? [] : [[token, user]]);
	}

	/** Answer matching requests 403 Forbidden, worded like the real authorizer. */
	forbid(rule: ForbidRule): void {
		this.forbidRules.push(rule);
	}

	allowAll(): void {
		this.forbidRules = [];
	}

	/** Delay every response, and every chunk of a watch, by `ms`. */
	slow(ms: number): void {
		this.delayMs = Math.max(0, ms);
	}

	/** Compact: resuming or listing exactly from an rv older than `rv` is answered 410 Expired. */
	expireResourceVersionsBefore(rv: number): void {
		this.history.expireBefore(rv);
	}

	/** Send every open watch an ERROR 410 Expired and end it (the watch cache dropping its watchers). */
	expireOpenWatches(): number {
		const count = this.openWatches;
		for (const watch of this.watches) watch.sendErrorAndEnd(status.expired(watch.position, this.history.resourceVersion));
		this.watches.clear();
		return count;
	}

	/** Send a BOOKMARK at the current resourceVersion to watches that allow bookmarks. */
	sendBookmarks(): void {
		for (const watch of this.watches) watch.sendBookmark(this.history.resourceVersion);
	}

	/** Number of answered requests matching every given field. */
	count(filter: Partial<Omit<RequestRecord, 'query'>> = {}): number {
		return this.requests.filter(record =>
			Object.entries(filter).every(([key, value]) => record[key as keyof RequestRecord] === value),
		).length;
	}

	// ── HTTP ────────────────────────────────────────────────────────────────

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const query = Object.fromEntries(url.searchParams);
		const record: RequestRecord = {method: request.method ?? 'GET', path: url.pathname, query, user: anonymous, status: 0};
		this.requests.push(record);
		if (this.delayMs > 0) await sleep(this.delayMs);
		if (this.refusing) {
			response.socket?.destroy();
			return;
		}

		const authorization = request.headers.authorization;
		const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
		if (this.tokens.size > 0) {
			const user = bearer === undefined ? undefined : this.tokens.get(bearer);
			if (user === undefined) return this.send(response, record, status.unauthorized());
			record.user = user;
		}

		if (record.method !== 'GET') return this.send(response, record, status.methodNotAllowed());
		const path = url.pathname.replace(/\/+$/, '') || '/';
		switch (path) {
			case '/version':
				return this.send(response, record, versionInfo(this.header.serverVersion));
			case '/healthz':
			case '/livez':
			case '/readyz':
				return this.sendText(response, record, 'ok');
			case '/api':
				return this.send(response, record, apiVersions(`${this.host}:${this.port}`));
			case '/apis':
				return this.send(response, record, apiGroupList());
			case '/api/v1':
				return this.send(response, record, coreResourceList());
		}

		const route = this.route(path, query);
		if (!route) return this.send(response, record, status.unknownPath());
		Object.assign(record, {verb: route.verb, resource: route.resource, namespace: route.namespace, name: route.name});
		if (this.isForbidden(route)) {
			return this.send(response, record, status.forbidden({...route, user: record.user}));
		}

		const representation = negotiate(request.headers.accept);
		if (!representation) return this.send(response, record, status.notAcceptable());
		const include = (['None', 'Metadata', 'Object'].includes(query['includeObject'] ?? '') ? query['includeObject'] : 'Metadata') as IncludeObject;

		let scope: WatchScope;
		try {
			scope = {
				resource: route.resource,
				namespace: route.namespace,
				matches: this.matcher(route.resource, query),
			};
		} catch (error) {
			if (error instanceof SelectorError) return this.send(response, record, status.badRequest(error.message));
			throw error;
		}

		if (route.verb === 'get') return this.serveGet(response, record, route, representation, include);
		if (route.verb === 'list') return this.serveList(response, record, scope, query, representation, include);
		return this.serveWatch(response, record, scope, query, representation, include);
	}

	private route(path: string, query: Record<string, string>): Route | undefined {
		const parts = path.split('/').slice(1);
		if (parts[0] !== 'api' || parts[1] !== 'v1') return undefined;
		const rest = parts.slice(2);
		const watch = query['watch'] === 'true' || query['watch'] === '1';
		const collection = (resource: string, namespace?: string): Route | undefined =>
			servedResources.has(resource) ? {verb: watch ? 'watch' : 'list', resource: resource as ServedResource, namespace} : undefined;
		// /api/v1/{resource}[/{name}]
		if (rest.length === 1) return collection(rest[0]!);
		if (rest.length === 2 && rest[0] === 'namespaces') return {verb: 'get', resource: 'namespaces', name: rest[1]};
		if (rest.length === 2 && servedResources.has(rest[0]!) && !namespacedResources.has(rest[0]!)) {
			return {verb: 'get', resource: rest[0] as ServedResource, name: rest[1]};
		}
		// /api/v1/namespaces/{ns}/{resource}[/{name}]
		if (rest[0] === 'namespaces' && rest.length >= 3 && namespacedResources.has(rest[2]!)) {
			if (rest.length === 3) return collection(rest[2]!, rest[1]);
			if (rest.length === 4) return {verb: 'get', resource: rest[2] as ServedResource, namespace: rest[1], name: rest[3]};
		}
		return undefined;
	}

	private isForbidden(route: Route): boolean {
		return this.forbidRules.some(
			rule =>
				(rule.verb === undefined || rule.verb === route.verb) &&
				(rule.resource === undefined || rule.resource === route.resource) &&
				(rule.namespace === undefined || rule.namespace === route.namespace),
		);
	}

	private matcher(resource: ServedResource, query: Record<string, string>): Matcher {
		const labels = parseLabelSelector(query['labelSelector']);
		const fields = parseFieldSelector(query['fieldSelector'], resource);
		return object => labels(object) && fields(object);
	}

	private namespaceObject(name: string): StoredObject {
		return {
			object: {
				kind: 'Namespace',
				apiVersion: 'v1',
				metadata: {
					name,
					resourceVersion: String(this.options.firstResourceVersion ?? 1000),
					creationTimestamp: shiftTime(this.header.recordedAt.replace(/\.\d+Z$/, 'Z'), this.history.shiftMs),
					labels: {'kubernetes.io/metadata.name': name},
				},
				spec: {finalizers: ['kubernetes']},
				status: {phase: 'Active'},
			},
		};
	}

	private current(resource: ServedResource): StoredObject[] {
		if (resource === 'namespaces') return this.namespaceNames.map(name => this.namespaceObject(name));
		return this.history.list(resource);
	}

	private serveGet(response: ServerResponse, record: RequestRecord, route: Route, representation: Representation, include: IncludeObject): void {
		const name = route.name!;
		const found =
			route.resource === 'namespaces'
				? this.namespaceNames.includes(name)
					? this.namespaceObject(name)
					: undefined
				: this.history.get(route.resource, route.namespace, name);
		if (!found) return this.send(response, record, status.notFound(route.resource, name));
		if (representation.kind === 'table' && route.resource !== 'namespaces') {
			const body = table(route.resource, [found], {groupVersion: representation.groupVersion, include, resourceVersion: found.object.metadata?.resourceVersion, printRow: this.printRow});
			return this.send(response, record, body, representation.contentType);
		}
		if (representation.kind === 'partial') {
			return this.send(response, record, {kind: 'PartialObjectMetadata', apiVersion: representation.groupVersion, metadata: found.object.metadata ?? {}}, representation.contentType);
		}
		this.send(response, record, found.object);
	}

	private serveList(
		response: ServerResponse,
		record: RequestRecord,
		scope: WatchScope,
		query: Record<string, string>,
		representation: Representation,
		include: IncludeObject,
	): void {
		let listRv = this.history.resourceVersion;
		let start = '';
		let items: StoredObject[] | 'expired';
		if (query['continue']) {
			const token = decodeContinue(query['continue']);
			if (!token) return this.send(response, record, status.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)'));
			listRv = token.rv;
			start = token.start;
			items = scope.resource === 'namespaces' ? this.current('namespaces') : this.history.listAt(scope.resource, listRv);
			if (items === 'expired') return this.send(response, record, status.continueExpired());
		} else if (query['resourceVersion'] && query['resourceVersionMatch'] === 'Exact') {
			const rv = Number(query['resourceVersion']);
			if (!Number.isInteger(rv)) return this.send(response, record, status.badRequest(`invalid resource version: ${query['resourceVersion']}`));
			listRv = rv;
			items = scope.resource === 'namespaces' ? this.current('namespaces') : this.history.listAt(scope.resource, rv);
			if (items === 'expired') return this.send(response, record, status.expired(rv, this.history.oldestResumable));
		} else {
			items = this.current(scope.resource);
		}

		let selected = items.filter(item => {
			const object = item.object;
			if (scope.namespace && object.metadata?.namespace !== scope.namespace) return false;
			return scope.matches(object) && (start === '' || objectKey(object) > start);
		});
		const metadata: {resourceVersion: string; continue?: string; remainingItemCount?: number} = {resourceVersion: String(listRv)};
		const limit = Number(query['limit'] ?? 0);
		if (Number.isInteger(limit) && limit > 0 && selected.length > limit) {
			const remaining = selected.length - limit;
			selected = selected.slice(0, limit);
			metadata.continue = encodeContinue(listRv, objectKey(selected.at(-1)!.object));
			// The real server only knows the remaining count when it does not filter.
			if (!query['labelSelector'] && !query['fieldSelector']) metadata.remainingItemCount = remaining;
		}

		if (representation.kind === 'table' && scope.resource !== 'namespaces') {
			const body = table(scope.resource, selected, {groupVersion: representation.groupVersion, include, resourceVersion: metadata.resourceVersion, printRow: this.printRow});
			body.metadata = metadata;
			return this.send(response, record, body, representation.contentType);
		}
		if (representation.kind === 'partial') {
			const body = {
				kind: 'PartialObjectMetadataList',
				apiVersion: representation.groupVersion,
				metadata,
				items: selected.map(item => ({kind: 'PartialObjectMetadata', apiVersion: representation.groupVersion, metadata: item.object.metadata ?? {}})),
			};
			return this.send(response, record, body, representation.contentType);
		}
		this.send(response, record, {kind: listKinds[scope.resource], apiVersion: 'v1', metadata, items: selected.map(item => stripTypeMeta(item.object))});
	}

	private serveWatch(
		response: ServerResponse,
		record: RequestRecord,
		scope: WatchScope,
		query: Record<string, string>,
		representation: Representation,
		include: IncludeObject,
	): void {
		const requested = query['resourceVersion'] ?? '';
		const fromRv = requested === '' || requested === '0' ? undefined : Number(requested);
		if (fromRv !== undefined && !Number.isInteger(fromRv)) {
			return this.send(response, record, status.badRequest(`invalid resource version: ${requested}`));
		}
		const backlog = fromRv === undefined || scope.resource === 'namespaces' ? [] : this.history.changesAfter(fromRv);
		if (backlog === 'expired' && this.options.expiredWatchResponse === 'status') {
			return this.send(response, record, status.expired(fromRv!, this.history.oldestResumable));
		}

		record.status = 200;
		response.writeHead(200, {
			'Content-Type': representation.kind === 'json' ? 'application/json' : representation.contentType,
			'Cache-Control': 'no-cache, private',
		});
		response.flushHeaders();
		const watch = new WatchConnection(
			response,
			scope,
			{representation, include, allowBookmarks: query['allowWatchBookmarks'] === 'true', chunkDelay: () => this.delayMs, printRow: this.printRow},
			fromRv ?? this.history.resourceVersion,
		);
		if (backlog === 'expired') {
			watch.sendErrorAndEnd(status.expired(fromRv!, this.history.oldestResumable));
			return;
		}

		const sendInitialEvents = query['sendInitialEvents'] === 'true';
		if (fromRv === undefined || sendInitialEvents) watch.sendInitial(this.current(scope.resource));
		for (const change of backlog) watch.sendChange(change);
		// The streaming-list protocol (KEP-3157) marks the end of the initial state with this bookmark.
		if (sendInitialEvents) watch.sendBookmark(this.history.resourceVersion, {'k8s.io/initial-events-end': 'true'});

		this.watches.add(watch);
		const timeoutSeconds = Number(query['timeoutSeconds'] ?? 0);
		const timer = timeoutSeconds > 0 ? setTimeout(() => watch.end(), timeoutSeconds * 1000) : undefined;
		response.on('close', () => {
			clearTimeout(timer);
			this.watches.delete(watch);
		});
	}

	private send(response: ServerResponse, record: RequestRecord, body: unknown, contentType = 'application/json'): void {
		const code = typeof body === 'object' && body !== null && (body as {kind?: unknown}).kind === 'Status' ? (body as status.StatusBody).code : 200;
		record.status = code;
		const text = JSON.stringify(body);
		response.writeHead(code, {'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private'});
		response.end(text);
	}

	private sendText(response: ServerResponse, record: RequestRecord, text: string): void {
		record.status = 200;
		response.writeHead(200, {'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text)});
		response.end(text);
	}
}
