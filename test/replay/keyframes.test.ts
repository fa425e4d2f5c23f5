import {describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/types.js';
import {LATEST_COMPAT} from '../../source/model/compat.js';
import {DeltaMap} from '../../source/model/cow-map.js';
import {PodStore} from '../../source/model/store.js';
import type {StoreSnapshot} from '../../source/model/types.js';
import {DEFAULT_KEYFRAME_TUNING, KeyframeIndex} from '../../source/sources/replay/keyframes.js';
import {fingerprint} from './replay-fixture.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');

function pod(index: number, resourceVersion: number): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name: `web-${index}`, namespace: 'default', uid: `u${index}`, resourceVersion: String(resourceVersion), creationTimestamp: '2026-11-25T10:00:00Z'},
		spec: {containers: [{name: 'app'}]},
		status: {phase: resourceVersion % 2 === 0 ? 'Running' : 'Pending'},
	};
}

describe('keyframes of a store', () => {
	it('keep no dropped keyframe alive once thinned, and each kept one restores the state it was taken at', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		const index = new KeyframeIndex<StoreSnapshot>({...DEFAULT_KEYFRAME_TUNING, every: 10, max: 8}, PodStore.flattened);
		const expected = new Map<number, unknown>();
		index.offerLoaded(0, 0, 0, () => store.packedSnapshot());
		let rv = 0;
		for (let entry = 0; entry < 400; entry++) {
			store.apply({t: entry, type: entry < 50 ? 'ADDED' : 'MODIFIED', object: pod(entry % 50, ++rv)}, T0 + entry);
			expected.set(entry + 1, fingerprint(store.view()));
			index.offerLoaded(entry + 1, entry, 50, () => store.packedSnapshot());
		}
		// 40 keyframes offered, at most 8 kept: thinned three times, every 80 entries now.
		expect(index.keyframeCount).toBeLessThanOrEqual(8);
		expect(index.interval).toBe(80);
		for (let at = 0; at <= 400; at += 80) {
			const kept = index.nearest(at)!;
			expect(kept.index).toBe(at);
			// A delta of a kept keyframe holds no other delta (those may be of dropped keyframes).
			const pods = kept.snapshot.pods;
			if (pods instanceof DeltaMap) expect(pods.previous, `keyframe at ${at}`).toBeNull();
			const restored = new PodStore({compat: LATEST_COMPAT});
			restored.restore(kept.snapshot);
			expect(fingerprint(restored.view()), `keyframe at ${at}`).toEqual(at === 0 ? fingerprint(new PodStore({compat: LATEST_COMPAT}).view()) : expected.get(at));
		}
	});
});
