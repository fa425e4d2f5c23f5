// Pod objects and events read back from an EntryLog: the ObjectSource of the stores that keep
// objects out of memory (model/store/object-source.ts). The refs are entry indices, which whoever
// applies an entry passes to PodStore.apply; the last few hundred objects read are kept (the rows
// on screen, the pod in the detail view, the pods a table prints).

import type {KubeEvent, Pod} from '../../kube/objects.js';
import {withoutManagedFields, type ObjectSource} from '../../model/store/object-source.js';
import {slimEvent} from '../../model/store/pod-events.js';
import {isWatchEntry, type PrintedRow} from '../../session/format.js';
import type {EntryLog} from './entry-log.js';

/** Pod objects kept after being read. */
export const CACHED_OBJECTS = 512;
/** Events kept after being read (a screen's diagnoses read the events of every pod on it). */
export const CACHED_EVENTS = 2048;

interface Read {
	object: Pod;
	row: PrintedRow | null;
}

export class LoggedObjects implements ObjectSource {
	private readonly cache = new Map<number, Read>();
	private readonly events = new Map<number, KubeEvent>();

	constructor(private readonly log: EntryLog) {}

	object(ref: number): Pod {
		return this.read(ref).object;
	}

	row(ref: number): PrintedRow | null {
		return this.read(ref).row;
	}

	event(ref: number): KubeEvent {
		return cached(this.events, CACHED_EVENTS, ref, () => {
			const entry = this.log.entry(ref);
			if (!isWatchEntry(entry) || entry.object.kind !== 'Event') throw new Error(`entry ${ref + 1} of the session is not an event`);
			return slimEvent(entry.object as KubeEvent);
		});
	}

	private read(index: number): Read {
		return cached(this.cache, CACHED_OBJECTS, index, () => {
			const entry = this.log.entry(index);
			if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') throw new Error(`entry ${index + 1} of the session is not a pod`);
			return {object: withoutManagedFields(entry.object as Pod), row: entry.row ?? null};
		});
	}
}

/** `cache`'s value for `key`, read and kept if missing; at most `capacity` kept, the least recently used dropped. */
function cached<T>(cache: Map<number, T>, capacity: number, key: number, read: () => T): T {
	const known = cache.get(key);
	if (known !== undefined) {
		// Most recently used last: the first key is the one to drop.
		cache.delete(key);
		cache.set(key, known);
		return known;
	}
	const value = read();
	if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
	cache.set(key, value);
	return value;
}
