// A pod as a Deployment's ReplicaSet controller makes it: the ReplicaSet as its controlling owner
// and the pod-template-hash label (what model/workloads/workload-of.ts places a pod by), running
// on node-1 with one container, ready or not.

import type {Pod} from '../../source/kube/objects.js';

let resourceVersion = 1;

export interface ReplicaSetPodOptions {
	/** Ready (default) or running not ready. */
	ready?: boolean;
	/** Its creationTimestamp and its container's start. */
	created?: string;
	namespace?: string;
	/** Labels beside pod-template-hash. */
	labels?: Record<string, string>;
	/** The ReplicaSet's uid, in the owner reference. */
	ownerUid?: string;
}

/** Pod `name` of ReplicaSet `replicaSet` (whose pod-template-hash is `hash`); its uid is its name. */
export function replicaSetPod(name: string, replicaSet: string, hash: string, options: ReplicaSetPodOptions = {}): Pod {
	const {ready = true, created = '2026-12-01T10:00:00Z', namespace = 'shop'} = options;
	const image = `${replicaSet}:${hash}`;
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name,
			namespace,
			uid: name,
			resourceVersion: String(++resourceVersion),
			creationTimestamp: created,
			labels: {...options.labels, 'pod-template-hash': hash},
			ownerReferences: [{kind: 'ReplicaSet', name: replicaSet, ...(options.ownerUid ? {uid: options.ownerUid} : {}), controller: true}],
		},
		spec: {containers: [{name: 'app', image}], nodeName: 'node-1'},
		status: {
			phase: 'Running',
			conditions: [{type: 'Ready', status: ready ? 'True' : 'False'}],
			containerStatuses: [{name: 'app', ready, restartCount: 0, image, imageID: '', state: {running: {startedAt: created}}}],
		},
	} as Pod;
}
