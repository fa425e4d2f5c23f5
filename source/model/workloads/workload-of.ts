// Which workload a pod belongs to, from what the pod itself says — its controller reference and its
// labels — with no watch of any other kind: the names the controllers give are enough.
//
// - ReplicaSet `web-7d4f9b` of a pod labelled pod-template-hash=7d4f9b → Deployment `web`: the
//   Deployment controller names each ReplicaSet `<deployment>-<hash>` and stamps the hash on its
//   pods (pkg/controller/deployment/sync.go getNewReplicaSet). A ReplicaSet whose name does not end
//   in its pods' hash is a workload of its own.
// - Job `nightly-29412345` → CronJob `nightly`: the CronJob controller names each Job
//   `<cronjob>-<scheduled time in minutes since the epoch>` (pkg/controller/cronjob/utils.go
//   getJobName); the suffix must be a time at or before the pod was made.
// - StatefulSet, DaemonSet, any other controller: the owner itself; a StatefulSet's or DaemonSet's
//   pods carry their revision in controller-revision-hash.
// - A mirror (static) pod: under its Node. A pod without an owner: bare.
// When the owner objects are held (owner-objects.ts), their own controller references decide
// instead of the names.

import type {MirrorInfo} from '../pod-state.js';
import type {Labels} from '../placement/label-selector.js';
import {ownerKey, type OwnerObjects} from './owner-objects.js';
import type {PodOwner} from './pod-owner.js';

export const TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** 'Node' groups static pods, 'Pod' bare ones; the rest are controller kinds as the API names them. */
export type WorkloadKind = string;

/** The level between a workload and its pods: a Deployment's ReplicaSet, a CronJob's Job, a set's revision. */
export interface WorkloadPart {
	kind: 'ReplicaSet' | 'Job' | 'revision';
	name: string;
	/** pod-template-hash or controller-revision-hash; null for a Job. */
	hash: string | null;
}

export interface Workload {
	/** "Kind/namespace/name" ("Node//kind-worker" for static pods, "Pod/default/" for bare ones). */
	id: string;
	kind: WorkloadKind;
	/** '' for a Node. */
	namespace: string;
	/** '' for bare pods. */
	name: string;
	part: WorkloadPart | null;
}

/** What workloadOf reads of a pod (a PodState has it all). */
export interface PodOwnership {
	namespace: string;
	owner: PodOwner | null;
	mirror: MirrorInfo | null;
	scheduling: {labels: Labels};
	columns: {createdMs: number | null; node: string};
}

function workload(kind: string, namespace: string, name: string, part: WorkloadPart | null = null): Workload {
	return {id: ownerKey(kind, namespace, name), kind, namespace, name, part};
}

/** The earliest a CronJob's scheduled time can be before its Job's pod: a Job retries its pods for days at most. */
const CRON_JOB_LOOKBACK_MS = 7 * 86_400_000;
/** Minutes since the epoch of 2000-01-01 and 2200-01-01: a suffix outside is no scheduled time. */
const CRON_MINUTES = [15_778_080, 120_969_440] as const;

/** The CronJob a Job's name says made it, or null. */
export function cronJobOfJob(jobName: string, podCreatedMs: number | null): string | null {
	const match = /^(.+)-(\d{8,9})$/.exec(jobName);
	if (!match) return null;
	const minutes = Number(match[2]);
	if (minutes < CRON_MINUTES[0] || minutes > CRON_MINUTES[1]) return null;
	if (podCreatedMs !== null) {
		const scheduled = minutes * 60_000;
		// The Job is made at (or, after a missed start, some time after) its scheduled minute.
		if (scheduled > podCreatedMs + 60_000 || scheduled < podCreatedMs - CRON_JOB_LOOKBACK_MS) return null;
	}
	return match[1]!;
}

/** The Deployment a ReplicaSet's name and its pods' hash say made it, or null. */
export function deploymentOfReplicaSet(replicaSetName: string, hash: string | undefined): string | null {
	if (!hash || !replicaSetName.endsWith(`-${hash}`) || replicaSetName.length <= hash.length + 1) return null;
	return replicaSetName.slice(0, -(hash.length + 1));
}

/**
 * The workload `pod` belongs to, given the owner objects the session or cluster holds (the store
 * view's `owners`, most often none): the one way the table, the Lanes view and the headless
 * outputs place a pod, so they never disagree.
 */
export function workloadOf(pod: PodOwnership, owners: OwnerObjects): Workload {
	const {namespace, owner, mirror} = pod;
	const labels = pod.scheduling.labels;
	if (!owner || owner.kind === 'Node') {
		if (mirror || owner?.kind === 'Node') return workload('Node', '', owner?.name ?? mirror?.node ?? (pod.columns.node || '<unknown>'));
		return workload('Pod', namespace, '');
	}
	const held = owners.get(ownerKey(owner.kind, namespace, owner.name));
	if (owner.kind === 'ReplicaSet') {
		const hash = labels[TEMPLATE_HASH_LABEL];
		const part: WorkloadPart = {kind: 'ReplicaSet', name: owner.name, hash: hash ?? null};
		if (held) return held.owner ? workload(held.owner.kind, namespace, held.owner.name, part) : workload('ReplicaSet', namespace, owner.name);
		const deployment = deploymentOfReplicaSet(owner.name, hash);
		return deployment === null ? workload('ReplicaSet', namespace, owner.name) : workload('Deployment', namespace, deployment, part);
	}
	if (owner.kind === 'Job') {
		const part: WorkloadPart = {kind: 'Job', name: owner.name, hash: null};
		if (held) return held.owner ? workload(held.owner.kind, namespace, held.owner.name, part) : workload('Job', namespace, owner.name);
		const cronJob = cronJobOfJob(owner.name, pod.columns.createdMs);
		return cronJob === null ? workload('Job', namespace, owner.name) : workload('CronJob', namespace, cronJob, part);
	}
	const revision = labels[REVISION_HASH_LABEL];
	if ((owner.kind === 'StatefulSet' || owner.kind === 'DaemonSet') && revision) {
		// The StatefulSet controller labels its pods with the ControllerRevision's name, the DaemonSet controller with its hash.
		const name = revision.startsWith(`${owner.name}-`) ? revision : `${owner.name}-${revision}`;
		return workload(owner.kind, namespace, owner.name, {kind: 'revision', name, hash: name.slice(owner.name.length + 1)});
	}
	return workload(owner.kind, namespace, owner.name);
}
