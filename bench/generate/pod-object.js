// A generated pod as the API server would serve it (shapes and sizes taken from
// test/fixtures/captures, managedFields kept): podObject() renders the small record a pod is in the
// world (world.js) at the stage its lifecycle (lifecycles.js) has reached.

import {stamp} from './cluster-facts.js';

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

export function containerSpec(name, image, tokenName, extra) {
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

/** What a crash-looping container's run ends with (its terminated state's message). */
export const CRASH_MESSAGE = 'connecting to db...\nTraceback (most recent call last):\nConnectionRefusedError: [Errno 111] Connection refused\n';

export const PROBES = {
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
			manager: pod.kind === 'job' || pod.kind === 'deploy' ? 'kube-controller-manager' : 'kubectl-client-side-apply',
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
	const status = {phase: terminal ? 'Succeeded' : running ? 'Running' : 'Pending'};
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
		if (!initDone || stage === 'podinit') return containerStatus(pod, c, {waiting: {reason: 'PodInitializing'}}, false, false, 0);
		if (stage === 'creating' || creating) return containerStatus(pod, c, {waiting: {reason: 'ContainerCreating'}}, false, false, 0);
		const lastState = pod.lastExit === null ? {} : {terminated: pod.lastExit};
		if (stage === 'error') {
			const exit = {
				exitCode: 1,
				reason: 'Error',
				message: CRASH_MESSAGE,
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

export function podObject(pod, atMs) {
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
