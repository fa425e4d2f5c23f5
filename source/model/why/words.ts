// Small phrases the diagnoses share: how a container ended, how long it ran, the last line of
// its termination message, "3 restarts in 1m". Kept apart so every cause words these the same way.

import {humanDuration} from '../duration.js';
import {containerSubject} from '../history.js';
import type {Container, Pod} from '../../kube/objects.js';
import type {ContainerView, PodState, Termination} from '../pod-state.js';

/** Linux signal names for the exit codes 128+N that runtimes report for a killed process. */
const SIGNAL_NAMES: Readonly<Record<number, string>> = {
	1: 'SIGHUP',
	2: 'SIGINT',
	3: 'SIGQUIT',
	4: 'SIGILL',
	6: 'SIGABRT',
	7: 'SIGBUS',
	8: 'SIGFPE',
	9: 'SIGKILL',
	11: 'SIGSEGV',
	13: 'SIGPIPE',
	14: 'SIGALRM',
	15: 'SIGTERM',
};

/** Longest quote of a container's own message, so one line stays one line on a terminal. */
const MESSAGE_LIMIT = 120;

export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The spec of the container behind a view (init and sidecar share spec.initContainers). */
export function containerSpec(pod: Pod, view: ContainerView): Container | undefined {
	const list = view.kind === 'regular' ? pod.spec?.containers : view.kind === 'ephemeral' ? pod.spec?.ephemeralContainers : pod.spec?.initContainers;
	return list?.[view.index];
}

/**
 * "container api", "sidecar log-shipper", and for a plain init container its place in the order
 * the kubelet runs them, numbered like the Init:N/M of STATUS: "init container wait-for-db (1/2)".
 */
export function subjectOf(pod: Pod, view: ContainerView): string {
	const subject = containerSubject(view);
	if (view.kind !== 'init') return subject;
	return `${subject} (${view.index + 1}/${pod.spec?.initContainers?.length ?? view.index + 1})`;
}

/** The termination a view shows now (state terminated) or last (lastState), or null. */
export function currentTermination(view: ContainerView): Termination | null {
	if (view.state === 'terminated') {
		return {
			exitCode: view.exitCode ?? 0,
			signal: view.signal,
			reason: view.reason,
			message: view.message,
			startedMs: view.startedMs,
			finishedMs: view.finishedMs,
		};
	}
	return view.lastTermination;
}

/**
 * How a container ended, in the words of its terminated state: "exited 1 (Error)",
 * "was OOMKilled (exit 137, memory limit 128Mi)", "ended by signal 9 (SIGKILL)", and
 * "exited 137 (Error, SIGKILL)" when the exit code is 128 + a signal number.
 */
export function howItEnded(termination: Termination, spec: Container | undefined): string {
	const {exitCode, signal, reason} = termination;
	if (reason === 'OOMKilled') {
		const limit = spec?.resources?.limits?.['memory'];
		return `was OOMKilled (exit ${exitCode}${limit ? `, memory limit ${limit}` : ''})`;
	}
	if (signal) {
		const name = SIGNAL_NAMES[signal];
		const words = [name, reason].filter(Boolean).join(', ');
		return `ended by signal ${signal}${words ? ` (${words})` : ''}`;
	}
	const name = exitCode > 128 ? SIGNAL_NAMES[exitCode - 128] : undefined;
	const words = [reason, name].filter(Boolean).join(', ');
	return `exited ${exitCode}${words ? ` (${words})` : ''}`;
}

/** " after 3s": how long the run that ended lasted (finishedAt − startedAt), or "" when unknown. */
export function ranFor(termination: Termination): string {
	const {startedMs, finishedMs} = termination;
	if (startedMs === null || finishedMs === null || finishedMs < startedMs) return '';
	return ` after ${humanDuration(finishedMs - startedMs)}`;
}

/**
 * The last non-empty line of a termination message (a traceback ends with the error), quoted and
 * cut to fit one line: `message "ConnectionRefusedError: [Errno 111] Connection refused"`.
 */
export function quotedMessage(message: string | null): string | null {
	if (!message) return null;
	const lines = message
		.split('\n')
		.map(line => line.trim())
		.filter(line => line.length > 0);
	const last = lines.at(-1);
	if (!last) return null;
	return `"${last.length > MESSAGE_LIMIT ? `${last.slice(0, MESSAGE_LIMIT - 1)}…` : last}"`;
}

/** Collapses a kubelet or scheduler message to one line. */
export function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** "4 restarts in 1m32s": the container's restartCount over the pod's age (creation, else first sight). */
export function restartsIn(state: PodState, view: ContainerView, now: number): string | null {
	if (view.restartCount === 0) return null;
	const since = state.columns.createdMs ?? state.firstSeenAt;
	return `${plural(view.restartCount, 'restart')} in ${humanDuration(now - since)}`;
}

/** When a container entered the state it is in now, from the pod's history; null when not seen. */
export function stateSince(state: PodState, view: ContainerView): number | null {
	const subject = containerSubject(view);
	const history = state.history;
	for (let index = history.length - 1; index >= 0; index -= 1) {
		const transition = history[index]!;
		if (transition.kind === 'container' && transition.subject === subject) return transition.at;
	}
	return null;
}

/** "in 12s", or "due" once the moment has passed. */
export function dueIn(at: number, now: number): string {
	return at > now ? `in ${humanDuration(at - now)}` : 'due now';
}
