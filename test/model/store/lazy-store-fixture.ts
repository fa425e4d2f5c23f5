// A PodStore that keeps pod objects out of memory (PodStoreOptions.objects), fed from an array
// of entries the way the replay player feeds its stores from its entry log; and a plain copy of
// everything a pod state shows, to compare a lazy store with a plain one.

import type {KubeEvent, Pod} from '../../../source/kube/objects.js';
import {DEFAULT_TOMBSTONE_MS, PodStore, type PodStoreOptions} from '../../../source/model/store/pod-store.js';
import type {StoreSnapshot} from '../../../source/model/store/store-snapshot.js';
import {withoutManagedFields, type ObjectSource} from '../../../source/model/store/object-source.js';
import {slimEvent} from '../../../source/model/store/pod-events.js';
import type {PodState, StoreView} from '../../../source/model/pod-state.js';
import {isWatchEntry, type PrintedRow, type SessionEntry, type WatchEntry} from '../../../source/session/format.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {loadCapture} from '../../helpers/load-capture.js';

/** Entries by index, read back as the player reads them: the object without managedFields, the row or null. */
export class EntryArray implements ObjectSource {
	readonly entries: SessionEntry[] = [];

	/** Adds `entry`; returns its index. */
	push(entry: SessionEntry): number {
		this.entries.push(entry);
		return this.entries.length - 1;
	}

	object(ref: number): Pod {
		return withoutManagedFields(this.podEntry(ref).object as Pod);
	}

	row(ref: number): PrintedRow | null {
		return this.podEntry(ref).row ?? null;
	}

	/** Events read back so far. */
	eventReads = 0;

	event(ref: number): KubeEvent {
		this.eventReads++;
		const entry = this.entries[ref];
		if (!entry || !isWatchEntry(entry) || entry.object.kind !== 'Event') throw new Error(`entry ${ref} is not an event`);
		return slimEvent(entry.object as KubeEvent);
	}

	private podEntry(ref: number): WatchEntry {
		const entry = this.entries[ref];
		if (entry === undefined || !isWatchEntry(entry) || entry.object.kind !== 'Pod') throw new Error(`entry ${ref} is not a pod entry`);
		return entry;
	}
}

/** Stores made by lazyStore. */
const lazyStores = new WeakSet<PodStore>();

/** A store reading its pod objects from `source`. */
export function lazyStore(source: EntryArray, options: Omit<PodStoreOptions, 'objects'>): PodStore {
	const store = new PodStore({...options, objects: source});
	lazyStores.add(store);
	return store;
}

/** Applies entry `index` of `source` to `store`: by its index if the store reads objects back (lazyStore), else the entry itself. */
export function applyAt(store: PodStore, source: EntryArray, index: number, atMs: number): void {
	store.apply(source.entries[index]!, atMs, lazyStores.has(store) ? index : undefined);
}

/** Everything a screen shows of one pod state (the object and row read back), as plain data. */
export function podPrint(state: PodState): unknown {
	return JSON.parse(
		JSON.stringify({
			key: state.key,
			uid: state.uid,
			namespace: state.namespace,
			name: state.name,
			core: state.core,
			columns: state.columns,
			containers: state.containers,
			mirror: state.mirror,
			sidecars: state.sidecars,
			history: state.history,
			historyLength: state.historyLength,
			deletedAt: state.deletedAt,
			firstSeenAt: state.firstSeenAt,
			lastChangedAt: state.lastChangedAt,
			serverRow: state.readServerRow(),
			object: state.readObject(),
		}),
	);
}

/** Pods (full prints), nodes and events of a view, sorted by key, as plain data. */
export function viewPrint(view: StoreView): unknown {
	const byKey = <V>(map: ReadonlyMap<string, V>): Array<[string, V]> => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
	return JSON.parse(
		JSON.stringify({
			pods: byKey(view.pods).map(([key, state]) => [key, podPrint(state)]),
			nodes: byKey(view.nodes),
			events: byKey(view.eventsByPod),
		}),
	);
}

/** A fresh store from `make` with `snapshot` restored. */
export function restored(snapshot: StoreSnapshot, make: () => PodStore): PodStore {
	const store = make();
	store.restore(snapshot);
	return store;
}

/** The pods each later pruning drops: at each tombstone's expiry, in order (prunes `store`). */
export function pruning(store: PodStore): Array<{now: number; dropped: number; left: string[]}> {
	const expiries = [...store.view().pods.values()]
		.flatMap(state => (state.deletedAt === null ? [] : [state.deletedAt + DEFAULT_TOMBSTONE_MS]))
		.sort((a, b) => a - b);
	return [...new Set(expiries)].map(now => ({now, dropped: store.pruneTombstones(now), left: [...store.view().pods.keys()].sort()}));
}

/**
 * Capture `file` fed entry by entry to a store that keeps its objects and to one that reads them
 * back (`name` says which); `each` runs after every entry with the store and a maker of new ones
 * of the same kind.
 */
export function feedBothKinds(file: string, each: (what: string, store: PodStore, make: () => PodStore) => void): void {
	const capture = loadCapture(file);
	const compat = compatForServerVersion(capture.header.serverVersion);
	const start = Date.parse(capture.header.recordedAt);
	for (const name of ['plain', 'lazy'] as const) {
		const source = new EntryArray();
		const make = (): PodStore => (name === 'plain' ? new PodStore({compat}) : lazyStore(source, {compat}));
		const store = make();
		capture.entries.forEach((entry, index) => {
			source.push(entry);
			applyAt(store, source, index, start + entry.t);
			each(`${name}, entry ${index + 1}`, store, make);
		});
	}
}
