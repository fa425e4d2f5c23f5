// Store snapshots packed for keeping long: the replay's keyframes. A store's own snapshot shares
// its maps, which is free to take but pins every shard the store writes afterwards; a keyframe
// kept for the whole replay holds packed copies of the pod and event maps instead
// (packed-maps.ts): a full copy, then a chain of deltas, each holding what the store's change feed
// says changed since the keyframe before it, until the chain holds more changes than half the map
// or DELTAS_PER_FULL deltas. Restoring one applies the chain: at most DELTAS_PER_FULL small lists.

import type {KubeEvent} from '../../kube/objects.js';
import type {PodStore} from '../../model/store/pod-store.js';
import type {StoreSnapshot} from '../../model/store/store-snapshot.js';
import type {PodState} from '../../model/pod-state.js';
import {DeltaMap, PackedMap} from './packed-maps.js';

/** Full packed copies at most this many snapshots apart; between them, a chain of deltas. */
const DELTAS_PER_FULL = 16;

/** Packed snapshots of one store, each a delta after the one before when that is smaller. */
export class SnapshotPacker {
	private readonly pods = new PackedChain<PodState>(state => state.key);
	private readonly events = new PackedChain<readonly KubeEvent[]>(null);
	/** The store's version at the last snapshot packed. */
	private packedVersion: number | null = null;

	constructor(private readonly store: PodStore) {}

	/** The store's state now, packed. */
	take(): StoreSnapshot {
		const changes = this.packedVersion === null ? null : this.store.changedSince(this.packedVersion);
		// Copies, not shares, of the store's maps: a shared map would make the store copy every shard
		// it writes next, a copy of most of the map between two keyframes, for nothing.
		const snapshot = this.store.snapshot({
			pods: current => this.pods.take(current, changes?.pods ?? null),
			eventsByPod: current => this.events.take(current, changes?.events ?? null),
		});
		this.packedVersion = snapshot.version;
		return snapshot;
	}
}

/**
 * The same snapshot holding no other packed snapshot: a packed snapshot's maps may be deltas that
 * keep the snapshots before them alive; one kept while those are dropped is flattened so that
 * they are freed.
 */
export function flattenedSnapshot(snapshot: StoreSnapshot): StoreSnapshot {
	const flat = <V>(map: ReadonlyMap<string, V>): ReadonlyMap<string, V> => (map instanceof DeltaMap ? (map as DeltaMap<V>).flattened() : map);
	return {...snapshot, pods: flat(snapshot.pods), eventsByPod: flat(snapshot.eventsByPod)};
}

/** The packed copies of one map: the last one taken, which the next delta follows. */
class PackedChain<V> {
	private last: PackedMap<string, V> | DeltaMap<V> | null = null;

	constructor(private readonly keyOf: ((value: V) => string) | null) {}

	/** `map` packed; `changed`: its keys changed since the last call, or null when unknown. */
	take(map: ReadonlyMap<string, V>, changed: ReadonlySet<string> | null): ReadonlyMap<string, V> {
		const last = this.last;
		const depth = last instanceof DeltaMap ? last.depth : 0;
		const chainChanges = last instanceof DeltaMap ? last.chainChanges : 0;
		if (last === null || changed === null || depth >= DELTAS_PER_FULL || (chainChanges + changed.size) * 2 > map.size) {
			this.last = new PackedMap(map, this.keyOf);
		} else {
			this.last = DeltaMap.after(last, changed, map);
		}
		return this.last;
	}
}
