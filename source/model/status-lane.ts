// A pod's lane: its STATUS class over time, for the Lanes view and `--output lanes`. Built from the
// history the store already keeps for each pod (history.ts: every transition carries the STATUS
// printed after it, READY changes are transitions of their own), never by re-reading the session.
//
// The class is a function of the two cells the API server prints, STATUS and READY, and of nothing
// else: so a lane agrees, moment by moment, with the rows `kubectl get pods -w` showed (the tests
// check it against every row of the recorded captures).

import {statusBucket} from './health.js';
import type {PodState, Transition} from './pod-state.js';
import {beforeSegments, type BeforeSegment} from './before-sight.js';

const NOTHING_BEFORE: readonly BeforeSegment[] = [];

/**
 * pending: not scheduled or not yet started (Pending, SchedulingGated);
 * creating: being set up (ContainerCreating, PodInitializing, Init:N/M);
 * not-ready: Running (or NotReady) with fewer containers ready than it has;
 * ready: Running with every container ready;
 * terminating: Terminating; succeeded: Completed, Succeeded;
 * failed: any STATUS that names what went wrong (Error, CrashLoopBackOff, ImagePullBackOff,
 *   Init:Error, OOMKilled, Evicted, …) — the table's "failing" bucket (health.ts statusBucket);
 * unknown: the node stopped reporting (Unknown, NodeLost, ContainerStatusUnknown).
 */
export const LANE_CLASSES = ['pending', 'creating', 'not-ready', 'ready', 'terminating', 'succeeded', 'failed', 'unknown'] as const;
export type LaneClass = (typeof LANE_CLASSES)[number];

const UNKNOWN = new Set(['Unknown', 'NodeLost', 'ContainerStatusUnknown']);
const PENDING = new Set(['Pending', 'SchedulingGated']);

/** "2/3" → every container ready ("0/0" included: nothing to wait for). */
function allReady(ready: string): boolean {
	const slash = ready.indexOf('/');
	return slash !== -1 && ready.slice(0, slash) === ready.slice(slash + 1);
}

/** The class of a printed row: its STATUS and READY cells. */
export function statusClass(status: string, ready: string): LaneClass {
	if (UNKNOWN.has(status)) return 'unknown';
	if (PENDING.has(status)) return 'pending';
	switch (statusBucket(status)) {
		case 'terminating':
			return 'terminating';
		case 'succeeded':
			return 'succeeded';
		case 'running':
			return status === 'Running' && allReady(ready) ? 'ready' : 'not-ready';
		case 'pending':
			return 'creating';
		default:
			return 'failed';
	}
}

/** A stretch of one class: [from, to) in epoch ms; the STATUS and READY printed when it began. */
export interface LaneSegment {
	from: number;
	/** The next segment's `from`; the deletion's time for the last one of a deleted pod; Infinity while it lasts. */
	to: number;
	cls: LaneClass;
	status: string;
	ready: string;
}

export interface PodLane {
	/** When the lane begins: the pod's first sight (its oldest transition kept). */
	start: number;
	/** When the pod was deleted: the lane ends there. Null while it exists. */
	end: number | null;
	/** Oldest first, none empty except a class the pod took at the very moment it was deleted. */
	segments: readonly LaneSegment[];
	/** When a container's restart count went up (epoch ms), oldest first. */
	restarts: readonly number[];
	/**
	 * Before `start`, from the pod's creation: what its object said of the time before podlife saw it
	 * (before-sight.ts) — reconstructed, not seen. Empty for a pod seen at its creation.
	 */
	before: readonly BeforeSegment[];
}

// Pod states are immutable (a change makes a new one), so a lane, once built, holds for its state:
// a frame builds the lanes of the rows it shows only when their pod changed.
const lanes = new WeakMap<PodState, PodLane>();

/** The lane of a pod as the store holds it now. */
export function podLane(pod: PodState): PodLane {
	let lane = lanes.get(pod);
	if (!lane) {
		lane = laneOf(pod.history, pod.columns.ready, pod.deletedAt);
		// Read once: a store unpacks it on each read (store/pod-version.ts).
		const before = pod.beforeSight;
		if (before !== null) lane = {...lane, before: beforeSegments(before, pod.columns.createdMs, Math.min(pod.firstSeenAt, lane.start))};
		lanes.set(pod, lane);
	}
	return lane;
}

/**
 * Where a pod's reconstructed life (before-sight.ts) begins: its creation, for a pod first seen
 * after it; null for one seen at its creation. What a replay's Lanes window may reach back to.
 */
export function beforeSightFrom(pod: PodState): number | null {
	// The reconstruction's first step is the creation itself (after 0), and it is never empty.
	return pod.beforeSight === null ? null : pod.columns.createdMs;
}

/** The lane of a history (its rows: printedMoments). */
export function laneOf(history: readonly Transition[], readyNow: string, deletedAt: number | null): PodLane {
	const restarts: number[] = [];
	let end: number | null = null;
	for (const transition of history) {
		if (transition.kind === 'restart') restarts.push(transition.at);
		if (transition.kind === 'deleted') end = transition.at;
	}
	const moments = printedMoments(history, readyNow);
	const segments: LaneSegment[] = [];
	for (const {at, status, ready: readyThen} of moments) {
		const cls = statusClass(status, readyThen);
		const last = segments.at(-1);
		if (last?.cls === cls) continue;
		if (last) last.to = at;
		segments.push({from: at, to: Infinity, cls, status, ready: readyThen});
	}
	end ??= deletedAt;
	const final = segments.at(-1);
	if (final && end !== null) final.to = Math.max(final.from, end);
	return {start: segments[0]?.from ?? end ?? 0, end, segments, restarts, before: NOTHING_BEFORE};
}

/** The STATUS and READY a pod's row showed from `at` on. */
export interface PrintedMoment {
	at: number;
	status: string;
	ready: string;
}

/**
 * The row printed after each moment of a history, oldest first: one watch event makes several
 * transitions at one time, and the row after the last of them is the one the server printed.
 * READY is known only where it changed (a 'ready' transition's from/to): before the first change it
 * was that change's `from`; with no change at all it is `readyNow`.
 */
export function printedMoments(history: readonly Transition[], readyNow: string): PrintedMoment[] {
	const firstReady = history.find(transition => transition.kind === 'ready');
	let ready = firstReady ? (firstReady.from ?? readyNow) : readyNow;
	const moments: PrintedMoment[] = [];
	for (const transition of history) {
		if (transition.kind === 'ready' && transition.to !== null) ready = transition.to;
		const moment = {at: transition.at, status: transition.statusAfter, ready};
		if (moments.at(-1)?.at === transition.at) moments[moments.length - 1] = moment;
		else moments.push(moment);
	}
	return moments;
}

/**
 * The class at `at` (epoch ms): the segment that holds it, or null before the lane begins and after
 * it ends. At the deletion's very moment the pod still has its last class.
 */
export function classAt(lane: PodLane, at: number): LaneClass | null {
	const segment = segmentAt(lane, at);
	return segment ? segment.cls : null;
}

/** The segment that holds `at`, or null (binary search: lanes of long crash loops have hundreds). */
export function segmentAt(lane: PodLane, at: number): LaneSegment | null {
	const {segments} = lane;
	if (segments.length === 0 || at < lane.start || (lane.end !== null && at > lane.end)) return null;
	let low = 0;
	let high = segments.length - 1;
	// The last segment whose `from` is at or before `at`.
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (segments[middle]!.from <= at) low = middle;
		else high = middle - 1;
	}
	return segments[low]!;
}

/**
 * The STATUS and READY the server printed for the pod at `at` (epoch ms): the row after the last
 * transition at or before it (a lane's segment keeps only the first row of its class: a crash
 * loop's Error and CrashLoopBackOff are one failed stretch). Null before the pod was seen.
 */
export function printedAt(history: readonly Transition[], readyNow: string, at: number): {status: string; ready: string} | null {
	const firstReady = history.find(transition => transition.kind === 'ready');
	let ready = firstReady ? (firstReady.from ?? readyNow) : readyNow;
	let row: {status: string; ready: string} | null = null;
	for (const transition of history) {
		if (transition.at > at) break;
		if (transition.kind === 'ready' && transition.to !== null) ready = transition.to;
		row = {status: transition.statusAfter, ready};
	}
	return row;
}
