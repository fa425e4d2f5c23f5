#!/usr/bin/env node
// A seeded generator of large podlife sessions (../shared/SESSION-FORMAT.md, version 1) for the
// benchmark. Same options → byte-identical file: every random choice comes from one mulberry32
// stream, every time from the session clock (never Date.now), and objects are built with a fixed
// key order.
//
// What a session holds (shapes and sizes taken from test/fixtures/captures, managedFields kept,
// ~3–6 KB per pod entry):
// - the initial list: `pods` pods ADDED at t = 0 in every lifecycle stage, SYNCED pods; the
//   nodes (110 pods per node) ADDED, SYNCED nodes; SYNCED events;
// - then, at about `rate` entries per second of session time, one pod at a time moves a step on:
//   Deployment pods (ReplicaSet owned) start, become ready, and are replaced by a rollout (new
//   pod-template-hash; the old pod goes Terminating, then DELETED); crash loops (Error →
//   CrashLoopBackOff "back-off 10s…5m0s", restartCount rising); Job pods run to Completed and are
//   deleted, a new Job pod takes their place; pods with two init containers; pods with a native
//   sidecar (restartPolicy Always init container); kubelet Events (ADDED, and BackOff events
//   MODIFIED with a rising count); node heartbeats (MODIFIED).
// The number of live pods stays at `pods` (every pod that goes away is replaced).
//
// CLI: node bench/generate.js --pods 10000 --namespaces 200 --entries 200000 --seed 1 --out FILE
//      [--rate 1000]

import {createWriteStream} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const DEFAULT_OPTIONS = Object.freeze({pods: 10_000, namespaces: 200, entries: 200_000, seed: 1, rate: 1000});
/** t = 0 of every generated session: fixed, so the file never depends on when it was made. */
export const RECORDED_AT = '2026-11-25T03:00:00.000Z';
const RECORDED_AT_MS = Date.parse(RECORDED_AT);
const PODS_PER_NODE = 110;
const SERVER_VERSION = 'v1.32.13';

// ── randomness ──────────────────────────────────────────────────────────────

/** mulberry32: small, fast, and the same sequence on every platform (32-bit integer maths only). */
function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let z = a;
		z = Math.imul(z ^ (z >>> 15), z | 1);
		z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
		return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
	};
}

class Random {
	constructor(seed) {
		this.next = mulberry32(seed);
	}
	int(n) {
		return Math.floor(this.next() * n);
	}
	pick(list) {
		return list[this.int(list.length)];
	}
	chance(p) {
		return this.next() < p;
	}
	hex(length) {
		let text = '';
		for (let i = 0; i < length; i++) text += '0123456789abcdef'[this.int(16)];
		return text;
	}
	/** The 5-character suffix of generated names (k8s.io/apiserver names.SimpleNameGenerator alphabet). */
	suffix(length = 5) {
		const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
		let text = '';
		for (let i = 0; i < length; i++) text += alphabet[this.int(alphabet.length)];
		return text;
	}
	uid() {
		return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[this.int(4)]}${this.hex(3)}-${this.hex(12)}`;
	}
}

// ── time ────────────────────────────────────────────────────────────────────

/** RFC 3339 with whole seconds, as the API server prints metav1.Time. */
function stamp(ms) {
	return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

// ── object shapes (from the captures) ───────────────────────────────────────

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

function sha(random) {
	return random.hex(64);
}

function serviceAccountVolume(tokenName) {
	return {
		name: tokenName,
		projected: {
			sources: [
				{serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
				{configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}},
				{downwardAPI: {items: [{path: 'namespace', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}}]}},
			],
			defaultMode: 420,
		},
	};
}

function containerSpec(name, image, tokenName, extra) {
	return {
		name,
		image,
		...extra,
		resources: {limits: {memory: '256Mi'}, requests: {cpu: '100m', memory: '128Mi'}},
		volumeMounts: [{name: tokenName, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount'}],
		terminationMessagePath: '/dev/termination-log',
		terminationMessagePolicy: 'File',
		imagePullPolicy: 'IfNotPresent',
	};
}

const PROBES = {
	ports: [{name: 'http', containerPort: 8080, protocol: 'TCP'}],
	livenessProbe: {
		httpGet: {path: '/healthz', port: 8080, scheme: 'HTTP'},
		initialDelaySeconds: 10,
		timeoutSeconds: 1,
		periodSeconds: 10,
		successThreshold: 1,
		failureThreshold: 3,
	},
	readinessProbe: {httpGet: {path: '/ready', port: 8080, scheme: 'HTTP'}, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3},
};

/** managedFields as the server keeps them: the creator's spec fields, the kubelet's status subresource. */
function managedFields(pod, atMs) {
	const containerKeys = {};
	for (const c of pod.containers)
		containerKeys[`k:{"name":"${c.name}"}`] = {
			'.': {},
			'f:image': {},
			'f:imagePullPolicy': {},
			'f:name': {},
			'f:resources': {'.': {}, 'f:limits': {'.': {}, 'f:memory': {}}, 'f:requests': {'.': {}, 'f:cpu': {}, 'f:memory': {}}},
			'f:terminationMessagePath': {},
			'f:terminationMessagePolicy': {},
		};
	const fields = [
		{
			manager: pod.kind === 'job' ? 'kube-controller-manager' : pod.kind === 'deploy' ? 'kube-controller-manager' : 'kubectl-client-side-apply',
			operation: 'Update',
			apiVersion: 'v1',
			time: stamp(pod.createdMs),
			fieldsType: 'FieldsV1',
			fieldsV1: {
				'f:metadata': {
					'f:generateName': {},
					'f:labels': {'.': {}, 'f:app': {}, 'f:pod-template-hash': {}},
					'f:ownerReferences': {'.': {}, [`k:{"uid":"${pod.ownerUid}"}`]: {}},
				},
				'f:spec': {
					'f:containers': containerKeys,
					'f:dnsPolicy': {},
					'f:enableServiceLinks': {},
					'f:restartPolicy': {},
					'f:schedulerName': {},
					'f:securityContext': {},
					'f:terminationGracePeriodSeconds': {},
				},
			},
		},
	];
	if (pod.nodeName) {
		fields.push({
			manager: 'kubelet',
			operation: 'Update',
			apiVersion: 'v1',
			time: stamp(atMs),
			fieldsType: 'FieldsV1',
			fieldsV1: {
				'f:status': {
					'f:conditions': {
						'k:{"type":"ContainersReady"}': {'.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {}},
						'k:{"type":"Initialized"}': {'.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {}},
						'k:{"type":"PodReadyToStartContainers"}': {'.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {}},
						'k:{"type":"Ready"}': {'.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {}},
					},
					'f:containerStatuses': {},
					'f:hostIP': {},
					'f:hostIPs': {},
					'f:phase': {},
					'f:podIP': {},
					'f:podIPs': {'.': {}, [`k:{"ip":"${pod.ip}"}`]: {'.': {}, 'f:ip': {}}},
					'f:startTime': {},
				},
			},
			subresource: 'status',
		});
	}
	return fields;
}

// ── pod lifecycles ──────────────────────────────────────────────────────────
//
// A pod is a small record; podObject() renders it as the API server would serve it. `stage`
// says where it is in its kind's lifecycle; step() moves it on by one watch event.

const KIND_WEIGHTS = [
	['deploy', 55],
	['crash', 10],
	['job', 12],
	['init', 12],
	['sidecar', 11],
];

/** The stages each kind goes through, in order; the last one repeats (steady) until the pod goes. */
const STAGES = {
	deploy: ['pending', 'scheduled', 'creating', 'started', 'ready'],
	crash: ['pending', 'scheduled', 'creating', 'started', 'error', 'backoff'],
	job: ['pending', 'scheduled', 'creating', 'started', 'completed'],
	init: ['pending', 'scheduled', 'init0', 'init1', 'podinit', 'started', 'ready'],
	sidecar: ['pending', 'scheduled', 'init0', 'podinit', 'started', 'ready'],
};

function readyCondition(type, ok, atMs, reason, message) {
	const condition = {type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: stamp(atMs)};
	if (!ok && reason) {
		condition.reason = reason;
		if (message) condition.message = message;
	}
	return condition;
}

function containerStatus(pod, c, state, ready, started, restartCount, lastState) {
	const status = {
		name: c.name,
		state,
		lastState: lastState ?? {},
		ready,
		restartCount,
		image: c.image.includes('/') ? c.image : `docker.io/library/${c.image}`,
		imageID: `docker.io/library/${c.image.split(':')[0]}@sha256:${pod.imageSha}`,
	};
	if (!state.waiting || state.waiting.reason === 'CrashLoopBackOff') status.containerID = `containerd://${pod.containerIds[c.name] ?? pod.imageSha}`;
	status.started = started;
	status.volumeMounts = [{name: pod.tokenName, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true, recursiveReadOnly: 'Disabled'}];
	return status;
}

function podStatus(pod) {
	const t = pod.stageMs;
	const stage = pod.stage;
	if (stage === 'pending') return {phase: 'Pending', qosClass: 'Burstable'};
	const scheduled = readyCondition('PodScheduled', true, pod.createdMs);
	const main = pod.containers;
	const inits = pod.initContainers;
	const creating = stage === 'scheduled';
	const initDone = !['scheduled', 'init0', 'init1'].includes(stage);
	const running = ['started', 'ready', 'error', 'backoff'].includes(stage);
	const ready = stage === 'ready' && pod.ready;
	const terminal = stage === 'completed';
	const status = {phase: terminal ? 'Succeeded' : running || stage === 'completed' ? 'Running' : 'Pending'};
	const notReady = `containers with unready status: [${main.map(c => c.name).join(' ')}]`;
	status.conditions = [
		readyCondition('PodReadyToStartContainers', !creating, t),
		readyCondition('Initialized', initDone, t, 'ContainersNotInitialized', `containers with incomplete status: [${inits.map(c => c.name).join(' ')}]`),
		readyCondition('Ready', ready, t, terminal ? 'PodCompleted' : 'ContainersNotReady', terminal ? undefined : notReady),
		readyCondition('ContainersReady', ready, t, terminal ? 'PodCompleted' : 'ContainersNotReady', terminal ? undefined : notReady),
		scheduled,
	];
	status.hostIP = pod.hostIP;
	status.hostIPs = [{ip: pod.hostIP}];
	if (!creating) {
		status.podIP = pod.ip;
		status.podIPs = [{ip: pod.ip}];
	}
	status.startTime = stamp(pod.createdMs + 1000);
	if (inits.length > 0) {
		status.initContainerStatuses = inits.map((c, index) => {
			const sidecar = c.restartPolicy === 'Always';
			const doneIndex = stage === 'init0' ? 0 : stage === 'init1' ? 1 : creating ? -1 : inits.length;
			if (creating || index > doneIndex) return containerStatus(pod, c, {waiting: {reason: 'PodInitializing'}}, false, false, 0);
			if (index === doneIndex) return containerStatus(pod, c, {running: {startedAt: stamp(t)}}, false, sidecar, 0);
			if (sidecar) return containerStatus(pod, c, {running: {startedAt: stamp(pod.createdMs + 2000)}}, true, true, 0);
			return containerStatus(
				pod,
				c,
				{
					terminated: {
						exitCode: 0,
						reason: 'Completed',
						startedAt: stamp(pod.createdMs + 2000),
						finishedAt: stamp(t),
						containerID: `containerd://${pod.imageSha}`,
					},
				},
				false,
				false,
				0,
			);
		});
	}
	status.containerStatuses = main.map(c => {
		if (!initDone) return containerStatus(pod, c, {waiting: {reason: 'PodInitializing'}}, false, false, 0);
		if (stage === 'podinit') return containerStatus(pod, c, {waiting: {reason: 'PodInitializing'}}, false, false, 0);
		if (stage === 'creating' || creating) return containerStatus(pod, c, {waiting: {reason: 'ContainerCreating'}}, false, false, 0);
		const lastState = pod.lastExit === null ? {} : {terminated: pod.lastExit};
		if (stage === 'error') {
			const exit = {
				exitCode: 1,
				reason: 'Error',
				message: 'connecting to db...\nTraceback (most recent call last):\nConnectionRefusedError: [Errno 111] Connection refused\n',
				startedAt: stamp(pod.runStartMs),
				finishedAt: stamp(t),
				containerID: `containerd://${pod.containerIds[c.name]}`,
			};
			return containerStatus(pod, c, {terminated: exit}, false, false, pod.restarts, lastState);
		}
		if (stage === 'backoff') {
			const message = `back-off ${backoffText(pod.backoffS)} restarting failed container=${c.name} pod=${pod.name}_${pod.namespace}(${pod.uid})`;
			return containerStatus(pod, c, {waiting: {reason: 'CrashLoopBackOff', message}}, false, false, pod.restarts, lastState);
		}
		if (stage === 'completed') {
			return containerStatus(
				pod,
				c,
				{
					terminated: {
						exitCode: 0,
						reason: 'Completed',
						startedAt: stamp(pod.runStartMs),
						finishedAt: stamp(t),
						containerID: `containerd://${pod.containerIds[c.name]}`,
					},
				},
				false,
				false,
				0,
			);
		}
		return containerStatus(pod, c, {running: {startedAt: stamp(pod.runStartMs)}}, ready, true, pod.restarts, lastState);
	});
	status.qosClass = 'Burstable';
	return status;
}

/** The kubelet's back-off text: "10s", "1m20s", "5m0s" (time.Duration.String). */
function backoffText(seconds) {
	return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

function podObject(pod, atMs) {
	const metadata = {name: pod.name, namespace: pod.namespace, uid: pod.uid, resourceVersion: String(pod.rv), creationTimestamp: stamp(pod.createdMs)};
	if (pod.deletionMs !== null) {
		metadata.deletionTimestamp = stamp(pod.deletionMs + 30_000);
		metadata.deletionGracePeriodSeconds = 30;
	}
	metadata.labels = pod.labels;
	metadata.ownerReferences = [
		{
			apiVersion: pod.kind === 'job' ? 'batch/v1' : 'apps/v1',
			kind: pod.kind === 'job' ? 'Job' : 'ReplicaSet',
			name: pod.owner,
			uid: pod.ownerUid,
			controller: true,
			blockOwnerDeletion: true,
		},
	];
	if (pod.kind === 'job' && pod.stage !== 'completed') metadata.finalizers = ['batch.kubernetes.io/job-tracking'];
	metadata.managedFields = managedFields(pod, atMs);
	const spec = {volumes: [serviceAccountVolume(pod.tokenName)]};
	if (pod.initContainers.length > 0) spec.initContainers = pod.initContainers;
	spec.containers = pod.containers;
	spec.restartPolicy = pod.kind === 'job' ? 'Never' : 'Always';
	spec.terminationGracePeriodSeconds = 30;
	spec.dnsPolicy = 'ClusterFirst';
	spec.serviceAccountName = 'default';
	spec.serviceAccount = 'default';
	if (pod.stage !== 'pending') spec.nodeName = pod.nodeName;
	spec.securityContext = {};
	spec.schedulerName = 'default-scheduler';
	spec.tolerations = [
		{key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
		{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
	];
	spec.priority = 0;
	spec.enableServiceLinks = true;
	spec.preemptionPolicy = 'PreemptLowerPriority';
	return {apiVersion: 'v1', kind: 'Pod', metadata, spec, status: podStatus(pod)};
}

// ── the world ───────────────────────────────────────────────────────────────

class World {
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

	nodeObject(node) {
		const heartbeat = stamp(node.heartbeatMs);
		const since = stamp(RECORDED_AT_MS - 86_400_000);
		const condition = (type, status, reason, message) => ({type, status, lastHeartbeatTime: heartbeat, lastTransitionTime: since, reason, message});
		return {
			apiVersion: 'v1',
			kind: 'Node',
			metadata: {
				name: node.name,
				uid: node.uid,
				resourceVersion: String(node.rv),
				creationTimestamp: since,
				labels: {
					'beta.kubernetes.io/arch': 'amd64',
					'beta.kubernetes.io/os': 'linux',
					'kubernetes.io/arch': 'amd64',
					'kubernetes.io/hostname': node.name,
					'kubernetes.io/os': 'linux',
					'topology.kubernetes.io/zone': `zone-${'abc'[node.index % 3]}`,
				},
				annotations: {
					'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
					'node.alpha.kubernetes.io/ttl': '0',
					'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
				},
				managedFields: [
					{
						manager: 'kubelet',
						operation: 'Update',
						apiVersion: 'v1',
						time: heartbeat,
						fieldsType: 'FieldsV1',
						fieldsV1: {
							'f:status': {
								'f:conditions': {
									'k:{"type":"DiskPressure"}': {'f:lastHeartbeatTime': {}},
									'k:{"type":"MemoryPressure"}': {'f:lastHeartbeatTime': {}},
									'k:{"type":"PIDPressure"}': {'f:lastHeartbeatTime': {}},
									'k:{"type":"Ready"}': {'f:lastHeartbeatTime': {}},
								},
							},
						},
						subresource: 'status',
					},
				],
			},
			spec: {
				podCIDR: `10.${64 + Math.floor(node.index / 256)}.${node.index % 256}.0/24`,
				podCIDRs: [`10.${64 + Math.floor(node.index / 256)}.${node.index % 256}.0/24`],
				providerID: `kind://docker/kind/${node.name}`,
			},
			status: {
				capacity: {
					cpu: '16',
					'ephemeral-storage': '263174212Ki',
					'hugepages-1Gi': '0',
					'hugepages-2Mi': '0',
					memory: '65573248Ki',
					pods: String(PODS_PER_NODE),
				},
				allocatable: {
					cpu: '16',
					'ephemeral-storage': '263174212Ki',
					'hugepages-1Gi': '0',
					'hugepages-2Mi': '0',
					memory: '65573248Ki',
					pods: String(PODS_PER_NODE),
				},
				conditions: [
					condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
					condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
					condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
					condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
				],
				addresses: [
					{type: 'InternalIP', address: node.ip},
					{type: 'Hostname', address: node.name},
				],
				daemonEndpoints: {kubeletEndpoint: {Port: 10250}},
				nodeInfo: {
					machineID: node.machineID,
					systemUUID: node.bootID,
					bootID: node.bootID,
					kernelVersion: '6.8.0-49-generic',
					osImage: 'Debian GNU/Linux 12 (bookworm)',
					containerRuntimeVersion: 'containerd://1.7.24',
					kubeletVersion: SERVER_VERSION,
					kubeProxyVersion: '',
					operatingSystem: 'linux',
					architecture: 'amd64',
				},
			},
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
			hash: r.hex(10).replace(/[0-9a-f]/g, ch => 'bcdfghjklmnpqrstvwxz'[parseInt(ch, 16)]),
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
			imageSha: sha(r),
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
		for (const c of [...containers, ...initContainers]) pod.containerIds[c.name] = sha(r);
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
			message: 'connecting to db...\nTraceback (most recent call last):\nConnectionRefusedError: [Errno 111] Connection refused\n',
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

/**
 * Moves `pod` one step on at `nowMs`. Returns the entries to write (objects without `t`) and
 * whether the pod is gone (then the caller puts a new one in its place).
 */
function step(world, pod, nowMs) {
	const r = world.random;
	const out = [];
	const stages = STAGES[pod.kind];
	const at = stages.indexOf(pod.stage);
	const main = pod.containers[0].name;
	const emitPod = (type = 'MODIFIED') => {
		pod.rv = world.nextRv();
		out.push({type, object: podObject(pod, nowMs)});
	};
	const emitEvent = (type, reason, message, fieldPath = `spec.containers{${main}}`) => {
		out.push({type: 'ADDED', object: world.event(pod, nowMs, type, reason, message, fieldPath)});
	};

	if (pod.deletionMs !== null) {
		// Terminating: the kubelet stops the containers, then the grace-0 delete removes the pod.
		pod.rv = world.nextRv();
		out.push({type: 'DELETED', object: podObject(pod, nowMs)});
		return {entries: out, gone: true};
	}
	const steady = at === stages.length - 1;
	if (steady) {
		if (pod.kind === 'crash') {
			// backoff → running again (restartCount up), and on the next step Error again.
			pod.stage = 'started';
			pod.restarts += 1;
			pod.runStartMs = nowMs;
			pod.stageMs = nowMs;
			pod.containerIds[main] = r.hex(64);
			emitPod();
			if (r.chance(0.5)) emitEvent('Normal', 'Started', `Started container ${main}`);
			return {entries: out, gone: false};
		}
		if (pod.kind === 'job') {
			// Completed: the Job controller removes the finalizer, then the pod is deleted.
			emitPod();
			pod.rv = world.nextRv();
			out.push({type: 'DELETED', object: podObject(pod, nowMs)});
			return {entries: out, gone: true};
		}
		if (r.chance(0.5)) {
			// A rollout (Deployment) or a scale-down: Terminating first, DELETED on the next step.
			pod.deletionMs = nowMs;
			emitPod();
			emitEvent('Normal', 'Killing', `Stopping container ${main}`);
			if (pod.kind === 'deploy' && r.chance(0.5)) {
				const owner = pod.ownerRef;
				owner.hash = r.hex(10).replace(/[0-9a-f]/g, ch => 'bcdfghjklmnpqrstvwxz'[parseInt(ch, 16)]);
			}
			return {entries: out, gone: false};
		}
		// Readiness flaps: a probe fails and recovers.
		pod.ready = !pod.ready;
		pod.stageMs = nowMs;
		emitPod();
		if (!pod.ready) emitEvent('Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503');
		return {entries: out, gone: false};
	}

	const next = stages[at + 1];
	pod.stage = next;
	pod.stageMs = nowMs;
	if (next === 'started' || next === 'init0') pod.runStartMs = nowMs;
	if (next === 'backoff') {
		// The run that just failed becomes lastState; the kubelet doubles the back-off up to 5m.
		pod.lastExit = world.exitOf(pod, nowMs - 500);
		pod.backoffS = pod.restarts === 0 ? 10 : Math.min(300, pod.backoffS * 2);
	}
	emitPod();
	if (next === 'scheduled') emitEvent('Normal', 'Scheduled', `Successfully assigned ${pod.namespace}/${pod.name} to ${pod.nodeName}`, '');
	else if (next === 'creating' || next === 'init0') emitEvent('Normal', 'Pulled', `Container image "${pod.containers[0].image}" already present on machine`);
	else if (next === 'started') emitEvent('Normal', 'Started', `Started container ${main}`);
	else if (next === 'backoff') {
		const backoff = pod.backoffEvent;
		if (backoff) {
			// The kubelet's BackOff event is one object whose count rises.
			backoff.count += 1;
			backoff.lastTimestamp = stamp(nowMs);
			backoff.metadata.resourceVersion = String(world.nextRv());
			out.push({type: 'MODIFIED', object: backoff});
		} else {
			pod.backoffEvent = world.event(
				pod,
				nowMs,
				'Warning',
				'BackOff',
				`Back-off restarting failed container ${main} in pod ${pod.name}_${pod.namespace}(${pod.uid})`,
				`spec.containers{${main}}`,
			);
			out.push({type: 'ADDED', object: pod.backoffEvent});
		}
	}
	return {entries: out, gone: false};
}

/** A pod on its way somewhere (starting, crashing, terminating, unready): it changes again soon. */
function isBusy(pod) {
	const stages = STAGES[pod.kind];
	return pod.deletionMs !== null || pod.kind === 'crash' || pod.stage !== stages[stages.length - 1] || !pod.ready;
}

function markBusy(world, pod) {
	if (pod.listed || !isBusy(pod)) return;
	pod.listed = true;
	world.busy.push(pod);
}

/**
 * The pod that changes next: mostly one that is busy (so that, as in a real cluster, most pods sit
 * Running and the changes come from the few that are not), sometimes any pod (a steady pod is
 * rolled out or flaps its readiness).
 */
function pickPod(world) {
	const busy = world.busy;
	while (busy.length > 0 && world.random.chance(0.85)) {
		const at = world.random.int(busy.length);
		const pod = busy[at];
		// Lazily forget pods that settled or were replaced since they were listed.
		if (world.pods[pod.slot] === pod && isBusy(pod)) return pod;
		pod.listed = false;
		busy[at] = busy[busy.length - 1];
		busy.pop();
	}
	return world.pods[world.random.int(world.pods.length)];
}

/** Initial stages: most pods steady, some caught mid-way (so the first frame shows every status). */
function initialStage(world, kind) {
	const stages = STAGES[kind];
	if (world.random.chance(0.7)) return stages[stages.length - 1];
	return stages[1 + world.random.int(stages.length - 1)];
}

// ── the session ─────────────────────────────────────────────────────────────

/**
 * The session's lines (header first), without "\n". Lazy: the caller writes each as it comes.
 * @param {Partial<typeof DEFAULT_OPTIONS>} partial
 */
export function* sessionLines(partial = {}) {
	const options = {...DEFAULT_OPTIONS, ...partial};
	validate(options);
	const world = new World(options);
	yield JSON.stringify({
		podlife: 'session',
		version: 1,
		recordedAt: RECORDED_AT,
		context: 'bench',
		server: 'https://127.0.0.1:6443',
		serverVersion: SERVER_VERSION,
		namespace: null,
		labelSelector: null,
		resources: ['pods', 'nodes', 'events'],
		title: `bench: ${options.pods} pods in ${options.namespaces} namespaces, ${options.entries} entries (seed ${options.seed})`,
		generator: {name: 'podlife bench/generate.js', ...options},
	});
	let written = 0;
	const line = entry => {
		written += 1;
		return JSON.stringify(entry);
	};
	// The initial list.
	for (let i = 0; i < options.pods; i++) {
		const kind = world.pickKind();
		const pod = world.newPod(RECORDED_AT_MS, initialStage(world, kind), world.ownerFor(kind));
		pod.slot = world.pods.length;
		world.pods.push(pod);
		markBusy(world, pod);
		yield line({t: 0, type: 'ADDED', object: podObject(pod, RECORDED_AT_MS)});
	}
	yield line({t: 0, type: 'SYNCED', resource: 'pods', resourceVersion: String(world.rv)});
	for (const node of world.nodes) yield line({t: 1, type: 'ADDED', object: world.nodeObject(node)});
	yield line({t: 1, type: 'SYNCED', resource: 'nodes', resourceVersion: String(world.rv)});
	yield line({t: 2, type: 'SYNCED', resource: 'events', resourceVersion: String(world.rv)});

	// The changes, at about `rate` entries per second: after a step that wrote n entries the clock
	// moves on by n gaps, each uniform in [0, 2 × mean).
	const meanGapMs = 1000 / options.rate;
	let clock = 2;
	let stepStart = written;
	while (written < options.entries) {
		clock += world.random.next() * 2 * meanGapMs * Math.max(1, written - stepStart);
		stepStart = written;
		const t = Math.floor(clock);
		const nowMs = RECORDED_AT_MS + t;
		if (world.random.chance(0.01)) {
			const node = world.random.pick(world.nodes);
			node.heartbeatMs = nowMs;
			node.rv = world.nextRv();
			yield line({t, type: 'MODIFIED', object: world.nodeObject(node)});
			continue;
		}
		const pod = pickPod(world);
		const {entries, gone} = step(world, pod, nowMs);
		if (!gone) markBusy(world, pod);
		for (const entry of entries) {
			if (written >= options.entries) break;
			yield line({t, ...entry});
		}
		if (gone) {
			// A replacement keeps the number of live pods: a new pod of the same owner (a ReplicaSet's
			// next pod, a Job's next run) or of a new one.
			const kind = world.random.chance(0.7) ? pod.kind : world.pickKind();
			const owner = kind === pod.kind && world.random.chance(0.7) ? pod.ownerRef : world.ownerFor(kind);
			const fresh = world.newPod(nowMs, 'pending', owner);
			world.pods[pod.slot] = fresh;
			fresh.slot = pod.slot;
			markBusy(world, fresh);
			if (written < options.entries) yield line({t, type: 'ADDED', object: podObject(fresh, nowMs)});
		}
	}
}

function validate(options) {
	for (const key of ['pods', 'namespaces', 'entries', 'rate']) {
		if (!Number.isInteger(options[key]) || options[key] <= 0) throw new RangeError(`--${key} must be a positive whole number (got ${options[key]})`);
	}
	if (!Number.isInteger(options.seed) || options.seed < 0) throw new RangeError(`--seed must be a whole number >= 0 (got ${options.seed})`);
	const listed = options.pods + Math.max(2, Math.ceil(options.pods / PODS_PER_NODE)) + 3;
	if (options.entries < listed)
		throw new RangeError(`--entries must be at least ${listed} (the initial list of ${options.pods} pods, the nodes and the SYNCED markers)`);
}

/**
 * Writes a session to `file` through a stream, a chunk of lines at a time (never the whole file
 * as one string), waiting for the stream to drain. Resolves with the bytes written.
 */
export async function writeSession(file, partial = {}) {
	await mkdir(path.dirname(path.resolve(file)), {recursive: true});
	const stream = createWriteStream(file);
	const done = new Promise((resolve, reject) => {
		stream.on('finish', resolve);
		stream.on('error', reject);
	});
	let bytes = 0;
	let chunk = [];
	let chunkLength = 0;
	const flush = async () => {
		if (chunk.length === 0) return;
		const text = `${chunk.join('\n')}\n`;
		chunk = [];
		chunkLength = 0;
		bytes += Buffer.byteLength(text);
		if (!stream.write(text)) await new Promise(resolve => stream.once('drain', resolve));
	};
	for (const text of sessionLines(partial)) {
		chunk.push(text);
		chunkLength += text.length;
		if (chunkLength >= 1 << 20) await flush();
	}
	await flush();
	stream.end();
	await done;
	return bytes;
}

function parseCli(argv) {
	const options = {};
	let out = null;
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		if (flag === '--out') {
			out = value;
			i++;
		} else if (['--pods', '--namespaces', '--entries', '--seed', '--rate'].includes(flag)) {
			options[flag.slice(2)] = Number(value);
			i++;
		} else if (flag === '--help' || flag === '-h') {
			return {help: true};
		} else {
			throw new RangeError(`unknown flag "${flag}"`);
		}
	}
	if (!out) throw new RangeError('--out FILE is required');
	return {options, out};
}

const USAGE = 'usage: node bench/generate.js --out FILE [--pods 10000] [--namespaces 200] [--entries 200000] [--seed 1] [--rate 1000]\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const cli = parseCli(process.argv.slice(2));
		if (cli.help) {
			process.stdout.write(USAGE);
		} else {
			const started = performance.now();
			const bytes = await writeSession(cli.out, cli.options);
			process.stderr.write(`wrote ${cli.out}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
		}
	} catch (error) {
		process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
		process.exitCode = 2;
	}
}
