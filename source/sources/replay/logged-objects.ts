// Pod objects and events read back from an EntryLog: the ObjectSource of a PodStore that keeps objects out of
// memory (model/store.ts). The refs are entry indices; the last few hundred objects read are kept
// (the rows on screen, the pod in the detail view, the pods a table prints).

import type {Pod} from '../../kube/types.js';
import {slimEvent, withoutManagedFields, type ObjectSource} from '../../model/store.js';
import type {KubeEvent} from '../../kube/types.js';
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
	/** Index of the entry a store is applying now (set by whoever applies). */
	applying = 0;
	private readonly cache = new Map<number, Read>();
	private readonly events = new Map<number, KubeEvent>();

	constructor(private readonly log: EntryLog) {}

	current(): number {
		return this.applying;
	}

	object(ref: number): Pod {
		return this.read(ref).object;
	}

	row(ref: number): PrintedRow | null {
		return this.read(ref).row;
	}

	event(ref: number): KubeEvent {
		const cached = this.events.get(ref);
		if (cached) {
			this.events.delete(ref);
			this.events.set(ref, cached);
			return cached;
		}
		const entry = this.log.entry(ref);
		if (!isWatchEntry(entry) || entry.object.kind !== 'Event') throw new Error(`entry ${ref + 1} of the session is not an event`);
		const event = slimEvent(entry.object as KubeEvent);
		if (this.events.size >= CACHED_EVENTS) this.events.delete(this.events.keys().next().value!);
		this.events.set(ref, event);
		return event;
	}

	private read(index: number): Read {
		const cached = this.cache.get(index);
		if (cached) {
			// Most recently used last: the first key is the one to drop.
			this.cache.delete(index);
			this.cache.set(index, cached);
			return cached;
		}
		const entry = this.log.entry(index);
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') throw new Error(`entry ${index + 1} of the session is not a pod`);
		const read = {object: withoutManagedFields(entry.object as Pod), row: entry.row ?? null};
		if (this.cache.size >= CACHED_OBJECTS) this.cache.delete(this.cache.keys().next().value!);
		this.cache.set(index, read);
		return read;
	}
}
