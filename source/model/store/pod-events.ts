// A pod's events as the store keeps them: the newest few, in time order, slimmed to what podlife
// shows, or kept out of memory (LazyEvent) by a store that reads entries back.

import {timeMs, type KubeEvent} from '../../kube/objects.js';
import {podKey, podKeyOf} from '../pod-key.js';
import type {PodState, StoreView} from '../pod-state.js';
import type {ObjectSource} from './object-source.js';

/** Events kept per pod (the newest); a pod that keeps failing must not hold thousands. */
export const EVENTS_PER_POD_LIMIT = 50;

/**
 * The fields of an event that podlife shows or reads (the KubeEvent type), its words through
 * `intern` (a store's: a pod that keeps failing has the same reason and message in every event).
 * Annotations, labels, managedFields, related objects and the like are dropped.
 */
export function slimEvent(event: KubeEvent, intern: <T extends string | null | undefined>(text: T) => T = text => text): KubeEvent {
	const meta = event.metadata ?? {};
	const involved = event.involvedObject ?? {};
	const slim: KubeEvent = {
		kind: event.kind,
		metadata: {
			name: meta.name,
			namespace: intern(meta.namespace),
			uid: meta.uid,
			resourceVersion: meta.resourceVersion,
			creationTimestamp: meta.creationTimestamp,
		},
		involvedObject: {
			kind: intern(involved.kind),
			namespace: intern(involved.namespace),
			name: intern(involved.name),
			uid: involved.uid,
			fieldPath: intern(involved.fieldPath),
		},
	} as KubeEvent;
	if (event.reason !== undefined) slim.reason = intern(event.reason);
	if (event.message !== undefined) slim.message = intern(event.message);
	if (event.type !== undefined) slim.type = intern(event.type);
	if (event.count !== undefined) slim.count = event.count;
	if (event.firstTimestamp !== undefined) slim.firstTimestamp = event.firstTimestamp;
	if (event.lastTimestamp !== undefined) slim.lastTimestamp = event.lastTimestamp;
	if (event.eventTime !== undefined) slim.eventTime = event.eventTime;
	if (event.source !== undefined) slim.source = {component: intern(event.source.component), host: intern(event.source.host)};
	if (event.reportingComponent !== undefined) slim.reportingComponent = intern(event.reportingComponent);
	if (event.reportingInstance !== undefined) slim.reportingInstance = intern(event.reportingInstance);
	if (event.series !== undefined) slim.series = {count: event.series.count, lastObservedTime: event.series.lastObservedTime};
	return slim;
}

/**
 * An event kept out of memory: its id and time (what the store orders and replaces events by), the
 * uid of the pod it is about (which life of a name it belongs to: read on every frame) and where to
 * read the rest (the session entry). Reads go through the source's cache.
 */
export class LazyEvent implements KubeEvent {
	[field: string]: unknown;

	constructor(
		private readonly from: ObjectSource,
		private readonly ref: number,
		readonly id: string,
		readonly time: number,
		readonly podUid: string | null,
	) {}

	private get read(): KubeEvent {
		return this.from.event(this.ref);
	}

	get kind(): string | undefined {
		return this.read.kind;
	}

	get apiVersion(): string | undefined {
		return this.read.apiVersion;
	}

	get metadata(): KubeEvent['metadata'] {
		return this.read.metadata;
	}

	get involvedObject(): KubeEvent['involvedObject'] {
		return this.read.involvedObject;
	}

	get reason(): string | undefined {
		return this.read.reason;
	}

	get message(): string | undefined {
		return this.read.message;
	}

	get type(): string | undefined {
		return this.read.type;
	}

	get count(): number | undefined {
		return this.read.count;
	}

	get firstTimestamp(): string | null | undefined {
		return this.read.firstTimestamp;
	}

	get lastTimestamp(): string | null | undefined {
		return this.read.lastTimestamp;
	}

	get eventTime(): string | null | undefined {
		return this.read.eventTime;
	}

	get source(): KubeEvent['source'] {
		return this.read.source;
	}

	get reportingComponent(): string | undefined {
		return this.read.reportingComponent;
	}

	get reportingInstance(): string | undefined {
		return this.read.reportingInstance;
	}

	get series(): KubeEvent['series'] {
		return this.read.series;
	}

	toJSON(): KubeEvent {
		return this.read;
	}
}

/**
 * The key of the pod an event is about, or null when it is not about a pod. An event names its pod
 * for life (involvedObject is set when it is created), so its pod key is its place.
 */
export function podKeyOfEvent(event: KubeEvent): string | null {
	const involved = event.involvedObject;
	if (involved?.kind !== 'Pod' || !involved.name) return null;
	return podKey(involved.namespace ?? event.metadata?.namespace ?? '', involved.name);
}

/** The uid of the pod the event is about (involvedObject.uid), or null when it names none. */
export function podUidOfEvent(event: KubeEvent): string | null {
	if (event instanceof LazyEvent) return event.podUid;
	return event.involvedObject?.uid || null;
}

// The events of one life, made once per list and life: a frame asks for them for every row it shows.
const lifeEventsOfList = new WeakMap<readonly KubeEvent[], {uid: string; events: readonly KubeEvent[]}>();

/**
 * The events of one life of a name, oldest first: those about its uid, and those that name no uid
 * (they can only be told apart by name). The store keeps a name's events under its key, so a pod
 * made again under its name (a StatefulSet's db-0) finds its predecessor's there too, and they must
 * not speak for it: neither in its Events and Timeline nor as the evidence of its why line.
 */
export function eventsOfLife(events: readonly KubeEvent[], pod: Pick<PodState, 'uid'>): readonly KubeEvent[] {
	// A pod without a uid (written by hand) cannot be told from another life: all its name's events.
	if (pod.uid === '' || events.length === 0) return events;
	const known = lifeEventsOfList.get(events);
	if (known?.uid === pod.uid) return known.events;
	const other = (event: KubeEvent): boolean => {
		const uid = podUidOfEvent(event);
		return uid !== null && uid !== pod.uid;
	};
	const own = events.some(other) ? events.filter(event => !other(event)) : events;
	lifeEventsOfList.set(events, {uid: pod.uid, events: own});
	return own;
}

/** The events of `pod` (this life of its name) that `view` keeps, oldest first: the one way to read a pod's events. */
export function podEvents(view: Pick<StoreView, 'eventsByPod'>, pod: Pick<PodState, 'key' | 'uid'>): readonly KubeEvent[] {
	return eventsOfLife(view.eventsByPod.get(pod.key) ?? NO_EVENTS, pod);
}

const NO_EVENTS: readonly KubeEvent[] = [];

/** What identifies an event across its updates: its uid, else its namespace and name. */
export function eventId(event: KubeEvent): string {
	if (event instanceof LazyEvent) return event.id;
	return event.metadata?.uid || podKeyOf(event.metadata);
}

/** The newest time the event speaks of (series, lastTimestamp, eventTime, firstTimestamp, creation). */
export function eventTime(event: KubeEvent): number {
	if (event instanceof LazyEvent) return event.time;
	return (
		timeMs(event.series?.lastObservedTime) ??
		timeMs(event.lastTimestamp) ??
		timeMs(event.eventTime) ??
		timeMs(event.firstTimestamp) ??
		timeMs(event.metadata?.creationTimestamp) ??
		0
	);
}

/**
 * `list` with `event` (id `id`) in its place, replacing the one with that id: in time order, after
 * every event not newer (events with the same time keep their arrival order), the newest
 * EVENTS_PER_POD_LIMIT kept. A copy of its exact size: snapshots keep every version of every pod's
 * list, and an array grown by splice keeps room for more.
 */
export function withEvent(list: readonly KubeEvent[], event: KubeEvent, id: string): KubeEvent[] {
	// Made in one array of its final size (a list names an id once): each event a replay loads
	// would otherwise leave two copies of its pod's list behind.
	const replaced = list.findIndex(other => eventId(other) === id);
	const others = replaced === -1 ? list.length : list.length - 1;
	const other = (index: number): KubeEvent => list[replaced === -1 || index < replaced ? index : index + 1]!;
	// Usually the end, after one comparison.
	const time = eventTime(event);
	let at = others;
	while (at > 0 && eventTime(other(at - 1)) > time) at--;
	const from = Math.max(0, others + 1 - EVENTS_PER_POD_LIMIT);
	const next = new Array<KubeEvent>(others + 1 - from);
	for (let index = from; index <= others; index++) next[index - from] = index < at ? other(index) : index === at ? event : other(index - 1);
	return next;
}

/** `list` without the event `id`, or null when it has no such event. */
export function withoutEvent(list: readonly KubeEvent[], id: string): KubeEvent[] | null {
	if (!list.some(other => eventId(other) === id)) return null;
	return list.filter(other => eventId(other) !== id);
}
