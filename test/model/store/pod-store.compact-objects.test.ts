import {describe, expect, it} from 'vitest';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {SECTIONS, sectionLines} from '../../../source/view/detail/sections.js';
import {lineText} from '../../../source/view/detail/lines.js';
import {whyLine} from '../../../source/model/why.js';
import {CAPTURE_FILES} from '../../sources/replay/replay-fixture.js';
import {loadCapture} from '../../helpers/load-capture.js';
import {podPrint} from './lazy-store-fixture.js';

const NAMES = CAPTURE_FILES.map(file => [file.split('/').slice(-2).join('/'), file] as const);

/** A store that keeps objects as they are and one that compacts them, fed the same capture. */
function bothStores(file: string, each?: (plain: PodStore, compact: PodStore) => void): {plain: PodStore; compact: PodStore; endMs: number} {
	const capture = loadCapture(file);
	const compat = compatForServerVersion(capture.header.serverVersion);
	const plain = new PodStore({compat});
	const compact = new PodStore({compat, compactObjects: true});
	const start = Date.parse(capture.header.recordedAt);
	for (const entry of capture.entries) {
		plain.apply(entry, start + entry.t);
		compact.apply(entry, start + entry.t);
		each?.(plain, compact);
	}
	return {plain, compact, endMs: start + (capture.entries.at(-1)?.t ?? 0)};
}

describe('a store that keeps pod objects as compact text', () => {
	it.each(NAMES)('shows every pod of %s as a store of parsed objects does, after every entry', (_name, file) => {
		let compared = 0;
		bothStores(file, (plain, compact) => {
			expect([...compact.view().pods.keys()]).toEqual([...plain.view().pods.keys()]);
			for (const [key, state] of plain.view().pods) {
				expect(podPrint(compact.pod(key)!)).toEqual(podPrint(state));
				compared++;
			}
		});
		expect(compared).toBeGreaterThan(0);
	});

	it.each(NAMES)('draws the same detail sections (YAML included) and why line for every pod of %s', (_name, file) => {
		const {plain, compact, endMs} = bothStores(file);
		const plainView = plain.view();
		const compactView = compact.view();
		for (const [key, state] of plainView.pods) {
			const other = compactView.pods.get(key)!;
			expect(whyLine(other, compactView, endMs)).toBe(whyLine(state, plainView, endMs));
			for (const section of SECTIONS) {
				const lines = (pod: typeof state, view: typeof plainView) =>
					sectionLines({section, pod, events: view.eventsByPod.get(key) ?? [], view, now: endMs, width: 100}).map(lineText);
				expect(lines(other, compactView)).toEqual(lines(state, plainView));
			}
		}
	});

	it('reads back the object each version had, not the newest, from a view kept across changes', () => {
		const capture = loadCapture(CAPTURE_FILES[0]!);
		const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion), compactObjects: true});
		const start = Date.parse(capture.header.recordedAt);
		const kept: Array<{state: ReturnType<PodStore['pod']>; text: string}> = [];
		for (const entry of capture.entries) {
			store.apply(entry, start + entry.t);
			for (const state of store.view().pods.values()) kept.push({state, text: JSON.stringify(state.readObject())});
		}
		for (const {state, text} of kept) expect(JSON.stringify(state!.readObject())).toBe(text);
	});
});
