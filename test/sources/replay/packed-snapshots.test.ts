import {describe, expect, it} from 'vitest';
import type {Pod} from '../../../source/kube/objects.js';
import {compatForServerVersion, LATEST_COMPAT} from '../../../source/model/compat.js';
import {DEFAULT_TOMBSTONE_MS, PodStore} from '../../../source/model/store/pod-store.js';
import type {StoreSnapshot} from '../../../source/model/store/store-snapshot.js';
import {isWatchEntry, type SessionEntry} from '../../../source/session/format.js';
import {SnapshotPacker} from '../../../source/sources/replay/packed-snapshots.js';
import {loadCapture} from '../../helpers/load-capture.js';
import {applyAt, EntryArray, feedBothKinds, lazyStore, podPrint, pruning, restored, viewPrint} from '../../model/store/lazy-store-fixture.js';
import {CAPTURE_FILES} from './replay-fixture.js';
import {podKeyOf} from '../../../source/model/pod-key.js';

const NAMES = CAPTURE_FILES.map(file => [file.split('/').slice(-2).join('/'), file] as const);
const T0 = Date.parse('2026-11-25T10:00:00Z');

function pod(name: string, resourceVersion: string): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, namespace: 'default', uid: `uid-${name}`, resourceVersion, creationTimestamp: '2026-11-25T10:00:00Z'},
		spec: {containers: [{name: 'app'}]},
		status: {phase: 'Running'},
	};
}

/** "namespace/name" of a pod entry, else null. */
function podKeyOfEntry(entry: SessionEntry): string | null {
	return isWatchEntry(entry) && entry.object.kind === 'Pod' ? podKeyOf(entry.object.metadata) : null;
}

describe('packed snapshots (replay keyframes)', () => {
	it.each(NAMES)('restore into the same view and the same later pruning as a shared snapshot at every entry of %s', (_name, file) => {
		// One packer per store: each snapshot after the first is packed against the one before.
		const packers = new Map<PodStore, SnapshotPacker>();
		feedBothKinds(file, (what, live, make) => {
			if (!packers.has(live)) packers.set(live, new SnapshotPacker(live));
			const packed = restored(packers.get(live)!.take(), make);
			expect(viewPrint(packed.view()), what).toEqual(viewPrint(live.view()));
			expect(packed.synced).toEqual(live.synced);
			expect(packed.connection).toEqual(live.connection);
			expect(pruning(packed), `pruning, ${what}`).toEqual(pruning(restored(live.snapshot(), make)));
		});
	});

	it('prunes tombstones deleted at the same time together after restoring a packed snapshot', () => {
		const store = new PodStore({compat: LATEST_COMPAT});
		for (const name of ['a', 'b', 'c', 'd']) store.apply({t: 0, type: 'ADDED', object: pod(name, `1${name}`)}, T0);
		store.apply({t: 1, type: 'DELETED', object: pod('c', '2c')}, T0 + 1);
		store.apply({t: 2, type: 'DELETED', object: pod('a', '2a')}, T0 + 2);
		store.apply({t: 2, type: 'DELETED', object: pod('d', '2d')}, T0 + 2);
		store.apply({t: 3, type: 'DELETED', object: pod('b', '2b')}, T0 + 3);
		const copy = restored(new SnapshotPacker(store).take(), () => new PodStore({compat: LATEST_COMPAT}));
		expect(copy.pruneTombstones(T0 + 1 + DEFAULT_TOMBSTONE_MS)).toBe(1);
		expect(copy.pruneTombstones(T0 + 2 + DEFAULT_TOMBSTONE_MS)).toBe(2);
		expect([...copy.view().pods.keys()]).toEqual(['default/b']);
	});

	it.each(NAMES)('replays the rest of %s after restoring an earlier packed snapshot into the straight state, objects out of memory', (_name, file) => {
		const capture = loadCapture(file);
		const compat = compatForServerVersion(capture.header.serverVersion);
		const start = Date.parse(capture.header.recordedAt);
		const source = new EntryArray();
		const straight = lazyStore(source, {compat, pruneOnApply: true});
		const frames = new SnapshotPacker(straight);
		// After each entry: the print of the pod it touched (or null), and a packed snapshot.
		const touched: Array<{key: string; print: unknown} | null> = [];
		const snapshots: StoreSnapshot[] = [frames.take()];
		capture.entries.forEach((entry, index) => {
			source.push(entry);
			applyAt(straight, source, index, start + entry.t);
			const key = podKeyOfEntry(entry);
			const state = key === null ? undefined : straight.pod(key);
			touched.push(key === null ? null : {key, print: state ? podPrint(state) : null});
			snapshots.push(frames.take());
		});
		const end = viewPrint(straight.view());
		// Every snapshot is taken before the history lines grew to the end: applying again branches them.
		snapshots.forEach((snapshot, from) => {
			const again = lazyStore(source, {compat, pruneOnApply: true});
			again.restore(snapshot);
			for (let index = from; index < capture.entries.length; index++) {
				applyAt(again, source, index, start + capture.entries[index]!.t);
				const expected = touched[index];
				if (!expected) continue;
				const state = again.pod(expected.key);
				expect(state ? podPrint(state) : null, `${expected.key}, restored at ${from}, after entry ${index + 1}`).toEqual(expected.print);
			}
			expect(viewPrint(again.view()), `restored at ${from}, at the end`).toEqual(end);
		});
		// And the straight store still shows what it showed (no branch wrote into its history).
		expect(viewPrint(straight.view())).toEqual(end);
	});
});
