// The generated cluster: its namespaces, nodes, owners (ReplicaSets, Jobs) and pods as small
// records, and the random choices that make them; the kubelet's Events. A pod's record is rendered
// by podObject() (pod-object.js) and moved on by step() (lifecycles.js).

import {Random} from './random.js';
import {PODS_PER_NODE, RECORDED_AT_MS, stamp} from './cluster-facts.js';
import {containerSpec, CRASH_MESSAGE, PROBES} from './pod-object.js';

const NAMESPACE_WORDS = [
	'payments',
	'checkout',
	'search',
	'catalog',
	'billing',
	'auth',
	'ingest',
	'reports',
	'media',
	'notify',
	'ledger',
	'orders',
	'profile',
	'pricing',
	'shipping',
	'inventory',
	'feeds',
	'metrics',
	'gateway',
	'batch',
];
const APP_WORDS = ['api', 'web', 'worker', 'cache', 'proxy', 'sync', 'indexer', 'scheduler', 'exporter', 'consumer', 'router', 'renderer'];
const IMAGES = [
	'nginx:1.27.3',
	'python:3.12-slim',
	'busybox:1.36.1',
	'registry.k8s.io/pause:3.10',
	'ghcr.io/acme/api:2.14.1',
	'redis:7.4.1',
	'node:20.18-alpine',
	'golang:1.23-bookworm',
];

const KIND_WEIGHTS = [
	['deploy', 55],
	['crash', 10],
	['job', 12],
	['init', 12],
	['sidecar', 11],
];

export class World {
	constructor(options) {
		this.options = options;
		this.random = new Random(options.seed);
		this.rv = 1000;
		this.namespaces = [];
		for (let i = 0; i < options.namespaces; i++)
			this.namespaces.push(`${NAMESPACE_WORDS[i % NAMESPACE_WORDS.length]}-${String(Math.floor(i / NAMESPACE_WORDS.length)).padStart(2, '0')}`);
		const nodeCount = Math.max(2, Math.ceil(options.pods / PODS_PER_NODE));
		this.nodes = [];
		for (let i = 0; i < nodeCount; i++) this.nodes.push(this.newNode(i));
		// Owners (Deployments/ReplicaSets, Jobs): about 5 pods each, so a rollout replaces siblings.
		this.owners = [];
		this.pods = [];
		/** Pods that are busy (see isBusy), possibly with stale ones: pickPod skips those. */
		this.busy = [];
	}

	nextRv() {
		this.rv += 1;
		return this.rv;
	}

	newNode(index) {
		const name = `worker-${String(index).padStart(4, '0')}`;
		return {
			name,
			uid: this.random.uid(),
			rv: this.nextRv(),
			ip: `172.18.${Math.floor(index / 250)}.${(index % 250) + 2}`,
			heartbeatMs: RECORDED_AT_MS - 10_000,
			machineID: this.random.hex(32),
			bootID: this.random.uid(),
			index,
		};
	}

	pickKind() {
		let roll = this.random.int(100);
		for (const [kind, weight] of KIND_WEIGHTS) {
			if (roll < weight) return kind;
			roll -= weight;
		}
		return 'deploy';
	}

	newOwner(kind) {
		const r = this.random;
		const app = `${r.pick(APP_WORDS)}-${r.suffix(3)}`;
		const owner = {
			kind,
			app,
			namespace: r.pick(this.namespaces),
			hash: r.podTemplateHash(),
			uid: r.uid(),
			image: r.pick(IMAGES),
			jobName: `${app}-${r.suffix(5)}`,
		};
		this.owners.push(owner);
		return owner;
	}

	ownerFor(kind) {
		// Reuse a recent owner of that kind most of the time: ReplicaSets hold several pods.
		for (let tries = 0; tries < 3 && this.owners.length > 0; tries++) {
			const owner = this.owners[this.owners.length - 1 - this.random.int(Math.min(8, this.owners.length))];
			if (owner.kind === kind && this.random.chance(0.8)) return owner;
		}
		return this.newOwner(kind);
	}

	newPod(nowMs, stage, owner) {
		const r = this.random;
		const kind = owner.kind;
		const tokenName = `kube-api-access-${r.suffix(5)}`;
		const name =
			kind === 'deploy' ? `${owner.app}-${owner.hash}-${r.suffix(5)}` : kind === 'job' ? `${owner.jobName}-${r.suffix(5)}` : `${owner.app}-${r.suffix(5)}`;
		const containers = [
			containerSpec(
				owner.app.split('-')[0],
				owner.image,
				tokenName,
				kind === 'deploy' || kind === 'sidecar'
					? PROBES
					: {command: ['sh', '-c', kind === 'job' ? 'echo generating report; sleep 6; echo done' : 'exec /app/start']},
			),
		];
		let initContainers = [];
		if (kind === 'init') {
			initContainers = [
				containerSpec('init-schema', 'busybox:1.36.1', tokenName, {command: ['sh', '-c', 'echo migrating; sleep 3']}),
				containerSpec('init-config', 'busybox:1.36.1', tokenName, {command: ['sh', '-c', 'echo rendering config; sleep 2']}),
			];
		} else if (kind === 'sidecar') {
			initContainers = [{...containerSpec('log-shipper', 'fluent/fluent-bit:3.1', tokenName, {}), restartPolicy: 'Always'}];
		}
		const node = r.pick(this.nodes);
		const labels =
			kind === 'job'
				? {
						'batch.kubernetes.io/controller-uid': owner.uid,
						'batch.kubernetes.io/job-name': owner.jobName,
						'controller-uid': owner.uid,
						'job-name': owner.jobName,
						app: owner.app,
					}
				: {app: owner.app, 'pod-template-hash': owner.hash};
		// A pod of the initial list has been around for a while (up to a week); its last change is recent.
		const createdMs = stage === 'pending' ? nowMs : nowMs - 400_000 - r.int(7 * 86_400_000);
		const stageMs = stage === 'pending' ? nowMs + 3000 : nowMs - 1000 - r.int(300_000);
		const pod = {
			kind,
			name,
			namespace: owner.namespace,
			uid: r.uid(),
			rv: this.nextRv(),
			owner: kind === 'job' ? owner.jobName : `${owner.app}-${owner.hash}`,
			ownerUid: owner.uid,
			ownerRef: owner,
			labels,
			tokenName,
			containers,
			initContainers,
			nodeName: node.name,
			hostIP: node.ip,
			ip: `10.${64 + Math.floor(node.index / 256)}.${node.index % 256}.${2 + r.int(250)}`,
			imageSha: r.hex(64),
			containerIds: {},
			createdMs,
			stage,
			stageMs,
			runStartMs: stage === 'pending' ? nowMs + 4000 : Math.max(createdMs + 4000, stageMs - r.int(3_600_000)),
			restarts: 0,
			backoffS: 10,
			lastExit: null,
			ready: true,
			deletionMs: null,
			listed: false,
		};
		for (const c of [...containers, ...initContainers]) pod.containerIds[c.name] = r.hex(64);
		if (kind === 'crash' && (stage === 'backoff' || stage === 'error' || stage === 'started')) {
			pod.restarts = 1 + r.int(30);
			pod.backoffS = 300;
			pod.lastExit = this.exitOf(pod, pod.stageMs - 20_000);
		}
		return pod;
	}

	exitOf(pod, atMs) {
		return {
			exitCode: 1,
			reason: 'Error',
			message: CRASH_MESSAGE,
			startedAt: stamp(atMs - 3000),
			finishedAt: stamp(atMs),
			containerID: `containerd://${this.random.hex(64)}`,
		};
	}

	event(pod, nowMs, type, reason, message, fieldPath) {
		const r = this.random;
		const name = `${pod.name}.${r.hex(16)}`;
		const at = stamp(nowMs);
		const event = {
			kind: 'Event',
			apiVersion: 'v1',
			metadata: {
				name,
				namespace: pod.namespace,
				uid: r.uid(),
				resourceVersion: String(this.nextRv()),
				creationTimestamp: at,
				managedFields: [
					{
						manager: 'kubelet',
						operation: 'Update',
						apiVersion: 'v1',
						time: at,
						fieldsType: 'FieldsV1',
						fieldsV1: {
							'f:count': {},
							'f:firstTimestamp': {},
							'f:involvedObject': {},
							'f:lastTimestamp': {},
							'f:message': {},
							'f:reason': {},
							'f:reportingComponent': {},
							'f:reportingInstance': {},
							'f:source': {'f:component': {}, 'f:host': {}},
							'f:type': {},
						},
					},
				],
			},
			involvedObject: {kind: 'Pod', namespace: pod.namespace, name: pod.name, uid: pod.uid, apiVersion: 'v1', resourceVersion: String(pod.rv), fieldPath},
			reason,
			message,
			source: {component: 'kubelet', host: pod.nodeName},
			firstTimestamp: at,
			lastTimestamp: at,
			count: 1,
			type,
			eventTime: null,
			reportingComponent: 'kubelet',
			reportingInstance: pod.nodeName,
		};
		return event;
	}
}
