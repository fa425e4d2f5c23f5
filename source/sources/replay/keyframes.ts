// Store snapshots that make seeking cheap: a seek restores the nearest snapshot at or
// before its target and applies only the entries after it.
//
// A snapshot shares every pod state that has not changed since, but pins the ones that
// changed after it: the memory a set of snapshots holds grows with the pod changes between
// them. Pod states are small in the player's stores (no pod object, a shared history line:
// model/store/pod-version.ts), and keyframes are packed (packed-snapshots.ts: arrays, a chain of
// deltas after a full copy, tombstones as a shared queue), so a keyframe costs little besides the
// pod states it pins. There are three kinds, all bounded:
// - keyframes, taken by the loader every `every` entries (and after `maxGapMs` of session
//   time). When there are more than `max`, or they pin more than about `maxPinned` pod
//   states, every other one is dropped and the interval doubles: a session with heavy churn
//   over many pods gets fewer keyframes (slower far seeks) rather than unbounded memory;
// - a trail, taken by the player every `trailEvery` entries it applies, kept near where the
//   user is, so that stepping back entry by entry applies at most ~2 × trailEvery entries;
// - a tail: a few trail-spaced snapshots just before the end, built once loading is done, so
//   that stepping back from the end (the loader's own store) is as quick as anywhere else.

export interface Snapshot<S> {
	/** Entries applied: the state after entries [0, index). */
	index: number;
	snapshot: S;
}

export interface KeyframeTuning {
	/** Entries between keyframes at first (doubles whenever a bound is exceeded). */
	every: number;
	/** Session time after which a keyframe is taken even if fewer entries came. */
	maxGapMs: number;
	/** Keyframes kept at most. */
	max: number;
	/** Pod states (about) that keyframes may pin (their packed maps counted as a fortieth of a state per pod). */
	maxPinned: number;
	/** Entries between trail snapshots. */
	trailEvery: number;
	/** Trail snapshots kept at most. */
	trailMax: number;
	/** Tail snapshots (the loader's newest) kept. */
	tailMax: number;
}

// Chosen on the bench's large session (`npm run bench` prints the seek time and the player's
// memory they give): `every` bounds the entries a seek applies after its keyframe; `max` and
// `maxPinned` bound the memory of a session many times as long (thinning doubles the spacing).
export const DEFAULT_KEYFRAME_TUNING: KeyframeTuning = {
	every: 1000,
	maxGapMs: 60_000,
	max: 256,
	maxPinned: 800_000,
	trailEvery: 128,
	trailMax: 16,
	tailMax: 4,
};

/** A time gap alone makes a keyframe only after this many entries (tiny sessions need none). */
const MIN_ENTRIES_FOR_TIME_KEYFRAME = 16;

interface Keyframe<S> extends Snapshot<S> {
	t: number;
	/** Pod entries between the previous keyframe and this one. */
	podEntries: number;
}

export class KeyframeIndex<S> {
	private keyframes: Array<Keyframe<S>> = [];
	private trail: Array<Snapshot<S>> = [];
	private tail: Array<Snapshot<S>> = [];
	private every: number;
	private gapMs: number;
	private podEntriesSinceKeyframe = 0;

	/**
	 * `flatten`: a kept snapshot that no longer holds the ones before it. Snapshots may share
	 * parts with the ones before them (packed-snapshots.ts: chains of deltas); when thinning
	 * drops every other keyframe, the kept ones are flattened so that the dropped ones are freed.
	 */
	constructor(
		private readonly tuning: KeyframeTuning,
		private readonly flatten: (snapshot: S) => S = snapshot => snapshot,
	) {
		this.every = tuning.every;
		this.gapMs = tuning.maxGapMs;
	}

	get keyframeCount(): number {
		return this.keyframes.length;
	}

	/** Current interval between keyframes, in entries. */
	get interval(): number {
		return this.every;
	}

	/** The loader saw one more pod entry (what keyframes pin grows with these). */
	countPodEntry(): void {
		this.podEntriesSinceKeyframe++;
	}

	/** Called by the loader after applying entry `index - 1` (time t), with `pods` pods known. */
	offerLoaded(index: number, t: number, pods: number, take: () => S): void {
		const last = this.keyframes[this.keyframes.length - 1];
		if (last) {
			const entries = index - last.index;
			const due = entries >= this.every || (t - last.t >= this.gapMs && entries >= MIN_ENTRIES_FOR_TIME_KEYFRAME);
			if (!due) return;
		}
		this.keyframes.push({index, t, snapshot: take(), podEntries: this.podEntriesSinceKeyframe});
		this.podEntriesSinceKeyframe = 0;
		while (this.keyframes.length > 2 && (this.keyframes.length > this.tuning.max || this.pinned(pods) > this.tuning.maxPinned)) this.thin();
	}

	/** The newest keyframe. */
	get lastKeyframe(): Snapshot<S> | undefined {
		return this.keyframes[this.keyframes.length - 1];
	}

	/** Indices the tail should hold for a session of `count` entries (trail-spaced, newest last). */
	tailIndices(count: number): number[] {
		const every = this.tuning.trailEvery;
		const newest = Math.floor(count / every) * every;
		const indices: number[] = [];
		for (let index = newest; index > 0 && indices.length < this.tuning.tailMax; index -= every) indices.unshift(index);
		return indices;
	}

	/** Adds a tail snapshot (built once the whole session is loaded). */
	addTail(index: number, snapshot: S): void {
		this.tail.push({index, snapshot});
	}

	/** Called by the player whenever it has applied entries up to `index`. */
	offerTrail(index: number, take: () => S): void {
		if (index % this.tuning.trailEvery !== 0 || index === 0) return;
		if (this.trail.some(snapshot => snapshot.index === index)) return;
		if (this.keyframes.some(keyframe => keyframe.index === index)) return;
		this.trail.push({index, snapshot: take()});
		if (this.trail.length > this.tuning.trailMax) {
			// Forget the one farthest from where the user is now.
			let farthest = 0;
			for (let position = 1; position < this.trail.length; position++) {
				if (Math.abs(this.trail[position]!.index - index) > Math.abs(this.trail[farthest]!.index - index)) farthest = position;
			}
			this.trail.splice(farthest, 1);
		}
	}

	/**
	 * After a jump: forget trail snapshots far from `index`. Snapshots of a distant moment share
	 * almost nothing with the state the user now sees, so each would pin a whole copy of it.
	 */
	forgetTrailFarFrom(index: number): void {
		const reach = this.tuning.trailMax * this.tuning.trailEvery;
		this.trail = this.trail.filter(snapshot => Math.abs(snapshot.index - index) <= reach);
	}

	/** The snapshot with the largest index <= `index`. */
	nearest(index: number): Snapshot<S> | undefined {
		let best: Snapshot<S> | undefined;
		for (const candidate of this.keyframes) {
			if (candidate.index > index) break;
			best = candidate;
		}
		for (const candidate of [...this.trail, ...this.tail]) {
			if (candidate.index <= index && (!best || candidate.index > best.index)) best = candidate;
		}
		return best;
	}

	/**
	 * Estimated pod states the keyframes pin. A keyframe pins the states of the pods that change
	 * before the next one: with n pod entries spread over `pods` pods, pods × (1 − e^(−n/pods))
	 * distinct ones. Its own packed copy of the maps costs about a fortieth of a state per pod.
	 */
	private pinned(pods: number): number {
		let total = 0;
		for (const keyframe of this.keyframes) {
			const distinct = pods > 0 ? pods * (1 - Math.exp(-keyframe.podEntries / pods)) : 0;
			total += distinct + Math.ceil(pods / 40);
		}
		return total;
	}

	/** Drops every other keyframe (the first, the empty store, stays) and doubles both spacings. */
	private thin(): void {
		const kept: Array<Keyframe<S>> = [];
		let carried = 0;
		this.keyframes.forEach((keyframe, position) => {
			if (position % 2 === 1) {
				carried += keyframe.podEntries;
				return;
			}
			kept.push({...keyframe, snapshot: this.flatten(keyframe.snapshot), podEntries: keyframe.podEntries + carried});
			carried = 0;
		});
		this.podEntriesSinceKeyframe += carried;
		this.keyframes = kept;
		this.every *= 2;
		this.gapMs *= 2;
	}
}
