// The why line of a pod waiting for a node, when its placement is judged (the pod on screen): the
// pods in the way first, then the scheduler's words and each node's refusal.

import {describe, expect, it} from 'vitest';
import {explainPod, whyContext} from '../../../source/model/why.js';
import {affinity, scenario, type PodCase} from '../placement/scenario.js';

function why(pods: readonly PodCase[], name: string, judged = true): string {
	const made = scenario(pods);
	const state = made.state(name);
	return explainPod(state, whyContext(made.view, state, made.now + 5000, judged ? made.view : null))!.text;
}

describe('why: a pod waiting for a node', () => {
	it('says no pod it must follow is on a node (affinity to a pod that does not exist yet)', () => {
		const message =
			"0/2 nodes are available: 1 node(s) didn't match pod affinity rules, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.";
		const text = why([{name: 'follower', labels: {app: 'follower'}, affinity: affinity({app: 'leader'}), unschedulable: message}], 'follower');
		expect(text).toMatch(
			/^no pod app=leader is on a node \(required affinity, kubernetes\.io\/hostname\); Unschedulable for \d+s: 0\/2 nodes are available: 1 node\(s\) didn't match pod affinity rules/,
		);
	});

	it('names the domain a spread constraint would push past maxSkew', () => {
		const spread = [{maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {matchLabels: {app: 'web'}}}];
		const message =
			"0/2 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.";
		const text = why(
			[
				{name: 'web-a', labels: {app: 'web'}, node: 'kind-worker', spread},
				{name: 'web-b', labels: {app: 'web'}, spread, unschedulable: message},
			],
			'web-b',
		);
		expect(text).toMatch(
			/^kind-worker: kubernetes\.io\/hostname=kind-worker would be 2 above the minimum 0 \(spread app=web, maxSkew 1\); Unschedulable for \d+s: 0\/2 nodes/,
		);
	});

	it('keeps to the node rules when placement is not judged (rows not on screen)', () => {
		const message =
			"0/2 nodes are available: 1 node(s) didn't match pod affinity rules, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.";
		const text = why([{name: 'follower', labels: {app: 'follower'}, affinity: affinity({app: 'leader'}), unschedulable: message}], 'follower', false);
		expect(text).not.toContain('no pod app=leader');
		expect(text).toMatch(/^Unschedulable for \d+s: 0\/2 nodes are available/);
	});
});
