// The store's change feed: which keys changed at which version, so that a reader that saw version
// v can ask what changed since (PodStore.changedSince) and redo only that.

/** Changes remembered; a version older than what the log holds answers null ("recompute everything"). */
export const CHANGE_LOG_LIMIT = 8192;

/**
 * The keys changed at each version, oldest first. Bounded: past CHANGE_LOG_LIMIT it forgets the
 * older half.
 */
export class ChangeLog {
	private versions: number[] = [];
	private keys: string[] = [];
	/** since(v) knows every change after this version. */
	private floor = 0;

	add(version: number, key: string): void {
		this.versions.push(version);
		this.keys.push(key);
		if (this.versions.length > CHANGE_LOG_LIMIT) {
			const drop = this.versions.length - CHANGE_LOG_LIMIT / 2;
			this.floor = this.versions[drop - 1]!;
			this.versions = this.versions.slice(drop);
			this.keys = this.keys.slice(drop);
		}
	}

	/** Keys changed after `version` (of a store now at `current`), or null when the log does not reach back to it. */
	since(version: number, current: number): ReadonlySet<string> | null {
		if (version >= current) return new Set();
		if (version < this.floor) return null;
		const keys = new Set<string>();
		for (let index = this.versions.length - 1; index >= 0 && this.versions[index]! > version; index--) keys.add(this.keys[index]!);
		return keys;
	}

	/** Forgets every change up to `version` (a restore: what came before is another line of history). */
	forget(version: number): void {
		this.versions = [];
		this.keys = [];
		this.floor = version;
	}
}
