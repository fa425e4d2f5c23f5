// The owner objects themselves (ReplicaSets, Deployments, StatefulSets, DaemonSets, Jobs, CronJobs)
// when a session or cluster holds them: a session may carry other kinds than Pod, Node and Event
// (SESSION-FORMAT.md: "others may appear"), and podlife's own watches never ask for them (no extra
// watches). What a workload's chain and rollout read of them, kept small.

import type {KubeObject} from '../../kube/objects.js';
import {controllerReference, type PodOwner} from './pod-owner.js';

export const OWNER_KINDS = new Set(['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** The Deployment controller's annotation on a ReplicaSet (and its Deployment): its revision. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/**
 * The revisions a ReplicaSet had before, comma-separated: a rollback makes an old ReplicaSet the new
 * one under the next revision number, and the controller keeps its old numbers here
 * (deployment/util/deployment_util.go SetNewReplicaSetAnnotations).
 */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';

export interface OwnerObject {
	readonly kind: string;
	readonly namespace: string;
	readonly name: string;
	readonly uid: string;
	/** Its own controller: a ReplicaSet's Deployment, a Job's CronJob. */
	readonly owner: PodOwner | null;
	/** deployment.kubernetes.io/revision, when set. */
	readonly revision: number | null;
	/** deployment.kubernetes.io/revision-history: its revisions before, oldest first (none: empty). */
	readonly revisionHistory: readonly number[];
	/** spec.replicas (a Deployment's, ReplicaSet's or StatefulSet's), when set. */
	readonly replicas: number | null;
	/** A Deployment's spec.progressDeadlineSeconds, when set. */
	readonly progressDeadlineSeconds: number | null;
}

/** "Kind/namespace/name": how owner objects are looked up. */
export function ownerKey(kind: string, namespace: string, name: string): string {
	// Joined: a flat string, where a concatenation is a tree of its pieces (the table's index keeps one per pod).
	return [kind, namespace, name].join('/');
}

/** The owner objects held, by ownerKey. */
export type OwnerObjects = ReadonlyMap<string, OwnerObject>;

export const NO_OWNER_OBJECTS: OwnerObjects = new Map();

function count(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** What an owner object of a kind above holds for podlife; null for any other kind. */
export function ownerObjectOf(object: KubeObject): OwnerObject | null {
	const kind = object.kind ?? '';
	if (!OWNER_KINDS.has(kind)) return null;
	const metadata = object.metadata ?? {};
	const spec = (object['spec'] ?? {}) as {replicas?: unknown; progressDeadlineSeconds?: unknown};
	const reference = controllerReference({metadata} as never);
	const revision = Number(metadata.annotations?.[REVISION_ANNOTATION]);
	return {
		kind,
		namespace: metadata.namespace ?? '',
		name: metadata.name ?? '',
		uid: metadata.uid ?? '',
		owner: reference ? {kind: reference.kind, name: reference.name, uid: reference.uid ?? ''} : null,
		revision: Number.isInteger(revision) && revision > 0 ? revision : null,
		revisionHistory: (metadata.annotations?.[REVISION_HISTORY_ANNOTATION] ?? '')
			.split(',')
			.map(Number)
			.filter(number => Number.isInteger(number) && number > 0),
		replicas: count(spec.replicas),
		progressDeadlineSeconds: count(spec.progressDeadlineSeconds),
	};
}

/**
 * Whether two sets of owner objects place every pod alike: the same objects held, each with the
 * same controller. A ReplicaSet's status or revision changing does not move its pods.
 */
export function sameOwnership(a: OwnerObjects, b: OwnerObjects): boolean {
	if (a === b) return true;
	if (a.size !== b.size) return false;
	for (const [key, object] of b) {
		const before = a.get(key);
		if (!before || before.owner?.kind !== object.owner?.kind || before.owner?.name !== object.owner?.name) return false;
	}
	return true;
}
