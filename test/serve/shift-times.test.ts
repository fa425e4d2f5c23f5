import {describe, expect, it} from 'vitest';
import {offsetToStartAt, shiftTime, shiftTimes} from '../../source/serve/shift-times.js';
import {isWatchEntry} from '../../source/session/format.js';
import {readCapture} from './helpers.js';

const DAY = 86_400_000;

describe('moving a session’s times', () => {
	it('keeps each time’s format: seconds, micro and nano fractions, zone', () => {
		expect(shiftTime('2026-11-25T04:20:57Z', DAY + 3000)).toBe('2026-11-26T04:21:00Z');
		expect(shiftTime('2026-11-25T04:20:57.123456Z', 9 * DAY)).toBe('2026-12-04T04:20:57.123456Z');
		expect(shiftTime('2026-12-31T23:59:59.987654321Z', 1000)).toBe('2027-01-01T00:00:00.987654321Z');
		expect(shiftTime('2026-11-25T05:20:57+01:00', 60_000)).toBe('2026-11-25T05:21:57+01:00');
		expect(shiftTime('2026-11-25', DAY)).toBe('2026-11-25');
		expect(shiftTime('started at 2026-11-25T04:20:57Z', DAY)).toBe('started at 2026-11-25T04:20:57Z');
	});

	it('moves every time field of recorded pods, nodes and events, and nothing else', () => {
		const {entries} = readCapture('mixed');
		const objects = entries.filter(isWatchEntry).map(entry => entry.object);
		const times = (value: unknown, path = ''): Map<string, string> => {
			const found = new Map<string, string>();
			const walk = (node: unknown, at: string): void => {
				if (typeof node === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(node)) found.set(at, node);
				else if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${at}[${index}]`));
				else if (node && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, `${at}.${key}`);
			};
			walk(value, path);
			return found;
		};
		const fields = new Set<string>();
		for (const object of objects) {
			const shifted = shiftTimes(object, 9 * DAY);
			const before = times(object);
			const after = times(shifted);
			expect([...after.keys()]).toEqual([...before.keys()]);
			for (const [path, value] of before) {
				expect(Date.parse(after.get(path)!) - Date.parse(value)).toBe(9 * DAY);
				fields.add(`${object.kind}${path.replace(/\[\d+\]/g, '[]')}`);
			}
			// Everything else is as recorded.
			expect(JSON.stringify(shiftTimes(object, 0))).toBe(JSON.stringify(object));
		}
		expect([...fields].sort()).toEqual(
			expect.arrayContaining([
				'Event.firstTimestamp',
				'Event.lastTimestamp',
				'Event.metadata.creationTimestamp',
				'Node.status.conditions[].lastHeartbeatTime',
				'Node.status.conditions[].lastTransitionTime',
				'Pod.metadata.creationTimestamp',
				'Pod.metadata.managedFields[].time',
				'Pod.status.conditions[].lastTransitionTime',
				'Pod.status.containerStatuses[].lastState.terminated.finishedAt',
				'Pod.status.containerStatuses[].state.running.startedAt',
				'Pod.status.startTime',
			]),
		);
	});

	it('moves event times, series and taints, but not what a container is given to run', () => {
		const event = {kind: 'Event', eventTime: '2026-11-25T04:20:57.705123Z', series: {count: 3, lastObservedTime: '2026-11-25T04:21:07.000001Z'}};
		expect(shiftTimes(event, 60_000)).toEqual({
			kind: 'Event',
			eventTime: '2026-11-25T04:21:57.705123Z',
			series: {count: 3, lastObservedTime: '2026-11-25T04:22:07.000001Z'},
		});
		const node = {spec: {taints: [{key: 'k', effect: 'NoSchedule', timeAdded: '2026-11-25T04:20:57Z'}]}};
		expect(shiftTimes(node, 60_000).spec.taints[0]!.timeAdded).toBe('2026-11-25T04:21:57Z');
		const pod = {
			spec: {containers: [{name: 'a', env: [{name: 'SINCE', value: '2026-11-25T04:20:57Z'}], args: ['--since=2026-11-25T04:20:57Z', '2026-11-25T04:20:57Z']}]},
		};
		expect(shiftTimes(pod, 60_000)).toEqual(pod);
	});

	it('starts the session at the moment asked or within the second after, in whole seconds', () => {
		const recordedAt = Date.parse('2026-11-25T04:20:57.705Z');
		const now = Date.parse('2026-12-04T10:00:00.000Z');
		const offset = offsetToStartAt(recordedAt, now);
		expect(offset % 1000).toBe(0);
		expect(recordedAt + offset - now).toBeGreaterThanOrEqual(0);
		expect(recordedAt + offset - now).toBeLessThan(1000);
	});
});
