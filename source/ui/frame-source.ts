// Store → React without a React update per watch event. Ink lays out on every
// React commit (only its string stage is throttled), so at 1 000 events/s a
// commit per event costs a core; this adapter turns many upstream notifications
// into at most one per `intervalMs` — leading edge right away when idle, then one
// trailing notification at the end of the window, so the last state is always
// shown. Its snapshot is a frame number: a new number means "read the store again".
// Timers come from an injected Scheduler so tests advance time by hand.
//
// Optionally the window also grows with what frames cost: with `maxShare` set,
// frames that cost c ms of CPU are spaced at least c / maxShare ms apart (up to
// MAX_WINDOW_MS), so rendering keeps to about that share of a core however slow
// the machine or large the screen (Ink as published rebuilds the whole frame
// whatever changed, so its cost grows with the screen; podlife's patched Ink
// rebuilds only the rows that changed).
// A frame's cost is the process CPU time from the emit to the end of the
// microtask in which React renders and Ink writes; c is the median of the last
// few, because a garbage collection of the player's heap can land in any one frame.

import type {Scheduler, TimerHandle} from '../sources/replay/scheduler.js';

export const FRAME_INTERVAL_MS = 100;
/** The share of a core the TUI's frames may take (run-app.tsx): at 30 ms a frame, one frame per 200 ms. */
export const FRAME_CPU_SHARE = 0.15;
/** However costly frames are, at least this many a second (2). */
export const MAX_WINDOW_MS = 500;
/** c is the median of this many frame costs. */
const COST_SAMPLES = 5;

export type CostClock = () => number;

/** CPU time of this process, ms: other processes on a busy machine do not count as a frame's cost. */
export const cpuClock: CostClock = () => {
	const {user, system} = process.cpuUsage();
	return (user + system) / 1000;
};

export type Unsubscribe = () => void;
export type Subscribe = (listener: () => void) => Unsubscribe;

export class FrameSource {
	private frame = 0;
	private readonly listeners = new Set<() => void>();
	private lastEmit = -Infinity;
	private pending: TimerHandle | null = null;
	private tick: TimerHandle | null = null;
	private readonly unsubscribers: Unsubscribe[] = [];
	/** The last frame costs, ms (newest last). */
	private readonly costs: number[] = [];
	/** Their median (0 until measured). */
	private cost = 0;

	/**
	 * @param upstream subscriptions that signal a change (store, player)
	 * @param tickMs also emit this often with no upstream change (AGE and countdowns move with time); 0 = never
	 * @param maxShare frames take at most this share of a core (the window grows with their cost); 0 = fixed window
	 * @param costClock what a frame's cost is measured with (ms)
	 */
	constructor(
		upstream: readonly Subscribe[],
		private readonly scheduler: Scheduler,
		private readonly intervalMs = FRAME_INTERVAL_MS,
		private readonly tickMs = 0,
		private readonly maxShare = 0,
		private readonly costClock: CostClock = cpuClock,
	) {
		for (const subscribe of upstream) this.unsubscribers.push(subscribe(this.notify));
		this.scheduleTick();
	}

	readonly subscribe = (listener: () => void): Unsubscribe => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	readonly getSnapshot = (): number => this.frame;

	/** One more upstream for a while (an open log's feed): its changes make frames too, coalesced with the rest. */
	follow(subscribe: Subscribe): Unsubscribe {
		return subscribe(() => this.notify());
	}

	/**
	 * Upstream changed: emit now, or once at the end of the current window. `urgent`: a user's
	 * action (the replay player says so for pause, step, seek): emit now whatever the window, as a
	 * key must show its effect at once.
	 */
	readonly notify = (urgent?: boolean): void => {
		if (urgent === true) {
			if (this.pending !== null) this.scheduler.clearTimeout(this.pending);
			this.pending = null;
			this.emit();
			return;
		}
		if (this.pending !== null) return;
		const wait = this.lastEmit + this.windowMs - this.scheduler.now();
		if (wait <= 0) {
			this.emit();
			return;
		}
		this.pending = this.scheduler.setTimeout(() => {
			this.pending = null;
			this.emit();
		}, wait);
	};

	/** The shortest time between two frames now. */
	get windowMs(): number {
		if (this.maxShare <= 0) return this.intervalMs;
		return Math.max(this.intervalMs, Math.min(MAX_WINDOW_MS, this.cost / this.maxShare));
	}

	/** What a frame cost, ms (measured by emit; tests call it by hand). */
	recordFrameCost(ms: number): void {
		this.costs.push(ms);
		if (this.costs.length > COST_SAMPLES) this.costs.shift();
		const sorted = [...this.costs].sort((a, b) => a - b);
		this.cost = sorted[Math.floor(sorted.length / 2)]!;
	}

	private emit(): void {
		this.lastEmit = this.scheduler.now();
		this.frame++;
		const measure = this.maxShare > 0 && this.listeners.size > 0;
		const started = measure ? this.costClock() : 0;
		for (const listener of this.listeners) listener();
		// React renders a store change in a microtask queued by the listener above, and Ink writes the
		// frame in the commit: a microtask queued now runs right after both.
		if (measure) queueMicrotask(() => this.recordFrameCost(this.costClock() - started));
	}

	private scheduleTick(): void {
		if (this.tickMs <= 0) return;
		this.tick = this.scheduler.setTimeout(() => {
			this.tick = null;
			this.notify();
			this.scheduleTick();
		}, this.tickMs);
	}

	dispose(): void {
		for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
		if (this.pending !== null) this.scheduler.clearTimeout(this.pending);
		if (this.tick !== null) this.scheduler.clearTimeout(this.tick);
		this.pending = null;
		this.tick = null;
		this.listeners.clear();
	}
}
