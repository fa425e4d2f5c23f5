// Pod objects and events read back from an EntryLog: the ObjectSource of the stores that keep
// objects out of memory (model/store/object-source.ts). The refs are entry indices, which whoever
// applies an entry passes to PodStore.apply; the last few hundred objects read are kept (the rows
// on screen, the pod in the detail view, the pods a table prints).

import type {KubeEvent, Pod} from '../../kube/objects.js';
import {withoutManagedFields, type ObjectSource} from '../../model/store/object-source.js';
import {slimEvent} from '../../model/store/pod-events.js';
import {isWatchEntry, type PrintedRow} from '../../session/format.js';
import type {EntryLog} from './entry-log.js';
import {RecentlyUsed} from '../../model/recently-used.js';

/** Pod objects kept after being read. */
export const CACHED_OBJECTS = 512;
/** Events kept after being read (a screen's diagnoses read the events of every pod on it). */
export const CACHED_EVENTS = 2048;

interface Read {
	object: Pod;
	row: PrintedRow | null;
}

export class LoggedObjects implements ObjectSource {
	private readonly cache = new RecentlyUsed<number, Read>(CACHED_OBJECTS);
	private readonly events = new RecentlyUsed<number, KubeEvent>(CACHED_EVENTS);

	constructor(private readonly log: EntryLog) {}

	object(ref: number): Pod {
		return this.read(ref).object;
	}

	row(ref: number): PrintedRow | null {
		return this.read(ref).row;
	}

	event(ref: number): KubeEvent {
		return this.events.getOrMake(ref, () => {
			const entry = this.log.entry(ref);
			if (!isWatchEntry(entry) || entry.object.kind !== 'Event') throw new Error(`entry ${ref + 1} of the session is not an event`);
			return slimEvent(entry.object as KubeEvent);
		});
	}

	private read(index: number): Read {
		return this.cache.getOrMake(index, () => {
			const entry = this.log.entry(index);
			if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') throw new Error(`entry ${index + 1} of the session is not a pod`);
			return {object: withoutManagedFields(entry.object as Pod), row: entry.row ?? null};
		});
	}
}
