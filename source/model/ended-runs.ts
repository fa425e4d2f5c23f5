// Which container runs a recorder reads the log of (SESSION-FORMAT.md "Container logs"), decided
// from the pods' successive versions as the watch brings them: every run that ends while the
// recording watches, once, named by its container ID. A run that ends and will be restarted is
// read after the restart, as the previous instance (`kubectl logs --previous`): reading the
// "current" container the moment it ended would race the restart and could return the next run's
// log. A run that ends for good (restartPolicy Never, a completed Job or init container, a pod
// being deleted) is read as the current container. Runs that had already ended in the first
// version seen of a pod (the initial list) were over before the recording began and are left out.

import type {Container, ContainerStatus, Pod} from '../kube/objects.js';
import {isSidecar} from './containers.js';

/** One run to read: whose log, which run (its container ID) and how to ask for it. */
export interface RunToRead {
	namespace: string;
	pod: string;
	uid: string | null;
	container: string;
	/** The terminated run's container ID (with `previous`, lastState.terminated.containerID). */
	containerID: string;
	/** Read with previous=true: the container has restarted since the run ended. */
	previous: boolean;
	/** The container's restartCount in the version that asked for it. */
	restartCount: number;
}

/** Whether a run is still where it was asked for: `current`, `previous`, or gone (`null`: restarted again, or the pod deleted). */
export type RunPlace = 'current' | 'previous' | null;

type Kind = 'init' | 'regular' | 'ephemeral';

interface PodRuns {
	/** The latest version seen. */
	pod: Pod;
	/** Container IDs of runs already asked for, or over before the recording saw the pod. */
	handled: Set<string>;
	/** Ended, expected to restart: read once the restart makes them the previous instance. */
	awaitingRestart: Set<string>;
}

interface Status {
	kind: Kind;
	spec: Container | undefined;
	status: ContainerStatus;
}

function statuses(pod: Pod): Status[] {
	const out: Status[] = [];
	const add = (kind: Kind, specs: readonly Container[] | undefined, list: readonly ContainerStatus[] | undefined) => {
		for (const status of list ?? []) out.push({kind, spec: specs?.find(spec => spec.name === status.name), status});
	};
	add('init', pod.spec?.initContainers, pod.status?.initContainerStatuses);
	add('regular', pod.spec?.containers, pod.status?.containerStatuses);
	add('ephemeral', pod.spec?.ephemeralContainers, pod.status?.ephemeralContainerStatuses);
	return out;
}

/** Whether the kubelet starts this container again after a run that exited with `exitCode` (kuberuntime's ShouldContainerBeRestarted). */
export function willRestart(pod: Pod, kind: Kind, spec: Container | undefined, exitCode: number): boolean {
	if (pod.metadata?.deletionTimestamp) return false;
	const phase = pod.status?.phase;
	if (phase === 'Succeeded' || phase === 'Failed') return false;
	if (kind === 'ephemeral') return false;
	if (kind === 'init' && spec && isSidecar(spec)) return true;
	const policy = pod.spec?.restartPolicy ?? 'Always';
	// An init container that succeeded is done; one that failed is retried unless the pod never restarts.
	if (kind === 'init') return exitCode !== 0 && policy !== 'Never';
	if (policy === 'Always') return true;
	if (policy === 'OnFailure') return exitCode !== 0;
	return false;
}

function keyOf(pod: Pod): string {
	return pod.metadata?.uid || `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

export class EndedRuns {
	private readonly pods = new Map<string, PodRuns>();

	/** A pod's new version (ADDED or MODIFIED): the runs whose log to read now. */
	update(pod: Pod): RunToRead[] {
		const key = keyOf(pod);
		const known = this.pods.get(key);
		if (!known) {
			// Over before the recording saw the pod: not the recording's to read.
			const handled = new Set<string>();
			for (const {status} of statuses(pod)) {
				if (status.state?.terminated?.containerID) handled.add(status.state.terminated.containerID);
				if (status.lastState?.terminated?.containerID) handled.add(status.lastState.terminated.containerID);
			}
			this.pods.set(key, {pod, handled, awaitingRestart: new Set()});
			return [];
		}
		known.pod = pod;
		const reads: RunToRead[] = [];
		const read = (status: ContainerStatus, containerID: string, previous: boolean) => {
			known.handled.add(containerID);
			known.awaitingRestart.delete(containerID);
			reads.push({
				namespace: pod.metadata?.namespace ?? '',
				pod: pod.metadata?.name ?? '',
				uid: pod.metadata?.uid ?? null,
				container: status.name,
				containerID,
				previous,
				restartCount: status.restartCount,
			});
		};
		for (const {kind, spec, status} of statuses(pod)) {
			const last = status.lastState?.terminated?.containerID;
			// Restarted: the run that ended is now the previous instance.
			if (last && !known.handled.has(last)) read(status, last, true);
			const ended = status.state?.terminated;
			const id = ended?.containerID;
			if (!ended || !id || known.handled.has(id)) continue;
			// Ended for good (or no longer expected back: the pod is being deleted, or finished): read it as it is.
			if (!willRestart(pod, kind, spec, ended.exitCode)) read(status, id, false);
			else known.awaitingRestart.add(id);
		}
		return reads;
	}

	/** The pod is gone: its logs with it. */
	delete(pod: Pod): void {
		this.pods.delete(keyOf(pod));
	}

	/** Where `run` is in the pod's latest version: whether asking as it was asked for still reads that run. */
	placeOf(run: Pick<RunToRead, 'namespace' | 'pod' | 'uid' | 'container' | 'containerID'>): RunPlace {
		const known = this.pods.get(run.uid || `${run.namespace}/${run.pod}`);
		if (!known) return null;
		const found = statuses(known.pod).find(({status}) => status.name === run.container)?.status;
		if (found?.state?.terminated?.containerID === run.containerID) return 'current';
		if (found?.lastState?.terminated?.containerID === run.containerID) return 'previous';
		return null;
	}
}
