// Required pod affinity and anti-affinity per node, against what InterPodAffinity's PreFilter and
// Filter decide (interpodaffinity/filtering.go), on the recorded kind nodes.

import {describe, expect, it} from 'vitest';
import type {Namespace} from '../../../source/kube/objects.js';
import {clusterOf} from '../../../source/model/placement/cluster-of.js';
import {evaluatePlacement} from '../../../source/model/placement/evaluate-placement.js';
import {affinityFailureWords} from '../../../source/model/placement/placement-words.js';
import {affinity, antiAffinity, scenario, TOLERATE_CONTROL_PLANE, type PodCase} from './scenario.js';

/** Each node's scheduler reason (null: passes), for the pod `name` of the scenario. */
function verdicts(pods: readonly PodCase[], name: string, options: Parameters<typeof scenario>[1] = {}): Record<string, string | null> {
	const made = scenario(pods, options);
	const state = made.state(name);
	const evaluation = evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
	return Object.fromEntries(evaluation.nodes.map(node => [node.node, node.reason]));
}

function findings(pods: readonly PodCase[], name: string, node: string, options: Parameters<typeof scenario>[1] = {}): string[] {
	const made = scenario(pods, options);
	const state = made.state(name);
	const evaluation = evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
	return evaluation.nodes.find(verdict => verdict.node === node)!.affinity.map(affinityFailureWords);
}

const TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const ANTI = "node(s) didn't match pod anti-affinity rules";
const AFFINITY = "node(s) didn't match pod affinity rules";
const EXISTING = "node(s) didn't satisfy existing pods anti-affinity rules";

describe('required pod anti-affinity', () => {
	const web = (name: string, node?: string): PodCase => ({name, labels: {app: 'web'}, node, affinity: antiAffinity({app: 'web'})});

	it('refuses the node holding a matching pod, naming it, and counts the tainted node under its taint first', () => {
		// TaintToleration runs before InterPodAffinity: kind-control-plane stops there.
		expect(verdicts([web('web-a', 'kind-worker'), web('web-b')], 'web-b')).toEqual({'kind-control-plane': TAINT, 'kind-worker': ANTI});
		expect(findings([web('web-a', 'kind-worker'), web('web-b')], 'web-b', 'kind-worker')[0]).toBe(
			'pod default/web-a (app=web) is already in kubernetes.io/hostname=kind-worker, and this pod must not share it with pods app=web in namespace default',
		);
	});

	it('lets a replica go to the tainted node it tolerates when the other holds one', () => {
		const pods = [web('web-a', 'kind-worker'), {...web('web-b'), tolerations: [TOLERATE_CONTROL_PLANE]}];
		expect(verdicts(pods, 'web-b')).toEqual({'kind-control-plane': null, 'kind-worker': ANTI});
	});

	it('still counts a pod being deleted (the cache keeps it until it is gone), not a finished one', () => {
		expect(verdicts([{...web('web-a', 'kind-worker'), deleting: true}, web('web-b')], 'web-b')['kind-worker']).toBe(ANTI);
		expect(verdicts([{...web('web-a', 'kind-worker'), phase: 'Succeeded'}, web('web-b')], 'web-b')['kind-worker']).toBeNull();
	});

	it('looks in the pod’s own namespace unless the term names others', () => {
		expect(verdicts([{...web('web-a', 'kind-worker'), namespace: 'other'}, web('web-b')], 'web-b')['kind-worker']).toBeNull();
		const named: PodCase = {
			...web('web-b'),
			affinity: {
				podAntiAffinity: {
					requiredDuringSchedulingIgnoredDuringExecution: [
						{labelSelector: {matchLabels: {app: 'web'}}, topologyKey: 'kubernetes.io/hostname', namespaces: ['other']},
					],
				},
			},
		};
		expect(verdicts([{...web('web-a', 'kind-worker'), namespace: 'other'}, named], 'web-b')['kind-worker']).toBe(ANTI);
		// An empty namespaceSelector selects every namespace.
		const everywhere: PodCase = {
			...web('web-b'),
			affinity: {
				podAntiAffinity: {
					requiredDuringSchedulingIgnoredDuringExecution: [
						{labelSelector: {matchLabels: {app: 'web'}}, topologyKey: 'kubernetes.io/hostname', namespaceSelector: {}},
					],
				},
			},
		};
		expect(verdicts([{...web('web-a', 'kind-worker'), namespace: 'other'}, everywhere], 'web-b')['kind-worker']).toBe(ANTI);
	});

	it('selects namespaces by their labels once the session holds them, and says when it does not', () => {
		const selecting: PodCase = {
			name: 'web-b',
			labels: {app: 'web'},
			affinity: {
				podAntiAffinity: {
					requiredDuringSchedulingIgnoredDuringExecution: [
						{labelSelector: {matchLabels: {app: 'web'}}, topologyKey: 'kubernetes.io/hostname', namespaceSelector: {matchLabels: {team: 'a'}}},
					],
				},
			},
		};
		const pods = [{...web('web-a', 'kind-worker'), namespace: 'team-a'}, selecting];
		const namespaces: Namespace[] = [
			{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team-a', labels: {team: 'a'}}},
			{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default', labels: {}}},
		];
		expect(verdicts(pods, 'web-b', {objects: namespaces, namespacesSynced: true})['kind-worker']).toBe(ANTI);
		const unknown = scenario(pods);
		const state = unknown.state('web-b');
		const evaluation = evaluatePlacement(state.readObject(), clusterOf(unknown.view, state.key));
		expect(evaluation.affinity.namespacesUnknown).toBe(true);
		expect(evaluation.nodes.find(node => node.node === 'kind-worker')!.reason).toBeNull();
	});

	it('takes matchLabelKeys and mismatchLabelKeys values from the incoming pod’s labels', () => {
		// A rollout: the old ReplicaSet's pod (another pod-template-hash) does not count.
		const byHash = (name: string, hash: string, node?: string): PodCase => ({
			name,
			node,
			labels: {app: 'web', 'pod-template-hash': hash},
			affinity: {
				podAntiAffinity: {
					requiredDuringSchedulingIgnoredDuringExecution: [
						{labelSelector: {matchLabels: {app: 'web'}}, matchLabelKeys: ['pod-template-hash'], topologyKey: 'kubernetes.io/hostname'},
					],
				},
			},
		});
		expect(verdicts([byHash('old', 'aaa', 'kind-worker'), byHash('new', 'bbb')], 'new')['kind-worker']).toBeNull();
		expect(verdicts([byHash('same', 'bbb', 'kind-worker'), byHash('new', 'bbb')], 'new')['kind-worker']).toBe(ANTI);
		// mismatchLabelKeys: keep away from other tenants only.
		const tenant = (name: string, value: string, node?: string): PodCase => ({
			name,
			node,
			labels: {tenant: value},
			affinity: {
				podAntiAffinity: {
					requiredDuringSchedulingIgnoredDuringExecution: [
						{labelSelector: {matchExpressions: [{key: 'tenant', operator: 'Exists'}]}, mismatchLabelKeys: ['tenant'], topologyKey: 'kubernetes.io/hostname'},
					],
				},
			},
		});
		expect(verdicts([tenant('mine', 'x', 'kind-worker'), tenant('new', 'x')], 'new')['kind-worker']).toBeNull();
		expect(verdicts([{name: 'theirs', node: 'kind-worker', labels: {tenant: 'y'}}, tenant('new', 'x')], 'new')['kind-worker']).toBe(ANTI);
	});

	it('applies an existing pod’s anti-affinity to the incoming pod (the symmetric rule)', () => {
		const pods: PodCase[] = [
			{name: 'db-0', labels: {app: 'db'}, node: 'kind-worker', affinity: antiAffinity({app: 'web'})},
			{name: 'web-a', labels: {app: 'web'}},
		];
		expect(verdicts(pods, 'web-a')).toEqual({'kind-control-plane': TAINT, 'kind-worker': EXISTING});
		expect(findings(pods, 'web-a', 'kind-worker')).toEqual([
			'pod default/db-0 in kubernetes.io/hostname=kind-worker must not share it with pods app=web in namespace default, and this pod is one',
		]);
	});

	it('leaves the pod itself out when it explains a pod already placed', () => {
		const made = scenario([web('web-a', 'kind-worker')]);
		const state = made.state('web-a');
		const evaluation = evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
		expect(evaluation.nodes.find(node => node.node === 'kind-worker')!.reason).toBeNull();
	});
});

describe('required pod affinity', () => {
	const follower = (extra: Partial<PodCase> = {}): PodCase => ({name: 'follower', labels: {app: 'follower'}, affinity: affinity({app: 'leader'}), ...extra});

	it('refuses every node while no pod it needs is on a node, a Pending one included', () => {
		expect(verdicts([follower()], 'follower')).toEqual({'kind-control-plane': TAINT, 'kind-worker': AFFINITY});
		expect(verdicts([{name: 'leader', labels: {app: 'leader'}}, follower()], 'follower')['kind-worker']).toBe(AFFINITY);
		expect(findings([follower()], 'follower', 'kind-worker')).toEqual([
			'no pod app=leader in namespace default is in kubernetes.io/hostname=kind-worker, and this pod must share it with one',
		]);
	});

	it('passes only the domain of the pod it follows once that pod is on a node', () => {
		const pods = [{name: 'leader', labels: {app: 'leader'}, node: 'kind-worker'}, follower({tolerations: [TOLERATE_CONTROL_PLANE]})];
		expect(verdicts(pods, 'follower')).toEqual({'kind-control-plane': AFFINITY, 'kind-worker': null});
	});

	it('lets the first pod of a group that follows itself go anywhere (the scheduler’s self-match)', () => {
		const first: PodCase = {name: 'group-0', labels: {app: 'group'}, affinity: affinity({app: 'group'}), tolerations: [TOLERATE_CONTROL_PLANE]};
		const made = scenario([first]);
		const state = made.state('group-0');
		const evaluation = evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
		expect(evaluation.feasible).toEqual(['kind-control-plane', 'kind-worker']);
		expect(evaluation.affinity.selfMatch).toBe(true);
		// The second follows the first: only its node.
		expect(
			verdicts(
				[
					{...first, name: 'group-1', node: 'kind-worker'},
					{...first, name: 'group-2'},
				],
				'group-2',
			),
		).toEqual({'kind-control-plane': AFFINITY, 'kind-worker': null});
	});

	it('refuses a node without the topology label, even for the first of a group', () => {
		// "All topology labels must exist on the node": the kind nodes have no zone.
		const first: PodCase = {name: 'zonal-0', labels: {app: 'zonal'}, affinity: affinity({app: 'zonal'}, 'topology.kubernetes.io/zone')};
		expect(verdicts([first], 'zonal-0')['kind-worker']).toBe(AFFINITY);
		expect(findings([first], 'zonal-0', 'kind-worker')).toEqual([
			'has no label topology.kubernetes.io/zone, and this pod must share topology.kubernetes.io/zone with pods app=zonal in namespace default',
		]);
	});
});
