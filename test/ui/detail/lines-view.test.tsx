import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {LinesView} from '../../../source/ui/detail/lines-view.js';
import {SECTIONS, sectionLines, type Section} from '../../../source/view/detail/sections.js';
import {toneLook} from '../../../source/ui/detail/tone-style.js';
import {loadCapture, type LoadedCapture} from '../../view/detail/capture.js';
import {renderAtSize, type Rendered} from '../helpers/render-at-size.js';

let current: Rendered | null = null;

afterEach(() => {
	current?.instance.unmount();
	current = null;
});

interface Options {
	width?: number;
	height?: number;
	scroll?: number;
	now?: number;
	selectedContainer?: number;
	noColor?: boolean;
	why?: string;
}

function show(capture: LoadedCapture, podName: string, section: Section, options: Options = {}): string {
	const pod = capture.pod(podName);
	const width = options.width ?? 100;
	const height = options.height ?? 60;
	current = renderAtSize(
		<LinesView
			lines={sectionLines({
				section,
				pod,
				events: capture.view.eventsByPod.get(pod.key) ?? [],
				view: capture.view,
				now: options.now ?? capture.now,
				width,
				selectedContainer: options.selectedContainer,
				why: options.why,
			})}
			height={height}
			scroll={options.scroll ?? 0}
			noColor={options.noColor ?? true}
		/>,
		{columns: width, rows: height + 5},
	);
	return current.lastFrame();
}

const crashloop = loadCapture('crashloop.ndjson');
const boot = loadCapture('kind-boot.ndjson');

describe('a detail section drawn', () => {
	it('Timeline of the crashloop pod shows its restarts and the Error / CrashLoopBackOff transitions', () => {
		const frame = show(crashloop, 'crashloop', 'Timeline', {width: 110, height: 200});
		const lane = frame.split('\n').find(line => line.trimStart().startsWith('api '))!;
		expect(lane.match(/↻/g)).toHaveLength(4);
		expect(lane).toContain('x');
		expect(frame).toContain('STATUS Running → Error');
		expect(frame).toContain('STATUS Error → CrashLoopBackOff');
		// Each row says what changed: the restart count, a condition, a container's state.
		expect(frame).toContain('↻ container api: restart count 3 → 4');
		expect(frame).toContain('condition Ready True → False');
		expect(frame).toContain('container api: state running → terminated(Error, exit 1)');
		expect(frame).toContain('scheduled to node kind-worker');
		expect(frame).toContain('░ waiting  ≈ back-off/error  █ running  ▒ completed  x failed  ↻ restart');
	});

	it('Timeline scrolls to the transitions further down', () => {
		const top = show(crashloop, 'crashloop', 'Timeline', {width: 110, height: 10});
		expect(top).toContain('Lifecycle');
		current?.instance.unmount();
		const further = show(crashloop, 'crashloop', 'Timeline', {width: 110, height: 10, scroll: 40});
		expect(further).not.toContain('Lifecycle');
		expect(further.split('\n').filter(line => line.trim() !== '')).toHaveLength(10);
	});

	it('Overview of etcd-kind-control-plane shows the static-pod section with its node', () => {
		const frame = show(boot, 'etcd-kind-control-plane', 'Overview', {width: 90});
		expect(frame).toContain('Static pod (mirror pod)');
		expect(frame).toMatch(/node:\s+kind-control-plane/);
		expect(frame).toContain('The kubelet on kind-control-plane runs this pod from a manifest file');
		expect(frame).toMatch(/owner:\s+Node\/kind-control-plane/);
	});

	it('Overview shows the why line at the top', () => {
		const frame = show(crashloop, 'crashloop', 'Overview', {why: 'api exits 1 and the kubelet backs off'});
		expect(frame.split('\n')[0]).toBe('why: api exits 1 and the kubelet backs off');
	});

	it('Containers of the init pod lists both init containers before the app', () => {
		const frame = show(loadCapture('init.ndjson'), 'init-demo', 'Containers', {width: 90});
		expect(frame.indexOf('Init containers (2)')).toBeLessThan(frame.indexOf('Containers (1)'));
		expect(frame.indexOf('▸ init-schema')).toBeLessThan(frame.indexOf('▸ init-config'));
	});

	it('Containers of the sidecar pod shows the sidecar group and the readiness probe', () => {
		const frame = show(loadCapture('sidecar.ndjson'), 'sidecar', 'Containers', {width: 90});
		expect(frame).toContain('Sidecar containers (1)');
		expect(frame).toContain('readiness http-get :80/ delay=0s period=10s timeout=1s fail=3');
	});

	it('Containers with a selected container shows its whole termination message', () => {
		const frame = show(crashloop, 'crashloop', 'Containers', {width: 60, selectedContainer: 0});
		expect(frame).toContain('Container api');
		expect(frame).toContain('ConnectionRefusedError: [Errno 111] Connection refused');
	});

	it('Scheduling of the init-crash pod names its node and tolerations', () => {
		const frame = show(loadCapture('init-crash.ndjson'), 'init-crash', 'Scheduling', {width: 90});
		expect(frame).toMatch(/node:\s+kind-worker/);
		expect(frame).toContain('tolerates node.kubernetes.io/not-ready:NoExecute for 300s');
	});

	it('Events lists the events oldest first, each with where it came from and its message', () => {
		const frame = show(crashloop, 'crashloop', 'Events', {width: 100});
		const lines = frame.split('\n');
		const scheduled = lines.findIndex(line => /Normal\s+Scheduled/.test(line));
		const backOff = lines.findIndex(line => /⚠ Warning\s+BackOff/.test(line));
		expect(scheduled).toBeGreaterThan(0);
		expect(backOff).toBeGreaterThan(scheduled);
		expect(lines[scheduled]).toMatch(/default-scheduler\s*$/);
		expect(lines[backOff]).toMatch(/kubelet, kind-worker\s*$/);
		expect(lines[scheduled + 1]!.trim()).toBe('Successfully assigned default/crashloop-g6z5t to kind-worker');
	});

	it('YAML shows the pod object and scrolls', () => {
		const top = show(crashloop, 'crashloop', 'YAML', {height: 5});
		expect(top.split('\n')[0]).toBe('apiVersion: v1');
		current?.instance.unmount();
		const scrolled = show(crashloop, 'crashloop', 'YAML', {height: 5, scroll: 3});
		expect(scrolled.split('\n')[0]).toBe('  name: crashloop-g6z5t');
	});

	it('renders every section within the width, narrow and wide', () => {
		for (const width of [50, 140]) {
			for (const section of SECTIONS) {
				const frame = show(crashloop, 'crashloop', section, {width, height: 40});
				for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
				current?.instance.unmount();
				current = null;
			}
		}
	});
});

describe('toneLook', () => {
	it('drops colours but keeps bold headings when colour is off', () => {
		expect(toneLook('bad', false)).toEqual({color: 'red'});
		expect(toneLook('bad', true).color).toBeUndefined();
		expect(toneLook('heading', true)).toEqual({bold: true, dimColor: undefined});
	});
});
