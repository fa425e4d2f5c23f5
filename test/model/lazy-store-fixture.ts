// A PodStore that keeps pod objects out of memory (PodStoreOptions.objects), fed from an array
// of entries the way the replay player feeds its stores from its entry log; and a plain copy of
// everything a pod state shows, to compare a lazy store with a plain one.

import type {KubeEvent, Pod} from '../../source/kube/types.js';
import {DEFAULT_TOMBSTONE_MS, PodStore, slimEvent, withoutManagedFields, type ObjectSource, type PodStoreOptions} from '../../source/model/store.js';
import type {PodState, StoreSnapshot, StoreView} from '../../source/model/types.js';
import {isWatchEntry, type PrintedRow, type SessionEntry, type WatchEntry} from '../../source/session/format.js';

/** Entries by index, read back as the player reads them: the object without managedFields, the row or null. */
export class EntryArray implements ObjectSource {
	readonly entries: SessionEntry[] = [];
	/** Index of the entry a store is applying now. */
	applying = -1;

	/** Adds `entry` and makes it the one being applied; returns its index. */
	push(entry: SessionEntry): number {
		this.entries.push(entry);
		this.applying = this.entries.length - 1;
		return this.applying;
	}

	current(): number {
		return this.applying;
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

/** A store reading its pod objects from `source`. */
export function lazyStore(source: EntryArray, options: Omit<PodStoreOptions, 'objects'>): PodStore {
	return new PodStore({...options, objects: source});
}

/** Applies entry `index` of `source` to `store` (the store reads the object back by that index). */
export function applyAt(store: PodStore, source: EntryArray, index: number, atMs: number): void {
	source.applying = index;
	store.apply(source.entries[index]!, atMs);
}

/** Everything a screen shows of one pod state (the object read through its getter), as plain data. */
export function podPrint(state: PodState): unknown {
	return JSON.parse(
		JSON.stringify({
			key: state.key,
			uid: state.uid,
			namespace: state.namespace,
			name: state.name,
			columns: state.columns,
			containers: state.containers,
			mirror: state.mirror,
			sidecars: state.sidecars,
			history: state.history,
			deletedAt: state.deletedAt,
			firstSeenAt: state.firstSeenAt,
			lastChangedAt: state.lastChangedAt,
			serverRow: state.serverRow,
			object: state.object,
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
	const expiries = [...store.view().pods.values()].flatMap(state => (state.deletedAt === null ? [] : [state.deletedAt + DEFAULT_TOMBSTONE_MS])).sort((a, b) => a - b);
	return [...new Set(expiries)].map(now => ({now, dropped: store.pruneTombstones(now), left: [...store.view().pods.keys()].sort()}));
}
