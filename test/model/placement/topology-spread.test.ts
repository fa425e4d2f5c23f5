// Topology spread per domain and per node, against PodTopologySpread's PreFilter and Filter
// (podtopologyspread/filtering.go calPreFilterState, minMatchNum, Filter; common.go).

import {describe, expect, it} from 'vitest';
import type {TopologySpreadConstraint} from '../../../source/kube/objects.js';
import {clusterOf} from '../../../source/model/placement/cluster-of.js';
import {evaluatePlacement, type PlacementEvaluation} from '../../../source/model/placement/evaluate-placement.js';
import {spreadCheckWords} from '../../../source/model/placement/placement-words.js';
import {scenario, TOLERATE_CONTROL_PLANE, workerLike, kindNodes, type PodCase} from './scenario.js';

const SKEW = "node(s) didn't match pod topology spread constraints";
const MISSING = "node(s) didn't match pod topology spread constraints (missing required label)";
const TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

const hostname = (extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
	maxSkew: 1,
	topologyKey: 'kubernetes.io/hostname',
	whenUnsatisfiable: 'DoNotSchedule',
	labelSelector: {matchLabels: {app: 'web'}},
	...extra,
});

const web = (name: string, node?: string, spread = [hostname()]): PodCase => ({name, labels: {app: 'web'}, node, spread});

function evaluate(pods: readonly PodCase[], name: string, nodes = kindNodes()): PlacementEvaluation {
	const made = scenario(pods, {nodes});
	const state = made.state(name);
	return evaluatePlacement(state.readObject(), clusterOf(made.view, state.key));
}

function reasons(evaluation: PlacementEvaluation): Record<string, string | null> {
	return Object.fromEntries(evaluation.nodes.map(node => [node.node, node.reason]));
}

describe('topology spread (DoNotSchedule)', () => {
	it('counts the tainted node as an empty domain by default, which holds the minimum at 0', () => {
		// nodeTaintsPolicy Ignore: kind-control-plane counts with 0 pods; kind-worker: 1 + 1 − 0 = 2 > 1.
		const evaluation = evaluate([web('web-a', 'kind-worker'), web('web-b')], 'web-b');
		expect(reasons(evaluation)).toEqual({'kind-control-plane': TAINT, 'kind-worker': SKEW});
		const [constraint] = evaluation.spread.constraints;
		expect(constraint!.domains.map(domain => [domain.value, domain.count])).toEqual([
			['kind-control-plane', 0],
			['kind-worker', 1],
		]);
		expect(constraint!.minMatch).toBe(0);
		const check = evaluation.spread.checks.get('kind-worker')![0]!;
		expect(spreadCheckWords(constraint!, check)).toBe('kubernetes.io/hostname=kind-worker holds 1 + 1 (this pod) − 0 = 2, more than maxSkew 1');
	});

	it('leaves the tainted node out with nodeTaintsPolicy Honor: the worker is the only domain and takes them all', () => {
		const honor = [hostname({nodeTaintsPolicy: 'Honor'})];
		const evaluation = evaluate([web('web-a', 'kind-worker', honor), web('web-b', 'kind-worker', honor), web('web-c', undefined, honor)], 'web-c');
		expect(reasons(evaluation)).toEqual({'kind-control-plane': TAINT, 'kind-worker': null});
		expect(evaluation.spread.constraints[0]!.excluded).toEqual([{node: 'kind-control-plane', why: 'taint'}]);
	});

	it('takes the minimum as 0 while there are fewer domains than minDomains', () => {
		const nodes = [...kindNodes(), workerLike('kind-worker2')];
		const spread = [hostname({minDomains: 4, nodeTaintsPolicy: 'Honor'})];
		const pods = [web('web-a', 'kind-worker', spread), web('web-b', 'kind-worker2', spread), web('web-c', undefined, spread)];
		// Two eligible domains (1 and 1) < minDomains 4: minimum 0, so 1 + 1 − 0 = 2 > 1 on both workers.
		const evaluation = evaluate(pods, 'web-c', nodes);
		expect(evaluation.spread.constraints[0]!.belowMinDomains).toBe(true);
		expect(reasons(evaluation)).toEqual({'kind-control-plane': TAINT, 'kind-worker': SKEW, 'kind-worker2': SKEW});
	});

	it('refuses every node without the topology key (missing required label)', () => {
		const zonal = [hostname({topologyKey: 'topology.kubernetes.io/zone'})];
		expect(reasons(evaluate([{...web('web-a', undefined, zonal), tolerations: [TOLERATE_CONTROL_PLANE]}], 'web-a'))).toEqual({
			'kind-control-plane': MISSING,
			'kind-worker': MISSING,
		});
	});

	it('does not count pods being deleted, pods of other namespaces, or pods not on a node', () => {
		const pods = [{...web('web-a', 'kind-worker'), deleting: true}, {...web('web-b', 'kind-worker'), namespace: 'other'}, web('web-c'), web('web-d')];
		expect(reasons(evaluate(pods, 'web-d'))['kind-worker']).toBeNull();
	});

	it('merges matchLabelKeys from the pod’s labels (only this revision counts)', () => {
		const spread = [hostname({matchLabelKeys: ['pod-template-hash']})];
		const pods: PodCase[] = [
			{name: 'old', labels: {app: 'web', 'pod-template-hash': 'aaa'}, node: 'kind-worker', spread},
			{name: 'new', labels: {app: 'web', 'pod-template-hash': 'bbb'}, spread},
		];
		expect(reasons(evaluate(pods, 'new'))['kind-worker']).toBeNull();
	});

	it('leaves a node out that the pod’s node affinity excludes (nodeAffinityPolicy Honor, the default)', () => {
		const nodes = [...kindNodes(), workerLike('kind-worker2', {disk: 'hdd'})];
		const pods: PodCase[] = [
			web('web-a', 'kind-worker2'),
			{
				...web('web-b'),
				affinity: {
					nodeAffinity: {
						requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: 'disk', operator: 'NotIn', values: ['hdd']}]}]},
					},
				},
			},
		];
		const evaluation = evaluate(pods, 'web-b', nodes);
		expect(evaluation.spread.constraints[0]!.excluded).toEqual([{node: 'kind-worker2', why: 'node-affinity'}]);
		expect(reasons(evaluation)).toEqual({
			'kind-control-plane': TAINT,
			'kind-worker': null,
			'kind-worker2': "node(s) didn't match Pod's node affinity/selector",
		});
	});

	it('counts nothing for an empty labelSelector, as the scheduler of these versions does', () => {
		const spread = [hostname({labelSelector: {}})];
		const evaluation = evaluate([web('web-a', 'kind-worker', spread), web('web-b', 'kind-worker', spread), web('web-c', undefined, spread)], 'web-c');
		expect(evaluation.spread.constraints[0]!.emptySelector).toBe(true);
		expect(reasons(evaluation)['kind-worker']).toBeNull();
	});
});

describe('topology spread (ScheduleAnyway)', () => {
	it('never refuses a node, and says which domain the pod would push past maxSkew', () => {
		const spread = [hostname({whenUnsatisfiable: 'ScheduleAnyway'})];
		const evaluation = evaluate([web('web-a', 'kind-worker', spread), web('web-b', undefined, spread)], 'web-b');
		expect(reasons(evaluation)['kind-worker']).toBeNull();
		const check = evaluation.spread.checks.get('kind-worker')![0]!;
		expect(check.exceeds).toBe(true);
		expect(spreadCheckWords(evaluation.spread.constraints[0]!, check)).toBe(
			'kubernetes.io/hostname=kind-worker holds 1 + 1 (this pod) − 0 = 2, more than maxSkew 1 (only scored)',
		);
	});
});
