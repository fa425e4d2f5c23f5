// Compact frozen copies of a store's maps, for snapshots kept a long time (replay keyframes). A
// shared copy-on-write view is cheap to take but pins a copy of every shard the store writes after
// it; these pin only the values they hold. A PackedMap is a full copy; a DeltaMap holds what
// changed since the copy (or delta) before it. Both are read by iteration, which is what restoring
// a store does (the store's map fills itself through forEach); get() scans.

/**
 * A frozen copy of a map as an array of values, and one of keys unless each value names its own
 * (`keyOf`): a few bytes per entry where a Map, or a set of shards, takes an entry object each.
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
		source.forEach((value, key) => {
			if (this.keyList) this.keyList[at] = key;
			this.valueList[at] = value;
			at++;
		});
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

	/**
	 * Where each of `keys` (no key twice) is in this copy's forEach order, −1 for one it does not
	 * hold: one pass over the copy, and no index of it to keep (a delta asks for a few keys).
	 */
	positionsOf(keys: readonly K[]): Int32Array {
		const positions = new Int32Array(keys.length).fill(-1);
		if (keys.length === 0) return positions;
		const wanted = new Map<K, number>();
		keys.forEach((key, index) => wanted.set(key, index));
		let found = 0;
		for (let at = 0; at < this.valueList.length && found < keys.length; at++) {
			const index = wanted.get(this.keyAt(at));
			if (index === undefined) continue;
			positions[index] = at;
			found++;
		}
		return positions;
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
 * keyframe between two full ones stores only what changed since the previous keyframe. A delta
 * keeps the deltas before it alive back to its full copy: flattened() cuts it loose.
 *
 * Each change also knows where its key is in the full copy: reading the map (restoring a store
 * from it, on a seek's path) then marks the entries of the full copy that changed in a byte array
 * instead of building a map of every change in the chain.
 */
export class DeltaMap<V> implements ReadonlyMap<string, V> {
	private readonly changedKeys: string[];
	private readonly changedValues: Array<V | undefined>;
	/** For each change, the key's position in `base`, or −1 for a key the base does not hold. */
	private readonly basePositions: Int32Array;
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
		const base = before instanceof DeltaMap ? before.base : before;
		return new DeltaMap(
			before,
			keys,
			keys.map(key => current.get(key)),
			base.positionsOf(keys),
		);
	}

	private constructor(before: PackedMap<string, V> | DeltaMap<V>, keys: string[], values: Array<V | undefined>, basePositions: Int32Array) {
		this.base = before instanceof DeltaMap ? before.base : before;
		this.previous = before instanceof DeltaMap ? before : null;
		this.changedKeys = keys;
		this.changedValues = values;
		this.basePositions = basePositions;
		this.depth = (this.previous?.depth ?? 0) + 1;
		this.chainChanges = (this.previous?.chainChanges ?? 0) + keys.length;
	}

	/**
	 * The same map as one delta against `base`, holding no other delta: what a keyframe kept long
	 * is turned into when the keyframes around it are dropped (their deltas are then freed).
	 */
	flattened(): DeltaMap<V> {
		if (this.previous === null) return this;
		const keys: string[] = [];
		const values: Array<V | undefined> = [];
		const positions: number[] = [];
		this.forEachNewest((value, key, position) => {
			keys.push(key);
			values.push(value);
			positions.push(position);
		});
		return new DeltaMap(this.base, keys, values, Int32Array.from(positions));
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

	/** The changed entries that are not deleted, then the base's entries that no delta changed. */
	forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
		const changed = this.forEachNewest((value, key) => {
			if (value !== undefined) callback.call(thisArg, value, key, this);
		});
		let position = 0;
		this.base.forEach((value, key) => {
			if (changed[position++] === 0) callback.call(thisArg, value, key, this);
		});
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

	/**
	 * Every key the chain changed, once, with its value after the newest change (undefined: deleted)
	 * and its position in base (−1: not there). Returns which entries of base were changed (1).
	 */
	private forEachNewest(each: (value: V | undefined, key: string, position: number) => void): Uint8Array {
		const changed = new Uint8Array(this.base.size);
		// Keys the base does not hold (pods that came after the full copy): usually few.
		let added: Set<string> | null = null;
		// Newest delta first: the first change of a key seen is its newest. A delta names a key once.
		for (let delta: DeltaMap<V> | null = this; delta !== null; delta = delta.previous) {
			const {changedKeys, changedValues, basePositions} = delta;
			for (let at = 0; at < changedKeys.length; at++) {
				const key = changedKeys[at]!;
				const position = basePositions[at]!;
				if (position >= 0) {
					if (changed[position] === 1) continue;
					changed[position] = 1;
				} else {
					added ??= new Set();
					if (added.has(key)) continue;
					added.add(key);
				}
				each(changedValues[at], key, position);
			}
		}
		return changed;
	}

	private materialise(): Map<string, V> {
		const map = new Map<string, V>();
		this.forEach((value, key) => map.set(key, value));
		return map;
	}
}

/** A generator is an iterator of its own (what callers of a Map's entries() use). */
function asMapIterator<T>(generator: Generator<T, undefined>): MapIterator<T> {
	return generator as unknown as MapIterator<T>;
}
