// The replay player: a clock over a recorded session. Time in the session (`t`, ms since
// header.recordedAt) advances at `speed` × real time while playing, and the display store
// always holds every entry with t <= the position (a step is the one exception: it moves
// by one entry, so it can stop inside a group of entries that share a t).
//
// The session loads in the background: open() returns once the header is read, so a huge
// session shows its first frame at once, and playback can start while the rest streams in.
// The player puts together what does the work, one file each: loading (session-loader.ts:
// the entry log, the loader's store, keyframes, the change index, the load status), the clock
// (replay-clock.ts), seeking (display-store.ts), what the timeline bar asks
// (timeline-queries.ts) and notifications (notifier.ts); here are the transport keys and where
// the player should be while the session is still loading.

import {sessionLimits} from './session-limits.js';
import {stat} from 'node:fs/promises';
import {openSession} from '../../session/reader.js';
import type {SessionHeader} from '../../session/format.js';
import type {PodStore} from '../../model/store/pod-store.js';
import {compatForServerVersion, type StatusCompat} from '../../model/compat.js';
import type {Clock, SourceInfo} from '../source-info.js';
import {realScheduler, type Scheduler} from './scheduler.js';
import {DEFAULT_BLOCK_SIZE, plainFirstLineBytes} from './entry-log.js';
import {DEFAULT_KEYFRAME_TUNING} from './keyframes.js';
import type {LoadStatus} from './load-status.js';
import {SessionLoader, type LoaderTuning, type Session} from './session-loader.js';
import {DisplayStore} from './display-store.js';
import {ReplayClock} from './replay-clock.js';
import {TimelineQueries} from './timeline-queries.js';
import {Notifier} from './notifier.js';

export interface ReplayTuning extends LoaderTuning {
	/** Real ms between clock ticks while playing. */
	tickMs: number;
	/** Real ms between two notifications of background changes (ticks, loading). */
	notifyMs: number;
}

export const DEFAULT_REPLAY_TUNING: ReplayTuning = {
	...DEFAULT_KEYFRAME_TUNING,
	blockSize: DEFAULT_BLOCK_SIZE,
	tickMs: 100,
	notifyMs: 100,
	loadBatch: 512,
};

export interface ReplayOptions {
	/** Printer behaviour; default: from the header's serverVersion. */
	compat?: StatusCompat;
	/** Session ms per real ms; default 1. */
	speed?: number;
	/** Start paused; default false (plays once start() is called). */
	paused?: boolean;
	/** Restart at the beginning when the end is passed. */
	loop?: boolean;
	/** Where to start: ms since recordedAt, or 'end'; default the first entry. */
	atMs?: number | 'end';
	/** Timers and monotonic time; tests pass a ManualScheduler. */
	scheduler?: Scheduler;
	/** Skip bad lines instead of stopping (the reader counts them). */
	lenient?: boolean;
	/** Lines longer than this are bad lines (default: the reader's MAX_LINE_BYTES; tests shrink it). */
	maxLineBytes?: number;
	/** Keyframe spacing, block size, tick rate (tests shrink them to exercise the machinery). */
	tuning?: Partial<ReplayTuning>;
}

/** Where the player should be once enough is loaded: set by open(atMs) and seekToEnd(). */
type PendingTarget = number | 'start' | 'end' | null;

export class ReplayPlayer implements Clock {
	/** The display store: the state at the current position. Subscribe to the player, not to it. */
	readonly store: PodStore;
	readonly header: SessionHeader;
	readonly file: string;
	/** header.recordedAt in epoch ms. */
	readonly recordedAtMs: number;
	/** How far loading has come and how it ended (a read error ends the session before the bad line). */
	readonly loadStatus: LoadStatus;

	private readonly session: Session;
	private readonly loader: SessionLoader;
	private readonly display: DisplayStore;
	private readonly clock: ReplayClock;
	private readonly timeline: TimelineQueries;
	private readonly notifier: Notifier;
	private pending: PendingTarget;
	/** Loaded entries at the last afterBatch(). */
	private lastSeenCount = 0;
	private disposed = false;
	private readonly loading: Promise<void>;

	private constructor(file: string, session: Session, fileBytes: number | null, firstLineBytes: number | null, options: ReplayOptions) {
		this.file = file;
		this.session = session;
		this.header = session.header;
		this.recordedAtMs = Date.parse(session.header.recordedAt);
		const scheduler = options.scheduler ?? realScheduler;
		const tuning = {...DEFAULT_REPLAY_TUNING, ...options.tuning};
		const compat = options.compat ?? compatForServerVersion(session.header.serverVersion);
		this.loader = new SessionLoader(session, file, firstLineBytes, fileBytes, this.recordedAtMs, compat, tuning);
		this.loadStatus = this.loader.status;
		this.display = new DisplayStore(this.loader, this.loader.newStore(compat), tuning.trailEvery);
		this.store = this.display.store;
		this.timeline = new TimelineQueries(this.loader.log, this.loader.changes);
		this.notifier = new Notifier(scheduler, tuning.notifyMs);
		this.clock = new ReplayClock(scheduler, tuning.tickMs, this.onTick, {
			speed: options.speed ?? 1,
			paused: options.paused ?? false,
			loop: options.loop ?? false,
		});
		this.pending = options.atMs ?? 'start';
		this.loading = this.loader.run(() => this.afterBatch());
	}

	/** Opens the session and starts loading it; resolves once the header is read. */
	static async open(file: string, options: ReplayOptions = {}): Promise<ReplayPlayer> {
		const session = await openSession(file, {lenient: options.lenient, maxLineBytes: options.maxLineBytes});
		// bytesRead counts compressed bytes for gzip, so the file's size is the right total for both.
		const size = await stat(file).then(
			info => info.size,
			() => null,
		);
		return new ReplayPlayer(file, session, size, await plainFirstLineBytes(file), options);
	}

	// ── clock ────────────────────────────────────────────────────────────────

	/** The replay clock: epoch ms of the current position. */
	now(): number {
		return this.recordedAtMs + this.clock.position;
	}

	/** t of the first entry (0 before any is loaded). */
	get startMs(): number {
		return this.loader.startMs;
	}

	/** t of the last loaded entry. */
	get endMs(): number {
		return this.loader.endMs;
	}

	/** endMs − startMs. */
	get durationMs(): number {
		return this.endMs - this.startMs;
	}

	/** The position: ms since recordedAt. */
	get positionMs(): number {
		return this.clock.position;
	}

	get speed(): number {
		return this.clock.speed;
	}

	get paused(): boolean {
		return this.clock.paused;
	}

	get loop(): boolean {
		return this.clock.loop;
	}

	set loop(on: boolean) {
		this.clock.loop = on;
		this.notify(true);
	}

	/** Loading finished (the whole file, or up to a bad line: see loadError). */
	get loaded(): boolean {
		return this.loader.loaded;
	}

	get loadedEntries(): number {
		return this.loader.log.count;
	}

	/** Entries applied to the display store (the state after entries [0, appliedEntries)). */
	get appliedEntries(): number {
		return this.display.applied;
	}

	/** Loading progress 0..1, by bytes of the file read (compressed bytes for gzip). */
	get progress(): number {
		return this.loader.progress;
	}

	/** The clock has passed the last entry and nothing more will load. */
	get ended(): boolean {
		if (!this.loaded) return false;
		return this.display.applied === this.loader.log.count && this.clock.position >= this.endMs;
	}

	/** Set when loading stopped on a bad line (strict mode): the session ends before it. */
	get loadError(): Error | null {
		return this.loadStatus.error;
	}

	/** Reader warnings (a cut-off last line, skipped lines in lenient mode). */
	get warnings(): readonly string[] {
		return this.session.warnings;
	}

	get skipped(): number {
		return this.session.skipped;
	}

	get info(): SourceInfo {
		return {
			kind: 'replay',
			title: this.header.title ?? this.file,
			file: this.file,
			context: this.header.context,
			server: this.header.server,
			serverVersion: this.header.serverVersion,
			namespace: this.header.namespace,
			labelSelector: this.header.labelSelector,
			header: this.header,
			limits: () => sessionLimits(this.header),
		};
	}

	/** What the player holds, for diagnostics and the bench: keyframes, their spacing, entry bytes. */
	get memoryStats(): {keyframes: number; keyframeInterval: number; entryBytes: number} {
		const {keyframes, log} = this.loader;
		return {keyframes: keyframes.keyframeCount, keyframeInterval: keyframes.interval, entryBytes: log.bytes};
	}

	/** Resolves when loading has finished (also after a load error). */
	whenLoaded(): Promise<void> {
		return this.loading;
	}

	// ── transport ────────────────────────────────────────────────────────────

	/** Starts the timer (playback advances only after this). */
	start(): void {
		if (this.disposed) return;
		this.clock.start();
	}

	play(): void {
		if (this.disposed) return;
		if (this.ended) this.moveTo(this.startMs);
		this.pending = null;
		this.clock.paused = false;
		this.clock.restart();
		this.clock.schedule();
		this.notify(true);
	}

	pause(): void {
		if (this.disposed || this.clock.paused) return;
		this.halt();
		this.notify(true);
	}

	toggle(): void {
		if (this.clock.paused) this.play();
		else this.pause();
	}

	setSpeed(speed: number): void {
		this.syncClock();
		this.clock.speed = speed;
		this.notify(true);
	}

	faster(): void {
		this.setSpeed(this.clock.faster());
	}

	slower(): void {
		this.setSpeed(this.clock.slower());
	}

	/** One entry forward (+1) or back (−1: the state just before the current entry). Pauses. */
	step(direction: 1 | -1): void {
		if (this.disposed) return;
		this.halt();
		this.pending = null;
		const target = this.display.applied + direction;
		const {log} = this.loader;
		if (target >= 0 && target <= log.count) {
			this.display.goTo(target);
			this.clock.position = target > 0 ? log.t(target - 1) : 0;
		}
		this.notify(true);
	}

	/** Jumps to session time tMs (clamped to [0, endMs]): all entries with t <= it applied. */
	seek(tMs: number): void {
		if (this.disposed) return;
		this.pending = null;
		this.moveTo(tMs);
		this.notify(true);
	}

	seekToStart(): void {
		this.seek(this.startMs);
	}

	/** To the last entry; while loading, keeps following the end until it is loaded. */
	seekToEnd(): void {
		this.seek(this.endMs);
		if (!this.loaded) this.pending = 'end';
	}

	/** Print columns as another server version does (the store recomputes; history stays as seen). */
	setCompat(compat: StatusCompat): void {
		this.store.setCompat(compat);
		this.loader.setCompat(compat);
		this.notify(true);
	}

	// ── what the timeline bar and keys need ──────────────────────────────────

	/** t of the next (1) or previous (−1) entry that changed pod `podKey`, or null. */
	nextChangeOf(podKey: string, direction: 1 | -1): number | null {
		return this.timeline.nextChangeOf(podKey, direction, this.clock.position);
	}

	/** Entries per time bucket over [startMs, endMs]. */
	density(buckets: number): number[] {
		return this.timeline.density(buckets);
	}

	/** The earliest moment the pods' lives reconstructed from their objects reach, epoch ms (ChangeIndex.beforeSightFrom), or null. */
	get beforeSightFrom(): number | null {
		return this.loader.changes.beforeSightFrom;
	}

	/** t of every entry where a pod entered a failing STATUS (statusBucket 'failing'). */
	failureMarks(): number[] {
		return this.timeline.failureMarks();
	}

	// ── notifications ────────────────────────────────────────────────────────

	/** Bumped on every notification. */
	get version(): number {
		return this.notifier.version;
	}

	/** Fires on clock and state changes; coalesced to one per notifyMs while playing or loading. Its argument is true for a user's action. */
	subscribe = (listener: (urgent: boolean) => void): (() => void) => this.notifier.subscribe(listener);

	/** Stops the timer, the loading, and all notifications. */
	dispose(): void {
		this.disposed = true;
		this.clock.stop();
		this.notifier.stop();
		this.loader.close();
	}

	// ── internals ────────────────────────────────────────────────────────────

	/** Display follow-up after more entries loaded. */
	private afterBatch(): void {
		const before = this.lastSeenCount;
		const count = this.loader.log.count;
		this.lastSeenCount = count;
		if (this.pending !== null) {
			this.resolvePending();
		} else if (this.display.applied === before && count > before) {
			// The display sat at the old end: entries that share its t, or that the running
			// clock had already passed, now apply.
			this.display.goTo(this.loader.log.countUpTo(this.clock.position));
		}
		this.notify(false);
	}

	private resolvePending(): void {
		const pending = this.pending;
		if (pending === null) return;
		if (this.loader.log.count === 0) {
			if (this.loaded) this.pending = null;
			return;
		}
		const target = pending === 'start' ? this.startMs : pending === 'end' ? this.endMs : Math.min(pending, this.endMs);
		this.moveTo(target);
		const reached = this.loaded || pending === 'start' || (typeof pending === 'number' && this.endMs > pending);
		if (reached) {
			this.pending = null;
			this.clock.restart();
		}
	}

	/** Position := tMs (clamped), state := all loaded entries with t <= it. */
	private moveTo(tMs: number): void {
		this.clock.position = Math.max(0, Math.min(tMs, this.endMs));
		this.clock.restart();
		this.display.goTo(this.loader.log.countUpTo(this.clock.position));
	}

	/** Moves the clock by the real time elapsed since the last look, at the current speed. */
	private syncClock(): void {
		const delta = this.clock.takeElapsed(this.pending !== null);
		if (delta > 0) this.advance(delta);
	}

	private advance(delta: number): void {
		if (this.loader.log.count === 0) return;
		const end = this.endMs;
		const target = this.clock.position + delta;
		if (this.loaded && target >= end) {
			if (this.clock.loop && target > end) {
				this.moveTo(this.startMs);
				return;
			}
			if (!this.clock.loop) {
				// Honest end: everything applied, the clock stops on the last entry.
				this.moveTo(end);
				this.clock.paused = true;
				this.clock.cancel();
				return;
			}
		}
		// While loading, the clock waits at the last loaded entry for more to come.
		this.clock.position = Math.min(target, end);
		this.display.goTo(this.loader.log.countUpTo(this.clock.position), false);
	}

	private readonly onTick = (): void => {
		if (this.disposed) return;
		this.syncClock();
		this.clock.schedule();
		this.notify(false);
	};

	/** Stops the clock where the elapsed real time has brought it. */
	private halt(): void {
		if (this.clock.paused) return;
		this.syncClock();
		this.clock.paused = true;
		this.clock.cancel();
	}

	private notify(urgent: boolean): void {
		if (this.disposed) return;
		this.notifier.notify(urgent);
	}
}
