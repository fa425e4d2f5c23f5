// The replay player: a clock over a recorded session. Time in the session (`t`, ms since
// header.recordedAt) advances at `speed` × real time while playing, and the display store
// always holds every entry with t <= the position (a step is the one exception: it moves
// by one entry, so it can stop inside a group of entries that share a t).
//
// The session loads in the background: open() returns once the header is read, so a huge
// session shows its first frame at once, and playback can start while the rest streams in.
// While loading, a second store (the loader's) applies every entry once; it feeds the
// pod-change index and the keyframes, and afterwards stays as the snapshot of the end.
// Entries themselves are kept as byte offsets into the file (or compressed text for gzip: see
// EntryLog), never as parsed objects; so are pod objects: the stores keep each pod's derived
// state and read its object back from its entry when a screen asks for it.

import {stat} from 'node:fs/promises';
import {openSession} from '../../session/reader.js';
import {isWatchEntry, type SessionEntry, type SessionHeader} from '../../session/format.js';
import {PodStore, type StoreSnapshot} from '../../model/store/pod-store.js';
import {Interns} from '../../model/store/interns.js';
import {podKeyOf} from '../../model/pod-key.js';
import {compatForServerVersion} from '../../model/compat.js';
import type {StatusCompat} from '../../model/types.js';
import type {Clock, SourceInfo} from '../types.js';
import {realScheduler, type Scheduler, type TimerHandle} from './scheduler.js';
import {EntryLog, DEFAULT_BLOCK_SIZE, plainFirstLineBytes} from './entry-log.js';
import {LoggedObjects} from './logged-objects.js';
import {KeyframeIndex, DEFAULT_KEYFRAME_TUNING, type KeyframeTuning} from './keyframes.js';
import {ChangeIndex} from './change-index.js';
import {LoadStatus} from './load-status.js';
import {flattenedSnapshot, SnapshotPacker} from './packed-snapshots.js';
import {fasterSpeed, slowerSpeed} from './speed.js';
import {partitionPoint} from '../../model/partition-point.js';

export interface ReplayTuning extends KeyframeTuning {
	/** Entries per compressed block of the entry log. */
	blockSize: number;
	/** Real ms between clock ticks while playing. */
	tickMs: number;
	/** Real ms between two notifications of background changes (ticks, loading). */
	notifyMs: number;
	/** Entries loaded between two looks at the display (and yields to the event loop). */
	loadBatch: number;
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

/** Trail snapshots left before the target of a jump. */
const TRAIL_AFTER_JUMP = 4;

type Session = Awaited<ReturnType<typeof openSession>>;
/** Where the player should be once enough is loaded: set by open(atMs) and seekToEnd(). */
type PendingTarget = number | 'start' | 'end' | null;

export class ReplayPlayer implements Clock {
	/** The display store: the state at the current position. Subscribe to the player, not to it. */
	readonly store: PodStore;
	readonly header: SessionHeader;
	readonly file: string;
	/** header.recordedAt in epoch ms. */
	readonly recordedAtMs: number;
	/** Snapshots of the display store at the moments it holds; bumped on every notification. */
	version = 0;
	/** How far loading has come and how it ended (a read error ends the session before the bad line). */
	readonly loadStatus = new LoadStatus();

	private readonly session: Session;
	private readonly scheduler: Scheduler;
	private readonly tuning: ReplayTuning;
	private readonly loader: PodStore;
	/** Keyframes of the loader's store. */
	private readonly loaderFrames: SnapshotPacker;
	private readonly log: EntryLog;
	private readonly keyframes: KeyframeIndex<StoreSnapshot>;
	private readonly changes = new ChangeIndex();
	private readonly listeners = new Set<(urgent: boolean) => void>();
	/** Pod objects read back from the log (the stores keep none: each apply passes the entry's index). */
	private readonly objects: LoggedObjects;
	/** One set of intern tables for the stores that exchange snapshots. */
	private readonly interns = new Interns();

	private applied = 0;
	/** Loaded entries at the last afterBatch(). */
	private lastSeenCount = 0;
	private position = 0;
	private currentSpeed: number;
	private isPaused: boolean;
	private looping: boolean;
	private pending: PendingTarget;
	private isLoaded = false;
	private readonly fileBytes: number | null;
	private started = false;
	private disposed = false;
	private tickTimer: TimerHandle | null = null;
	private flushTimer: TimerHandle | null = null;
	private lastMono = 0;
	private lastFlush = Number.NEGATIVE_INFINITY;
	private densityCache: {buckets: number; count: number; counts: number[]} | null = null;
	private readonly loading: Promise<void>;

	private constructor(file: string, session: Session, fileBytes: number | null, firstLineBytes: number | null, options: ReplayOptions) {
		this.file = file;
		this.session = session;
		this.header = session.header;
		this.recordedAtMs = Date.parse(session.header.recordedAt);
		this.scheduler = options.scheduler ?? realScheduler;
		this.tuning = {...DEFAULT_REPLAY_TUNING, ...options.tuning};
		const compat = options.compat ?? compatForServerVersion(session.header.serverVersion);
		this.log = new EntryLog(this.tuning.blockSize, firstLineBytes === null ? null : file, firstLineBytes);
		this.objects = new LoggedObjects(this.log);
		this.store = this.newStore(compat);
		this.loader = this.newStore(compat);
		this.loaderFrames = new SnapshotPacker(this.loader);
		this.keyframes = new KeyframeIndex(this.tuning, flattenedSnapshot);
		this.keyframes.offerLoaded(0, 0, 0, () => this.loaderFrames.take());
		this.currentSpeed = validSpeed(options.speed ?? 1);
		this.isPaused = options.paused ?? false;
		this.looping = options.loop ?? false;
		this.pending = options.atMs ?? 'start';
		this.fileBytes = fileBytes;
		this.lastMono = this.scheduler.now();
		this.loading = this.load();
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
		return this.recordedAtMs + this.position;
	}

	/** t of the first entry (0 before any is loaded). */
	get startMs(): number {
		return this.log.count > 0 ? this.log.t(0) : 0;
	}

	/** t of the last loaded entry. */
	get endMs(): number {
		return this.log.count > 0 ? this.log.t(this.log.count - 1) : 0;
	}

	/** endMs − startMs. */
	get durationMs(): number {
		return this.endMs - this.startMs;
	}

	/** The position: ms since recordedAt. */
	get positionMs(): number {
		return this.position;
	}

	get speed(): number {
		return this.currentSpeed;
	}

	get paused(): boolean {
		return this.isPaused;
	}

	get loop(): boolean {
		return this.looping;
	}

	set loop(on: boolean) {
		this.looping = on;
		this.notify(true);
	}

	/** Loading finished (the whole file, or up to a bad line: see loadError). */
	get loaded(): boolean {
		return this.isLoaded;
	}

	get loadedEntries(): number {
		return this.log.count;
	}

	/** Entries applied to the display store (the state after entries [0, appliedEntries)). */
	get appliedEntries(): number {
		return this.applied;
	}

	/** Loading progress 0..1, by bytes of the file read (compressed bytes for gzip). */
	get progress(): number {
		if (this.isLoaded) return 1;
		if (!this.fileBytes) return 0;
		return Math.min(0.99, this.session.bytesRead / this.fileBytes);
	}

	/** The clock has passed the last entry and nothing more will load. */
	get ended(): boolean {
		if (!this.isLoaded) return false;
		return this.applied === this.log.count && this.position >= this.endMs;
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
		};
	}

	/** What the player holds, for diagnostics and the bench: keyframes, their spacing, entry bytes. */
	get memoryStats(): {keyframes: number; keyframeInterval: number; entryBytes: number} {
		return {keyframes: this.keyframes.keyframeCount, keyframeInterval: this.keyframes.interval, entryBytes: this.log.bytes};
	}

	/** Resolves when loading has finished (also after a load error). */
	whenLoaded(): Promise<void> {
		return this.loading;
	}

	// ── transport ────────────────────────────────────────────────────────────

	/** Starts the timer (playback advances only after this). */
	start(): void {
		if (this.disposed || this.started) return;
		this.started = true;
		this.lastMono = this.scheduler.now();
		this.scheduleTick();
	}

	play(): void {
		if (this.disposed) return;
		if (this.ended) this.moveTo(this.startMs);
		this.pending = null;
		this.isPaused = false;
		this.lastMono = this.scheduler.now();
		this.scheduleTick();
		this.notify(true);
	}

	pause(): void {
		if (this.disposed || this.isPaused) return;
		this.halt();
		this.notify(true);
	}

	toggle(): void {
		if (this.isPaused) this.play();
		else this.pause();
	}

	setSpeed(speed: number): void {
		this.syncClock();
		this.currentSpeed = validSpeed(speed);
		this.notify(true);
	}

	faster(): void {
		this.setSpeed(fasterSpeed(this.currentSpeed));
	}

	slower(): void {
		this.setSpeed(slowerSpeed(this.currentSpeed));
	}

	/** One entry forward (+1) or back (−1: the state just before the current entry). Pauses. */
	step(direction: 1 | -1): void {
		if (this.disposed) return;
		this.halt();
		this.pending = null;
		const target = this.applied + direction;
		if (target >= 0 && target <= this.log.count) {
			this.goToIndex(target);
			this.position = target > 0 ? this.log.t(target - 1) : 0;
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
		if (!this.isLoaded) this.pending = 'end';
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
		const indices = this.changes.changesOf(podKey);
		// First change with t > position.
		const low = partitionPoint(indices.length, at => this.log.t(indices[at]!) <= this.position);
		if (direction === 1) return low < indices.length ? this.log.t(indices[low]!) : null;
		// Last change with t < position (a change at exactly the position is the current one).
		for (let at = low - 1; at >= 0; at--) {
			const t = this.log.t(indices[at]!);
			if (t < this.position) return t;
		}
		return null;
	}

	/** Entries per time bucket over [startMs, endMs]. */
	density(buckets: number): number[] {
		const count = this.log.count;
		const cached = this.densityCache;
		if (cached && cached.buckets === buckets && cached.count === count) return [...cached.counts];
		const counts = new Array<number>(Math.max(0, buckets)).fill(0);
		if (buckets > 0 && count > 0) {
			const start = this.startMs;
			const span = this.endMs - start;
			for (let index = 0; index < count; index++) {
				const bucket = span > 0 ? Math.min(buckets - 1, Math.floor(((this.log.t(index) - start) / span) * buckets)) : 0;
				counts[bucket]!++;
			}
		}
		this.densityCache = {buckets, count, counts};
		return [...counts];
	}

	/** t of every entry where a pod entered a failing STATUS (statusBucket 'failing'). */
	failureMarks(): number[] {
		return [...this.changes.failureTimes()];
	}

	// ── notifications ────────────────────────────────────────────────────────

	/** Fires on clock and state changes; coalesced to one per notifyMs while playing or loading. Its argument is true for a user's action. */
	subscribe = (listener: (urgent: boolean) => void): (() => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	/** Stops the timer, the loading, and all notifications. */
	dispose(): void {
		this.disposed = true;
		this.cancelTick();
		if (this.flushTimer !== null) this.scheduler.clearTimeout(this.flushTimer);
		this.flushTimer = null;
		this.listeners.clear();
		void this.session.close();
		this.log.close();
	}

	// ── internals ────────────────────────────────────────────────────────────

	private async load(): Promise<void> {
		let batch = 0;
		let failure: Error | null = null;
		try {
			read: for await (const lines of this.session.entryBatches()) {
				for (const {entry, text, line} of lines) {
					if (this.disposed) break read;
					// The line's text gives its place in the file (entries are read back from there).
					this.ingest(entry, text, line);
					if (++batch >= this.tuning.loadBatch) {
						batch = 0;
						this.afterBatch();
						// Let timers and keys run between batches even when the file is all in cache.
						await new Promise<void>(resolve => setImmediate(resolve));
						if (this.disposed) break read;
					}
				}
				// How far reading has come, for those who wait on it (cli/replay-start.ts); the display follows in afterBatch.
				this.loadStatus.progressed(this.log.count, this.endMs);
			}
		} catch (error) {
			if (!this.disposed) failure = error instanceof Error ? error : new Error(String(error));
		}
		if (!this.disposed) this.buildTail();
		this.isLoaded = true;
		// Before the last notification, so that the screen it brings shows the error.
		this.loadStatus.finish(failure);
		if (!this.disposed) this.afterBatch();
	}

	/** Snapshots just before the end, replayed once from the last keyframe in a scratch store. */
	private buildTail(): void {
		const wanted = this.keyframes.tailIndices(this.log.count);
		const base = this.keyframes.lastKeyframe;
		if (wanted.length === 0 || !base || base.index >= wanted[wanted.length - 1]!) return;
		const scratch = this.newStore(this.loader.statusCompat);
		scratch.restore(base.snapshot);
		const frames = new SnapshotPacker(scratch);
		for (let index = base.index; index < wanted[wanted.length - 1]!; index++) {
			const entry = this.log.entry(index);
			scratch.apply(entry, this.recordedAtMs + entry.t, index);
			if (wanted.includes(index + 1)) this.keyframes.addTail(index + 1, frames.take());
		}
	}

	private ingest(entry: SessionEntry, text: string, line: number): void {
		const index = this.log.count;
		const key = podKeyOfEntry(entry);
		const before = key ? this.loader.pod(key) : undefined;
		this.log.appendLine(text, entry.t, line);
		this.loader.apply(entry, this.recordedAtMs + entry.t, index);
		if (key) {
			this.changes.record(index, entry.t, key, before, this.loader.pod(key));
			this.keyframes.countPodEntry();
		}
		this.keyframes.offerLoaded(index + 1, entry.t, this.changes.podCount, () => this.loaderFrames.take());
	}

	/** A store for this session: tombstones pruned by entry time, pod objects read back from the log. */
	private newStore(compat: StatusCompat): PodStore {
		return new PodStore({compat, pruneOnApply: true, objects: this.objects, interns: this.interns});
	}

	/** Display follow-up after more entries loaded. */
	private afterBatch(): void {
		const before = this.lastSeenCount;
		this.lastSeenCount = this.log.count;
		if (this.pending !== null) {
			this.resolvePending();
		} else if (this.applied === before && this.log.count > before) {
			// The display sat at the old end: entries that share its t, or that the running
			// clock had already passed, now apply.
			this.goToIndex(this.log.countUpTo(this.position));
		}
		this.notify(false);
	}

	private resolvePending(): void {
		const pending = this.pending;
		if (pending === null) return;
		if (this.log.count === 0) {
			if (this.isLoaded) this.pending = null;
			return;
		}
		const target = pending === 'start' ? this.startMs : pending === 'end' ? this.endMs : Math.min(pending, this.endMs);
		this.moveTo(target);
		const reached = this.isLoaded || pending === 'start' || (typeof pending === 'number' && this.endMs > pending);
		if (reached) {
			this.pending = null;
			this.lastMono = this.scheduler.now();
		}
	}

	/** Position := tMs (clamped), state := all loaded entries with t <= it. */
	private moveTo(tMs: number): void {
		this.position = Math.max(0, Math.min(tMs, this.endMs));
		this.lastMono = this.scheduler.now();
		this.goToIndex(this.log.countUpTo(this.position));
	}

	/**
	 * Brings the display store to the state after entries [0, target). `trail` false: the clock
	 * playing forward, which takes no trail snapshots (each would cost a copy of the store's maps
	 * on the next write, several times a second); a pause, step or jump leaves them again.
	 */
	private goToIndex(target: number, trail = true): void {
		if (target === this.applied) return;
		const forward = target > this.applied;
		if (target === this.log.count && (!forward || target - this.applied > this.tuning.trailEvery)) {
			// The loader's store sits at the end: the best keyframe of all.
			this.keyframes.forgetTrailFarFrom(target);
			this.store.restore(this.loader.snapshot());
			this.applied = target;
			return;
		}
		// Restore at least trailEvery entries before the target: applying them leaves trail
		// snapshots behind, so the steps back that usually follow a seek stay cheap.
		const base = this.keyframes.nearest(Math.max(0, target - this.tuning.trailEvery));
		if (base && (!forward || base.index > this.applied)) {
			this.keyframes.forgetTrailFarFrom(target);
			this.store.restore(base.snapshot);
			this.applied = base.index;
		}
		// A snapshot pins the pod states that change after it (and the map shards they sit in):
		// leave only a few trail snapshots just before the target, enough for the steps back
		// that follow a jump; stepping back past them jumps again and leaves more.
		const trailFrom = target - TRAIL_AFTER_JUMP * this.tuning.trailEvery;
		while (this.applied < target) {
			const entry = this.log.entry(this.applied);
			this.store.apply(entry, this.recordedAtMs + entry.t, this.applied);
			this.applied++;
			if (trail && this.applied > trailFrom) this.keyframes.offerTrail(this.applied, () => this.store.snapshot());
		}
	}

	/** Moves the clock by the real time elapsed since the last look, at the current speed. */
	private syncClock(): void {
		const mono = this.scheduler.now();
		const elapsed = mono - this.lastMono;
		this.lastMono = mono;
		if (this.isPaused || this.pending !== null || elapsed <= 0) return;
		this.advance(elapsed * this.currentSpeed);
	}

	private advance(delta: number): void {
		if (this.log.count === 0) return;
		const end = this.endMs;
		const target = this.position + delta;
		if (this.isLoaded && target >= end) {
			if (this.looping && target > end) {
				this.moveTo(this.startMs);
				return;
			}
			if (!this.looping) {
				// Honest end: everything applied, the clock stops on the last entry.
				this.moveTo(end);
				this.isPaused = true;
				this.cancelTick();
				return;
			}
		}
		// While loading, the clock waits at the last loaded entry for more to come.
		this.position = Math.min(target, end);
		this.goToIndex(this.log.countUpTo(this.position), false);
	}

	private readonly onTick = (): void => {
		this.tickTimer = null;
		if (this.isPaused || this.disposed) return;
		this.syncClock();
		this.scheduleTick();
		this.notify(false);
	};

	private scheduleTick(): void {
		if (!this.started || this.isPaused || this.disposed || this.tickTimer !== null) return;
		this.tickTimer = this.scheduler.setTimeout(this.onTick, this.tuning.tickMs);
	}

	/** Stops the clock where the elapsed real time has brought it. */
	private halt(): void {
		if (this.isPaused) return;
		this.syncClock();
		this.isPaused = true;
		this.cancelTick();
	}

	private cancelTick(): void {
		if (this.tickTimer !== null) this.scheduler.clearTimeout(this.tickTimer);
		this.tickTimer = null;
	}

	/** User actions notify at once; background changes at most once per notifyMs. */
	private notify(urgent: boolean): void {
		if (this.disposed) return;
		const mono = this.scheduler.now();
		if (urgent || mono - this.lastFlush >= this.tuning.notifyMs) {
			this.flush(urgent);
			return;
		}
		if (this.flushTimer === null) {
			this.flushTimer = this.scheduler.setTimeout(() => {
				this.flushTimer = null;
				this.flush();
			}, this.tuning.notifyMs - (mono - this.lastFlush));
		}
	}

	/** `urgent`: a user's action, which a screen should show at once (listeners get it as their argument). */
	private flush(urgent = false): void {
		if (this.flushTimer !== null) this.scheduler.clearTimeout(this.flushTimer);
		this.flushTimer = null;
		this.version++;
		this.lastFlush = this.scheduler.now();
		for (const listener of [...this.listeners]) listener(urgent);
	}
}

function validSpeed(speed: number): number {
	if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`replay speed must be a positive number, got ${speed}`);
	return speed;
}

/** The key of the pod a watch entry is about, else null. */
function podKeyOfEntry(entry: SessionEntry): string | null {
	if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') return null;
	return podKeyOf(entry.object.metadata);
}
