// A loopback Kubernetes API server that plays a recorded session: lists, gets
// and watches of pods, nodes and events answer with the session's state at the
// server's current time, in the real server's wire shapes (lists, WatchEvent
// lines, meta.k8s.io Tables, Status errors). Tests drive time by hand with
// advanceTo(); `podlife serve` plays it in real time, its times moved to now
// (timeShiftMs, timeSpeed: served-clock.ts). Faults (cut watches, refused connections,
// 401/403, slowness, expired resourceVersions) are methods, so client code can
// be tested against the failures a real cluster produces.
//
// This file is the HTTP server and the face tests drive; the parts are request-handler.ts (how
// a request is answered), routes.ts (which resource a path names), request-faults.ts (401, 403,
// 429, held requests, slowness), access.ts (RBAC), list.ts (get and list answers), watches.ts
// (open watches), pod-logs.ts (pods/log from the session's LOG entries), playback.ts (real time),
// over served-objects.ts and object-history.ts (what is served).

import {createServer, type Server} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import type {Pod} from '../kube/objects.js';
import {compatForServerVersion, type StatusCompat} from '../model/compat.js';
import type {SessionEntry, SessionHeader} from '../session/format.js';
import {agedRow} from './aged-row.js';
import {loadSession} from './load-session.js';
import {ObjectHistory, type Change} from './object-history.js';
import {Playback, type PlayOptions} from './playback.js';
import {AccessRules, type Grant, type Revocation} from './access.js';
import {RequestFaults, type ForbidRule, type ThrottleRule} from './request-faults.js';
import {RequestHandler, type RequestRecord} from './request-handler.js';
import {PodLogs} from './pod-logs.js';
import type {Verb} from './routes.js';
import {servedAt} from './served-clock.js';
import {ServedObjects} from './served-objects.js';
import type {RowPrinter} from './table.js';
import {Watches, type WatchListFailure} from './watches.js';

export type {ForbidRule, Grant, RequestRecord, Revocation, ThrottleRule, Verb, WatchListFailure};

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
	 * The served times run this many times as fast as the recorded ones from t = 0 on (served-clock.ts):
	 * what `play({wallClock: true})` plays at. Default 1.
	 */
	timeSpeed?: number;
	/**
	 * How a watch request from an expired resourceVersion is refused. 'event' (default) is
	 * the real server's way: HTTP 200, one ERROR event with a 410 Status, end of stream.
	 * 'status' answers HTTP 410 with the Status instead.
	 */
	expiredWatchResponse?: 'event' | 'status';
	/** While playing, send BOOKMARKs to watches that allow them this often. Default 60 000. */
	bookmarkIntervalMs?: number;
	/**
	 * The WatchList feature gate: watches with sendInitialEvents=true stream the state, then a
	 * bookmark annotated k8s.io/initial-events-end. Default true (on by default since 1.32); false
	 * refuses them with 422 Invalid, as a server with the gate off does.
	 */
	watchList?: boolean;
	/**
	 * A watch that asks no timeoutSeconds ends after this × [1, 2) seconds, as kube-apiserver's
	 * --min-request-timeout (default 1800) makes it.
	 */
	minRequestTimeoutSeconds?: number;
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
	private readonly objects: ServedObjects;
	private readonly faults = new RequestFaults();
	private readonly access = new AccessRules();
	private readonly watches: Watches;
	private readonly logs: PodLogs;
	private readonly playback: Playback;
	private refusing = false;
	private refuseTimer: NodeJS.Timeout | undefined;
	private readonly recordedAtMs: number;
	private readonly compat: StatusCompat;
	private listening = false;

	constructor(options: FakeApiServerOptions) {
		this.header = options.header;
		this.host = options.host ?? '127.0.0.1';
		this.port = options.port ?? 0;
		this.recordedAtMs = Date.parse(options.header.recordedAt);
		this.compat = compatForServerVersion(options.header.serverVersion);
		const clock = {recordedAtMs: this.recordedAtMs, shiftMs: options.timeShiftMs ?? 0, speed: options.timeSpeed ?? 1};
		this.history = new ObjectHistory(options.entries, {firstResourceVersion: options.firstResourceVersion, clock});
		if (options.startAt !== undefined) this.history.advanceTo(options.startAt);
		this.logs = new PodLogs(options.entries);
		this.objects = new ServedObjects(this.history, this.header, options.firstResourceVersion ?? 1000);
		this.watches = new Watches(this.objects, {
			expiredWatchResponse: options.expiredWatchResponse,
			chunkDelay: () => this.faults.delayMs,
			watchList: options.watchList ?? true,
			minRequestTimeoutMs: (options.minRequestTimeoutSeconds ?? 1800) * 1000,
		});
		this.playback = new Playback({
			history: this.history,
			recordedAtMs: this.recordedAtMs,
			advanceTo: t => void this.advanceTo(t),
			broadcast: changes => this.broadcast(changes),
			sendBookmarks: () => this.sendBookmarks(),
			bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
		});
		const handler = new RequestHandler(
			{
				header: this.header,
				history: this.history,
				objects: this.objects,
				watches: this.watches,
				logs: this.logs,
				faults: this.faults,
				access: this.access,
				printRow: this.printRow,
				authority: () => `${this.host}:${this.port}`,
				refusing: () => this.refusing,
				sessionNow: () => this.sessionNow,
				epochOf: t => this.epochOf(t),
			},
			this.requests,
		);
		this.server = createServer((request, response) => handler.respond(request, response));
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
		this.watches.cut();
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
		return this.playback.sessionNow;
	}

	/** The moment the server answers for (epoch ms), on the clock of the objects it serves. */
	get serverTime(): number {
		return this.epochOf(this.sessionNow);
	}

	private epochOf(t: number, shiftMs = this.history.shiftMs): number {
		return servedAt({...this.history.clock, shiftMs}, t);
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

	/** Play the session in real time from where it is (playback.ts). */
	play(options: PlayOptions = {}): void {
		this.playback.play(options);
	}

	pause(): void {
		this.playback.pause();
	}

	private broadcast(changes: Change[]): void {
		this.watches.broadcast(changes, change => this.epochOf(change.t, change.shiftMs));
	}

	// ── faults ──────────────────────────────────────────────────────────────

	get openWatches(): number {
		return this.watches.openCount;
	}

	/** Destroy every open watch connection mid-stream; returns how many. */
	cutWatches(): number {
		return this.watches.cut();
	}

	/** Stop listening (new connections get ECONNREFUSED, open ones are reset); for `forMs`, or until restoreConnections(). */
	async refuseConnections(forMs?: number): Promise<void> {
		clearTimeout(this.refuseTimer);
		this.refusing = true;
		this.watches.forget();
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
		this.faults.requireToken(token, user);
	}

	/** Answer matching requests 403 Forbidden, worded like the real authorizer. */
	forbid(rule: ForbidRule): void {
		this.faults.forbid(rule);
	}

	/** RBAC: from now on only what `grants` allow (access.ts); allowAll() lifts it. */
	limitAccess(grants: readonly Grant[]): void {
		this.access.limitTo(grants);
	}

	/** Take grants back mid-session: open watches go on; the next request for them is answered 403. */
	revokeAccess(revocation: Revocation): void {
		this.access.revoke(revocation);
	}

	allowAll(): void {
		this.faults.allowAll();
		this.access.allowAll();
	}

	/**
	 * Hold every list request that continues a paged list (one with a continue token) until the
	 * returned function is called: the first page is answered, the rest of the list waits.
	 */
	holdContinuedLists(): () => void {
		return this.faults.hold({verb: 'list', continued: true});
	}

	/** Hold every matching request (`{resource: 'pods/log'}`) until the returned function is called; held ones are judged once released. */
	holdRequests(rule: ForbidRule): () => void {
		return this.faults.hold(rule);
	}

	/** Answer the next `times` matching requests 429 Too Many Requests with Retry-After, as API Priority and Fairness does. */
	throttle(rule: ThrottleRule): void {
		this.faults.throttle(rule);
	}

	/** Delay every response, and every chunk of a watch, by `ms`. */
	slow(ms: number): void {
		this.faults.slow(ms);
	}

	/** Compact: resuming or listing exactly from an rv older than `rv` is answered 410 Expired. */
	expireResourceVersionsBefore(rv: number): void {
		this.history.expireBefore(rv);
	}

	/** The next `times` watches from a resourceVersion are ended with 504 "Too large resource version" (a lagging watch cache). */
	fallBehind(times: number): void {
		this.watches.fallBehind(times);
	}

	/** Send every open watch an ERROR 410 Expired and end it (the watch cache dropping its watchers). */
	expireOpenWatches(): number {
		return this.watches.expire();
	}

	/**
	 * Hold the bookmark that ends the initial events of watch-list streams until the returned
	 * function is called: the changes made meanwhile come before it, as on servers before 1.32.
	 */
	holdInitialEventsEnd(): () => void {
		return this.watches.holdInitialEventsEnd();
	}

	/**
	 * The next `times` (default: every) watch-list streams fail before the bookmark that ends their
	 * initial events. 'error' (default): the initial events, then an ERROR event 500 InternalError, as
	 * when etcd fails the watcher's initial list (storage/etcd3 watcher.go), and the end of the stream;
	 * 'close': the stream ends at once, before any event. Plain watches are not touched.
	 */
	failWatchLists(rule: {how?: WatchListFailure; times?: number} = {}): void {
		this.watches.failWatchLists(rule.how ?? 'error', rule.times ?? Number.POSITIVE_INFINITY);
	}

	/** Send a BOOKMARK at the current resourceVersion to watches that allow bookmarks. */
	sendBookmarks(): void {
		this.watches.sendBookmarks();
	}

	/** Number of answered requests matching every given field. */
	count(filter: Partial<Omit<RequestRecord, 'query'>> = {}): number {
		return this.requests.filter(record => Object.entries(filter).every(([key, value]) => record[key as keyof RequestRecord] === value)).length;
	}
}
