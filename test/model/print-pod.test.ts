// printPod, branch by branch, on hand-made pods, including the branches the recorded captures
// never reach. Expected cells follow upstream printers.go (see source/model/print-pod.ts).

import {describe, expect, it} from 'vitest';
import type {Container, ContainerState, ContainerStatus, Pod, PodCondition} from '../../source/kube/objects.js';
import {formatAge, formatRestarts, podColumns, printedRow} from '../../source/model/print-pod.js';
import {LATEST_COMPAT, parseStatusCompat} from '../../source/model/compat.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const COMPAT_130 = parseStatusCompat('1.30');
const COMPAT_132 = parseStatusCompat('1.32');

function iso(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function secondsAgo(seconds: number): string {
	return iso(NOW - seconds * 1000);
}

interface StatusOptions {
	ready?: boolean;
	started?: boolean;
	restarts?: number;
	/** Seconds before NOW when the previous run finished (lastState.terminated.finishedAt). */
	lastFinishedAgo?: number;
}

function status(name: string, state: ContainerState, options: StatusOptions = {}): ContainerStatus {
	return {
		name,
		state,
		lastState: options.lastFinishedAgo === undefined ? {} : {terminated: {exitCode: 1, reason: 'Error', finishedAt: secondsAgo(options.lastFinishedAgo)}},
		ready: options.ready ?? false,
		started: options.started,
		restartCount: options.restarts ?? 0,
	};
}

const running = (name: string, options: StatusOptions = {}): ContainerStatus =>
	status(name, {running: {startedAt: secondsAgo(30)}}, {ready: true, started: true, ...options});
const waiting = (name: string, reason: string, options: StatusOptions = {}): ContainerStatus => status(name, {waiting: {reason}}, options);
const terminated = (name: string, exitCode: number, extra: {reason?: string; signal?: number} = {}, options: StatusOptions = {}): ContainerStatus =>
	status(name, {terminated: {exitCode, ...extra, finishedAt: secondsAgo(5)}}, options);

function condition(type: string, value: boolean, reason?: string): PodCondition {
	return {type, status: value ? 'True' : 'False', reason};
}

interface PodOptions {
	containers?: string[];
	/** Init containers in spec order; `sidecar: true` makes restartPolicy Always. */
	init?: Array<{name: string; sidecar?: boolean}>;
	statuses?: ContainerStatus[];
	initStatuses?: ContainerStatus[];
	phase?: string;
	reason?: string;
	conditions?: PodCondition[];
	deleting?: boolean;
	created?: string | null;
	readinessGates?: string[];
	podIPs?: string[];
	nodeName?: string;
	nominatedNodeName?: string;
}

function makePod(options: PodOptions = {}): Pod {
	const containers: Container[] = (options.containers ?? ['app']).map(name => ({name, image: 'nginx'}));
	const initContainers: Container[] | undefined = options.init?.map(({name, sidecar}) => (sidecar ? {name, restartPolicy: 'Always'} : {name}));
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name: 'demo',
			namespace: 'default',
			creationTimestamp: options.created === null ? undefined : (options.created ?? secondsAgo(90)),
			deletionTimestamp: options.deleting ? secondsAgo(1) : undefined,
		},
		spec: {
			containers,
			initContainers,
			nodeName: options.nodeName,
			readinessGates: options.readinessGates?.map(conditionType => ({conditionType})),
		},
		status: {
			phase: options.phase ?? 'Running',
			reason: options.reason,
			conditions: options.conditions,
			podIPs: options.podIPs?.map(ip => ({ip})),
			nominatedNodeName: options.nominatedNodeName,
			initContainerStatuses: options.initStatuses,
			containerStatuses: options.statuses,
		},
	};
}

const cells = (pod: Pod, compat = LATEST_COMPAT) => {
	const columns = podColumns(pod, compat);
	return {ready: columns.ready, status: columns.status, restarts: formatRestarts(columns, NOW)};
};

describe('STATUS from the phase and pod-level reasons', () => {
	it('shows the phase of a pod without container statuses', () => {
		expect(cells(makePod({phase: 'Pending'}))).toEqual({ready: '0/1', status: 'Pending', restarts: '0'});
	});

	it('shows Running with READY 1/1 when the only container runs and is ready', () => {
		expect(cells(makePod({statuses: [running('app')]}))).toEqual({ready: '1/1', status: 'Running', restarts: '0'});
	});

	it('does not count a running container that is not ready', () => {
		expect(cells(makePod({statuses: [running('app', {ready: false})]}))).toMatchObject({ready: '0/1', status: 'Running'});
	});

	it('shows SchedulingGated while a scheduling gate holds the pod', () => {
		const pod = makePod({phase: 'Pending', conditions: [condition('PodScheduled', false, 'SchedulingGated')]});
		expect(cells(pod).status).toBe('SchedulingGated');
	});

	it('keeps Pending for an unschedulable pod', () => {
		const pod = makePod({phase: 'Pending', conditions: [condition('PodScheduled', false, 'Unschedulable')]});
		expect(cells(pod).status).toBe('Pending');
	});

	it('shows Evicted from status.reason', () => {
		expect(cells(makePod({phase: 'Failed', reason: 'Evicted'})).status).toBe('Evicted');
	});

	it('shows Unknown for a pod on a lost node that is being deleted', () => {
		const pod = makePod({reason: 'NodeLost', deleting: true, statuses: [running('app')]});
		expect(cells(pod).status).toBe('Unknown');
		expect(cells(pod, COMPAT_130).status).toBe('Unknown');
	});

	it('shows NodeLost for a pod on a lost node that is not being deleted', () => {
		expect(cells(makePod({reason: 'NodeLost'})).status).toBe('NodeLost');
	});

	it('shows Terminating for a running pod with a deletion timestamp, whatever the server version', () => {
		const pod = makePod({deleting: true, statuses: [running('app')]});
		for (const compat of [COMPAT_130, COMPAT_132, LATEST_COMPAT]) expect(cells(pod, compat)).toMatchObject({ready: '1/1', status: 'Terminating'});
	});

	it('shows Terminating for a finished pod being deleted on servers before 1.31, Completed from 1.31', () => {
		const pod = makePod({phase: 'Succeeded', deleting: true, statuses: [terminated('app', 0, {reason: 'Completed'})]});
		expect(cells(pod, COMPAT_130).status).toBe('Terminating');
		expect(cells(pod, COMPAT_132).status).toBe('Completed');
		expect(cells(pod, LATEST_COMPAT).status).toBe('Completed');
	});

	it('shows Error for a failed pod being deleted from 1.31', () => {
		const pod = makePod({phase: 'Failed', deleting: true, statuses: [terminated('app', 1, {reason: 'Error'})]});
		expect(cells(pod, COMPAT_132).status).toBe('Error');
		expect(cells(pod, COMPAT_130).status).toBe('Terminating');
	});
});

describe('STATUS from regular containers', () => {
	it('shows the waiting reason, e.g. ContainerCreating', () => {
		expect(cells(makePod({phase: 'Pending', statuses: [waiting('app', 'ContainerCreating')]})).status).toBe('ContainerCreating');
	});

	it('lets the first container win (the loop runs last to first)', () => {
		const pod = makePod({containers: ['a', 'b'], statuses: [waiting('a', 'CrashLoopBackOff'), waiting('b', 'ImagePullBackOff')]});
		expect(cells(pod).status).toBe('CrashLoopBackOff');
	});

	it('shows Signal:N for a container killed by a signal without a reason', () => {
		expect(cells(makePod({statuses: [terminated('app', 137, {signal: 9})]})).status).toBe('Signal:9');
	});

	it('shows ExitCode:N for a container that exited without a reason or signal', () => {
		expect(cells(makePod({statuses: [terminated('app', 2)]})).status).toBe('ExitCode:2');
	});

	it('shows Completed for [Completed, Error] on 1.32 (first container wins) and Error on 1.35+', () => {
		const pod = makePod({
			phase: 'Failed',
			containers: ['a', 'z'],
			statuses: [terminated('a', 0, {reason: 'Completed'}), terminated('z', 1, {reason: 'Error'})],
		});
		expect(cells(pod, COMPAT_132).status).toBe('Completed');
		expect(cells(pod, LATEST_COMPAT).status).toBe('Error');
	});

	it('turns Completed into Running while another container runs and the pod is Ready', () => {
		const pod = makePod({
			containers: ['a', 'b'],
			conditions: [condition('Ready', true)],
			statuses: [terminated('a', 0, {reason: 'Completed'}), running('b')],
		});
		expect(cells(pod, COMPAT_132)).toMatchObject({ready: '1/2', status: 'Running'});
		expect(cells(pod, LATEST_COMPAT)).toMatchObject({ready: '1/2', status: 'Running'});
	});

	it('turns Completed into NotReady while another container runs and the pod is not Ready', () => {
		const pod = makePod({
			containers: ['a', 'b'],
			conditions: [condition('Ready', false)],
			statuses: [terminated('a', 0, {reason: 'Completed'}), running('b')],
		});
		expect(cells(pod, COMPAT_132).status).toBe('NotReady');
		expect(cells(pod, LATEST_COMPAT).status).toBe('NotReady');
	});

	it('prefers a failed container over NotReady from 1.35, not before', () => {
		const pod = makePod({
			containers: ['a', 'b', 'c'],
			conditions: [condition('Ready', false)],
			statuses: [terminated('a', 0, {reason: 'Completed'}), terminated('b', 1, {reason: 'Error'}), running('c')],
		});
		expect(cells(pod, COMPAT_132).status).toBe('NotReady');
		expect(cells(pod, LATEST_COMPAT).status).toBe('Error');
	});

	it('shows PodInitializing when init is done and the app containers wait on it', () => {
		const pod = makePod({
			phase: 'Pending',
			init: [{name: 'setup'}],
			initStatuses: [terminated('setup', 0, {reason: 'Completed'})],
			statuses: [waiting('app', 'PodInitializing')],
		});
		expect(cells(pod)).toEqual({ready: '0/1', status: 'PodInitializing', restarts: '0'});
	});
});

describe('STATUS and READY from init containers and native sidecars', () => {
	it('shows Init:0/1 when the init container waits with reason PodInitializing', () => {
		const pod = makePod({
			phase: 'Pending',
			init: [{name: 'setup'}],
			initStatuses: [waiting('setup', 'PodInitializing')],
			statuses: [waiting('app', 'PodInitializing')],
		});
		expect(cells(pod).status).toBe('Init:0/1');
	});

	it('shows Init:1/2 while the second init container runs', () => {
		const pod = makePod({
			phase: 'Pending',
			init: [{name: 'one'}, {name: 'two'}],
			initStatuses: [terminated('one', 0, {reason: 'Completed'}), running('two', {ready: false})],
			statuses: [waiting('app', 'PodInitializing')],
		});
		expect(cells(pod)).toMatchObject({ready: '0/1', status: 'Init:1/2'});
	});

	it('counts a started sidecar as passed in Init:N/M and in READY', () => {
		const pod = makePod({
			phase: 'Pending',
			init: [{name: 'proxy', sidecar: true}, {name: 'migrate'}],
			initStatuses: [running('proxy'), running('migrate', {ready: false})],
			statuses: [waiting('app', 'PodInitializing')],
		});
		expect(cells(pod)).toMatchObject({ready: '1/2', status: 'Init:1/2'});
	});

	it('shows Init:Error and Init:CrashLoopBackOff for a failing init container', () => {
		const failed = makePod({phase: 'Pending', init: [{name: 'setup'}], initStatuses: [terminated('setup', 1, {reason: 'Error'})]});
		expect(cells(failed).status).toBe('Init:Error');
		const backingOff = makePod({phase: 'Pending', init: [{name: 'setup'}], initStatuses: [waiting('setup', 'CrashLoopBackOff')]});
		expect(cells(backingOff).status).toBe('Init:CrashLoopBackOff');
	});

	it('shows Init:Signal:9 and Init:ExitCode:2 for init terminations without a reason', () => {
		const signalled = makePod({phase: 'Pending', init: [{name: 'setup'}], initStatuses: [terminated('setup', 137, {signal: 9})]});
		expect(cells(signalled).status).toBe('Init:Signal:9');
		const exited = makePod({phase: 'Pending', init: [{name: 'setup'}], initStatuses: [terminated('setup', 2)]});
		expect(cells(exited).status).toBe('Init:ExitCode:2');
	});

	it('shows Init:CrashLoopBackOff with READY 1/2 when the sidecar crashes after initialization', () => {
		const pod = makePod({
			init: [{name: 'proxy', sidecar: true}],
			conditions: [condition('Initialized', true), condition('Ready', false)],
			initStatuses: [waiting('proxy', 'CrashLoopBackOff', {started: false, restarts: 3, lastFinishedAgo: 20})],
			statuses: [running('app')],
		});
		expect(cells(pod)).toEqual({ready: '1/2', status: 'Init:CrashLoopBackOff', restarts: '3 (20s ago)'});
	});

	it('shows Completed for a Job pod whose native sidecar was killed at the end', () => {
		const pod = makePod({
			phase: 'Succeeded',
			init: [{name: 'proxy', sidecar: true}],
			conditions: [condition('Initialized', true), condition('Ready', false)],
			initStatuses: [terminated('proxy', 137, {reason: 'Error'}, {started: false})],
			statuses: [terminated('app', 0, {reason: 'Completed'})],
		});
		expect(cells(pod, COMPAT_132)).toEqual({ready: '0/2', status: 'Completed', restarts: '0'});
		expect(cells(pod, LATEST_COMPAT)).toEqual({ready: '0/2', status: 'Completed', restarts: '0'});
	});

	it('does not count regular containers while the pod is still initializing', () => {
		const pod = makePod({
			init: [{name: 'setup'}],
			conditions: [condition('Initialized', false)],
			initStatuses: [running('setup', {ready: false})],
			statuses: [running('app')],
		});
		expect(cells(pod)).toMatchObject({ready: '0/1', status: 'Init:0/1'});
	});
});

describe('RESTARTS', () => {
	it('counts plain init container restarts while initializing, with the newest finish time', () => {
		const pod = makePod({
			phase: 'Pending',
			init: [{name: 'one'}, {name: 'two'}],
			initStatuses: [
				terminated('one', 0, {reason: 'Completed'}, {restarts: 2, lastFinishedAgo: 50}),
				waiting('two', 'CrashLoopBackOff', {restarts: 3, lastFinishedAgo: 12}),
			],
			statuses: [waiting('app', 'PodInitializing')],
		});
		expect(cells(pod)).toMatchObject({status: 'Init:CrashLoopBackOff', restarts: '5 (12s ago)'});
	});

	it('drops plain init container restarts once initialized, keeping sidecar and regular ones', () => {
		const pod = makePod({
			init: [{name: 'setup'}, {name: 'proxy', sidecar: true}],
			conditions: [condition('Initialized', true), condition('Ready', true)],
			initStatuses: [terminated('setup', 0, {reason: 'Completed'}, {restarts: 4, lastFinishedAgo: 1}), running('proxy', {restarts: 1, lastFinishedAgo: 300})],
			statuses: [running('app', {restarts: 2, lastFinishedAgo: 200})],
		});
		expect(cells(pod)).toEqual({ready: '2/2', status: 'Running', restarts: '3 (3m20s ago)'});
	});

	it('shows a plain 0 once initialized when only plain init containers restarted', () => {
		const pod = makePod({
			init: [{name: 'setup'}],
			initStatuses: [terminated('setup', 0, {reason: 'Completed'}, {restarts: 4, lastFinishedAgo: 1})],
			statuses: [running('app')],
		});
		expect(cells(pod).restarts).toBe('0');
	});

	it('uses the newest lastState finish time among the counted containers for "(X ago)"', () => {
		const pod = makePod({
			containers: ['a', 'b'],
			statuses: [running('a', {restarts: 1, lastFinishedAgo: 600}), running('b', {restarts: 2, lastFinishedAgo: 10})],
		});
		expect(cells(pod).restarts).toBe('3 (10s ago)');
	});

	it('prints only the count when no finish time is known', () => {
		const restarted = running('app', {restarts: 2});
		expect(cells(makePod({statuses: [restarted]})).restarts).toBe('2');
	});
});

describe('AGE and the wide cells', () => {
	it('prints AGE from the creation timestamp, <unknown> without one', () => {
		expect(formatAge(podColumns(makePod({created: secondsAgo(3 * 3600 + 5 * 60)}), LATEST_COMPAT), NOW)).toBe('3h5m');
		expect(formatAge(podColumns(makePod({created: null}), LATEST_COMPAT), NOW)).toBe('<unknown>');
	});

	it('prints <none> for a pod without IP, node, nominated node or readiness gates', () => {
		expect(podColumns(makePod(), LATEST_COMPAT)).toMatchObject({ip: '<none>', node: '<none>', nominatedNode: '<none>', readinessGates: '<none>'});
	});

	it('prints the first pod IP, the node, the nominated node and how many readiness gates are True', () => {
		const pod = makePod({
			podIPs: ['10.244.1.7', 'fd00::7'],
			nodeName: 'kind-worker',
			nominatedNodeName: 'kind-worker2',
			readinessGates: ['example.com/lb', 'example.com/dns'],
			conditions: [condition('example.com/lb', true), condition('example.com/dns', false)],
		});
		expect(podColumns(pod, LATEST_COMPAT)).toMatchObject({ip: '10.244.1.7', node: 'kind-worker', nominatedNode: 'kind-worker2', readinessGates: '1/2'});
	});

	it('counts a readiness gate without its condition as not True', () => {
		const pod = makePod({readinessGates: ['example.com/lb', 'example.com/dns'], conditions: [condition('example.com/dns', true)]});
		expect(podColumns(pod, LATEST_COMPAT).readinessGates).toBe('1/2');
	});

	it('prints all eight cells of the row', () => {
		const pod = makePod({
			podIPs: ['10.244.1.7'],
			nodeName: 'kind-worker',
			created: secondsAgo(125),
			statuses: [running('app', {restarts: 1, lastFinishedAgo: 61})],
		});
		expect(printedRow(pod, NOW, LATEST_COMPAT)).toEqual({
			ready: '1/1',
			status: 'Running',
			restarts: '1 (61s ago)',
			age: '2m5s',
			ip: '10.244.1.7',
			node: 'kind-worker',
			nominatedNode: '<none>',
			readinessGates: '<none>',
		});
	});
});
