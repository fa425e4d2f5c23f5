import {describe, expect, it} from 'vitest';
import {lineText} from '../../../source/view/detail/lines.js';
import {containerLanes, drawLane, laneState} from '../../../source/view/detail/lanes.js';
import {timelineAxis, timelineLines, timelineView} from '../../../source/view/detail/timeline.js';
import {timelineTargets} from '../../../source/view/timeline-cursor.js';
import {loadCapture} from './capture.js';

const crashloop = loadCapture('crashloop.ndjson');
const crashPod = crashloop.pod('crashloop');
const crashEvents = crashloop.view.eventsByPod.get(crashPod.key) ?? [];

function text(width: number, now = crashloop.now): string[] {
	return timelineLines({pod: crashPod, events: crashEvents, now, width}).map(lineText);
}

describe('timeline lanes', () => {
	it('reads container states from the history labels', () => {
		expect(laneState('running')).toBe('running');
		expect(laneState('waiting(ContainerCreating)')).toBe('waiting');
		expect(laneState('waiting(CrashLoopBackOff)')).toBe('backoff');
		expect(laneState('waiting(ErrImagePull)')).toBe('backoff');
		expect(laneState('terminated(Error, exit 1)')).toBe('failed');
		expect(laneState('terminated(Completed, exit 0)')).toBe('completed');
		expect(laneState(null)).toBe('none');
	});

	it('draws the crash-looping container with its four restarts and its failures', () => {
		const axis = timelineAxis(crashPod, crashloop.now);
		const [lane] = containerLanes(crashPod, axis.start, axis.end);
		expect(lane!.restarts).toHaveLength(4);
		const drawn = lineText(drawLane(lane!, axis.start, axis.end, 80));
		expect(drawn).toHaveLength(80);
		expect(drawn.match(/↻/g)).toHaveLength(4);
		// Each of the five runs ended in exit 1; the last one is drawn even though it lasted 0.5 s.
		expect(drawn.match(/x+/g)).toHaveLength(5);
		expect(drawn).toMatch(/^·+░+█+x/);
		// The kubelet's back-off between runs reads apart from ordinary waiting.
		expect(drawn.match(/≈+/g)!.length).toBeGreaterThanOrEqual(3);
	});

	it('runs the init containers one after another before the app container', () => {
		const init = loadCapture('init.ndjson');
		const pod = init.pod('init-demo');
		const axis = timelineAxis(pod, init.now);
		const lanes = containerLanes(pod, axis.start, axis.end);
		expect(lanes.map(lane => `${lane.kind} ${lane.name}`)).toEqual(['init init-schema', 'init init-config', 'regular app']);
		const firstRun = lanes.map(lane => lane.segments.find(segment => segment.state === 'running')!.from);
		expect(firstRun[0]).toBeLessThan(firstRun[1]!);
		expect(firstRun[1]).toBeLessThan(firstRun[2]!);
		expect(lanes[0]!.segments.at(-1)!.state).toBe('completed');
	});
});

describe('timelineLines', () => {
	it('lists the Error and CrashLoopBackOff transitions and each restart', () => {
		const lines = text(120);
		expect(lines.filter(entry => entry.includes('STATUS Running → Error'))).toHaveLength(5);
		expect(lines.filter(entry => entry.includes('STATUS Error → CrashLoopBackOff'))).toHaveLength(4);
		expect(lines.filter(entry => entry.includes('↻ container api: restart count'))).toHaveLength(4);
		expect(lines.some(entry => entry.includes('container api: state running → terminated(Error, exit 1)'))).toBe(true);
	});

	it('interleaves the pod events by time, marked as events', () => {
		const lines = text(140);
		const scheduledEvent = lines.findIndex(entry => entry.includes('⚑ event Scheduled'));
		const firstError = lines.findIndex(entry => entry.includes('STATUS Running → Error'));
		const backOff = lines.findIndex(entry => entry.includes('⚑ event Warning BackOff'));
		expect(scheduledEvent).toBeGreaterThan(-1);
		expect(scheduledEvent).toBeLessThan(firstError);
		expect(backOff).toBeGreaterThan(firstError);
	});

	it('shows the time since the previous entry', () => {
		// Running at 04:17:28.5, Error three seconds later.
		const lines = text(120);
		const error = lines.find(entry => /04:17:31\.\d\s+\+3\.0s\s+STATUS Running → Error/.test(entry));
		expect(error).toBeDefined();
	});

	it('gives the milestones and the crash-loop restart intervals', () => {
		const lines = text(120);
		expect(lines.find(entry => entry.trim().startsWith('scheduled'))).toMatch(/after 1s/);
		expect(lines.find(entry => entry.trim().startsWith('ready'))).toMatch(/now False: ContainersNotReady/);
		expect(lines.find(entry => entry.includes('api restarts'))).toMatch(/restarted 4 times, intervals 14s, 24s, 44s, back-off now 1m20s/);
	});

	it('counts the next restart down as the clock moves', () => {
		const nextRestart = crashPod.containers[0]!.nextRestartMs!;
		expect(text(120, nextRestart - 37_000).join('\n')).toContain('restart in 37s');
		expect(text(120, nextRestart - 5_000).join('\n')).toContain('restart in 5s');
	});

	it('fits every line to the width', () => {
		for (const width of [60, 100]) for (const entry of text(width)) expect(entry.length).toBeLessThanOrEqual(width);
	});
});

describe('timeline wrapped (w)', () => {
	it('wraps a long row onto the lines below, its time (for the cursor and seeks) on the first line only', () => {
		const cut = timelineView({pod: crashPod, events: crashEvents, now: crashloop.now, width: 80});
		const wrapped = timelineView({pod: crashPod, events: crashEvents, now: crashloop.now, width: 80, wrap: true});
		expect(wrapped.lines.length).toBeGreaterThan(cut.lines.length);
		expect(wrapped.at).toHaveLength(wrapped.lines.length);
		// The same transitions, in the same order, each on a line that starts with its clock time.
		const cutTargets = timelineTargets(cut).targets;
		const wrappedTargets = timelineTargets(wrapped).targets;
		expect(wrappedTargets.map(({at, nth}) => ({at, nth}))).toEqual(cutTargets.map(({at, nth}) => ({at, nth})));
		for (const target of wrappedTargets) expect(lineText(wrapped.lines[target.line]!)).toMatch(/^ {2}\d\d:\d\d:\d\d\.\d |^ {22}\S/);
		// Nothing is cut: the container's whole message is there.
		expect(wrapped.lines.map(lineText).join('\n')).not.toContain('…');
		expect(wrapped.lines.map(lineText).join(' ').replace(/\s+/g, ' ')).toContain('ConnectionRefusedError: [Errno 111] Connection refused');
		// A row's continuation hangs under its text, clear of the time columns.
		const row = wrapped.lines.map(lineText).findIndex(line => line.includes('container api: state running → terminated(Error, exit 1)'));
		expect(lineText(wrapped.lines[row + 1]!)).toMatch(/^ {22}\S/);
	});
});
