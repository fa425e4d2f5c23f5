import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import {LATEST_COMPAT} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import type {StoreSnapshot} from '../../../source/model/store/store-snapshot.js';
import {DEFAULT_KEYFRAME_TUNING, KeyframeIndex} from '../../../source/sources/replay/keyframes.js';
import {flattenedSnapshot, SnapshotPacker} from '../../../source/sources/replay/packed-snapshots.js';
import {fingerprint} from './replay-fixture.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const PODS = 1000;

function pod(index: number, resourceVersion: number): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name: `web-${index}`,
			namespace: 'default',
			uid: `u${index}`,
			resourceVersion: String(resourceVersion),
			creationTimestamp: '2026-11-25T10:00:00Z',
		},
		spec: {containers: [{name: 'app'}]},
		status: {phase: resourceVersion % 2 === 0 ? 'Running' : 'Pending'},
	};
}

/** A full garbage collection, after a turn of the event loop (a WeakRef read in this turn stays alive until it ends). */
async function collectGarbage(): Promise<void> {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	await new Promise(resolve => setImmediate(resolve));
	gc();
}

describe('keyframes of a store', () => {
	it('free the keyframes they drop when thinned, and each kept one restores the state it was taken at', async () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		let rv = 0;
		const apply = (entry: number): void => store.apply({t: entry, type: entry < PODS ? 'ADDED' : 'MODIFIED', object: pod(entry % PODS, ++rv)}, T0 + entry);
		for (let entry = 0; entry < PODS; entry++) apply(entry);
		// From here on few pods change between two keyframes: each is packed as what changed since
		// the one before, the first (every pod) excepted.
		const frames = new SnapshotPacker(store);
		const index = new KeyframeIndex<StoreSnapshot>({...DEFAULT_KEYFRAME_TUNING, every: 10, max: 4}, flattenedSnapshot);
		const expected = new Map<number, unknown>([[PODS, fingerprint(store.view())]]);
		/** The pod map of each keyframe offered, by its index, held weakly. */
		const offered = new Map<number, WeakRef<object>>();
		const take = (at: number) => (): StoreSnapshot => {
			const snapshot = frames.take();
			offered.set(at, new WeakRef(snapshot.pods));
			expected.set(at, fingerprint(store.view()));
			return snapshot;
		};
		index.offerLoaded(PODS, 0, PODS, take(PODS));
		for (let entry = PODS; entry < PODS + 640; entry++) {
			apply(entry);
			index.offerLoaded(entry + 1, entry, PODS, take(entry + 1));
		}
		// Keyframes every 10 entries at first, at most 4 kept: thinned five times, every 320 entries now.
		expect(index.interval).toBe(320);
		const kept = [...offered.keys()].filter(at => (at - PODS) % 320 === 0);
		expect(kept).toEqual([PODS, PODS + 320, PODS + 640]);
		expect(index.keyframeCount).toBe(kept.length);
		for (const at of kept) {
			const keyframe = index.nearest(at)!;
			expect(keyframe.index).toBe(at);
			const restored = new PodStore({compat: LATEST_COMPAT});
			restored.restore(keyframe.snapshot);
			expect(fingerprint(restored.view()), `keyframe at ${at}`).toEqual(expected.get(at));
		}
		// Most pods changed once more: the packer starts over, letting go of what it built on.
		for (let entry = PODS + 640; entry < 2 * PODS + 640; entry++) apply(entry);
		frames.take();
		await collectGarbage();
		const alive = [...offered].filter(([at, ref]) => !kept.includes(at) && ref.deref() !== undefined).map(([at]) => at);
		expect(alive, 'dropped keyframes still held').toEqual([]);
	});
});
