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

/** Shards of a new ShardedCowMap: a write after a hand-out copies one ~1/1024 of the map. */
export const DEFAULT_SHARDS = 1024;
/** A ShardedCowMap doubles its shards once they hold this many entries on average. */
export const ENTRIES_PER_SHARD = 32;

/**
 * CowMap split by key hash into shards that are copied on write one by one. The store hands
 * its big maps (pods, events) out at frame rate and to every snapshot; with one Map, the first
 * write after each hand-out copied all of it (20k pods: milliseconds, and as much garbage). Here
 * share() costs O(shards) and a write copies only its own shard.
 *
 * The shards double as the map grows (ENTRIES_PER_SHARD), so that a shard copy stays small
 * whatever the map's size: with a fixed count, a write after each frame's hand-out copied a
 * shard of ~150 pods at 150k, and a list streaming in made a frame's worth of those copies
 * (garbage growing with the cluster) in every frame.
 *
 * Iteration order is shard by shard (insertion order within a shard), not insertion order:
 * use CowMap for a map whose order means something.
 */
export class ShardedCowMap<V> {
	private shards: Array<Map<string, V> | undefined>;
	/** owned[i]: shard i is ours alone (no view or snapshot holds it), so it may change in place. */
	private owned: Uint8Array;
	private count: number;
	private mask: number;
	/** The view handed out last, while nothing has changed since. */
	private frozen: ShardedView<V> | null = null;
	private live: ShardedView<V>;

	/** @param shardCount the shards to start with, a power of two (a view given in keeps its own) */
	constructor(initial?: ReadonlyMap<string, V>, shardCount: number = DEFAULT_SHARDS) {
		if (initial instanceof ShardedView) {
			// A view given in (from a snapshot) stays its holder's: every shard starts shared.
			this.shards = [...initial.shardList];
			this.count = initial.size;
			this.frozen = initial;
		} else {
			// Room for the entries given in from the start: no doubling while filling.
			let shards = shardCount;
			while ((initial?.size ?? 0) > shards * ENTRIES_PER_SHARD) shards *= 2;
			this.shards = new Array<Map<string, V> | undefined>(shards);
			this.count = 0;
		}
		this.mask = this.shards.length - 1;
		this.owned = new Uint8Array(this.shards.length);
		this.live = new ShardedView(this.shards, () => this.count, this.mask);
		if (initial !== undefined && this.frozen === null) this.fill(initial);
	}

	/** For reading inside the store only (it changes with the store): never hand this out. */
	get current(): ReadonlyMap<string, V> {
		return this.live;
	}

	/**
	 * Straight into shards of our own, by the map's own forEach: restoring a snapshot of 20k pods
	 * (a seek) must not pay a set() per entry.
	 */
	private fill(entries: ReadonlyMap<string, V>): void {
		entries.forEach((value, key) => {
			this.writable(shardOf(key, this.mask)).set(key, value);
			this.count++;
		});
	}

	/**
	 * Twice the shards, each entry moved to its new one: O(size), once per doubling. The view
	 * handed out last keeps the shards it had; the new ones are all ours.
	 */
	private grow(): void {
		const old = this.shards;
		this.mask = old.length * 2 - 1;
		this.shards = new Array<Map<string, V> | undefined>(old.length * 2);
		this.owned = new Uint8Array(this.shards.length);
		for (const shard of old) {
			if (shard === undefined) continue;
			for (const [key, value] of shard) this.writable(shardOf(key, this.mask)).set(key, value);
		}
		this.live = new ShardedView(this.shards, () => this.count, this.mask);
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

	set(key: string, value: V): void {
		const shard = this.writable(shardOf(key, this.mask));
		const size = shard.size;
		shard.set(key, value);
		this.count += shard.size - size;
		if (this.count > this.shards.length * ENTRIES_PER_SHARD) this.grow();
	}

	delete(key: string): boolean {
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
