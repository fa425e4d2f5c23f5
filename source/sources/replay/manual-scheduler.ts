// A Scheduler whose time only moves when a test says so: advance(ms) runs every timer
// that falls due, in due order, with now() set to each timer's due time.

import type {Scheduler, TimerHandle} from './scheduler.js';

interface PendingTimer {
	id: number;
	due: number;
	callback: () => void;
}

export class ManualScheduler implements Scheduler {
	private time = 0;
	private nextId = 1;
	private timers: PendingTimer[] = [];

	now(): number {
		return this.time;
	}

	setTimeout(callback: () => void, ms: number): TimerHandle {
		const timer = {id: this.nextId++, due: this.time + Math.max(0, ms), callback};
		this.timers.push(timer);
		return timer.id;
	}

	clearTimeout(handle: TimerHandle): void {
		this.timers = this.timers.filter(timer => timer.id !== handle);
	}

	/** Timers still waiting. */
	get pending(): number {
		return this.timers.length;
	}

	/** Moves time forward by `ms`, firing due timers (also ones they schedule) in order. */
	advance(ms: number): void {
		const end = this.time + ms;
		for (;;) {
			let next: PendingTimer | undefined;
			for (const timer of this.timers) {
				if (timer.due <= end && (!next || timer.due < next.due || (timer.due === next.due && timer.id < next.id))) next = timer;
			}
			if (!next) break;
			this.timers = this.timers.filter(timer => timer !== next);
			this.time = Math.max(this.time, next.due);
			next.callback();
		}
		this.time = end;
	}
}
