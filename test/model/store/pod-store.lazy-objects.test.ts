import {describe, expect, it} from 'vitest';
import {compatForServerVersion, LATEST_COMPAT, parseStatusCompat} from '../../../source/model/compat.js';
import {podHealth} from '../../../source/model/health.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {whyLine} from '../../../source/model/why.js';
import {isWatchEntry} from '../../../source/session/format.js';
import type {Pod} from '../../../source/kube/objects.js';
import {CAPTURE_FILES} from '../../sources/replay/replay-fixture.js';
import {loadCapture} from '../../helpers/load-capture.js';
import {applyAt, EntryArray, lazyStore, podPrint} from './lazy-store-fixture.js';
import {podKeyOf} from '../../../source/model/pod-key.js';

const NAMES = CAPTURE_FILES.map(file => [file.split('/').slice(-2).join('/'), file] as const);

/** A plain store and a store that keeps objects out of memory, fed the same capture. */
function bothStores(file: string, each?: (plain: PodStore, lazy: PodStore, index: number) => void): {plain: PodStore; lazy: PodStore; endMs: number} {
	const capture = loadCapture(file);
	const compat = compatForServerVersion(capture.header.serverVersion);
	const plain = new PodStore({compat});
	const source = new EntryArray();
	const lazy = lazyStore(source, {compat});
	const start = Date.parse(capture.header.recordedAt);
	capture.entries.forEach((entry, index) => {
		plain.apply(entry, start + entry.t);
		source.push(entry);
		applyAt(lazy, source, index, start + entry.t);
		each?.(plain, lazy, index);
	});
	return {plain, lazy, endMs: start + (capture.entries.at(-1)?.t ?? 0)};
}

describe('a store that keeps pod objects out of memory', () => {
	it('keeps the server row of the last entry that had one, as a plain store does, without reading entries while applying', () => {
		const object = (rv: string, phase: string): Pod => ({
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'web', namespace: 'default', uid: 'u', resourceVersion: rv},
			spec: {containers: [{name: 'app'}]},
			status: {phase},
		});
		const row = {ready: '0/1', status: 'Pending', restarts: '0', age: '1s'};
		const entries = [
			{t: 0, type: 'ADDED' as const, object: object('1', 'Pending'), row},
			{t: 1, type: 'MODIFIED' as const, object: object('2', 'Running')},
			{t: 2, type: 'MODIFIED' as const, object: object('3', 'Running')},
		];
		const plain = new PodStore({compat: LATEST_COMPAT});
		const source = new EntryArray();
		const reads: number[] = [];
		const row0 = source.row.bind(source);
		source.row = ref => {
			reads.push(ref);
			return row0(ref);
		};
		const lazy = lazyStore(source, {compat: LATEST_COMPAT});
		entries.forEach((entry, index) => {
			plain.apply(entry, index);
			source.push(entry);
			applyAt(lazy, source, index, index);
		});
		expect(reads).toEqual([]);
		const shown = lazy.pod('default/web')!.readServerRow();
		expect(shown).toEqual(plain.pod('default/web')!.readServerRow());
		expect(shown).toEqual(row);
		// Read from the first entry, the one that carried the row.
		expect(reads).toEqual([0]);
	});

	it.each(['41', '0', '9007199254740993', '007', 'v7', ''])(
		'takes a relist of an unchanged pod as no change, and another resourceVersion as a change, as a plain store does (resourceVersion %j)',
		rv => {
			const object = (resourceVersion: string, phase: string): Pod => ({
				apiVersion: 'v1',
				kind: 'Pod',
				metadata: {name: 'web', namespace: 'default', uid: 'u', resourceVersion, creationTimestamp: '2026-11-25T10:00:00Z'},
				spec: {containers: [{name: 'app'}]},
				status: {phase},
			});
			// The same text again (a relist), then texts that are the same number but another version.
			const other = rv === '41' ? '041' : rv === '007' ? '7' : `${rv}1`;
			const entries = [
				{t: 0, type: 'ADDED' as const, object: object(rv, 'Pending')},
				{t: 1000, type: 'ADDED' as const, object: object(rv, 'Running')},
				{t: 2000, type: 'MODIFIED' as const, object: object(other, 'Running')},
			];
			const start = Date.parse('2026-11-25T10:00:00Z');
			const plain = new PodStore({compat: LATEST_COMPAT});
			const source = new EntryArray();
			const lazy = lazyStore(source, {compat: LATEST_COMPAT});
			const seen: Array<[number | null, number | null]> = [];
			entries.forEach((entry, index) => {
				plain.apply(entry, start + entry.t);
				source.push(entry);
				applyAt(lazy, source, index, start + entry.t);
				seen.push([plain.pod('default/web')!.lastChangedAt - start, lazy.pod('default/web')!.lastChangedAt - start]);
			});
			expect(seen).toEqual([
				[0, 0],
				[0, 0],
				[2000, 2000],
			]);
			expect(lazy.pod('default/web')!.core!.resourceVersion).toBe(other);
			expect(podPrint(lazy.pod('default/web')!)).toEqual(podPrint(plain.pod('default/web')!));
		},
	);

	it.each(NAMES)('files the events of %s without reading them back, and reads them when shown', (_name, file) => {
		const capture = loadCapture(file);
		const source = new EntryArray();
		const lazy = lazyStore(source, {compat: compatForServerVersion(capture.header.serverVersion)});
		const start = Date.parse(capture.header.recordedAt);
		capture.entries.forEach((entry, index) => {
			source.push(entry);
			applyAt(lazy, source, index, start + entry.t);
		});
		expect(source.eventReads).toBe(0);
		const lists = [...lazy.view().eventsByPod.values()];
		// One read per event shown (here: each event's reason, once).
		const reasons = lists.flatMap(list => list.map(event => event.reason));
		expect(source.eventReads).toBe(reasons.length);
		expect(reasons.every(reason => typeof reason === 'string')).toBe(true);
	});

	it.each(NAMES)('shows each pod as a plain store does after every entry of %s', (_name, file) => {
		const capture = loadCapture(file);
		let compared = 0;
		bothStores(file, (plain, lazy, index) => {
			const entry = capture.entries[index]!;
			if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') return;
			const pod = entry.object as Pod;
			const key = podKeyOf(pod.metadata);
			expect(podPrint(lazy.pod(key)!), `${key} after entry ${index + 1}`).toEqual(podPrint(plain.pod(key)!));
			compared++;
		});
		expect(compared).toBeGreaterThan(0);
	});

	it.each(NAMES)('ends %s with the same pods, health and why lines as a plain store', (_name, file) => {
		const {plain, lazy, endMs} = bothStores(file);
		const plainView = plain.view();
		const lazyView = lazy.view();
		expect([...lazyView.pods.keys()].sort()).toEqual([...plainView.pods.keys()].sort());
		for (const [key, expected] of plainView.pods) {
			const state = lazyView.pods.get(key)!;
			// Out of memory: the state holds the core, not the object.
			expect(Object.hasOwn(state, 'object'), key).toBe(false);
			expect(state.core, key).toBeDefined();
			expect(podPrint(state), key).toEqual(podPrint(expected));
			expect(state.readObject().metadata.managedFields, key).toBeUndefined();
			for (const now of [endMs, endMs + 60_000]) {
				expect(podHealth(state, now), `${key} health`).toEqual(podHealth(expected, now));
				expect(whyLine(state, lazyView, now), `${key} why`).toBe(whyLine(expected, plainView, now));
			}
		}
		expect(JSON.parse(JSON.stringify([...lazyView.eventsByPod]))).toEqual(JSON.parse(JSON.stringify([...plainView.eventsByPod])));
	});

	it.each(NAMES)('prints the columns of another server version as a plain store does (%s)', (_name, file) => {
		const {plain, lazy} = bothStores(file);
		for (const compat of [parseStatusCompat('1.30'), LATEST_COMPAT, parseStatusCompat('1.34')]) {
			plain.setCompat(compat);
			lazy.setCompat(compat);
			for (const [key, expected] of plain.view().pods) {
				const state = lazy.pod(key)!;
				expect(state.columns, `${key} as ${compat.label}`).toEqual(expected.columns);
				// Still lazy after the recompute, and still the same object and history.
				expect(Object.hasOwn(state, 'object'), key).toBe(false);
				expect(podPrint(state), key).toEqual(podPrint(expected));
			}
		}
	});
});
