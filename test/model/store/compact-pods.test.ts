import {describe, expect, it} from 'vitest';
import {CompactPods} from '../../../source/model/store/compact-pods.js';
import {withoutManagedFields} from '../../../source/model/store/object-source.js';
import type {Pod} from '../../../source/kube/objects.js';
import {isWatchEntry} from '../../../source/session/format.js';
import {CAPTURE_FILES} from '../../sources/replay/replay-fixture.js';
import {loadCapture} from '../../helpers/load-capture.js';

const NAMES = CAPTURE_FILES.map(file => [file.split('/').slice(-2).join('/'), file] as const);

/** A pod of `fields` (its JSON text decides equality; the type is what packing takes). */
const pod = (fields: Record<string, unknown>): Pod => fields as unknown as Pod;

describe('compact pods', () => {
	it.each(NAMES)('reads back every pod of %s as JSON gives it, field order included', (_name, file) => {
		const compact = new CompactPods();
		const packed = loadCapture(file)
			.entries.filter(isWatchEntry)
			.filter(entry => entry.object.kind === 'Pod')
			.map(entry => {
				const object = withoutManagedFields(entry.object as Pod);
				return {text: JSON.stringify(object), packed: compact.pack(object)};
			});
		expect(packed.length).toBeGreaterThan(0);
		// Read back after all were packed: later pods share the templates of earlier ones.
		for (const {text, packed: one} of packed) expect(JSON.stringify(compact.unpack(one))).toBe(text);
	});

	it('keeps values that look like its own separators, escapes, other scripts and every JSON type', () => {
		const compact = new CompactPods();
		const shape = (name: string, extra: unknown) =>
			pod({
				kind: 'Pod',
				metadata: {name, 'a:b': 'x=1:2', '"quoted"': 'back\\slash "quote"', 'ctl\u0000\u0001': 'ctl\u0000\u0001\n'},
				spec: {numbers: [0, -1.5e-7, 1e21, 42], flags: [true, false, null], empty: {}, none: [], extra},
			});
		const first = shape('first', 'same');
		const second = shape('zweite ✓ 名前 🚀', '1=0');
		for (const object of [first, second]) expect(JSON.stringify(compact.unpack(compact.pack(object)))).toBe(JSON.stringify(object));
	});

	it('drops what JSON drops: undefined and functions in objects, null in their place in arrays', () => {
		const compact = new CompactPods();
		const object = pod({metadata: {name: 'web', gone: undefined, fn: () => 1}, list: [1, undefined, 3]});
		expect(compact.unpack(compact.pack(object))).toEqual({metadata: {name: 'web'}, list: [1, null, 3]});
	});

	it('reads back a value a pod repeats where it differs from its template (its volume, its times)', () => {
		const compact = new CompactPods();
		const make = (volume: string, time: string) =>
			pod({
				metadata: {name: volume, creationTimestamp: time},
				spec: {volumes: [{name: volume}], containers: [{volumeMounts: [{name: volume}]}]},
				status: {startTime: time, conditions: [{lastTransitionTime: time}]},
			});
		compact.pack(make('kube-api-access-aaaaa', '2026-11-25T10:00:00Z'));
		const second = make('kube-api-access-bbbbb', '2026-11-25T10:05:00Z');
		expect(JSON.stringify(compact.unpack(compact.pack(second)))).toBe(JSON.stringify(second));
	});

	it('keeps, of a pod shaped like one before, little more than what differs', () => {
		const compact = new CompactPods();
		// The capture with the most pod entries: versions of the same pods, and pods of the same ReplicaSet.
		const pods = CAPTURE_FILES.map(file =>
			loadCapture(file)
				.entries.filter(isWatchEntry)
				.filter(entry => entry.object.kind === 'Pod')
				.map(entry => withoutManagedFields(entry.object as Pod)),
		).reduce((most, next) => (next.length > most.length ? next : most));
		expect(pods.length).toBeGreaterThan(20);
		const packed = pods.map(object => compact.pack(object));
		const text = pods.reduce((sum, object) => sum + JSON.stringify(object).length, 0);
		const kept = packed.reduce((sum, one) => sum + one.differences.length, 0);
		expect(kept).toBeLessThan(text / 3);
	});

	it('gives the same object again while it is among the last read, and an equal one after', () => {
		const compact = new CompactPods();
		const packed = Array.from({length: 600}, (_, index) => compact.pack(pod({metadata: {name: `pod-${index}`}})));
		const first = compact.unpack(packed[0]!);
		expect(compact.unpack(packed[0]!)).toBe(first);
		for (const one of packed) compact.unpack(one);
		const again = compact.unpack(packed[0]!);
		expect(again).not.toBe(first);
		expect(again).toEqual(first);
	});
});
