// A recorded session turned into the history of an etcd-like store: each watch
// entry applied in order becomes a change with a fresh, strictly increasing
// resourceVersion (the recorded ones come from another cluster and would not
// be consistent across lists, watches and loops). Time is the session's `t`;
// whoever owns the clock calls advanceTo(). On a served clock (served-clock.ts), every time in
// the objects is moved to it as they enter the store, and each round of a loop serves uids of
// its own (served-copy.ts).

import type {KubeObject} from '../kube/objects.js';
import {isWatchEntry, type PrintedRow, type SessionEntry, type WatchEntry, type WatchType} from '../session/format.js';
import type {ServedClock} from './served-clock.js';
import {servedCopy} from './served-copy.js';

export type ResourceName = 'pods' | 'nodes' | 'events';

const resourceOfKind: Record<string, ResourceName> = {Pod: 'pods', Node: 'nodes', Event: 'events'};

export function resourceOf(object: KubeObject): ResourceName | undefined {
	return object.kind ? resourceOfKind[object.kind] : undefined;
}

export interface StoredObject {
	object: KubeObject;
	/** The server's printed row recorded with this state (pods only). */
	row?: PrintedRow;
}

export interface Change {
	rv: number;
	/** Session time the change happened at. */
	t: number;
	/** How far the times of its round were moved (ObjectHistory shiftMs then): its moment is served at servedAt({…clock, shiftMs}, t). */
	shiftMs: number;
	resource: ResourceName;
	type: WatchType;
	object: KubeObject;
	/** The state before this change (MODIFIED/DELETED), for selector transitions. */
	previous?: KubeObject;
	row?: PrintedRow;
	previousRow?: PrintedRow;
}

/** The server's key of an object: "namespace/name", or the name of a cluster-scoped one. */
function storeKey(namespace: string | undefined, name: string): string {
	return namespace ? `${namespace}/${name}` : name;
}

export function objectKey(object: KubeObject): string {
	return storeKey(object.metadata?.namespace, object.metadata?.name ?? '');
}

/** A copy of `object` at `rv`; with `clock`, a recorded object as round `round` serves it on that clock. */
function served(object: KubeObject, rv: number, clock: ServedClock | null, round: number): KubeObject {
	const asRecorded = clock === null || (clock.shiftMs === 0 && clock.speed === 1 && round === 0);
	const copy = asRecorded ? structuredClone(object) : servedCopy(object, clock, round);
	copy.metadata = {...copy.metadata, resourceVersion: String(rv)};
	return copy;
}

/** Sorted lists kept: a paged list being read at one rv, and the current ones of each resource. */
const SORTED_KEPT = 6;

export class ObjectHistory {
	private readonly entries: WatchEntry[];
	private cursor = 0;
	private time = 0;
	private rv: number;
	private readonly initialRv: number;
	private readonly store = new Map<ResourceName, Map<string, StoredObject & {sourceRv?: string}>>();
	private readonly history: Change[] = [];
	/** Sorted lists by "resource@rv" (sortedAt), oldest first. */
	private readonly sorted = new Map<string, readonly StoredObject[]>();
	/** Changes with rv below this are forgotten: resuming before it is "too old". */
	private oldest = 0;
	/** The clock the recorded objects' times move to as they are applied (its shift changes each round). */
	private roundClock: ServedClock;
	/** Rounds of a loop started so far: 0 until the first rewind. */
	private round = 0;

	/** `clock`: the served clock (default: the times as recorded). */
	constructor(entries: SessionEntry[], options: {firstResourceVersion?: number; clock?: ServedClock} = {}) {
		this.entries = entries.filter(isWatchEntry).filter(entry => resourceOf(entry.object) !== undefined);
		this.roundClock = options.clock ?? {recordedAtMs: 0, shiftMs: 0, speed: 1};
		this.rv = options.firstResourceVersion ?? 1000;
		this.initialRv = this.rv;
		for (const resource of ['pods', 'nodes', 'events'] as const) this.store.set(resource, new Map());
	}

	/** Session time in ms. */
	get now(): number {
		return this.time;
	}

	get resourceVersion(): number {
		return this.rv;
	}

	/** How far the start of this round is moved from the recorded one (ms, whole seconds). */
	get shiftMs(): number {
		return this.roundClock.shiftMs;
	}

	/** The clock this round's objects are served on. */
	get clock(): ServedClock {
		return this.roundClock;
	}

	get ended(): boolean {
		return this.cursor >= this.entries.length;
	}

	/** Session time of the last entry. */
	get duration(): number {
		return this.entries.at(-1)?.t ?? 0;
	}

	/** `t` of the next entry still to apply, undefined at the end. */
	get nextTime(): number | undefined {
		return this.entries[this.cursor]?.t;
	}

	/** Oldest resourceVersion a watch may resume from (the cacher's `oldest-1`). */
	get oldestResumable(): number {
		return Math.max(this.initialRv, this.oldest - 1);
	}

	/** Apply every entry with t ≤ `t`; returns the changes made, in order. */
	advanceTo(t: number): Change[] {
		const changes: Change[] = [];
		while (this.cursor < this.entries.length && this.entries[this.cursor]!.t <= t) {
			const change = this.apply(this.entries[this.cursor++]!);
			if (change) changes.push(change);
		}
		this.time = Math.max(this.time, t);
		return changes;
	}

	advanceToEnd(): Change[] {
		return this.advanceTo(Math.max(this.duration, this.time));
	}

	/**
	 * Start the session over (loop): everything present is deleted, time goes back to 0, rv keeps
	 * growing; the objects of the new round have their times moved by `shiftMs` (default: as before)
	 * and uids of their own.
	 */
	rewind(shiftMs = this.roundClock.shiftMs): Change[] {
		const changes: Change[] = [];
		for (const [resource, objects] of this.store) {
			for (const [key, stored] of objects) {
				objects.delete(key);
				// Already served: only its resourceVersion changes.
				changes.push(
					this.record(
						{t: this.time, resource, type: 'DELETED', object: stored.object, previous: stored.object, row: stored.row, previousRow: stored.row},
						false,
					),
				);
			}
		}
		this.cursor = 0;
		this.time = 0;
		this.roundClock = {...this.roundClock, shiftMs};
		this.round += 1;
		return changes;
	}

	private apply(entry: WatchEntry): Change | undefined {
		const resource = resourceOf(entry.object)!;
		const objects = this.store.get(resource)!;
		const key = objectKey(entry.object);
		const existing = objects.get(key);
		const sourceRv = entry.object.metadata?.resourceVersion;
		if (entry.type === 'DELETED') {
			if (!existing) return undefined;
			objects.delete(key);
			return this.record({
				t: entry.t,
				resource,
				type: 'DELETED',
				object: entry.object,
				previous: existing.object,
				row: entry.row ?? existing.row,
				previousRow: existing.row,
			});
		}
		// A relist inside the recording repeats objects unchanged: not a change.
		if (existing && sourceRv !== undefined && existing.sourceRv === sourceRv) return undefined;
		const change = this.record({
			t: entry.t,
			resource,
			type: existing ? 'MODIFIED' : 'ADDED',
			object: entry.object,
			previous: existing?.object,
			row: entry.row,
			previousRow: existing?.row,
		});
		objects.set(key, {object: change.object, row: change.row, sourceRv});
		return change;
	}

	/** `recorded`: change.object is as recorded, to be served on this round's clock (not one the store already holds). */
	private record(change: Omit<Change, 'rv' | 'shiftMs'>, recorded = true): Change {
		this.rv += 1;
		const object = served(change.object, this.rv, recorded ? this.roundClock : null, this.round);
		const made: Change = {...change, rv: this.rv, shiftMs: this.roundClock.shiftMs, object};
		this.history.push(made);
		return made;
	}

	/**
	 * Current objects of a resource, in the server's key order (namespace/name). Kept until the next
	 * change: every page of a paged list reads the same sorted list, as the real server's watch
	 * cache serves pages without sorting the whole store again. Callers must not change it.
	 */
	list(resource: ResourceName): readonly StoredObject[] {
		return this.sortedAt(resource, this.rv, () => new Map(this.store.get(resource)!));
	}

	get(resource: ResourceName, namespace: string | undefined, name: string): StoredObject | undefined {
		return this.store.get(resource)!.get(storeKey(namespace, name));
	}

	/** Objects as they were at `rv` (exact), or 'expired' when that point is forgotten. */
	listAt(resource: ResourceName, rv: number): readonly StoredObject[] | 'expired' {
		if (rv < this.oldestResumable) return 'expired';
		return this.sortedAt(resource, rv, () => {
			// Walk back from the present, undoing newer changes: works however much history was compacted.
			const state = new Map<string, StoredObject>(this.store.get(resource)!);
			for (let index = this.history.length - 1; index >= 0 && this.history[index]!.rv > rv; index--) {
				const change = this.history[index]!;
				if (change.resource !== resource) continue;
				const key = objectKey(change.object);
				if (change.type === 'ADDED') state.delete(key);
				else state.set(key, {object: change.previous!, row: change.previousRow});
			}
			return state;
		});
	}

	/** The objects of `resource` at `rv` in key order, from `state` (made on a miss); the last few are kept. */
	private sortedAt(resource: ResourceName, rv: number, state: () => Map<string, StoredObject>): readonly StoredObject[] {
		const id = `${resource}@${rv}`;
		const kept = this.sorted.get(id);
		if (kept) return kept;
		const items = [...state().entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, stored]) => stored);
		if (this.sorted.size >= SORTED_KEPT) this.sorted.delete(this.sorted.keys().next().value!);
		this.sorted.set(id, items);
		return items;
	}

	/** Changes after `rv`, or 'expired' when some of them are forgotten. */
	changesAfter(rv: number): Change[] | 'expired' {
		if (rv < this.oldestResumable) return 'expired';
		return this.history.filter(change => change.rv > rv);
	}

	/** Forget changes with rv < `rv` (etcd compaction / watch cache window). */
	expireBefore(rv: number): void {
		this.oldest = Math.max(this.oldest, rv);
		while (this.history.length > 0 && this.history[0]!.rv < this.oldest) this.history.shift();
	}

	/** Namespaces any object of the session lives in (whatever the time). */
	namespaces(): Set<string> {
		const names = new Set<string>();
		for (const entry of this.entries) {
			const namespace = entry.object.metadata?.namespace;
			if (namespace) names.add(namespace);
		}
		return names;
	}
}
