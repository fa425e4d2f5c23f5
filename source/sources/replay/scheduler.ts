// The replay clock's only link to real time: timers and a monotonic clock, injected so
// that tests (and the TUI's tests) drive playback with a manual scheduler instead of sleeping.

export type TimerHandle = unknown;

export interface Scheduler {
	/** Monotonic milliseconds (only differences matter). */
	now(): number;
	setTimeout(callback: () => void, ms: number): TimerHandle;
	clearTimeout(handle: TimerHandle): void;
}

export const realScheduler: Scheduler = {
	now: () => performance.now(),
	setTimeout(callback, ms) {
		const handle = setTimeout(callback, ms);
		// Playback alone must not keep a headless process alive.
		handle.unref();
		return handle;
	},
	clearTimeout(handle) {
		clearTimeout(handle as ReturnType<typeof setTimeout>);
	},
};
