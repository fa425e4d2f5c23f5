// Is a pod fine, on its way, or in trouble? One word for the table's colour, plus the trouble
// signal (a crash loop, an image pull back-off or another failure: which container, why, when the
// kubelet tries again) for the row's mark, FLAGS and the detail view.

import type {KubeEvent} from '../kube/objects.js';
import {containerSubject} from './history.js';
import {PULL_BACK_OFF_REASONS, pullBackOff} from './image-backoff.js';
import type {ContainerView, PodState} from './pod-state.js';

export type Health = 'ok' | 'progressing' | 'failing';

/**
 * What keeps a failing pod from running, for its row's mark and FLAGS:
 * 'crash-loop' — a container ran and died and the kubelet starts it again (CrashLoopBackOff, an exit
 *   it will restart after, restarts rising while the pod reads Running);
 * 'pull-back-off' — the kubelet cannot pull an image and waits before it pulls again (ErrImagePull,
 *   ImagePullBackOff): nothing ran;
 * 'failing' — anything else (a config or start error, a failed or evicted pod, not ready too long).
 */
export type TroubleKind = 'crash-loop' | 'pull-back-off' | 'failing';

export interface TroubleSignal {
	kind: TroubleKind;
	/** Container that causes it; null when it is the pod as a whole. */
	container: string | null;
	/** CrashLoopBackOff, ImagePullBackOff, ErrImagePull, CreateContainerConfigError, OOMKilled, Error, RestartsRising, … */
	reason: string;
	/** When the kubelet tries again (epoch ms): the restart of a crash loop, the next pull of a pull back-off; null when unknown. */
	nextTryMs: number | null;
}

export type StatusBucket = 'running' | 'pending' | 'failing' | 'succeeded' | 'terminating';

/**
 * The window in which rising restarts count as a crash loop even while STATUS reads Running.
 * The kubelet resets a container's back-off once it has run 10 minutes without failing: its
 * flowcontrol.Backoff starts over when 2 × maxDuration passed since the last failure (hasExpired), and
 * maxDuration is MaxContainerBackOff = 300 s. Restarts closer together than that are one loop.
 */
export const RESTART_LOOP_WINDOW_MS = 10 * 60_000;
/** Restarts within RESTART_LOOP_WINDOW_MS that make a Running pod "failing": one can be a fluke. */
export const RESTART_LOOP_MIN_RESTARTS = 2;
/**
 * How long a Running pod may stay not all ready before it counts as failing: the Deployment
 * controller's default progressDeadlineSeconds (600 s), upstream's own "this is stuck" threshold.
 */
export const NOT_READY_GRACE_MS = 10 * 60_000;

/** Reasons a waiting container gives when it cannot run (kubelet images/ and kuberuntime/ errors). */
const FAILING_WAITING = new Set([
	'CrashLoopBackOff',
	'ImagePullBackOff',
	'ErrImagePull',
	'ErrImageNeverPull',
	'InvalidImageName',
	'ImageInspectError',
	'RegistryUnavailable',
	'CreateContainerConfigError',
	'CreateContainerError',
	'RunContainerError',
	'PreCreateHookError',
	'PreStartHookError',
	'PostStartHookError',
]);

/**
 * The STATUS values the printer produces on the normal path of a pod's life (printPod): everything
 * else is a reason something went wrong (a container's waiting/terminated reason, ExitCode:N, Signal:N,
 * or status.reason of a failed pod: Evicted, NodeAffinity, OutOfcpu, Shutdown, …), so unknown words
 * land in 'failing' on purpose.
 */
const PENDING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated']);
const RUNNING = new Set(['Running', 'NotReady']);
const SUCCEEDED = new Set(['Completed', 'Succeeded']);
const INIT_PROGRESS = /^Init:\d+\/\d+$/;

/** Which group of the header's counts a STATUS string belongs to. */
export function statusBucket(status: string): StatusBucket {
	if (status === 'Terminating') return 'terminating';
	if (RUNNING.has(status)) return 'running';
	if (SUCCEEDED.has(status)) return 'succeeded';
	if (PENDING.has(status) || INIT_PROGRESS.test(status)) return 'pending';
	return 'failing';
}

const NO_EVENTS: readonly KubeEvent[] = [];

/**
 * `events`: the pod's events, which place an image pull back-off in time (image-backoff.ts); without
 * them the signal is the same, only its next pull unknown.
 */
/** A pod's health and the trouble behind it (podHealth). */
export interface PodHealth {
	health: Health;
	signal: TroubleSignal | null;
}

export function podHealth(state: PodState, now: number, events: readonly KubeEvent[] = NO_EVENTS): PodHealth {
	const status = state.columns.status;
	const bucket = statusBucket(status);
	const containers = state.containers.filter(view => view.kind !== 'ephemeral');

	if (bucket === 'failing') return {health: 'failing', signal: failingSignal(status, containers, events)};
	const phase = state.core.phase;
	if (phase === 'Failed') {
		// A failed pod whose STATUS hides it: servers before 1.35 print "Completed" for a pod whose first
		// container completed and a later one failed (kubectl#1511). Name the container that failed.
		const culprit = containers.find(view => isFailingContainer(view));
		const reason = state.core.reason || (culprit ? printedReason(culprit) : null) || 'Failed';
		// Done, not looping: whatever ran will not run again.
		return {health: 'failing', signal: {kind: 'failing', container: culprit?.name ?? null, reason, nextTryMs: null}};
	}
	if (bucket === 'running') {
		const rising = risingRestarts(state, now);
		if (rising) return {health: 'failing', signal: rising};
		if (!allReady(state.columns.ready)) {
			const since = notReadySince(state);
			if (now - since < NOT_READY_GRACE_MS) return {health: 'progressing', signal: null};
			const stuck = containers.find(view => (view.kind === 'regular' || view.kind === 'sidecar') && !view.ready);
			return {health: 'failing', signal: {kind: 'failing', container: stuck?.name ?? null, reason: 'NotReady', nextTryMs: null}};
		}
		return {health: 'ok', signal: null};
	}
	if (bucket === 'succeeded') return {health: 'ok', signal: null};
	return {health: 'progressing', signal: null};
}

/** The container behind a failing STATUS: the one whose waiting/terminated reason the printer showed. */
function failingSignal(status: string, containers: readonly ContainerView[], events: readonly KubeEvent[]): TroubleSignal {
	const init = status.startsWith('Init:');
	const reason = init ? status.slice('Init:'.length) : status;
	const candidates = containers.filter(view => (init ? view.kind === 'init' || view.kind === 'sidecar' : view.kind === 'regular'));
	const culprit =
		candidates.find(view => printedReason(view) === reason) ??
		containers.find(view => printedReason(view) === reason) ??
		containers.find(view => isFailingContainer(view));
	if (!culprit) return {kind: 'failing', container: null, reason, nextTryMs: null};
	const signal = {container: culprit.name, reason: printedReason(culprit) ?? reason};
	if (culprit.state === 'waiting' && culprit.reason !== null && PULL_BACK_OFF_REASONS.has(culprit.reason)) {
		return {kind: 'pull-back-off', ...signal, nextTryMs: pullBackOff(culprit.name, events)?.nextPullMs ?? null};
	}
	// A crash loop is a container that ran and died: waiting in CrashLoopBackOff, or just exited with an error.
	if ((culprit.state === 'waiting' && culprit.reason === 'CrashLoopBackOff') || culprit.state === 'terminated') {
		return {kind: 'crash-loop', ...signal, nextTryMs: culprit.nextRestartMs};
	}
	return {kind: 'failing', ...signal, nextTryMs: null};
}

/** The reason printPod would take from this container (waiting reason, terminated reason, Signal:N, ExitCode:N). */
function printedReason(view: ContainerView): string | null {
	if (view.state === 'waiting') return view.reason;
	if (view.state === 'terminated') {
		if (view.reason) return view.reason;
		return view.signal ? `Signal:${view.signal}` : `ExitCode:${view.exitCode ?? 0}`;
	}
	return null;
}

function isFailingContainer(view: ContainerView): boolean {
	if (view.state === 'waiting') return view.reason !== null && FAILING_WAITING.has(view.reason);
	if (view.state === 'terminated') return (view.exitCode ?? 0) !== 0;
	return false;
}

function risingRestarts(state: PodState, now: number): TroubleSignal | null {
	const since = now - RESTART_LOOP_WINDOW_MS;
	const running = state.containers.filter(view => view.kind === 'regular' || view.kind === 'sidecar');
	let restarts = 0;
	let latest: ContainerView | null = null;
	// History is in time order: walk back only through the window.
	const history = state.history;
	for (let index = history.length - 1; index >= 0; index -= 1) {
		const transition = history[index]!;
		if (transition.at <= since) break;
		if (transition.at > now || transition.kind !== 'restart') continue;
		// Only containers that run alongside a Running pod count: a plain init container's retries
		// before it succeeded (init-crash.ndjson) are over once the pod runs.
		const view = running.find(candidate => transition.subject === containerSubject(candidate));
		if (!view) continue;
		restarts += Number(transition.to) - Number(transition.from);
		latest ??= view;
	}
	if (restarts < RESTART_LOOP_MIN_RESTARTS) return null;
	return {kind: 'crash-loop', container: latest?.name ?? null, reason: 'RestartsRising', nextTryMs: latest?.nextRestartMs ?? null};
}

function allReady(ready: string): boolean {
	const [have, want] = ready.split('/');
	return have === want;
}

/** When the pod last changed READY or STATUS (from its history), else when it was first seen. */
function notReadySince(state: PodState): number {
	const history = state.history;
	for (let index = history.length - 1; index >= 0; index -= 1) {
		const transition = history[index]!;
		if (transition.kind === 'ready' || transition.kind === 'status' || transition.kind === 'created') return transition.at;
	}
	return state.firstSeenAt;
}
