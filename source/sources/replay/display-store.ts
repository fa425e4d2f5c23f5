// Seeking: the store the screens show, brought to the state after any number of loaded entries.
// It restores the nearest snapshot at or before the target (a keyframe, a trail or tail snapshot,
// or the loader's own store when the target is the end) and applies only the entries after it.

import type {PodStore} from '../../model/store/pod-store.js';
import type {SessionLoader} from './session-loader.js';

/** Trail snapshots left before the target of a jump. */
const TRAIL_AFTER_JUMP = 4;

export class DisplayStore {
	/** The state after entries [0, applied). */
	readonly store: PodStore;
	private appliedCount = 0;

	/** `trailEvery`: entries between trail snapshots (KeyframeTuning). */
	constructor(
		private readonly loader: SessionLoader,
		store: PodStore,
		private readonly trailEvery: number,
	) {
		this.store = store;
	}

	/** Entries applied: the store holds the state after entries [0, applied). */
	get applied(): number {
		return this.appliedCount;
	}

	/**
	 * Brings the store to the state after entries [0, target). `trail` false: the clock playing
	 * forward, which takes no trail snapshots (each would cost a copy of the store's maps on the
	 * next write, several times a second); a pause, step or jump leaves them again.
	 */
	goTo(target: number, trail = true): void {
		if (target === this.appliedCount) return;
		const {keyframes, log} = this.loader;
		const forward = target > this.appliedCount;
		if (target === log.count && (!forward || target - this.appliedCount > this.trailEvery)) {
			// The loader's store sits at the end: the best keyframe of all.
			keyframes.forgetTrailFarFrom(target);
			this.store.restore(this.loader.endSnapshot());
			this.appliedCount = target;
			return;
		}
		// Restore at least trailEvery entries before the target: applying them leaves trail
		// snapshots behind, so the steps back that usually follow a seek stay cheap.
		const base = keyframes.nearest(Math.max(0, target - this.trailEvery));
		if (base && (!forward || base.index > this.appliedCount)) {
			keyframes.forgetTrailFarFrom(target);
			this.store.restore(base.snapshot);
			this.appliedCount = base.index;
		}
		// A snapshot pins the pod states that change after it (and the map shards they sit in):
		// leave only a few trail snapshots just before the target, enough for the steps back
		// that follow a jump; stepping back past them jumps again and leaves more.
		const trailFrom = target - TRAIL_AFTER_JUMP * this.trailEvery;
		while (this.appliedCount < target) {
			this.loader.applyTo(this.store, this.appliedCount);
			this.appliedCount++;
			if (trail && this.appliedCount > trailFrom) keyframes.offerTrail(this.appliedCount, () => this.store.snapshot());
		}
	}
}
