// How far the background load of a session has come, and how it ended: the
// whole file, or a read error (strict mode) that ends the session at the last
// good entry. The CLI waits on it before the first frame, so that an error in
// the first entries ends podlife with the same one line as headless mode, and
// a `--at` moment is shown only once its state is whole.

interface Waiter {
	/** True once the load has come far enough. */
	reached: () => boolean;
	resolve: () => void;
}

export class LoadStatus {
	private failure: Error | null = null;
	private finished = false;
	private count = 0;
	/** t of the last loaded entry (−1 before any). */
	private lastT = -1;
	private waiters: Waiter[] = [];

	/** The read error that ended loading early, or null. */
	get error(): Error | null {
		return this.failure;
	}

	/** Loading has ended (the whole file, or up to a read error). */
	get done(): boolean {
		return this.finished;
	}

	/** `count` entries have loaded so far; `lastT` is the t of the last one. */
	progressed(count: number, lastT: number): void {
		this.count = count;
		this.lastT = lastT;
		if (this.waiters.length > 0) this.wake();
	}

	/** Loading has ended, with the error that stopped it (null: the whole file was read). */
	finish(error: Error | null): void {
		this.failure = error;
		this.finished = true;
		this.wake();
	}

	/** Resolves once `count` entries have loaded, or loading has ended. */
	entries(count: number): Promise<void> {
		return this.until(() => this.count >= count);
	}

	/** Resolves once an entry after `tMs` has loaded (the state at tMs is whole), or loading has ended. */
	past(tMs: number): Promise<void> {
		return this.until(() => this.lastT > tMs);
	}

	/** Resolves once loading has ended. */
	end(): Promise<void> {
		return this.until(() => false);
	}

	private until(reached: () => boolean): Promise<void> {
		if (this.finished || reached()) return Promise.resolve();
		return new Promise(resolve => this.waiters.push({reached, resolve}));
	}

	private wake(): void {
		const waiting = this.waiters;
		this.waiters = [];
		for (const waiter of waiting) {
			if (this.finished || waiter.reached()) waiter.resolve();
			else this.waiters.push(waiter);
		}
	}
}
