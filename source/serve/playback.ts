// Playing the session in real time (× speed), as `podlife serve` does: each change is applied
// when its time comes, session time runs on between them as a real cluster's clock does, and a
// loop starts over after a pause, its times moved to start anew (shift-times.ts).

import type {Change, ObjectHistory} from './object-history.js';
import {offsetToStartAt} from './shift-times.js';

interface LoopOptions {
	loop?: boolean;
	loopPauseMs?: number;
}

/**
 * With wallClock, session time is the served times' clock (served-clock.ts): t = 0 is when the
 * history's shift says the session started (offsetToStartAt), it runs at the speed the served
 * times do — playing at another would serve changes at moments their own times do not say — and
 * each round of a loop is moved to start anew when it does. Without it, session time runs `speed`
 * times as fast as the wall clock from where the history is.
 */
export type PlayOptions = LoopOptions & ({wallClock: true} | {wallClock?: false; speed?: number});

export interface PlaybackDeps {
	history: ObjectHistory;
	recordedAtMs: number;
	/** Applies the changes up to `t` and pushes them to the open watches. */
	advanceTo: (t: number) => void;
	/** Pushes changes (a loop's rewind) to the open watches. */
	broadcast: (changes: Change[]) => void;
	sendBookmarks: () => void;
	bookmarkIntervalMs: number;
}

export class Playback {
	private playTimer: NodeJS.Timeout | undefined;
	private bookmarkTimer: NodeJS.Timeout | undefined;
	/** While playing: session time `session` is (or was due) at performance.now() = `wall`. */
	private anchor: {wall: number; session: number; speed: number} | null = null;

	constructor(private readonly deps: PlaybackDeps) {}

	/** Session time (ms) now: while playing it runs on between entries. */
	get sessionNow(): number {
		const {history} = this.deps;
		if (!this.anchor) return history.now;
		return Math.max(history.now, this.anchor.session + (performance.now() - this.anchor.wall) * this.anchor.speed);
	}

	/** Plays from where the history is; with loop, starts over after the end. */
	play(options: PlayOptions = {}): void {
		this.pause();
		const {history, recordedAtMs} = this.deps;
		const asked = options.wallClock ? history.clock.speed : options.speed;
		const speed = asked && asked > 0 ? asked : 1;
		const anchor = (): void => {
			// Wall clock: t = 0 was (or is due) at the epoch the served times say, read on the monotonic clock.
			const startsIn = recordedAtMs + history.shiftMs - Date.now();
			this.anchor = options.wallClock ? {wall: performance.now() + startsIn, session: 0, speed} : {wall: performance.now(), session: history.now, speed};
		};
		anchor();
		const schedule = (): void => {
			const next = history.nextTime;
			if (next === undefined) {
				if (!options.loop) return;
				this.playTimer = setTimeout(() => {
					// The deletions of the round that ends happen now, on that round's clock.
					history.advanceTo(this.sessionNow);
					this.deps.broadcast(history.rewind(options.wallClock ? offsetToStartAt(recordedAtMs, Date.now()) : undefined));
					anchor();
					schedule();
				}, options.loopPauseMs ?? 2000);
				return;
			}
			const playing = this.anchor!;
			const due = playing.wall + (next - playing.session) / speed - performance.now();
			this.playTimer = setTimeout(
				() => {
					this.deps.advanceTo(next);
					schedule();
				},
				Math.max(0, due),
			);
		};
		schedule();
		this.bookmarkTimer = setInterval(() => this.deps.sendBookmarks(), this.deps.bookmarkIntervalMs);
		this.bookmarkTimer.unref();
	}

	pause(): void {
		clearTimeout(this.playTimer);
		clearInterval(this.bookmarkTimer);
		this.playTimer = undefined;
		this.bookmarkTimer = undefined;
		this.anchor = null;
	}
}
