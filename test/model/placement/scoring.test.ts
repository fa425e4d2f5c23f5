// Why a pod landed where it did: preferred rules weighed as NodeAffinity, InterPodAffinity and
// TaintToleration score them (their Score and NormalizeScore), on the recorded kind nodes.

import {describe, expect, it} from 'vitest';
import type {Affinity} from '../../../source/kube/objects.js';
import {clusterOf} from '../../../source/model/placement/cluster-of.js';
import {evaluatePlacement} from '../../../source/model/placement/evaluate-placement.js';
import {contributionWords} from '../../../source/model/placement/placement-words.js';
import {defaultNormalize, minMaxNormalize, type ScoreEvaluation} from '../../../source/model/placement/scoring.js';
import {kindNodes, scenario, TOLERATE_CONTROL_PLANE, type PodCase} from './scenario.js';

function score(pods: readonly PodCase[], name: string, nodes = kindNodes()): ScoreEvaluation {
	const made = scenario(pods, {nodes});
	const state = made.state(name);
	return evaluatePlacement(state.readObject(), clusterOf(made.view, state.key)).score!;
}

function table(evaluation: ScoreEvaluation): Array<[string, number, number, number]> {
	return evaluation.nodes.map(node => [node.node, node.nodeAffinity, node.interPod, node.weighted]);
}

const prefer = (weight: number, selector: Record<string, string>, anti = false): Affinity => {
	const terms = [{weight, podAffinityTerm: {labelSelector: {matchLabels: selector}, topologyKey: 'kubernetes.io/hostname'}}];
	return anti
		? {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: terms}}
		: {podAffinity: {preferredDuringSchedulingIgnoredDuringExecution: terms}};
};

describe('why it landed there', () => {
	it('weighs a preferred pod affinity (near-front): the node holding a tier=front pod scores 100, ×2', () => {
		const pods: PodCase[] = [
			{name: 'ha-a', labels: {app: 'ha', tier: 'front'}, node: 'kind-worker'},
			{name: 'near-front', node: 'kind-worker', affinity: prefer(50, {tier: 'front'}), tolerations: [TOLERATE_CONTROL_PLANE]},
		];
		const evaluation = score(pods, 'near-front');
		expect(table(evaluation)).toEqual([
			['kind-worker', 0, 100, 200],
			['kind-control-plane', 0, 0, 0],
		]);
		expect(evaluation.nodes[0]!.interPodRaw).toBe(50);
		expect(evaluation.nodes[0]!.contributions.map(contributionWords)).toEqual([
			'+50 prefers (weight 50) to share kubernetes.io/hostname with pods tier=front in namespace default: default/ha-a is in kubernetes.io/hostname=kind-worker',
		]);
	});

	it('lets the heavier of two preferred terms decide: (score − min) / (max − min) puts it at 100, the other at 0', () => {
		const affinity: Affinity = {
			podAffinity: {
				preferredDuringSchedulingIgnoredDuringExecution: [
					{weight: 30, podAffinityTerm: {labelSelector: {matchLabels: {app: 'cache'}}, topologyKey: 'kubernetes.io/hostname'}},
					{weight: 70, podAffinityTerm: {labelSelector: {matchLabels: {app: 'db'}}, topologyKey: 'kubernetes.io/hostname'}},
				],
			},
		};
		const pods: PodCase[] = [
			{name: 'cache', labels: {app: 'cache'}, node: 'kind-worker'},
			{name: 'db', labels: {app: 'db'}, node: 'kind-control-plane', tolerations: [TOLERATE_CONTROL_PLANE]},
			{name: 'app', affinity, tolerations: [TOLERATE_CONTROL_PLANE], node: 'kind-control-plane'},
		];
		expect(table(score(pods, 'app'))).toEqual([
			['kind-control-plane', 0, 100, 200],
			['kind-worker', 0, 0, 0],
		]);
	});

	it('normalizes each plugin on its own: node affinity 80 on one node and pod affinity 20 on the other tie', () => {
		const affinity: Affinity = {
			...prefer(20, {app: 'cache'}),
			nodeAffinity: {
				preferredDuringSchedulingIgnoredDuringExecution: [
					{weight: 80, preference: {matchExpressions: [{key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-control-plane']}]}},
				],
			},
		};
		const pods: PodCase[] = [
			{name: 'cache', labels: {app: 'cache'}, node: 'kind-worker'},
			{name: 'app', affinity, tolerations: [TOLERATE_CONTROL_PLANE], node: 'kind-worker'},
		];
		expect(table(score(pods, 'app'))).toEqual([
			['kind-control-plane', 100, 0, 200],
			['kind-worker', 0, 100, 200],
		]);
	});

	it('subtracts preferred anti-affinity, and weighs the other pods’ rules that match this one', () => {
		const pods: PodCase[] = [
			{name: 'noisy', labels: {app: 'noisy'}, node: 'kind-worker'},
			// Its preferred affinity to app=quiet pods draws them to kind-control-plane (+40), its required one (+1, hardPodAffinityWeight).
			{
				name: 'friend',
				labels: {app: 'friend'},
				node: 'kind-control-plane',
				tolerations: [TOLERATE_CONTROL_PLANE],
				affinity: {
					podAffinity: {
						...prefer(40, {app: 'quiet'}).podAffinity,
						requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: 'quiet'}}, topologyKey: 'kubernetes.io/hostname'}],
					},
				},
			},
			{name: 'quiet', labels: {app: 'quiet'}, affinity: prefer(10, {app: 'noisy'}, true), tolerations: [TOLERATE_CONTROL_PLANE], node: 'kind-control-plane'},
		];
		const evaluation = score(pods, 'quiet');
		expect(evaluation.nodes.map(node => [node.node, node.interPodRaw, node.interPod])).toEqual([
			['kind-control-plane', 41, 100],
			['kind-worker', -10, 0],
		]);
		expect(evaluation.nodes[0]!.contributions.map(contribution => contribution.source).sort()).toEqual(['their-preferred-affinity', 'their-required-affinity']);
	});

	it('scores PreferNoSchedule taints the pod does not tolerate', () => {
		const nodes = kindNodes().map(node =>
			node.metadata.name === 'kind-worker' ? {...node, spec: {...node.spec, taints: [{key: 'spot', effect: 'PreferNoSchedule'}]}} : node,
		);
		const evaluation = score([{name: 'app', tolerations: [TOLERATE_CONTROL_PLANE], node: 'kind-worker'}], 'app', nodes);
		expect(evaluation.taintsInPlay).toBe(true);
		expect(evaluation.nodes.map(node => [node.node, node.untoleratedPreferNoSchedule, node.taintToleration, node.weighted])).toEqual([
			['kind-control-plane', 0, 100, 300],
			['kind-worker', 1, 0, 0],
		]);
	});

	it('says when no preferred rule weighs on the pod', () => {
		expect(score([{name: 'plain', node: 'kind-worker'}], 'plain').anyPreference).toBe(false);
	});
});

describe('normalizing as the scheduler does', () => {
	it('DefaultNormalizeScore scales to the highest, in integers, and reverses', () => {
		expect(defaultNormalize([0, 20, 30], false)).toEqual([0, 66, 100]);
		expect(defaultNormalize([0, 0], false)).toEqual([0, 0]);
		expect(defaultNormalize([0, 1, 3], true)).toEqual([100, 67, 0]);
		expect(defaultNormalize([0, 0], true)).toEqual([100, 100]);
	});

	it('InterPodAffinity maps the lowest to 0 and the highest to 100, all 0 when equal', () => {
		expect(minMaxNormalize([-10, 0, 41])).toEqual([0, 19, 100]);
		expect(minMaxNormalize([5, 5])).toEqual([0, 0]);
	});
});
