// The Scheduling section on the session recorded from a real scheduler (placement.ndjson) and on
// scenarios made from its objects: the scheduler's words beside podlife's per-node reading, the pods
// in the way, the spread per domain, and why a placed pod landed where it did.

import {describe, expect, it} from 'vitest';
import {lineText} from '../../../source/view/detail/lines.js';
import {schedulingLines} from '../../../source/view/detail/scheduling.js';
import {antiAffinity, scenario, TOLERATE_CONTROL_PLANE} from '../../model/placement/scenario.js';
import {loadCapture} from './capture.js';

const WIDTH = 200;

function section(name: string, untilT = Number.POSITIVE_INFINITY): string[] {
	const capture = loadCapture('placement.ndjson', untilT, 'captures-full');
	const pod = capture.pod(name);
	return schedulingLines({pod, view: capture.view, now: capture.now, width: WIDTH, events: capture.view.eventsByPod.get(pod.key) ?? []}).map(lineText);
}

function after(lines: readonly string[], heading: string, count: number): string[] {
	const at = lines.findIndex(text => text.startsWith(heading));
	expect(at, `no line starting with ${heading}`).toBeGreaterThan(-1);
	return lines.slice(at + 1, at + 1 + count);
}

describe('Scheduling: a replica refused for pod anti-affinity (recorded)', () => {
	it("shows the scheduler's message verbatim, podlife's count of the same nodes, and that they agree", () => {
		const lines = section('ha-66757c68df-5fklm');
		expect(
			after(lines, 'The scheduler says (Unschedulable, 15:50:45)', 2)
				.map(text => text.trim())
				.join(' '),
		).toBe(
			"0/2 nodes are available: 1 node(s) didn't match pod anti-affinity rules, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
		);
		expect(after(lines, "podlife's count of the same nodes", 2)).toEqual([
			"  0/2 nodes are available: 1 node(s) didn't match pod anti-affinity rules, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }",
			"  ✓ the same as the scheduler's on every rule podlife checks",
		]);
	});

	it('names, per node, the pod in the way and the rule it breaks', () => {
		expect(after(section('ha-66757c68df-5fklm'), 'Nodes in this session (2)', 5)).toEqual([
			'  ✗ kind-control-plane: had untolerated taint {node-role.kubernetes.io/control-plane: }',
			'      kind-control-plane has taint node-role.kubernetes.io/control-plane:NoSchedule (not tolerated)',
			"  ✗ kind-worker: didn't match pod anti-affinity rules",
			'      pod default/ha-66757c68df-5rvr7 (app=ha) is already in kubernetes.io/hostname=kind-worker, and this pod must not share it with pods app=ha in namespace default',
			'      pod default/ha-66757c68df-5rvr7 in kubernetes.io/hostname=kind-worker must not share it with pods app=ha in namespace default, and this pod is one',
		]);
	});
});

describe('Scheduling: why a placed pod landed there (recorded)', () => {
	it('weighs near-front’s preferred pod affinity on each node, marked as an explanation', () => {
		const lines = section('near-front');
		const why = after(lines, 'Why it landed on kind-worker', 8).join('\n');
		expect(why).toContain('an explanation, not its full score');
		expect(after(lines, '  NODE', 2)).toEqual([
			'  kind-worker ◀               0 → 0     +50 → 100       200',
			'  kind-control-plane          0 → 0         0 → 0         0',
		]);
		expect(lines).toContain(
			'    +50 prefers (weight 50) to share kubernetes.io/hostname with pods tier=front in namespace default: default/ha-66757c68df-5rvr7 is in kubernetes.io/hostname=kind-worker',
		);
	});
});

describe('Scheduling: scenarios', () => {
	it('shows the spread domain by domain and the node that would exceed the skew', () => {
		const spread = [{maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {matchLabels: {app: 'web'}}}];
		const made = scenario([
			{name: 'web-a', labels: {app: 'web'}, node: 'kind-worker', spread},
			{
				name: 'web-b',
				labels: {app: 'web'},
				spread,
				unschedulable:
					"0/2 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
			},
		]);
		const lines = schedulingLines({pod: made.state('web-b'), view: made.view, now: made.now, width: WIDTH}).map(lineText);
		expect(lines).toContain('  • spread pods app=web over kubernetes.io/hostname, at most 1 apart (DoNotSchedule)');
		expect(lines).toContain("  ✓ the same as the scheduler's on every rule podlife checks");
		expect(after(lines, 'Topology spread, domain by domain', 4)).toEqual([
			'  • spread pods app=web over kubernetes.io/hostname, at most 1 apart (DoNotSchedule)',
			'      pods per domain: kind-control-plane 0, kind-worker 1; the minimum 0 (kind-control-plane)',
			'      kind-control-plane: kubernetes.io/hostname=kind-control-plane holds 0 + 1 (this pod) − 0 = 1, within maxSkew 1',
			'      kind-worker: kubernetes.io/hostname=kind-worker holds 1 + 1 (this pod) − 0 = 2, more than maxSkew 1',
		]);
	});

	it('says it does not know why when it finds a node feasible that the scheduler refused', () => {
		const made = scenario([
			{
				name: 'web-b',
				labels: {app: 'web'},
				affinity: antiAffinity({app: 'web'}),
				tolerations: [TOLERATE_CONTROL_PLANE],
				unschedulable:
					"0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
			},
		]);
		const text = schedulingLines({pod: made.state('web-b'), view: made.view, now: made.now, width: WIDTH})
			.map(lineText)
			.join('\n');
		expect(text).toContain('? podlife finds kind-control-plane, kind-worker feasible now, where the scheduler refused them: podlife does not know why');
	});
});
