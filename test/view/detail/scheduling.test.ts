import {describe, expect, it} from 'vitest';
import type {KubeEvent, Pod} from '../../../source/kube/objects.js';
import {lineText} from '../../../source/view/detail/lines.js';
import {schedulingLines} from '../../../source/view/detail/scheduling.js';
import {loadCapture} from './capture.js';
import {podStateWith} from '../../helpers/pod-state.js';

describe('schedulingLines', () => {
	it('checks every node of the session for a pod still waiting for one', () => {
		// t=2300: the crashloop pod was just created and has no node yet.
		const capture = loadCapture('crashloop.ndjson', 2300);
		const lines = schedulingLines({pod: capture.pod('crashloop'), view: capture.view, now: capture.now, width: 120}).map(lineText);
		expect(lines).toContain('  node:             <none> (not scheduled)');
		const start = lines.findIndex(entry => entry.startsWith('Nodes in this session (2)'));
		expect(start).toBeGreaterThan(-1);
		expect(lines.slice(start + 1, start + 4)).toEqual([
			'  ✗ kind-control-plane: had untolerated taint {node-role.kubernetes.io/control-plane: }',
			'      kind-control-plane has taint node-role.kubernetes.io/control-plane:NoSchedule (not tolerated)',
			'  ✓ kind-worker passes every filter podlife checks',
		]);
	});

	it("quotes the scheduler's message for an unschedulable pod", () => {
		const capture = loadCapture('crashloop.ndjson', 2300);
		const base = capture.pod('crashloop');
		const baseObject = base.readObject();
		const object: Pod = {
			...baseObject,
			spec: {...baseObject.spec, nodeSelector: {disktype: 'ssd'}},
			status: {
				phase: 'Pending',
				conditions: [
					{
						type: 'PodScheduled',
						status: 'False',
						reason: 'Unschedulable',
						message:
							"0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
					},
				],
			},
		};
		const pod = podStateWith(base, {readObject: () => object});
		const lines = schedulingLines({pod, view: capture.view, now: capture.now, width: 100}).map(lineText);
		expect(lines.some(text => text.startsWith('The scheduler says (Unschedulable'))).toBe(true);
		expect(lines.join(' ')).toContain("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector");
		expect(lines).toContain('  • must run on a node with label disktype=ssd');
		expect(lines).toContain('      kind-worker lacks label disktype=ssd');
	});

	it('falls back to the newest FailedScheduling event when the condition says nothing', () => {
		const capture = loadCapture('crashloop.ndjson', 2300);
		const pod = capture.pod('crashloop');
		const event: KubeEvent = {
			metadata: {name: 'e1', namespace: 'default'},
			involvedObject: {kind: 'Pod', name: pod.name, namespace: 'default'},
			type: 'Warning',
			reason: 'FailedScheduling',
			message: '0/2 nodes are available: 2 Insufficient cpu.',
			lastTimestamp: '2026-11-25T04:17:07Z',
		};
		const lines = schedulingLines({pod, view: capture.view, now: capture.now, width: 100, events: [event]}).map(lineText);
		expect(lines).toContain('The scheduler says (event FailedScheduling, 04:17:07)');
		expect(lines).toContain('  0/2 nodes are available: 2 Insufficient cpu.');
	});

	it('says a static pod was never placed by the scheduler', () => {
		const capture = loadCapture('kind-boot.ndjson');
		const lines = schedulingLines({pod: capture.pod('etcd-kind-control-plane'), view: capture.view, now: capture.now, width: 100})
			.map(lineText)
			.join(' ')
			.replace(/\s+/g, ' ');
		expect(lines).toContain('the scheduler never placed it');
		expect(lines).not.toContain('Nodes in this session');
	});

	it('lists the tolerations of coredns as sentences', () => {
		const capture = loadCapture('kind-boot.ndjson');
		const lines = schedulingLines({pod: capture.pod('coredns'), view: capture.view, now: capture.now, width: 100}).map(lineText);
		expect(lines).toContain('  • tolerates node-role.kubernetes.io/control-plane:NoSchedule');
		expect(lines).toContain('  • must run on a node with label kubernetes.io/os=linux');
		expect(lines.some(entry => /priority:\s+system-cluster-critical \(2000000000\)/.test(entry))).toBe(true);
	});
});
