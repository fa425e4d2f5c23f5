// A player's notifications: a user's action notifies at once (a screen should show it now);
// background changes (clock ticks, loading) at most once per interval.

import type {Scheduler, TimerHandle} from './scheduler.js';

export class Notifier {
	/** Bumped on every notification. */
	version = 0;
	private readonly listeners = new Set<(urgent: boolean) => void>();
	private flushTimer: TimerHandle | null = null;
	private lastFlush = Number.NEGATIVE_INFINITY;
	private stopped = false;

	constructor(
		private readonly scheduler: Scheduler,
		private readonly intervalMs: number,
	) {}

	/** `listener` gets true for a user's action. */
	subscribe(listener: (urgent: boolean) => void): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	/** `urgent`: a user's action. */
	notify(urgent: boolean): void {
		if (this.stopped) return;
		const mono = this.scheduler.now();
		if (urgent || mono - this.lastFlush >= this.intervalMs) {
			this.flush(urgent);
			return;
		}
		if (this.flushTimer === null) {
			this.flushTimer = this.scheduler.setTimeout(
				() => {
					this.flushTimer = null;
					this.flush();
				},
				this.intervalMs - (mono - this.lastFlush),
			);
		}
	}

	/** No notifications any more. */
	stop(): void {
		this.stopped = true;
		if (this.flushTimer !== null) this.scheduler.clearTimeout(this.flushTimer);
		this.flushTimer = null;
		this.listeners.clear();
	}

	private flush(urgent = false): void {
		if (this.flushTimer !== null) this.scheduler.clearTimeout(this.flushTimer);
		this.flushTimer = null;
		this.version++;
		this.lastFlush = this.scheduler.now();
		for (const listener of [...this.listeners]) listener(urgent);
	}
}
