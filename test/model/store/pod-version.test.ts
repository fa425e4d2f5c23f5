// A pod version's history, as every reader reads it (PodState.history): the transitions the store
// saw up to that version, whichever versions of the pod were read before, and however often.

import {describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import type {PodState, Transition} from '../../../source/model/pod-state.js';
import {PodVersion} from '../../../source/model/store/pod-version.js';
import {isWatchEntry} from '../../../source/session/format.js';
import {podKey, replay} from './store-fixture.js';

/** The history of `state` built anew from its line, bypassing what readers read before. */
function freshHistory(state: PodState): Transition[] {
	const version = state as PodVersion;
	expect(version).toBeInstanceOf(PodVersion);
	return version.identity.line.prefix(version.lineLength);
}

describe('PodVersion.history', () => {
	it('reads the same transitions as a fresh build, read once or many times (crashloop.ndjson)', () => {
		const {store, capture} = replay('crashloop');
		const pods = capture.entries
			.filter(isWatchEntry)
			.filter(entry => entry.object.kind === 'Pod')
			.map(entry => podKey(entry.object as Pod));
		for (const key of new Set(pods)) {
			const state = store.pod(key)!;
			const first = state.history;
			expect(first.length).toBeGreaterThan(0);
			expect(state.history).toEqual(freshHistory(state));
			expect(state.history).toBe(first);
		}
	});

	it('gives a changed pod its new transitions, and its earlier versions still their own (crashloop.ndjson)', () => {
		const seen: Array<{state: PodState; history: Transition[]}> = [];
		let changes = 0;
		replay('crashloop', ({entry, store}) => {
			if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') return;
			const state = store.pod(podKey(entry.object as Pod))!;
			const before = seen.findLast(version => version.state.key === state.key);
			// Read it twice (the second read is the kept one), then compare with a fresh build.
			void state.history;
			const history = [...state.history];
			expect(history).toEqual(freshHistory(state));
			if (before && before.state !== state && history.length > before.history.length) {
				changes += 1;
				expect(history.slice(0, before.history.length)).toEqual(before.history);
				// The version before, read after this one, still ends where it ended.
				expect(before.state.history).toEqual(before.history);
			}
			seen.push({state, history});
		});
		expect(changes).toBeGreaterThan(5);
		// Every version read at the end, oldest first, gives what it gave when it was new.
		for (const {state, history} of seen) expect(state.history).toEqual(history);
	});
});
