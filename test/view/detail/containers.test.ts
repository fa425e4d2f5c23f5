import {describe, expect, it} from 'vitest';
import type {Container} from '../../../source/kube/objects.js';
import {containersLines} from '../../../source/view/detail/containers.js';
import {lineText} from '../../../source/view/detail/lines.js';
import {containerHandlers, containerProbes, describeProbe} from '../../../source/view/detail/probes.js';
import {podStateWith} from '../../helpers/pod-state.js';
import {loadCapture} from './capture.js';

describe('containersLines', () => {
	it('groups the native sidecar before the regular container', () => {
		const capture = loadCapture('sidecar.ndjson');
		const lines = containersLines({pod: capture.pod('sidecar'), now: capture.now, width: 100}).map(lineText);
		const sidecars = lines.indexOf('Sidecar containers (1)');
		const regular = lines.indexOf('Containers (1)');
		expect(sidecars).toBeGreaterThan(-1);
		expect(regular).toBeGreaterThan(sidecars);
		expect(lines[sidecars + 1]).toMatch(/▸ log-shipper\s+running\s+ready ✓/);
		expect(lines.join('\n')).toContain('readiness http-get :80/ delay=0s period=10s timeout=1s fail=3');
	});

	it('lists init containers in spec order with their final state', () => {
		const capture = loadCapture('init.ndjson');
		const lines = containersLines({pod: capture.pod('init-demo'), now: capture.now, width: 100}).map(lineText);
		expect(lines[0]).toBe('Init containers (2)');
		const names = lines.filter(entry => entry.includes('▸ ')).map(entry => entry.trim().split(/\s+/)[1]);
		expect(names).toEqual(['init-schema', 'init-config', 'app']);
		expect(lines.filter(entry => entry.includes('terminated Completed (exit 0)'))).toHaveLength(2);
	});

	it('says how a completed init container ended, not that it never started', () => {
		const capture = loadCapture('init.ndjson');
		const pod = capture.pod('init-demo');
		const list = containersLines({pod, now: capture.now, width: 100}).map(lineText);
		expect(list).toContainEqual(expect.stringMatching(/^ {2}▸ init-schema {2}completed \(exit 0\) at 04:15:50 {2}restarts 0$/));
		expect(list).toContainEqual(expect.stringMatching(/^ {2}▸ init-config {2}completed \(exit 0\) at 04:15:53 {2}restarts 0$/));
		const full = containersLines({pod, now: capture.now, width: 100, selectedContainer: 0}).map(lineText);
		expect(full[1]).toBe('  ▸ init-schema  completed (exit 0) at 04:15:50  restarts 0');
		expect([...list, ...full].join('\n')).not.toMatch(/started ✗/);
	});

	it('shows no readiness of a running init container, which has none until it exits 0', () => {
		const capture = loadCapture('init.ndjson', 7_500);
		const lines = containersLines({pod: capture.pod('init-demo'), now: capture.now, width: 100}).map(lineText);
		expect(lines).toContainEqual(expect.stringMatching(/^ {2}▸ init-schema {2}running {2}started ✓ {2}restarts 0$/));
	});

	it("says how a Job's container and a sidecar ended, the failed one with its reason", () => {
		const job = loadCapture('job.ndjson');
		const jobLines = containersLines({pod: job.pod('report'), now: job.now, width: 100}).map(lineText);
		expect(jobLines).toContainEqual(expect.stringMatching(/^ {2}▸ report {2}completed \(exit 0\) at \d\d:\d\d:\d\d {2}restarts 0$/));
		const sidecar = loadCapture('sidecar.ndjson');
		const pod = sidecar.pod('sidecar');
		const containers = pod.containers.map(view =>
			view.kind === 'sidecar'
				? {...view, state: 'terminated' as const, reason: 'Error', exitCode: 143, ready: false, started: false, finishedMs: sidecar.now}
				: view,
		);
		const lines = containersLines({pod: podStateWith(pod, {containers}), now: sidecar.now, width: 100}).map(lineText);
		expect(lines).toContainEqual(expect.stringMatching(/^ {2}▸ log-shipper {2}terminated Error \(exit 143\) at \d\d:\d\d:\d\d {2}restarts 0$/));
		expect(lines).toContainEqual(expect.stringMatching(/^ {2}▸ \S+ {2}running {2}ready ✓ {2}started ✓ {2}restarts 0$/));
	});

	it('counts the back-off down to the next restart', () => {
		const capture = loadCapture('crashloop.ndjson');
		const pod = capture.pod('crashloop');
		const next = pod.containers[0]!.nextRestartMs!;
		const lines = containersLines({pod, now: next - 37_000, width: 100})
			.map(lineText)
			.join('\n');
		expect(lines).toMatch(/state:\s+waiting CrashLoopBackOff — restart in 37s \(back-off 1m20s\)/);
		expect(lines).toMatch(/last state:\s+terminated Error \(exit 1\) at 04:18:38 after 3s/);
		expect(lines).toMatch(/▸ api\s+waiting\s+ready ✗\s+started ✗\s+restarts 4/);
	});

	it('shows the selected container in full, its termination message wrapped', () => {
		const capture = loadCapture('crashloop.ndjson');
		const lines = containersLines({pod: capture.pod('crashloop'), now: capture.now, width: 40, selectedContainer: 0}).map(lineText);
		expect(lines[0]).toBe('Container api');
		expect(lines).toContain('    ConnectionRefusedError: [Errno 111]');
		expect(lines).toContain('    Connection refused');
		expect(lines.some(entry => /command:\s+python -c/.test(entry))).toBe(true);
		for (const entry of lines) expect(entry.length).toBeLessThanOrEqual(40);
	});
});

describe('probes and lifecycle handlers in short', () => {
	it('writes each probe kind', () => {
		expect(describeProbe({httpGet: {path: '/healthz', port: 8080}, initialDelaySeconds: 5, periodSeconds: 3, timeoutSeconds: 2, failureThreshold: 1})).toBe(
			'http-get :8080/healthz delay=5s period=3s timeout=2s fail=1',
		);
		expect(describeProbe({tcpSocket: {port: 5432}})).toBe('tcp-socket :5432 delay=0s period=10s timeout=1s fail=3');
		expect(describeProbe({exec: {command: ['cat', '/tmp/ready file']}, successThreshold: 2})).toBe(
			"exec cat '/tmp/ready file' delay=0s period=10s timeout=1s success=2 fail=3",
		);
		expect(describeProbe({grpc: {port: 9000}})).toBe('grpc :9000 delay=0s period=10s timeout=1s fail=3');
	});

	it('names the probes and handlers of a container', () => {
		const container: Container = {
			name: 'app',
			livenessProbe: {httpGet: {path: '/', port: 80, scheme: 'HTTPS'}},
			readinessProbe: {tcpSocket: {port: 80}},
			lifecycle: {postStart: {exec: {command: ['sh', '-c', 'echo hi']}}, preStop: {sleep: {seconds: 5}}},
		};
		expect(containerProbes(container)).toEqual([
			'liveness http-get https://:80/ delay=0s period=10s timeout=1s fail=3',
			'readiness tcp-socket :80 delay=0s period=10s timeout=1s fail=3',
		]);
		expect(containerHandlers(container)).toEqual(["postStart exec sh -c 'echo hi'", 'preStop sleep 5s']);
	});
});
