// A pod's containers as one list: init, native sidecar, regular and ephemeral, each in spec order,
// joined with their status by name. The spec is the list of what should exist; a container without
// a status yet (the kubelet has not reported it) still shows, in state 'unknown'.

import {timeMs, type Container, type ContainerStatus, type ContainerStateTerminated, type Pod} from '../kube/types.js';
import {backOffFromMessage, nextRestartAt} from './backoff.js';
import type {ContainerKind, ContainerView, Termination} from './types.js';

/** podutil.IsRestartableInitContainer: an init container with restartPolicy Always is a native sidecar (KEP-753). */
export function isSidecar(container: Container): boolean {
	return container.restartPolicy === 'Always';
}

/** How many native sidecars the pod declares (they count in READY's denominator). */
export function countSidecars(pod: Pod): number {
	let count = 0;
	for (const container of pod.spec?.initContainers ?? []) if (isSidecar(container)) count += 1;
	return count;
}

export function containerViews(pod: Pod): ContainerView[] {
	const spec = pod.spec;
	const status = pod.status;
	const views: ContainerView[] = [];
	const initStatuses = byName(status?.initContainerStatuses);
	(spec?.initContainers ?? []).forEach((container, index) => {
		views.push(containerView(isSidecar(container) ? 'sidecar' : 'init', container, index, initStatuses.get(container.name)));
	});
	const statuses = byName(status?.containerStatuses);
	(spec?.containers ?? []).forEach((container, index) => {
		views.push(containerView('regular', container, index, statuses.get(container.name)));
	});
	const ephemeralStatuses = byName(status?.ephemeralContainerStatuses);
	(spec?.ephemeralContainers ?? []).forEach((container, index) => {
		views.push(containerView('ephemeral', container, index, ephemeralStatuses.get(container.name)));
	});
	return views;
}

function byName(statuses: ContainerStatus[] | undefined): Map<string, ContainerStatus> {
	const map = new Map<string, ContainerStatus>();
	for (const status of statuses ?? []) map.set(status.name, status);
	return map;
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
