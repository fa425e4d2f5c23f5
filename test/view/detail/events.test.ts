import {describe, expect, it} from 'vitest';
import {eventSource, eventsLines} from '../../../source/view/detail/events.js';
import {slimEvent} from '../../../source/model/store/pod-events.js';
import {lineText} from '../../../source/view/detail/lines.js';
import {loadCapture} from './capture.js';

describe('eventsLines', () => {
	const capture = loadCapture('crashloop.ndjson');
	const pod = capture.pod('crashloop');
	const events = capture.view.eventsByPod.get(pod.key) ?? [];

	it('lists the events oldest first, as kubectl describe does, Warnings marked where they happened', () => {
		const lines = eventsLines({events, now: capture.now, width: 100}).map(lineText);
		expect(lines[0]).toBe('Events: 6, 1 warning, oldest first');
		const rows = lines.filter(entry => /^ {2}[·⚠] /.test(entry));
		expect(rows.map(entry => entry.split(/\s+/)[3])).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'BackOff']);
		expect(rows[5]).toMatch(/^ {2}⚠ Warning\s+BackOff\s+×4\s+0s\s+kubelet, kind-worker$/);
		expect(rows[3]).toMatch(/Created\s+×5\s+4s\s+kubelet, kind-worker$/);
	});

	it('says where each event came from (component, host) and gives its whole message below it', () => {
		const lines = eventsLines({events, now: capture.now, width: 80}).map(lineText);
		const scheduled = lines.findIndex(entry => entry.includes('Scheduled'));
		expect(lines[scheduled]).toMatch(/default-scheduler$/);
		expect(lines[scheduled + 1]).toBe('      Successfully assigned default/crashloop-g6z5t to kind-worker');
		const backOff = lines.findIndex(entry => entry.includes('BackOff'));
		expect(
			lines
				.slice(backOff + 1)
				.join(' ')
				.replace(/\s+/g, ' '),
		).toContain('Back-off restarting failed container api in pod crashloop-g6z5t_default(24b01d90-75cd-49ea-81ce-eb37e8366e8f)');
		expect(lines.join('\n')).not.toContain('…');
	});

	it('takes the reporting controller and instance when the event has no source', () => {
		expect(eventSource({metadata: {}, involvedObject: {}, reportingComponent: 'kubelet', reportingInstance: 'kind-worker'})).toBe('kubelet, kind-worker');
		expect(eventSource({metadata: {}, involvedObject: {}, source: {component: 'default-scheduler'}})).toBe('default-scheduler');
		// The store's slim copy of an event keeps both.
		expect(eventSource(slimEvent({metadata: {}, involvedObject: {}, reportingComponent: 'kubelet', reportingInstance: 'kind-worker'}))).toBe(
			'kubelet, kind-worker',
		);
	});

	it('ages move with the clock', () => {
		const later = eventsLines({events, now: capture.now + 60_000, width: 100}).map(lineText);
		expect(later.find(entry => entry.includes('BackOff'))).toMatch(/BackOff\s+×4\s+60s/);
	});

	it('says so when there are no events', () => {
		expect(eventsLines({events: [], now: capture.now, width: 100}).map(lineText)[1]).toContain('no events recorded');
	});
});
