import {describe, expect, it} from 'vitest';
import type {KubeObject} from '../../source/kube/objects.js';
import {servedCopy} from '../../source/serve/served-copy.js';
import {isWatchEntry} from '../../source/session/format.js';
import {readCapture} from './helpers.js';

const DAY = 86_400_000;

/** A clock that moves every time by `shiftMs` and runs at the recorded speed. */
const movedBy = (shiftMs: number) => ({recordedAtMs: 0, shiftMs, speed: 1});

describe('the copy of a recorded object the server serves', () => {
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
			const shifted = servedCopy(object, movedBy(9 * DAY));
			const before = times(object);
			const after = times(shifted);
			expect([...after.keys()]).toEqual([...before.keys()]);
			for (const [path, value] of before) {
				expect(Date.parse(after.get(path)!) - Date.parse(value)).toBe(9 * DAY);
				fields.add(`${object.kind}${path.replace(/\[\d+\]/g, '[]')}`);
			}
			// Everything else is as recorded.
			expect(JSON.stringify(servedCopy(object, movedBy(0)))).toBe(JSON.stringify(object));
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
		expect(servedCopy(event, movedBy(60_000))).toEqual({
			kind: 'Event',
			eventTime: '2026-11-25T04:21:57.705123Z',
			series: {count: 3, lastObservedTime: '2026-11-25T04:22:07.000001Z'},
		});
		const node = {spec: {taints: [{key: 'k', effect: 'NoSchedule', timeAdded: '2026-11-25T04:20:57Z'}]}};
		expect(servedCopy(node, movedBy(60_000)).spec.taints[0]!.timeAdded).toBe('2026-11-25T04:21:57Z');
		const pod = {
			spec: {containers: [{name: 'a', env: [{name: 'SINCE', value: '2026-11-25T04:20:57Z'}], args: ['--since=2026-11-25T04:20:57Z', '2026-11-25T04:20:57Z']}]},
		};
		expect(servedCopy(pod, movedBy(60_000))).toEqual(pod);
	});

	it('gives every uid of a round after the first a uid of its own, the same for every reference to it', () => {
		const {entries} = readCapture('mixed');
		const pods = entries
			.filter(isWatchEntry)
			.map(entry => entry.object)
			.filter(object => object.kind === 'Pod' && object.metadata?.ownerReferences);
		const owned = pods.filter(pod => pod.metadata!.ownerReferences!.length > 0);
		const [a, b] = owned.filter(pod => pod.metadata!.ownerReferences![0]!.uid === owned[0]!.metadata!.ownerReferences![0]!.uid);
		expect(b, 'two pods of one owner').toBeDefined();
		const uids = (object: KubeObject, round: number) => {
			const copy = servedCopy(object, movedBy(0), round);
			return {own: copy.metadata!.uid!, owner: copy.metadata!.ownerReferences![0]!.uid};
		};
		// Round 0 serves the recorded ones.
		expect(uids(a!, 0)).toEqual({own: a!.metadata!.uid, owner: a!.metadata!.ownerReferences![0]!.uid});
		const [a1, a2, b1] = [uids(a!, 1), uids(a!, 2), uids(b!, 1)];
		expect(a1.own).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(new Set([a!.metadata!.uid, a1.own, a2.own, b1.own]).size).toBe(4);
		expect(a1.owner).not.toBe(a!.metadata!.ownerReferences![0]!.uid);
		expect(a1.owner).not.toBe(a2.owner);
		// One owner, one uid in a round; and the same again for the same round.
		expect(b1.owner).toBe(a1.owner);
		expect(uids(a!, 1)).toEqual(a1);
		const event = {kind: 'Event', involvedObject: {kind: 'Pod', name: a!.metadata!.name, uid: a!.metadata!.uid}};
		expect(servedCopy(event, movedBy(0), 1).involvedObject.uid).toBe(a1.own);
	});
});
