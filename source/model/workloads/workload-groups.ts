// Pods grouped by workload (workload-of.ts): each group's pods ordered by the part they belong to
// (a Deployment's ReplicaSets in the order they first showed, so a rollout reads top to bottom),
// then by when each was first seen; groups ordered by namespace and name, bare pods last in their
// namespace, static pods under their Nodes after every namespace.

import type {PodState} from '../pod-state.js';
import type {OwnerObjects} from './owner-objects.js';
import {workloadOf, type Workload, type WorkloadPart} from './workload-of.js';

export interface WorkloadGroup {
	workload: Workload;
	/** Its pods (tombstones included, as given), in the order above. */
	pods: PodState[];
	/** The part of each pod, by pod key (null: the workload has no parts). */
	parts: ReadonlyMap<string, WorkloadPart | null>;
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Node groups after the namespaced ones; in a namespace bare pods last. */
function groupRank(workload: Workload): number {
	if (workload.kind === 'Node') return 2;
	return workload.kind === 'Pod' ? 1 : 0;
}

export function compareWorkloads(a: Workload, b: Workload): number {
	const nodeA = a.kind === 'Node' ? 1 : 0;
	const nodeB = b.kind === 'Node' ? 1 : 0;
	if (nodeA !== nodeB) return nodeA - nodeB;
	return compareText(a.namespace, b.namespace) || groupRank(a) - groupRank(b) || compareText(a.name, b.name) || compareText(a.kind, b.kind);
}

/** The pods grouped by workload. */
export function groupPods(pods: Iterable<PodState>, owners: OwnerObjects): WorkloadGroup[] {
	const groups = new Map<string, {workload: Workload; pods: PodState[]; parts: Map<string, WorkloadPart | null>}>();
	for (const pod of pods) {
		const workload = workloadOf(pod, owners);
		let group = groups.get(workload.id);
		if (!group) {
			group = {workload: {...workload, part: null}, pods: [], parts: new Map()};
			groups.set(workload.id, group);
		}
		group.pods.push(pod);
		group.parts.set(pod.key, workload.part);
	}
	const out: WorkloadGroup[] = [];
	for (const group of groups.values()) {
		// A part's place: when its first pod was first seen.
		const partFirstSeen = new Map<string, number>();
		for (const pod of group.pods) {
			const name = group.parts.get(pod.key)?.name ?? '';
			partFirstSeen.set(name, Math.min(partFirstSeen.get(name) ?? Infinity, pod.firstSeenAt));
		}
		const partOf = (pod: PodState): string => group.parts.get(pod.key)?.name ?? '';
		group.pods.sort(
			(a, b) =>
				partFirstSeen.get(partOf(a))! - partFirstSeen.get(partOf(b))! ||
				compareText(partOf(a), partOf(b)) ||
				a.firstSeenAt - b.firstSeenAt ||
				compareText(a.name, b.name),
		);
		out.push(group);
	}
	return out.sort((a, b) => compareWorkloads(a.workload, b.workload));
}

/** "Deployment default/web", "Node kind-worker", "bare pods in default". */
export function workloadTitle(workload: Workload, withNamespace: boolean): string {
	if (workload.kind === 'Node') return `static pods on ${workload.name}`;
	if (workload.kind === 'Pod') return withNamespace ? `bare pods in ${workload.namespace}` : 'bare pods';
	return withNamespace ? `${workload.namespace}/${workload.name}` : workload.name;
}
