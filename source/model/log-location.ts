// Which run of which container `GET pods/{name}/log` reads (podlife serve's answer, and the log
// view of a replay), decided from the pod object as the real server decides it: the API server picks the container (pkg/registry/core/pod
// strategy.go LogLocation), the kubelet picks the run from the container's status
// (pkg/kubelet/kubelet_pods.go validateContainerLogStatus). Their refusals are worded as theirs,
// since clients show them as they come ("Error from server (BadRequest): …").

import type {ContainerStatus, Pod} from '../kube/objects.js';
import type {ContainerRun} from './container-logs.js';

export type LogLocation =
	/** The pod has no node yet: the API server answers an empty log. */
	| {kind: 'unscheduled'}
	| {kind: 'refused'; message: string}
	/** `ended`: the run is over (its log will not grow); `finishedAt` when the status says. */
	| {kind: 'run'; run: ContainerRun; ended: boolean; finishedAt: string | null};

function names(containers: ReadonlyArray<{name: string}> | undefined): string {
	return (containers ?? []).map(container => container.name).join(' ');
}

/** The container a request names (or the pod's only one), or the API server's refusal. */
function containerOf(pod: Pod, name: string, requested: string | undefined): {container: string} | {refused: string} {
	const {containers = [], initContainers = [], ephemeralContainers = []} = pod.spec ?? {};
	if (!requested) {
		if (containers.length === 1) return {container: containers[0]!.name};
		if (containers.length === 0) return {refused: `a container name must be specified for pod ${name}`};
		let message = `a container name must be specified for pod ${name}, choose one of: [${names(containers)}]`;
		if (initContainers.length > 0) message += ` or one of the init containers: [${names(initContainers)}]`;
		return {refused: message};
	}
	const known = [...containers, ...initContainers, ...ephemeralContainers].some(container => container.name === requested);
	return known ? {container: requested} : {refused: `container ${requested} is not valid for pod ${name}`};
}

function statusOf(pod: Pod, container: string): ContainerStatus | undefined {
	const {containerStatuses = [], initContainerStatuses = [], ephemeralContainerStatuses = []} = pod.status ?? {};
	return [...containerStatuses, ...initContainerStatuses, ...ephemeralContainerStatuses].find(status => status.name === container);
}

/** Where `GET pods/{name}/log?container=…&previous=…` reads from, or why it cannot. */
export function logLocation(pod: Pod, requested: string | undefined, previous: boolean): LogLocation {
	const name = pod.metadata?.name ?? '';
	const picked = containerOf(pod, name, requested);
	if ('refused' in picked) return {kind: 'refused', message: picked.refused};
	const {container} = picked;
	if (!pod.spec?.nodeName) return {kind: 'unscheduled'};
	const status = statusOf(pod, container);
	const refused = (message: string): LogLocation => ({kind: 'refused', message});
	if (!status) return refused(`container "${container}" in pod "${name}" is not available`);
	const last = status.lastState?.terminated;
	const {waiting, running, terminated} = status.state ?? {};
	const uid = pod.metadata?.uid ?? null;
	// The run of the last termination (lastState), or the one the state shows.
	const lastRun = (): LogLocation => ({kind: 'run', run: {container, containerID: last!.containerID!, uid}, ended: true, finishedAt: last!.finishedAt ?? null});
	const thisRun = (containerID: string | null, finishedAt: string | null, ended: boolean): LogLocation => ({
		kind: 'run',
		run: {container, containerID, uid},
		ended,
		finishedAt,
	});
	if (previous) {
		if (!last?.containerID) return refused(`previous terminated container "${container}" in pod "${name}" not found`);
		return lastRun();
	}
	if (running) return thisRun(status.containerID ?? null, null, false);
	if (terminated) {
		if (terminated.containerID) return thisRun(terminated.containerID, terminated.finishedAt ?? null, true);
		if (last?.containerID) return lastRun();
		return refused(`container "${container}" in pod "${name}" is terminated`);
	}
	if (last) {
		if (!last.containerID) return refused(`container "${container}" in pod "${name}" is terminated`);
		return lastRun();
	}
	if (waiting) {
		if (waiting.reason === 'ErrImagePull') return refused(`container "${container}" in pod "${name}" is waiting to start: image can't be pulled`);
		if (waiting.reason === 'ImagePullBackOff')
			return refused(`container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`);
		return refused(`container "${container}" in pod "${name}" is waiting to start: ${waiting.reason ?? ''}`);
	}
	return refused(`container "${container}" in pod "${name}" is waiting to start - no logs yet`);
}
