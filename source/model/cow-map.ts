// A Map that is copied on the first write after it was handed out. The store hands its maps to
// views and snapshots (which must never change under their holder) and keeps writing: the first
// change after a hand-out copies the map once (O(size)); every change after that is O(1) until the
// next hand-out. Views are asked for at frame rate, not per entry, so copies stay rare.

export class CowMap<K, V> {
	private map: Map<K, V>;
	private shared: boolean;

	constructor(initial?: ReadonlyMap<K, V>) {
		// A map given in (from a snapshot) belongs to its giver too: treat it as handed out.
		this.map = (initial as Map<K, V> | undefined) ?? new Map<K, V>();
		this.shared = initial !== undefined;
	}

	/** For reading inside the store only: never hand this out. */
	get current(): ReadonlyMap<K, V> {
		return this.map;
	}

	/** The map as it is now, frozen for its holder: the store's next write copies first. */
	share(): ReadonlyMap<K, V> {
		this.shared = true;
		return this.map;
	}

	/** The map to change: a private copy if the current one was handed out. */
	write(): Map<K, V> {
		if (this.shared) {
			this.map = new Map(this.map);
			this.shared = false;
		}
		return this.map;
	}
}

/** Shards of a ShardedCowMap: a write after a hand-out copies one ~1/1024 of the map. */
export const DEFAULT_SHARDS = 1024;

/**
 * CowMap split by key hash into shards that are copied on write one by one. The store hands
 * its big maps (pods, events) out at frame rate and to every snapshot; with one Map, the first
 * write after each hand-out copied all of it (20k pods: milliseconds, and as much garbage). Here
 * share() costs O(shards) and a write copies only its own shard.
 *
 * Iteration order is shard by shard (insertion order within a shard), not insertion order:
 * use CowMap for a map whose order means something (tombstones).
 */
export class ShardedCowMap<V> {
	private shards: Array<Map<string, V> | undefined>;
	/** owned[i]: shard i is ours alone (no view or snapshot holds it), so it may change in place. */
	private owned: Uint8Array;
	private count: number;
	private readonly mask: number;
	/** The view handed out last, while nothing has changed since. */
	private frozen: ShardedView<V> | null = null;
	private readonly live: ShardedView<V>;
	private changes: Set<string> | null = null;

	constructor(initial?: ReadonlyMap<string, V>, shardCount: number = DEFAULT_SHARDS) {
		if (initial instanceof ShardedView && initial.shardList.length === shardCount) {
			// A view given in (from a snapshot) stays its holder's: every shard starts shared.
			this.shards = [...initial.shardList];
			this.count = initial.size;
			this.frozen = initial;
		} else {
			this.shards = new Array<Map<string, V> | undefined>(shardCount);
			this.count = 0;
		}
		this.mask = shardCount - 1;
		this.owned = new Uint8Array(shardCount);
		this.live = new ShardedView(this.shards, () => this.count, this.mask);
		if (initial instanceof DeltaMap) {
			this.fill(initial.base);
			initial.forEachChange((value, key) => {
				if (value === undefined) this.delete(key);
				else this.set(key, value as V);
			});
		} else if (initial instanceof PackedMap) {
			this.fill(initial);
		} else if (initial !== undefined && !(initial instanceof ShardedView && initial.shardList.length === shardCount)) {
			for (const [key, value] of initial) this.set(key, value);
		}
	}

	/** For reading inside the store only (it changes with the store): never hand this out. */
	get current(): ReadonlyMap<string, V> {
		return this.live;
	}

	/** Straight into shards of our own: restoring a keyframe of 20k pods is on a seek's path. */
	private fill(packed: PackedMap<string, unknown>): void {
		packed.forEach((value, key) => {
			const index = shardOf(key, this.mask);
			let shard = this.shards[index];
			if (shard === undefined) {
				shard = new Map<string, V>();
				this.shards[index] = shard;
				this.owned[index] = 1;
			}
			shard.set(key, value as V);
		});
		this.count = packed.size;
	}

	get(key: string): V | undefined {
		return this.shards[shardOf(key, this.mask)]?.get(key);
	}

	has(key: string): boolean {
		return this.shards[shardOf(key, this.mask)]?.has(key) ?? false;
	}

	get size(): number {
		return this.count;
	}

	/** The map as it is now, frozen for its holder: later writes copy the shards they touch. */
	share(): ReadonlyMap<string, V> {
		if (this.frozen === null) {
			const count = this.count;
			this.frozen = new ShardedView([...this.shards], () => count, this.mask);
			this.owned.fill(0);
		}
		return this.frozen;
	}

	/**
	 * Keys written (set or deleted) since the last call, or null the first time: from then on
	 * the map records them (for snapshots that store only what changed since the previous one).
	 */
	takeChanges(): Set<string> | null {
		const changes = this.changes;
		this.changes = new Set();
		return changes;
	}

	set(key: string, value: V): void {
		this.changes?.add(key);
		const shard = this.writable(shardOf(key, this.mask));
		const size = shard.size;
		shard.set(key, value);
		this.count += shard.size - size;
	}

	delete(key: string): boolean {
		this.changes?.add(key);
		const index = shardOf(key, this.mask);
		if (!this.shards[index]?.has(key)) return false;
		this.writable(index).delete(key);
		this.count -= 1;
		return true;
	}

	private writable(index: number): Map<string, V> {
		this.frozen = null;
		let shard = this.shards[index];
		if (shard === undefined) {
			shard = new Map<string, V>();
			this.shards[index] = shard;
			this.owned[index] = 1;
		} else if (this.owned[index] === 0) {
			shard = new Map(shard);
			this.shards[index] = shard;
			this.owned[index] = 1;
		}
		return shard;
	}
}

/** FNV-1a of the key, masked to a shard index. */
function shardOf(key: string, mask: number): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < key.length; index++) {
		hash ^= key.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0) & mask;
}

/** A read-only Map over shards (a frozen copy of the shard list, or the live one). */
class ShardedView<V> implements ReadonlyMap<string, V> {
	constructor(
		readonly shardList: ReadonlyArray<Map<string, V> | undefined>,
		private readonly sizeOf: () => number,
		private readonly mask: number,
	) {}

	get size(): number {
		return this.sizeOf();
	}

	get(key: string): V | undefined {
		return this.shardList[shardOf(key, this.mask)]?.get(key);
	}

	has(key: string): boolean {
		return this.shardList[shardOf(key, this.mask)]?.has(key) ?? false;
	}

	forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
		for (const shard of this.shardList) {
			if (shard === undefined) continue;
			for (const [key, value] of shard) callback.call(thisArg, value, key, this);
		}
	}

	entries(): MapIterator<[string, V]> {
		return asMapIterator(this.walk(shard => shard.entries()));
	}

	keys(): MapIterator<string> {
		return asMapIterator(this.walk(shard => shard.keys()));
	}

	values(): MapIterator<V> {
		return asMapIterator(this.walk(shard => shard.values()));
	}

	[Symbol.iterator](): MapIterator<[string, V]> {
		return this.entries();
	}

	get [Symbol.toStringTag](): string {
		return 'Map';
	}

	private *walk<T>(of: (shard: Map<string, V>) => Iterator<T>): Generator<T, undefined> {
		for (const shard of this.shardList) {
			if (shard === undefined || shard.size === 0) continue;
			const iterator = of(shard);
			for (let step = iterator.next(); !step.done; step = iterator.next()) yield step.value;
		}
		return undefined;
	}
}

/** A generator is an iterator of its own (what callers of a Map's entries() use). */
function asMapIterator<T>(generator: Generator<T, undefined>): MapIterator<T> {
	return generator as unknown as MapIterator<T>;
}

/**
 * A frozen copy of a map as an array of values (and of keys, unless each value names its own:
 * `keyOf`): 4–8 bytes per entry where a Map (or a set of shards) takes ~50. For snapshots kept a
 * long time (replay keyframes): a shared ShardedCowMap view is cheap to take but pins a copy of
 * every shard written after it, ~1 MB per snapshot at 20k pods. Reading is by iteration (what
 * restoring does); get/has scan, so they are O(n).
 */
export class PackedMap<K, V> implements ReadonlyMap<K, V> {
	private readonly keyList: K[] | null;
	private readonly valueList: V[];

	constructor(
		source: ReadonlyMap<K, V>,
		private readonly keyOf: ((value: V) => K) | null = null,
	) {
		// Sized once: arrays grown by push keep up to half again as much room.
		this.keyList = keyOf ? null : new Array<K>(source.size);
		this.valueList = new Array<V>(source.size);
		let at = 0;
		for (const [key, value] of source) {
			if (this.keyList) this.keyList[at] = key;
			this.valueList[at] = value;
			at++;
		}
	}

	get size(): number {
		return this.valueList.length;
	}

	get(key: K): V | undefined {
		for (let at = 0; at < this.valueList.length; at++) if (this.keyAt(at) === key) return this.valueList[at];
		return undefined;
	}

	has(key: K): boolean {
		return this.get(key) !== undefined;
	}

	forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
		for (let at = 0; at < this.valueList.length; at++) callback.call(thisArg, this.valueList[at]!, this.keyAt(at), this);
	}

	entries(): MapIterator<[K, V]> {
		return asMapIterator(this.walk(at => [this.keyAt(at), this.valueList[at]!] as [K, V]));
	}

	keys(): MapIterator<K> {
		return asMapIterator(this.walk(at => this.keyAt(at)));
	}

	values(): MapIterator<V> {
		return asMapIterator(this.walk(at => this.valueList[at]!));
	}

	[Symbol.iterator](): MapIterator<[K, V]> {
		return this.entries();
	}

	get [Symbol.toStringTag](): string {
		return 'Map';
	}

	private keyAt(at: number): K {
		return this.keyList ? this.keyList[at]! : this.keyOf!(this.valueList[at]!);
	}

	private *walk<T>(of: (at: number) => T): Generator<T, undefined> {
		for (let at = 0; at < this.valueList.length; at++) yield of(at);
		return undefined;
	}
}

/**
 * A frozen map as a PackedMap and the entries changed since it (undefined: deleted), kept as a
 * chain: each delta holds what changed since the one before it (or since the full copy), so a
 * replay keyframe between two full ones stores only what changed since the previous keyframe
 * (a few hundred entries at 10k pods), not everything since the full copy. Reading is for
 * restoring: iteration builds a Map of the changes first.
 */
export class DeltaMap<V> implements ReadonlyMap<string, V> {
	private readonly changedKeys: string[];
	private readonly changedValues: Array<V | undefined>;
	/** The full copy at the start of the chain. */
	readonly base: PackedMap<string, V>;
	/** The delta this one follows, or null when it follows `base` itself. */
	readonly previous: DeltaMap<V> | null;
	/** Deltas in the chain up to this one (1 when it follows base). */
	readonly depth: number;
	/** Changes held by the chain up to this one. */
	readonly chainChanges: number;

	/** The keys in `changes` as they are in `current` now, after `before`. */
	static after<V>(before: PackedMap<string, V> | DeltaMap<V>, changes: Iterable<string>, current: ReadonlyMap<string, V>): DeltaMap<V> {
		const keys = [...changes];
		return new DeltaMap(before, keys, keys.map(key => current.get(key)));
	}

	private constructor(before: PackedMap<string, V> | DeltaMap<V>, keys: string[], values: Array<V | undefined>) {
		this.base = before instanceof DeltaMap ? before.base : before;
		this.previous = before instanceof DeltaMap ? before : null;
		this.changedKeys = keys;
		this.changedValues = values;
		this.depth = (this.previous?.depth ?? 0) + 1;
		this.chainChanges = (this.previous?.chainChanges ?? 0) + keys.length;
	}

	/** The changes of the whole chain, oldest first: value undefined for a deleted key. */
	forEachChange(callback: (value: V | undefined, key: string) => void): void {
		const chain: Array<DeltaMap<V>> = [];
		for (let delta: DeltaMap<V> | null = this; delta !== null; delta = delta.previous) chain.push(delta);
		for (let link = chain.length - 1; link >= 0; link--) {
			const {changedKeys, changedValues} = chain[link]!;
			for (let at = 0; at < changedKeys.length; at++) callback(changedValues[at], changedKeys[at]!);
		}
	}

	/**
	 * The same map as one delta against `base`, holding no other delta: what a keyframe kept long
	 * is turned into when the keyframes around it are dropped (their deltas are then freed).
	 */
	flattened(): DeltaMap<V> {
		if (this.previous === null) return this;
		const latest = new Map<string, V | undefined>();
		this.forEachChange((value, key) => latest.set(key, value));
		return new DeltaMap(this.base, [...latest.keys()], [...latest.values()]);
	}

	get size(): number {
		return this.materialise().size;
	}

	get(key: string): V | undefined {
		for (let delta: DeltaMap<V> | null = this; delta !== null; delta = delta.previous) {
			const at = delta.changedKeys.indexOf(key);
			if (at !== -1) return delta.changedValues[at];
		}
		return this.base.get(key);
	}

	has(key: string): boolean {
		return this.get(key) !== undefined;
	}

	forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
		for (const [key, value] of this.materialise()) callback.call(thisArg, value, key, this);
	}

	entries(): MapIterator<[string, V]> {
		return this.materialise().entries();
	}

	keys(): MapIterator<string> {
		return this.materialise().keys();
	}

	values(): MapIterator<V> {
		return this.materialise().values();
	}

	[Symbol.iterator](): MapIterator<[string, V]> {
		return this.entries();
	}

	get [Symbol.toStringTag](): string {
		return 'Map';
	}

	private materialise(): Map<string, V> {
		const map = new Map(this.base);
		this.forEachChange((value, key) => {
			if (value === undefined) map.delete(key);
			else map.set(key, value);
		});
		return map;
	}
}
