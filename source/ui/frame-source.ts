// Store → React without a React update per watch event. Ink lays out on every
// React commit (only its string stage is throttled), so at 1 000 events/s a
// commit per event costs a core; this adapter turns many upstream notifications
// into at most one per `intervalMs` — leading edge right away when idle, then one
// trailing notification at the end of the window, so the last state is always
// shown. Its snapshot is a frame number: a new number means "read the store again".
// Timers come from an injected Scheduler so tests advance time by hand.

import type {Scheduler, TimerHandle} from '../sources/replay/scheduler.js';

export const FRAME_INTERVAL_MS = 100;

export type Unsubscribe = () => void;
export type Subscribe = (listener: () => void) => Unsubscribe;

export class FrameSource {
	private frame = 0;
	private readonly listeners = new Set<() => void>();
	private lastEmit = -Infinity;
	private pending: TimerHandle | null = null;
	private tick: TimerHandle | null = null;
	private readonly unsubscribers: Unsubscribe[] = [];

	/**
	 * @param upstream subscriptions that signal a change (store, player)
	 * @param tickMs also emit this often with no upstream change (AGE and countdowns move with time); 0 = never
	 */
	constructor(
		upstream: readonly Subscribe[],
		private readonly scheduler: Scheduler,
		private readonly intervalMs = FRAME_INTERVAL_MS,
		private readonly tickMs = 0,
	) {
		for (const subscribe of upstream) this.unsubscribers.push(subscribe(this.notify));
		this.scheduleTick();
	}

	readonly subscribe = (listener: () => void): Unsubscribe => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	readonly getSnapshot = (): number => this.frame;

	/** Upstream changed: emit now, or once at the end of the current window. */
	readonly notify = (): void => {
		if (this.pending !== null) return;
		const wait = this.lastEmit + this.intervalMs - this.scheduler.now();
		if (wait <= 0) {
			this.emit();
			return;
		}
		this.pending = this.scheduler.setTimeout(() => {
			this.pending = null;
			this.emit();
		}, wait);
	};

	private emit(): void {
		this.lastEmit = this.scheduler.now();
		this.frame++;
		for (const listener of this.listeners) listener();
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
