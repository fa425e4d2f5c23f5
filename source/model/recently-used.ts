// The one cache shape the code base needs: at most `capacity` values, the least recently used
// dropped first. What is read again and again but costs to make (a parsed pod, a history's
// objects, an inflated block of a session) is kept for the last few readers, never for all.
// A Map keeps insertion order: a value read again is moved to the end, the first key is the oldest.

export class RecentlyUsed<K, V> {
	private readonly values = new Map<K, V>();

	constructor(private readonly capacity: number) {}

	/** The value kept for `key` (now the most recently used), or undefined. */
	get(key: K): V | undefined {
		const value = this.values.get(key);
		if (value !== undefined) {
			this.values.delete(key);
			this.values.set(key, value);
		}
		return value;
	}

	/** Keeps `value` for `key` as the most recently used, dropping the oldest beyond capacity. */
	set(key: K, value: V): void {
		this.values.delete(key);
		if (this.values.size >= this.capacity) this.values.delete(this.values.keys().next().value!);
		this.values.set(key, value);
	}

	/** The value kept for `key`, or `make()`'s, then kept. */
	getOrMake(key: K, make: () => V): V {
		const kept = this.get(key);
		if (kept !== undefined) return kept;
		const value = make();
		this.set(key, value);
		return value;
	}
}
