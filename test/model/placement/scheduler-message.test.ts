// The scheduler's FitError message beside podlife's own count: parsed, counted the same way, and
// compared — on every moment of the recorded session where the scheduler said why, and on
// scenarios where podlife cannot know as much as the scheduler did.

import {describe, expect, it} from 'vitest';
import type {KubeEvent, Pod} from '../../../source/kube/objects.js';
import {clusterOf} from '../../../source/model/placement/cluster-of.js';
import {evaluatePlacement} from '../../../source/model/placement/evaluate-placement.js';
import {compareWithScheduler, parseFitMessage, podlifeSummary} from '../../../source/model/placement/scheduler-message.js';
import {podPlacement} from '../../../source/model/placement/pod-placement.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {isWatchEntry} from '../../../source/session/format.js';
import {loadCapture} from '../../helpers/load-capture.js';
import {antiAffinity, PLACEMENT_CAPTURE, scenario} from './scenario.js';

const RECORDED =
	"0/2 nodes are available: 1 node(s) didn't match pod anti-affinity rules, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.";

describe('parseFitMessage', () => {
	it('reads the count and the reasons of FitError, without the preemption postscript', () => {
		expect(parseFitMessage(RECORDED)).toEqual({
			total: 2,
			reasons: [
				{count: 1, text: "node(s) didn't match pod anti-affinity rules"},
				{count: 1, text: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'},
			],
			preFilter: null,
		});
	});

	it('tells a PreFilter refusal (no count) from per-node reasons, and refuses other messages', () => {
		expect(
			parseFitMessage(
				'0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
			),
		).toEqual({
			total: 3,
			reasons: [],
			preFilter: 'pod has unbound immediate PersistentVolumeClaims',
		});
		expect(parseFitMessage('running PreBind plugin "VolumeBinding": binding volumes: timed out')).toBeNull();
	});
});

describe('podlife beside the scheduler, on the recorded session', () => {
	it('agrees with every message the scheduler wrote, condition or event, at the moment it wrote it', () => {
		const recorded = loadCapture(PLACEMENT_CAPTURE);
		const store = new PodStore({compat: compatForServerVersion(recorded.header.serverVersion)});
		const start = Date.parse(recorded.header.recordedAt);
		const compared: string[] = [];
		for (const entry of recorded.entries) {
			store.apply(entry, start + entry.t);
			if (!isWatchEntry(entry)) continue;
			let key: string | null = null;
			let message: string | undefined;
			if (entry.object.kind === 'Pod') {
				const pod = entry.object as Pod;
				const condition = pod.status?.conditions?.find(candidate => candidate.type === 'PodScheduled' && candidate.status === 'False');
				key = `${pod.metadata.namespace}/${pod.metadata.name}`;
				message = condition?.message;
			} else if (entry.object.kind === 'Event' && (entry.object as KubeEvent).reason === 'FailedScheduling') {
				const event = entry.object as KubeEvent;
				key = `${event.involvedObject.namespace}/${event.involvedObject.name}`;
				message = event.message;
			}
			if (!key || !message) continue;
			const state = store.pod(key)!;
			const {evaluation} = podPlacement(state, store.view());
			const fit = parseFitMessage(message)!;
			expect(compareWithScheduler(fit, evaluation), `${key} at t=${entry.t}`).toEqual({kind: 'agree', unchecked: []});
			expect(`${podlifeSummary(evaluation)}.`).toBe(message.slice(0, message.indexOf(' preemption:')));
			compared.push(`${state.name}@${entry.t}`);
		}
		// Two FailedScheduling events and two PodScheduled=False conditions, for the two Pending replicas.
		expect(compared).toHaveLength(4);
	});
});

describe('podlife never contradicts the scheduler', () => {
	it('says it does not know why when it finds a node feasible that the scheduler refused', () => {
		// The blocking replica is gone since: podlife sees kind-worker free.
		const made = scenario([{name: 'web-b', labels: {app: 'web'}, affinity: antiAffinity({app: 'web'}), unschedulable: RECORDED}]);
		const state = made.state('web-b');
		const evaluation = evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
		expect(compareWithScheduler(parseFitMessage(RECORDED)!, evaluation)).toEqual({kind: 'unknown', nodes: ['kind-worker'], unchecked: []});
	});

	it('puts the nodes it passes down to the reasons it does not check (resources)', () => {
		const made = scenario([{name: 'big', labels: {app: 'big'}}]);
		const state = made.state('big');
		const evaluation = evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
		const message =
			'0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.';
		expect(compareWithScheduler(parseFitMessage(message)!, evaluation)).toEqual({kind: 'agree', unchecked: [{count: 1, text: 'Insufficient cpu'}]});
	});

	it('lets a filter it does not check stand where it sees pod anti-affinity (resources run first)', () => {
		const made = scenario([
			{name: 'web-a', labels: {app: 'web'}, node: 'kind-worker'},
			{name: 'web-b', labels: {app: 'web'}, affinity: antiAffinity({app: 'web'})},
		]);
		const state = made.state('web-b');
		const evaluation = evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
		const message = '0/2 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.';
		expect(compareWithScheduler(parseFitMessage(message)!, evaluation).kind).toBe('agree');
	});

	it('does not know why when the scheduler saw a node more than the session holds', () => {
		const made = scenario([{name: 'web-b', labels: {app: 'web'}}]);
		const state = made.state('web-b');
		const evaluation = evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
		const message =
			"0/3 nodes are available: 1 node(s) didn't match pod anti-affinity rules, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.";
		expect(compareWithScheduler(parseFitMessage(message)!, evaluation)).toEqual({kind: 'unknown', nodes: ['kind-worker'], unchecked: []});
	});

	it('says the counts differ when both refuse every node, for other reasons', () => {
		const made = scenario([
			{name: 'web-a', labels: {app: 'web'}, node: 'kind-worker'},
			{name: 'web-b', labels: {app: 'web'}, affinity: antiAffinity({app: 'web'})},
		]);
		const state = made.state('web-b');
		const evaluation = evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
		// The worker was tainted when the scheduler tried; it is not now.
		const message = '0/2 nodes are available: 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.';
		expect(compareWithScheduler(parseFitMessage(message)!, evaluation).kind).toBe('differ');
	});
});
