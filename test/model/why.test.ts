// explainPod on hand-made pods (plus the kind nodes and events) for the causes the captures do not hold.

import {describe, expect, it} from 'vitest';
import type {ContainerStatus, KubeEvent, Node, Pod, PodCondition} from '../../source/kube/objects.js';
import {LATEST_COMPAT} from '../../source/model/compat.js';
import type {PodState, StoreView} from '../../source/model/pod-state.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {explainPod, whyContext} from '../../source/model/why.js';
import {at, explainObjects, kindNodes, pod, T0} from './why-fixture.js';

const running = (name: string, startedSeconds: number, ready = true): ContainerStatus => ({
	name,
	ready,
	restartCount: 0,
	started: true,
	state: {running: {startedAt: at(startedSeconds)}},
});

const readyConditions = (ready: boolean, since: number): PodCondition[] => [
	{type: 'Initialized', status: 'True', lastTransitionTime: at(1)},
	{type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: at(since)},
	{type: 'PodScheduled', status: 'True', lastTransitionTime: at(0)},
];

function event(reason: string, message: string, seconds: number, extra: Partial<KubeEvent> = {}): KubeEvent {
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name: `app-7d9f.${reason}.${seconds}`, namespace: 'default', uid: `event-${reason}-${seconds}`},
		involvedObject: {kind: 'Pod', namespace: 'default', name: 'app-7d9f', fieldPath: 'spec.containers{app}'},
		reason,
		message,
		type: 'Warning',
		count: 1,
		lastTimestamp: at(seconds),
		...extra,
	};
}

describe('explainPod: containers that cannot run', () => {
	it('gives the memory limit of an OOMKilled container in a crash loop', () => {
		const object = pod({
			spec: {containers: [{name: 'app', image: 'registry.example/app:1.4', resources: {limits: {memory: '128Mi'}}}]},
			status: {
				phase: 'Running',
				conditions: readyConditions(false, 72),
				containerStatuses: [
					{
						name: 'app',
						ready: false,
						restartCount: 2,
						state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 20s restarting failed container=app pod=app-7d9f_default(uid-1)'}},
						lastState: {terminated: {exitCode: 137, reason: 'OOMKilled', startedAt: at(60), finishedAt: at(72)}},
					},
				],
			},
		});
		expect(explainObjects([[73, object]], 77)).toEqual({
			cause: 'crash-loop',
			container: 'app',
			health: 'failing',
			text: 'container app was OOMKilled (exit 137, memory limit 128Mi) after 12s; 2 restarts in 77s; back-off 20s, next restart in 15s',
			next: 'next restart in 15s',
		});
	});

	it('names the signal behind an exit code of 128 + N', () => {
		const object = pod({
			status: {
				phase: 'Running',
				conditions: readyConditions(false, 30),
				containerStatuses: [
					{name: 'app', ready: false, restartCount: 0, state: {terminated: {exitCode: 139, reason: 'Error', startedAt: at(20), finishedAt: at(30)}}},
				],
			},
		});
		expect(explainObjects([[30, object]], 31)?.text).toBe('container app exited 139 (Error, SIGSEGV) after 10s');
	});

	it('quotes the missing ConfigMap key of CreateContainerConfigError, and since when', () => {
		const creating = pod({
			status: {phase: 'Pending', containerStatuses: [{name: 'app', ready: false, restartCount: 0, state: {waiting: {reason: 'ContainerCreating'}}}]},
		});
		const blocked = pod({
			status: {
				phase: 'Pending',
				containerStatuses: [
					{
						name: 'app',
						ready: false,
						restartCount: 0,
						state: {waiting: {reason: 'CreateContainerConfigError', message: "couldn't find key DB_HOST in ConfigMap default/app-config"}},
					},
				],
			},
		});
		expect(
			explainObjects(
				[
					[1, creating],
					[3, blocked],
				],
				123,
			),
		).toEqual({
			cause: 'config-error',
			container: 'app',
			health: 'failing',
			text: "container app cannot start for 2m (CreateContainerConfigError): couldn't find key DB_HOST in ConfigMap default/app-config",
		});
	});

	it('says a failing native sidecar backs off while the main container runs on', () => {
		const object = pod({
			spec: {
				initContainers: [{name: 'log-shipper', image: 'fluent/fluent-bit:3.2.2', restartPolicy: 'Always'}],
				containers: [{name: 'app', image: 'nginx:1.27.3'}],
			},
			status: {
				phase: 'Running',
				conditions: readyConditions(false, 50),
				initContainerStatuses: [
					{
						name: 'log-shipper',
						ready: false,
						restartCount: 3,
						started: false,
						state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=log-shipper pod=app-7d9f_default(uid-1)'}},
						lastState: {
							terminated: {exitCode: 1, reason: 'Error', message: '[error] [config] section "outputs" not found\n', startedAt: at(48), finishedAt: at(50)},
						},
					},
				],
				containerStatuses: [running('app', 5)],
			},
		});
		expect(explainObjects([[51, object]], 60)).toEqual({
			cause: 'sidecar-failing',
			container: 'log-shipper',
			health: 'failing',
			text: 'sidecar log-shipper exited 1 (Error) after 2s; 3 restarts in 60s; back-off 40s, next restart in 30s; message "[error] [config] section "outputs" not found"; container app still running',
			next: 'next restart in 30s',
		});
	});

	it('calls an init container stuck after 10 minutes of running, naming its place (2/2)', () => {
		const object = pod({
			spec: {
				initContainers: [
					{name: 'init-schema', image: 'busybox'},
					{name: 'wait-for-db', image: 'busybox'},
				],
			},
			status: {
				phase: 'Pending',
				initContainerStatuses: [
					{name: 'init-schema', ready: true, restartCount: 0, state: {terminated: {exitCode: 0, reason: 'Completed', startedAt: at(2), finishedAt: at(4)}}},
					running('wait-for-db', 5, false),
				],
				containerStatuses: [{name: 'app', ready: false, restartCount: 0, state: {waiting: {reason: 'PodInitializing'}}}],
			},
		});
		expect(explainObjects([[5, object]], 5 + 15 * 60)).toEqual({
			cause: 'init-stuck',
			container: 'wait-for-db',
			health: 'failing',
			text: 'init container wait-for-db (2/2) running for 15m',
		});
	});
});

describe('explainPod: pods that are not placed', () => {
	it('quotes the scheduler and names the rule that rules out each kind node', () => {
		const object = pod({
			spec: {nodeName: undefined, nodeSelector: {disktype: 'ssd'}},
			status: {
				phase: 'Pending',
				conditions: [
					{
						type: 'PodScheduled',
						status: 'False',
						reason: 'Unschedulable',
						lastTransitionTime: at(1),
						message:
							"0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
					},
				],
			},
		});
		expect(explainObjects([[1, object]], 46, {nodes: kindNodes()})).toEqual({
			cause: 'unschedulable',
			container: null,
			health: 'failing',
			text: "Unschedulable for 45s: 0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }; kind-control-plane lacks label disktype=ssd; kind-control-plane has taint node-role.kubernetes.io/control-plane:NoSchedule (not tolerated); kind-worker lacks label disktype=ssd",
		});
	});

	it('names the scheduling gates that hold a pod back', () => {
		const object = pod({
			spec: {nodeName: undefined, schedulingGates: [{name: 'example.com/quota'}, {name: 'example.com/approval'}]},
			status: {
				phase: 'Pending',
				conditions: [{type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates'}],
			},
		});
		expect(explainObjects([[0, object]], 30)).toEqual({
			cause: 'scheduling-gated',
			container: null,
			health: 'progressing',
			text: 'held by scheduling gates example.com/quota, example.com/approval for 30s',
		});
	});
});

describe('explainPod: running but not Ready', () => {
	const gated = (status: string | null, since: number) =>
		pod({
			spec: {readinessGates: [{conditionType: 'target-health.elbv2.k8s.aws/tg-web'}]},
			status: {
				phase: 'Running',
				conditions: [
					...readyConditions(false, since),
					...(status === null
						? []
						: [{type: 'target-health.elbv2.k8s.aws/tg-web', status, reason: 'Target.Timeout', message: 'Request timed out', lastTransitionTime: at(since)}]),
				],
				containerStatuses: [running('app', 4)],
			},
		});

	it('names a readiness gate that is False, with its reason, while all containers are ready', () => {
		expect(explainObjects([[10, gated('False', 10)]], 190)).toEqual({
			cause: 'readiness-gate',
			container: null,
			health: 'progressing',
			text: 'readiness gate target-health.elbv2.k8s.aws/tg-web is False for 3m (Target.Timeout: Request timed out)',
		});
		expect(explainObjects([[10, gated('False', 10)]], 10 + 11 * 60)?.health).toBe('failing');
	});

	it('names a readiness gate nobody has reported', () => {
		expect(explainObjects([[10, gated(null, 10)]], 20)?.text).toBe(
			'readiness gate target-health.elbv2.k8s.aws/tg-web not reported (no such condition in status)',
		);
	});

	it('quotes the failing readiness probe of a container not ready for 12 minutes', () => {
		const object = pod({status: {phase: 'Running', conditions: readyConditions(false, 4), containerStatuses: [running('app', 4, false)]}});
		const probe = event('Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 700, {count: 70});
		expect(explainObjects([[4, object]], 4 + 12 * 60, {events: [probe]})).toEqual({
			cause: 'not-ready',
			container: 'app',
			health: 'failing',
			text: 'container app running but not ready for 12m; Readiness probe failed: HTTP probe failed with statuscode: 503',
		});
	});
});

describe('explainPod: the end of a pod', () => {
	it('names the finalizer that holds a pod past its grace period', () => {
		const object = pod({
			metadata: {deletionTimestamp: at(130), deletionGracePeriodSeconds: 30, finalizers: ['example.com/protect']},
			status: {phase: 'Running', conditions: readyConditions(true, 4), containerStatuses: [running('app', 4)]},
		});
		expect(explainObjects([[100, object]], 250)).toEqual({
			cause: 'stuck-terminating',
			container: null,
			health: 'failing',
			text: 'terminating 2m past its 30s grace period (deleted 2m30s ago); held by finalizer example.com/protect; still running: app',
		});
	});

	it('names the lost node and since when it is not Ready', () => {
		const worker = kindNodes().find(node => node.metadata.name === 'kind-worker')!;
		const lost: Node = {
			...worker,
			status: {
				...worker.status,
				conditions: [
					{type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: at(100)},
				],
			},
		};
		const object = pod({
			metadata: {deletionTimestamp: at(430), deletionGracePeriodSeconds: 30},
			status: {
				phase: 'Running',
				reason: 'NodeLost',
				message: 'Node kind-worker which was running pod app-7d9f is unresponsive',
				containerStatuses: [running('app', 4)],
			},
		});
		expect(explainObjects([[400, object]], 400, {nodes: [lost]})).toEqual({
			cause: 'node-lost',
			container: null,
			health: 'failing',
			text: 'NodeLost: Node kind-worker which was running pod app-7d9f is unresponsive; node kind-worker is not Ready (Ready=Unknown, NodeStatusUnknown: Kubelet stopped posting node status.) for 5m',
		});
	});

	it("quotes the kubelet's eviction message", () => {
		const object = pod({
			status: {
				phase: 'Failed',
				reason: 'Evicted',
				message:
					'The node was low on resource: memory. Threshold quantity: 100Mi, available: 42Mi. Container app was using 301Mi, request is 64Mi, has larger consumption of its request. ',
			},
		});
		expect(explainObjects([[60, object]], 70)).toEqual({
			cause: 'evicted',
			container: null,
			health: 'failing',
			text: 'evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 42Mi. Container app was using 301Mi, request is 64Mi, has larger consumption of its request.',
		});
	});

	it('says how the container of a failed Job pod ended', () => {
		const object = pod({
			metadata: {name: 'report-x2k9p-4mz7q', finalizers: ['batch.kubernetes.io/job-tracking']},
			spec: {containers: [{name: 'report', image: 'busybox:1.36.1'}], restartPolicy: 'Never'},
			status: {
				phase: 'Failed',
				containerStatuses: [
					{
						name: 'report',
						ready: false,
						restartCount: 0,
						state: {terminated: {exitCode: 2, reason: 'Error', message: 'report: cannot open /data/in.csv\n', startedAt: at(3), finishedAt: at(9)}},
					},
				],
			},
		});
		expect(explainObjects([[10, object]], 20)).toEqual({
			cause: 'failed',
			container: 'report',
			health: 'failing',
			text: 'container report exited 2 (Error) after 6s; message "report: cannot open /data/in.csv"',
		});
	});

	it('says a killed container ended by a signal, and gives a deadline as the pod states it', () => {
		const killed = pod({
			spec: {restartPolicy: 'Never'},
			status: {
				phase: 'Failed',
				containerStatuses: [
					{name: 'app', ready: false, restartCount: 0, state: {terminated: {exitCode: 137, signal: 9, reason: 'Error', startedAt: at(3), finishedAt: at(43)}}},
				],
			},
		});
		expect(explainObjects([[44, killed]], 50)?.text).toBe('container app ended by signal 9 (SIGKILL, Error) after 40s');
		const deadline = pod({
			spec: {restartPolicy: 'Never'},
			status: {phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline'},
		});
		expect(explainObjects([[44, deadline]], 50)).toMatchObject({
			cause: 'failed',
			text: 'DeadlineExceeded: Pod was active on the node longer than the specified deadline',
		});
	});
});

describe('explainPod: a healthy pod', () => {
	/** The pod's state as a store keeps it, except that reading its object back fails (as a parse might). */
	function unreadable(object: Pod): {state: PodState; view: StoreView} {
		const store = new PodStore({compat: LATEST_COMPAT});
		store.apply({t: 0, type: 'ADDED', object}, T0);
		const state = store.pod(`default/${object.metadata.name}`)!;
		const guarded = new Proxy(state, {
			get: (target, property) =>
				property === 'readObject'
					? () => {
							throw new Error('the object was read back');
						}
					: Reflect.get(target, property, target),
		});
		return {state: guarded, view: store.view()};
	}

	it('is found healthy from what its state keeps, without reading its object back: running and ready, or completed', () => {
		const ready = pod({
			spec: {
				containers: [
					{name: 'app', image: 'registry.example/app:1.4'},
					{name: 'proxy', image: 'registry.example/proxy:2'},
				],
			},
			status: {phase: 'Running', conditions: readyConditions(true, 8), containerStatuses: [running('app', 5), running('proxy', 6)]},
		});
		const completed = pod({
			spec: {restartPolicy: 'Never'},
			status: {
				phase: 'Succeeded',
				containerStatuses: [
					{name: 'app', ready: false, restartCount: 0, state: {terminated: {exitCode: 0, reason: 'Completed', startedAt: at(3), finishedAt: at(9)}}},
				],
			},
		});
		for (const object of [ready, completed]) {
			const {state, view} = unreadable(object);
			expect(explainPod(state, whyContext(view, state, T0 + 60_000, view))).toBeNull();
		}
	});
});
