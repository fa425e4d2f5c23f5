import {describe, expect, it} from 'vitest';
import {eventsLines} from '../../../source/view/detail/events.js';
import {lineText} from '../../../source/view/detail/lines.js';
import {loadCapture} from './capture.js';

describe('eventsLines', () => {
	const capture = loadCapture('crashloop.ndjson');
	const pod = capture.pod('crashloop');
	const events = capture.view.eventsByPod.get(pod.key) ?? [];

	it('puts the Warnings first, marked, with their whole message', () => {
		const lines = eventsLines({events, now: capture.now, width: 100}).map(lineText);
		expect(lines[0]).toBe('Events: 6, 1 warning');
		expect(lines[2]).toMatch(/^ {2}⚠ Warning BackOff\s+×4\s+0s\s+from kubelet$/);
		expect(lines.slice(3, 5).join(' ').replace(/\s+/g, ' ')).toContain('Back-off restarting failed container api in pod crashloop-g6z5t_default');
	});

	it('then the Normal events oldest first, with count and age', () => {
		const lines = eventsLines({events, now: capture.now, width: 100}).map(lineText);
		const normal = lines.filter(entry => entry.startsWith('  · Normal'));
		expect(normal.map(entry => entry.split(/\s+/)[3])).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
		expect(normal[3]).toMatch(/Created\s+×5\s+4s\s+Created container api/);
	});

	it('ages move with the clock', () => {
		const later = eventsLines({events, now: capture.now + 60_000, width: 100}).map(lineText);
		expect(later[2]).toMatch(/BackOff\s+×4\s+60s/);
	});

	it('says so when there are no events', () => {
		expect(eventsLines({events: [], now: capture.now, width: 100}).map(lineText)[1]).toContain('no events recorded');
	});
});
