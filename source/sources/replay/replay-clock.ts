// The replay clock: a position in session time (ms since header.recordedAt) that moves at `speed`
// × real time while playing. Real time comes from a Scheduler (a ManualScheduler in tests), and a
// timer ticks every tickMs while playing so that the player can look at it.

import type {Scheduler, TimerHandle} from './scheduler.js';
import {fasterSpeed, slowerSpeed} from './speed.js';

export class ReplayClock {
	/** ms since recordedAt. */
	position = 0;
	paused: boolean;
	loop: boolean;
	private currentSpeed: number;
	private lastMono: number;
	private tickTimer: TimerHandle | null = null;
	private started = false;
	private stopped = false;

	/** `onTick`: called every tickMs while playing, once started. */
	constructor(
		private readonly scheduler: Scheduler,
		private readonly tickMs: number,
		private readonly onTick: () => void,
		options: {speed: number; paused: boolean; loop: boolean},
	) {
		this.currentSpeed = validSpeed(options.speed);
		this.paused = options.paused;
		this.loop = options.loop;
		this.lastMono = scheduler.now();
	}

	/** Session ms per real ms. */
	get speed(): number {
		return this.currentSpeed;
	}

	set speed(speed: number) {
		this.currentSpeed = validSpeed(speed);
	}

	faster(): number {
		return fasterSpeed(this.currentSpeed);
	}

	slower(): number {
		return slowerSpeed(this.currentSpeed);
	}

	/**
	 * The session time to move by: the real time since the last look, at the current speed; 0 while
	 * paused or `waiting` (for a target to load). The next look counts from now.
	 */
	takeElapsed(waiting: boolean): number {
		const mono = this.scheduler.now();
		const elapsed = mono - this.lastMono;
		this.lastMono = mono;
		if (this.paused || waiting || elapsed <= 0) return 0;
		return elapsed * this.currentSpeed;
	}

	/** The next look counts real time from now (after a jump, or when play starts). */
	restart(): void {
		this.lastMono = this.scheduler.now();
	}

	/** Starts ticking (nothing ticks before this). */
	start(): void {
		if (this.started || this.stopped) return;
		this.started = true;
		this.restart();
		this.schedule();
	}

	/** Ticks again after tickMs, if playing and not already due. */
	schedule(): void {
		if (!this.started || this.stopped || this.paused || this.tickTimer !== null) return;
		this.tickTimer = this.scheduler.setTimeout(this.tick, this.tickMs);
	}

	cancel(): void {
		if (this.tickTimer !== null) this.scheduler.clearTimeout(this.tickTimer);
		this.tickTimer = null;
	}

	/** No more ticks, ever. */
	stop(): void {
		this.stopped = true;
		this.cancel();
	}

	private readonly tick = (): void => {
		this.tickTimer = null;
		if (this.paused || this.stopped) return;
		this.onTick();
	};
}

function validSpeed(speed: number): number {
	if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`replay speed must be a positive number, got ${speed}`);
	return speed;
}
