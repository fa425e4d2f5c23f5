// A container that cannot run: crash loop, image pull, config error, start error, or a plain exit
// that will not be retried. The words come from its waiting/terminated state and the kubelet's
// events; times from lastState.terminated and the back-off in the waiting message (backoff.ts).

import type {KubeEvent, Pod} from '../../kube/objects.js';
import {pullBackOff} from '../image-backoff.js';
import type {ContainerView, PodState} from '../pod-state.js';
import type {Diagnosis, WhyContext} from './diagnosis.js';
import {containerSpec, currentTermination, dueIn, howItEnded, oneLine, plural, quotedMessage, ranFor, restartsIn, stateSince, subjectOf} from './words.js';
import {humanDuration} from '../duration.js';

/** Waiting reasons of the kubelet's image manager (pkg/kubelet/images/types.go). */
const IMAGE_REASONS = new Set([
	'ErrImagePull',
	'ImagePullBackOff',
	'ErrImageNeverPull',
	'InvalidImageName',
	'ImageInspectError',
	'RegistryUnavailable',
	'SignatureValidationFailed',
]);
/** kuberuntime's errors before the container exists: the spec refers to something missing. */
const CONFIG_REASONS = new Set(['CreateContainerConfigError', 'CreateContainerError']);
/** kuberuntime's errors while starting it: the runtime or a lifecycle hook refused. */
const START_REASONS = new Set(['RunContainerError', 'PreCreateHookError', 'PreStartHookError', 'PostStartHookError', 'ContainerCannotRun', 'StartError']);

function causeFor(view: ContainerView): string {
	return view.kind === 'init' ? 'init-failing' : view.kind === 'sidecar' ? 'sidecar-failing' : 'crash-loop';
}

/** Will the kubelet start this container again after it exits? (kuberuntime ShouldContainerBeRestarted) */
function restartable(pod: Pod, view: ContainerView, exitCode: number): boolean {
	if (view.kind === 'sidecar') return true;
	const policy = pod.spec?.restartPolicy ?? 'Always';
	if (policy === 'Always') return true;
	if (policy === 'OnFailure') return exitCode !== 0;
	return false;
}

/** "exited 1 (Error) after 3s": the end of the current or last run, or null when it never ran. */
function lastRun(pod: Pod, view: ContainerView): string | null {
	const termination = currentTermination(view);
	if (!termination) return null;
	return `${howItEnded(termination, containerSpec(pod, view))}${ranFor(termination)}`;
}

function join(parts: ReadonlyArray<string | null | undefined | false>): string {
	return parts.filter((part): part is string => Boolean(part)).join('; ');
}

/** The back-off as the kubelet wrote it ("1m20s"), so the line quotes the object rather than reformatting it. */
function kubeletBackOff(message: string | null): string | null {
	return message ? (/^back-off (\S+) /i.exec(message)?.[1] ?? null) : null;
}

/** A container in CrashLoopBackOff, or terminated and about to be restarted. */
function crashLoop(state: PodState, view: ContainerView, now: number): Diagnosis {
	const pod = state.readObject();
	const termination = currentTermination(view);
	const subject = subjectOf(pod, view);
	const ended = lastRun(pod, view);
	const next = view.backOffMs !== null && view.nextRestartMs !== null ? `next restart ${dueIn(view.nextRestartMs, now)}` : null;
	const backOff = view.backOffMs !== null ? `back-off ${kubeletBackOff(view.message) ?? humanDuration(view.backOffMs)}${next ? `, ${next}` : ''}` : null;
	const message = quotedMessage(termination?.message ?? null);
	return {
		cause: causeFor(view),
		container: view.name,
		text: join([
			ended ? `${subject} ${ended}` : `${subject} ${view.reason ?? 'keeps failing'}`,
			restartsIn(state, view, now),
			backOff,
			message && `message ${message}`,
		]),
		severity: 'failing',
		...(next && {next}),
	};
}

/** The kubelet's image errors come wrapped: strip the back-off prefix and name the gRPC code plainly. */
function pullMessage(message: string | null): string | null {
	if (!message) return null;
	return oneLine(message)
		.replace(/^Back-off pulling image "[^"]*":\s*/, '')
		.replace(/^ErrImagePull:\s*/, '')
		.replace(/rpc error: code = (\w+) desc = /g, '$1: ');
}

/**
 * When the kubelet pulls again. The pod does not say, but its events do (image-backoff.ts); "about"
 * because the kubelet pulls at its next sync once the back-off is over.
 */
function nextPull(view: ContainerView, events: readonly KubeEvent[], now: number): {failures: string; next: string} | null {
	const backOff = pullBackOff(view.name, events);
	if (!backOff) return null;
	const at = backOff.nextPullMs;
	return {failures: plural(backOff.failures, 'failed pull'), next: `next pull ${at > now ? `in about ${humanDuration(at - now)}` : 'due now'}`};
}

function imagePull(state: PodState, view: ContainerView, ctx: WhyContext): Diagnosis {
	const image = view.image ? ` "${view.image}"` : '';
	const message = pullMessage(view.message);
	const head = `${subjectOf(state.readObject(), view)} cannot pull image${image} (${view.reason})${message ? `: ${message}` : ''}`;
	const pull = nextPull(view, ctx.events, ctx.now);
	return {
		cause: 'image-pull',
		container: view.name,
		text: join([head, pull && `${pull.failures}, ${pull.next}`]),
		severity: 'failing',
		...(pull && {next: pull.next}),
	};
}

/** CreateContainerConfigError and friends: the kubelet's message names what is missing. */
function cannotStart(state: PodState, view: ContainerView, cause: string, now: number): Diagnosis {
	const since = stateSince(state, view);
	const text = `${subjectOf(state.readObject(), view)} cannot start${since !== null ? ` for ${humanDuration(now - since)}` : ''} (${view.reason})${view.message ? `: ${oneLine(view.message)}` : ''}`;
	return {cause, container: view.name, text, severity: 'failing'};
}

/**
 * Why this container cannot run, or null when it is fine or merely on its way (ContainerCreating,
 * PodInitializing, running, completed).
 */
export function containerTrouble(state: PodState, view: ContainerView, ctx: WhyContext): Diagnosis | null {
	const {now} = ctx;
	if (view.state === 'waiting' && view.reason) {
		if (view.reason === 'CrashLoopBackOff') return crashLoop(state, view, now);
		if (IMAGE_REASONS.has(view.reason)) return imagePull(state, view, ctx);
		if (CONFIG_REASONS.has(view.reason)) return cannotStart(state, view, 'config-error', now);
		if (START_REASONS.has(view.reason)) return cannotStart(state, view, 'start-error', now);
		return null;
	}
	if (view.state === 'terminated') {
		const exitCode = view.exitCode ?? 0;
		if (exitCode === 0 && view.kind === 'init') return null;
		const pod = state.readObject();
		if (restartable(pod, view, exitCode)) return crashLoop(state, view, now);
		if (exitCode === 0) return null;
		const ended = lastRun(pod, view);
		const message = quotedMessage(view.message);
		return {
			cause: 'failed',
			container: view.name,
			text: join([`${subjectOf(pod, view)} ${ended} (restartPolicy ${pod.spec?.restartPolicy ?? 'Always'}: not restarted)`, message && `message ${message}`]),
			severity: 'failing',
		};
	}
	return null;
}

/** A running container that has restarted again and again (podHealth's RestartsRising). */
export function restartsRising(state: PodState, view: ContainerView, now: number): Diagnosis {
	const pod = state.readObject();
	const last = view.lastTermination;
	const ended = last
		? `last ${howItEnded(last, containerSpec(pod, view))}${ranFor(last)}${last.finishedMs !== null ? `, ${humanDuration(now - last.finishedMs)} ago` : ''}`
		: null;
	const message = quotedMessage(last?.message ?? null);
	return {
		cause: causeFor(view),
		container: view.name,
		text: join([`${subjectOf(pod, view)} keeps restarting: ${restartsIn(state, view, now) ?? 'restarts rising'}`, ended, message && `message ${message}`]),
		severity: 'failing',
	};
}
