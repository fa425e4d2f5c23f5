// A day of a small cluster's churn as session entries, for the soak test: Deployments rolled
// out every few hours (a new ReplicaSet's pods start and become ready, the old ones terminate
// and go), pods in a crash loop all day (restartCount rising, BackOff events counting up),
// nodes flapping NotReady now and then. Deterministic for a seed; objects small but in the
// shapes the store reads (phase, conditions, containerStatuses, owner, node).

import type {SessionEntry, SessionHeader} from '../../source/session/format.js';
import {seededRandom} from '../sources/replay/seeded-random.js';

export const RECORDED_AT = '2026-11-25T00:00:00.000Z';
const RECORDED_AT_MS = Date.parse(RECORDED_AT);
export const HOUR = 3_600_000;

export interface ChurnOptions {
	hours: number;
	namespaces: number;
	deploymentsPerNamespace: number;
	replicas: number;
	crashLoopers: number;
	nodes: number;
	seed?: number;
}

const stamp = (t: number) => new Date(RECORDED_AT_MS + t).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface PodSpec {
	namespace: string;
	name: string;
	uid: string;
	app: string;
	hash: string;
	node: string;
	created: number;
}

function podObject(pod: PodSpec, t: number, stage: 'pending' | 'running' | 'ready' | 'terminating' | 'crashed' | 'backoff', restarts = 0) {
	const running = stage === 'running' || stage === 'ready' || stage === 'terminating';
	const ready = stage === 'ready';
	const state =
		stage === 'pending'
			? {waiting: {reason: 'ContainerCreating'}}
			: stage === 'crashed'
				? {terminated: {exitCode: 1, reason: 'Error', startedAt: stamp(t - 5000), finishedAt: stamp(t)}}
				: stage === 'backoff'
					? {waiting: {reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=app pod=${pod.name}_${pod.namespace}(${pod.uid})`}}
					: {running: {startedAt: stamp(pod.created + 2000)}};
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name: pod.name,
			namespace: pod.namespace,
			uid: pod.uid,
			creationTimestamp: stamp(pod.created),
			labels: {app: pod.app, 'pod-template-hash': pod.hash},
			ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${pod.app}-${pod.hash}`, uid: `rs-${pod.app}-${pod.hash}`, controller: true}],
			...(stage === 'terminating' ? {deletionTimestamp: stamp(t + 30_000), deletionGracePeriodSeconds: 30} : {}),
		},
		spec: {nodeName: pod.node, restartPolicy: 'Always', containers: [{name: 'app', image: `registry.example/${pod.app}:${pod.hash}`}]},
		status: {
			phase: stage === 'pending' ? 'Pending' : 'Running',
			conditions: [
				{type: 'PodScheduled', status: 'True', lastTransitionTime: stamp(pod.created)},
				{type: 'Initialized', status: 'True', lastTransitionTime: stamp(pod.created)},
				{type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: stamp(t)},
				{type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: stamp(t)},
			],
			hostIP: '10.0.0.1',
			podIP: '10.244.0.1',
			startTime: stamp(pod.created),
			containerStatuses: [
				{
					name: 'app',
					image: `registry.example/${pod.app}:${pod.hash}`,
					imageID: '',
					ready,
					started: running,
					restartCount: restarts,
					state,
					...(restarts > 0 ? {lastState: {terminated: {exitCode: 1, reason: 'Error', startedAt: stamp(t - 10_000), finishedAt: stamp(t - 5000)}}} : {}),
				},
			],
		},
	};
}

function nodeObject(name: string, t: number, ready: boolean) {
	return {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: {name, uid: `node-${name}`, creationTimestamp: stamp(0), labels: {'kubernetes.io/hostname': name}},
		spec: ready ? {} : {taints: [{key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule'}]},
		status: {
			conditions: [{type: 'Ready', status: ready ? 'True' : 'False', reason: ready ? 'KubeletReady' : 'NodeStatusUnknown', lastTransitionTime: stamp(t)}],
			allocatable: {cpu: '8', memory: '32Gi', pods: '110'},
		},
	};
}

function backOffEvent(pod: PodSpec, t: number, count: number, first: number) {
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name: `${pod.name}.backoff`, namespace: pod.namespace, uid: `ev-${pod.uid}`, creationTimestamp: stamp(first)},
		involvedObject: {kind: 'Pod', namespace: pod.namespace, name: pod.name, uid: pod.uid, fieldPath: 'spec.containers{app}'},
		reason: 'BackOff',
		message: 'Back-off restarting failed container app',
		type: 'Warning',
		count,
		firstTimestamp: stamp(first),
		lastTimestamp: stamp(t),
		source: {component: 'kubelet', host: pod.node},
	};
}

export function churnSession(options: ChurnOptions): {header: SessionHeader; entries: SessionEntry[]} {
	const random = seededRandom(options.seed ?? 1);
	const hex = (n: number) => Array.from({length: n}, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
	const nodes = Array.from({length: options.nodes}, (_, i) => `node-${i}`);
	const timed: Array<{t: number; type: string; object: unknown}> = [];
	const at = (t: number, type: string, object: unknown) => timed.push({t, type, object});
	let serial = 0;
	const newPod = (namespace: string, app: string, hash: string, t: number): PodSpec => ({
		namespace,
		name: `${app}-${hash}-${hex(5)}`,
		uid: `pod-${serial++}`,
		app,
		hash,
		node: nodes[Math.floor(random() * nodes.length)]!,
		created: t,
	});
	const end = options.hours * HOUR;

	for (const node of nodes) at(0, 'ADDED', nodeObject(node, 0, true));
	// Deployments: created at t = 0, rolled out every 2–4 hours.
	for (let n = 0; n < options.namespaces; n++) {
		const namespace = `team-${n}`;
		for (let d = 0; d < options.deploymentsPerNamespace; d++) {
			const app = `app-${n}-${d}`;
			let pods = Array.from({length: options.replicas}, () => newPod(namespace, app, hex(10), 0));
			for (const pod of pods) {
				at(0, 'ADDED', podObject(pod, 0, 'ready'));
			}
			let t = (2 + random() * 2) * HOUR;
			while (t < end) {
				const hash = hex(10);
				const next = pods.map((_, i) => newPod(namespace, app, hash, t + i * 20_000));
				for (const [i, pod] of next.entries()) {
					const start = t + i * 20_000;
					at(start, 'ADDED', podObject(pod, start, 'pending'));
					at(start + 3000, 'MODIFIED', podObject(pod, start + 3000, 'running'));
					at(start + 8000, 'MODIFIED', podObject(pod, start + 8000, 'ready'));
					const old = pods[i]!;
					at(start + 9000, 'MODIFIED', podObject(old, start + 9000, 'terminating'));
					at(start + 12_000, 'DELETED', podObject(old, start + 12_000, 'terminating'));
				}
				pods = next;
				t += (2 + random() * 2) * HOUR;
			}
		}
	}
	// Crash loops: a restart every 5 minutes, all day, with the kubelet's BackOff event counting up.
	for (let c = 0; c < options.crashLoopers; c++) {
		const pod = newPod(`team-${c % options.namespaces}`, `crasher-${c}`, hex(10), 0);
		at(0, 'ADDED', podObject(pod, 0, 'running'));
		let restarts = 0;
		for (let t = 60_000 + c * 7000; t < end; t += 5 * 60_000) {
			at(t, 'MODIFIED', podObject(pod, t, 'crashed', restarts));
			restarts++;
			at(t + 1000, 'MODIFIED', podObject(pod, t + 1000, 'backoff', restarts));
			at(t + 1000, restarts === 1 ? 'ADDED' : 'MODIFIED', backOffEvent(pod, t + 1000, restarts, 61_000 + c * 7000));
		}
	}
	// Node flaps: one node NotReady for two minutes every hour.
	for (let h = 0; h < options.hours; h++) {
		const node = nodes[h % nodes.length]!;
		const t = h * HOUR + 30 * 60_000;
		at(t, 'MODIFIED', nodeObject(node, t, false));
		at(t + 120_000, 'MODIFIED', nodeObject(node, t + 120_000, true));
	}

	// Stable by time: entries at the same t keep the order they were made in.
	const ordered = timed.map((entry, index) => ({entry, index})).sort((a, b) => a.entry.t - b.entry.t || a.index - b.index);
	const header: SessionHeader = {
		podlife: 'session',
		version: 1,
		recordedAt: RECORDED_AT,
		serverVersion: 'v1.32.13',
		title: 'a day of churn',
		namespace: null,
		resources: ['pods', 'nodes', 'events'],
	};
	return {header, entries: ordered.map(({entry}) => ({t: Math.round(entry.t), type: entry.type, object: entry.object}) as SessionEntry)};
}
