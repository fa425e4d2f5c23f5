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
