// A pod's containers as one list: init, native sidecar, regular and ephemeral, each in spec order,
// joined with their status by name. The spec is the list of what should exist; a container without
// a status yet (the kubelet has not reported it) still shows, in state 'unknown'.

import {timeMs, type Container, type ContainerStatus, type ContainerStateTerminated, type Pod} from '../kube/objects.js';
import {backOffFromMessage, nextRestartAt} from './backoff.js';
import type {ContainerKind, ContainerView, Termination} from './pod-state.js';

/** podutil.IsRestartableInitContainer: an init container with restartPolicy Always is a native sidecar (KEP-753). */
export function isSidecar(container: Container): boolean {
	return container.restartPolicy === 'Always';
}

/** How many native sidecars the pod declares (they count in READY's denominator). */
export function countSidecars(pod: Pod): number {
	const initContainers = pod.spec?.initContainers;
	if (!initContainers) return 0;
	let count = 0;
	for (const container of initContainers) if (isSidecar(container)) count += 1;
	return count;
}

// Called on every pod event: plain loops and a search by name over the (few) statuses, no
// closures or maps that would be garbage a moment later.
export function containerViews(pod: Pod): ContainerView[] {
	const spec = pod.spec;
	const status = pod.status;
	const views: ContainerView[] = [];
	const initContainers = spec?.initContainers;
	if (initContainers) {
		const initStatuses = status?.initContainerStatuses;
		for (let index = 0; index < initContainers.length; index++) {
			const container = initContainers[index]!;
			views.push(containerView(isSidecar(container) ? 'sidecar' : 'init', container, index, statusNamed(initStatuses, container.name)));
		}
	}
	const containers = spec?.containers;
	if (containers) {
		const statuses = status?.containerStatuses;
		for (let index = 0; index < containers.length; index++) {
			const container = containers[index]!;
			views.push(containerView('regular', container, index, statusNamed(statuses, container.name)));
		}
	}
	const ephemeral = spec?.ephemeralContainers;
	if (ephemeral) {
		const ephemeralStatuses = status?.ephemeralContainerStatuses;
		for (let index = 0; index < ephemeral.length; index++) {
			const container = ephemeral[index]!;
			views.push(containerView('ephemeral', container, index, statusNamed(ephemeralStatuses, container.name)));
		}
	}
	return views;
}

/** The status of that name; the last one when a (malformed) list names a container twice. */
function statusNamed(statuses: readonly ContainerStatus[] | undefined, name: string): ContainerStatus | undefined {
	if (!statuses) return undefined;
	for (let index = statuses.length - 1; index >= 0; index--) {
		const status = statuses[index]!;
		if (status.name === name) return status;
	}
	return undefined;
}

function containerView(kind: ContainerKind, container: Container, index: number, status: ContainerStatus | undefined): ContainerView {
	const state = status?.state;
	const lastTermination = status?.lastState?.terminated ? termination(status.lastState.terminated) : null;
	const view: ContainerView = {
		kind,
		name: container.name,
		index,
		image: container.image ?? null,
		imagePullPolicy: container.imagePullPolicy ?? null,
		state: 'unknown',
		reason: null,
		message: null,
		exitCode: null,
		signal: null,
		startedMs: null,
		finishedMs: null,
		ready: status?.ready ?? false,
		started: status?.started ?? null,
		restartCount: status?.restartCount ?? 0,
		lastTermination,
		backOffMs: null,
		nextRestartMs: null,
	};
	// The API allows several state fields at once in theory; the kubelet sets exactly one. Like
	// describeContainerState, take running, then waiting, then terminated.
	if (state?.running) {
		view.state = 'running';
		view.startedMs = timeMs(state.running.startedAt);
	} else if (state?.waiting) {
		view.state = 'waiting';
		view.reason = state.waiting.reason || null;
		view.message = state.waiting.message || null;
		view.backOffMs = backOffFromMessage(state.waiting.message);
		view.nextRestartMs = nextRestartAt(lastTermination?.finishedMs ?? null, view.backOffMs);
	} else if (state?.terminated) {
		const ended = termination(state.terminated);
		view.state = 'terminated';
		view.reason = ended.reason;
		view.message = ended.message;
		view.exitCode = ended.exitCode;
		view.signal = ended.signal;
		view.startedMs = ended.startedMs;
		view.finishedMs = ended.finishedMs;
	}
	return view;
}

function termination(terminated: ContainerStateTerminated): Termination {
	return {
		exitCode: terminated.exitCode,
		signal: terminated.signal || null,
		reason: terminated.reason || null,
		message: terminated.message || null,
		startedMs: timeMs(terminated.startedAt),
		finishedMs: timeMs(terminated.finishedAt),
	};
}
