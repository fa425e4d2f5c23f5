import {describe, expect, it} from 'vitest';
import {lineText} from '../../../source/view/detail/lines.js';
import {overviewLines} from '../../../source/view/detail/overview.js';
import {loadCapture} from './capture.js';

const boot = loadCapture('kind-boot.ndjson');

function text(name: string, width = 100, why?: string): string[] {
	return overviewLines({pod: boot.pod(name), now: boot.now, width, why}).map(lineText);
}

describe('overviewLines', () => {
	it('explains the static pod etcd-kind-control-plane and names its node', () => {
		const lines = text('etcd-kind-control-plane');
		const start = lines.indexOf('Static pod (mirror pod)');
		expect(start).toBeGreaterThan(-1);
		const section = lines.slice(start, start + 8).join('\n');
		expect(section).toMatch(/node:\s+kind-control-plane/);
		expect(section).toMatch(/config source:\s+file/);
		expect(section).toMatch(/config hash:\s+60287090dbc5633b5720072c929a2591/);
		expect(section).toContain('the kubelet recreates');
		expect(section).toContain('manifest');
	});

	it('shows no static-pod section for a pod the scheduler placed', () => {
		expect(text('coredns')).not.toContain('Static pod (mirror pod)');
	});

	it('shows STATUS, phase, QoS, node, IPs and the owner', () => {
		const lines = text('coredns').join('\n');
		expect(lines).toMatch(/STATUS:\s+Running\s+phase Running/);
		expect(lines).toMatch(/QoS class:\s+Burstable/);
		expect(lines).toMatch(/node:\s+kind-control-plane/);
		expect(lines).toMatch(/owner:\s+ReplicaSet\/coredns-668d6bf9bc/);
		expect(lines).toMatch(/pod IPs:\s+10\.244\.\d+\.\d+/);
	});

	it('lists conditions with status, reason, message and transition time', () => {
		const capture = loadCapture('crashloop.ndjson');
		const lines = overviewLines({pod: capture.pod('crashloop'), now: capture.now, width: 120}).map(lineText);
		const ready = lines.find(entry => entry.includes('✗ Ready'));
		expect(ready).toMatch(/False\s+ContainersNotReady\s+since 04:18:38 \(1s ago\)/);
		expect(lines[lines.indexOf(ready!) + 1]).toContain('containers with unready status: [api]');
	});

	it('puts the why line first when given one', () => {
		expect(text('coredns', 100, 'waiting for the readiness probe')[0]).toBe('why: waiting for the readiness probe');
	});

	it('cuts long annotation values to the width', () => {
		for (const entry of text('etcd-kind-control-plane', 50)) expect(entry.length).toBeLessThanOrEqual(50);
		expect(text('etcd-kind-control-plane', 50).some(entry => entry.startsWith('  kubernetes.io/config.hash=') && entry.endsWith('…'))).toBe(true);
	});
});

describe('overviewLines of a pod being deleted', () => {
	it('says when the deletion was asked for and when its grace period ends, not "since" the end of the grace', () => {
		// kubectl delete at 04:20:45 with the default 30 s: the server set deletionTimestamp to 04:21:15.
		const asked = loadCapture('terminating.ndjson', 11_000);
		const during = overviewLines({pod: asked.pod('terminating'), now: asked.now, width: 120}).map(lineText);
		expect(during).toContainEqual(expect.stringMatching(/^ {2}deleting: +asked at 04:20:45, grace period 30s \(ends 04:21:15\)$/));
		// The kubelet's last delete (grace 0) moves deletionTimestamp back to the request's time.
		const done = loadCapture('terminating.ndjson', 18_000);
		const after = overviewLines({pod: done.pod('terminating'), now: done.now, width: 120}).map(lineText);
		expect(after).toContainEqual(expect.stringMatching(/^ {2}deleting: +asked at 04:20:45$/));
	});
});
