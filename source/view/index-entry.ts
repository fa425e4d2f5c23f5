// What the pod index keeps per pod: the few fields that sort, filter and count
// need, computed once when the pod changes (not per frame).

import {podHealth, statusBucket, type StatusBucket} from '../model/health.js';
import type {PodState} from '../model/pod-state.js';
import {workloadOf, type Workload} from '../model/workloads/workload-of.js';
import type {RowTone} from './health-style.js';
import type {OwnerObjects} from '../model/workloads/owner-objects.js';

export interface IndexEntry {
	key: string;
	namespace: string;
	name: string;
	status: string;
	node: string;
	restarts: number;
	createdMs: number | null;
	/** Its workload as the owner order sorts it (model/workloads compareWorkloads' order as text). */
	owner: string;
	/** Its workload's id ("Deployment/default/web"). */
	workload: string;
	/** Its part of the workload (a Deployment's ReplicaSet), null when the workload has none. */
	part: string | null;
	tone: RowTone;
	/** The header's group for STATUS (model/health.ts statusBucket). */
	bucket: StatusBucket;
	/** Failing, or crash-looping even while Running between restarts. */
	faulty: boolean;
	deletedAt: number | null;
	/** Lower-cased "namespace name status node" for the filter. */
	search: string;
}

/** `owners`: the owner objects the store view holds (model/workloads/workload-of.ts). */
export function indexEntry(state: PodState, now: number, owners: OwnerObjects): IndexEntry {
	const {health, signal} = podHealth(state, now);
	const deleted = state.deletedAt !== null;
	const {status, node, restarts, createdMs} = state.columns;
	const workload = workloadOf(state, owners);
	return {
		key: state.key,
		namespace: state.namespace,
		name: state.name,
		status,
		node,
		restarts,
		createdMs,
		owner: ownerSortKey(workload),
		workload: workload.id,
		part: workload.part?.name ?? null,
		tone: deleted ? 'deleted' : health,
		bucket: statusBucket(status),
		faulty: !deleted && (health === 'failing' || signal !== null),
		deletedAt: state.deletedAt,
		search: searchText(state),
	};
}

/** Lower-cased "namespace name status node": what the filter's text is looked for in. */
export function searchText(state: PodState): string {
	return `${state.namespace}\n${state.name}\n${state.columns.status}\n${state.columns.node}`.toLowerCase();
}

/** Whether two entries of a pod say the same in every field (a projection that changed nothing). */
export function sameEntry(a: IndexEntry, b: IndexEntry): boolean {
	for (const field of Object.keys(a) as (keyof IndexEntry)[]) if (a[field] !== b[field]) return false;
	return true;
}

/**
 * Static pods' Nodes after every namespace; in a namespace, bare pods last (workload-groups.ts
 * compareWorkloads). Joined, not concatenated: every pod keeps its key, and a concatenation would
 * keep it as a tree of pieces several times its length.
 */
export function ownerSortKey(workload: Workload): string {
	const rank = workload.kind === 'Node' ? 2 : workload.kind === 'Pod' ? 1 : 0;
	return [workload.kind === 'Node' ? 1 : 0, workload.namespace, rank, workload.name, workload.kind].join('\u0000');
}
