// The pod store: a reducer from session entries to the state the screens show. Pods (with their
// printed columns, containers, mirror info and history), nodes by name, events by pod, the SYNCED
// resources and the connection state.
//
// Cost: every entry costs O(what it changes) — one pod's columns/containers/diff, one pod's event
// list — never a scan over all pods. PodState objects are immutable (a change makes a new one) and
// the maps are copy-on-write (cow-map.ts; the big ones per shard), so view() and snapshot() are
// cheap (O(shards)), stay valid forever, and a write after them copies only the shard it touches.
//
// Tombstones: a DELETED pod stays in `pods` with its last object, `deletedAt` set and a 'deleted'
// transition, so the UI can show how it ended. pruneTombstones(now) drops those deleted more than
// tombstoneMs (default 5 min) before `now`; the store never prunes by itself, because `now` is the
// caller's (replay clock or wall clock).

import {timeMs, type KubeEvent, type Node, type Pod} from '../kube/types.js';
import type {PrintedRow, SessionEntry, WatchType} from '../session/format.js';
import {podColumns} from './columns.js';
import {containerViews, countSidecars} from './containers.js';
import {CowMap, ShardedCowMap} from './cow-map.js';
import {diffPod} from './history.js';
import {mirrorInfo} from './mirror.js';
import type {ConnectionStatus, PodState, StatusCompat, StoreSnapshot, StoreView, Transition} from './types.js';

export interface PodStoreOptions {
	compat: StatusCompat;
	/** How long a deleted pod stays (ms) before pruneTombstones drops it; default 5 min. */
	tombstoneMs?: number;
}

export const DEFAULT_TOMBSTONE_MS = 5 * 60_000;
/** Transitions kept per pod; older ones fall off (a pod in a week-long crash loop stays bounded). */
export const HISTORY_LIMIT = 500;
/** Pod changes remembered for changedSince; older versions answer null ("recompute everything"). */
export const CHANGE_LOG_LIMIT = 8192;
/** Events kept per pod (the newest); a pod that keeps failing must not hold thousands. */
export const EVENTS_PER_POD_LIMIT = 50;

interface Change {
	version: number;
	key: string;
}

export class PodStore {
	private compat: StatusCompat;
	private readonly tombstoneMs: number;
	// The big maps are sharded: a write after a hand-out (each frame's view, each snapshot) copies
	// one shard, not 20k pods. Tombstones keep deletion order, so they stay one map.
	private pods = new ShardedCowMap<PodState>();
	private nodes = new CowMap<string, Node>();
	private eventsByPod = new ShardedCowMap<readonly KubeEvent[]>();
	private eventOwners = new ShardedCowMap<string>();
	private tombstones = new CowMap<string, number>();
	private syncedSet: ReadonlySet<string> = new Set();
	private connectionStatus: ConnectionStatus | null = null;
	private currentVersion = 0;
	private changes: Change[] = [];
	/** changedSince(v) knows every pod change after this version. */
	private changeFloor = 0;
	private cachedView: {version: number; view: StoreView} | null = null;
	private readonly listeners = new Set<() => void>();

	constructor(options: PodStoreOptions) {
		this.compat = options.compat;
		this.tombstoneMs = options.tombstoneMs ?? DEFAULT_TOMBSTONE_MS;
	}

	/** Bumps on every change (entries, pruning, compat, restore). */
	get version(): number {
		return this.currentVersion;
	}

	/** Resources whose initial list is complete (from SYNCED markers): "pods", "nodes", "events". */
	get synced(): ReadonlySet<string> {
		return this.syncedSet;
	}

	/** The connection state from the last STATUS marker; null before the first. */
	get connection(): ConnectionStatus | null {
		return this.connectionStatus;
	}

	get statusCompat(): StatusCompat {
		return this.compat;
	}

	/** Apply one entry; `atMs` = header.recordedAt + entry.t (epoch ms). */
	apply(entry: SessionEntry, atMs: number): void {
		switch (entry.type) {
			case 'ADDED':
			case 'MODIFIED':
			case 'DELETED': {
				const kind = entry.object.kind;
				if (kind === 'Pod') this.applyPod(entry.type, entry.object as Pod, entry.row, atMs);
				else if (kind === 'Node') this.applyNode(entry.type, entry.object as Node);
				else if (kind === 'Event') this.applyEvent(entry.type, entry.object as KubeEvent);
				return;
			}
			case 'SYNCED': {
				if (this.syncedSet.has(entry.resource)) return;
				this.syncedSet = new Set([...this.syncedSet, entry.resource]);
				this.changed(null);
				return;
			}
			case 'STATUS': {
				// `at` is when this state began: a further reconnect attempt keeps "reconnecting for 40s" counting.
				const previous = this.connectionStatus;
				const since = previous && previous.state === entry.state ? previous.at : atMs;
				this.connectionStatus = {state: entry.state, message: entry.message ?? null, at: since};
				this.changed(null);
				return;
			}
			default:
				// ERROR and BOOKMARK change nothing the store shows; the source handles relists.
				return;
		}
	}

	/** Pods, nodes and events as of now; never changes afterwards (copy-on-write). */
	view(): StoreView {
		if (this.cachedView?.version !== this.currentVersion) {
			this.cachedView = {
				version: this.currentVersion,
				view: {pods: this.pods.share(), nodes: this.nodes.share(), eventsByPod: this.eventsByPod.share()},
			};
		}
		return this.cachedView.view;
	}

	/**
	 * The current maps without handing them out: valid only until the next apply(). For
	 * per-entry readers (headless ndjson) that must not pay view()'s copy-on-next-write.
	 */
	peek(): StoreView {
		return {pods: this.pods.current, nodes: this.nodes.current, eventsByPod: this.eventsByPod.current};
	}

	pod(key: string): PodState | undefined {
		return this.pods.get(key);
	}

	/**
	 * Keys of the pods whose state changed (added, modified, deleted, pruned) after `version`;
	 * null when that version is older than the change log (then treat every pod as changed).
	 * Events, nodes and markers bump the version but name no pod.
	 */
	changedSince(version: number): ReadonlySet<string> | null {
		if (version >= this.currentVersion) return new Set();
		if (version < this.changeFloor) return null;
		const keys = new Set<string>();
		for (let index = this.changes.length - 1; index >= 0; index -= 1) {
			const change = this.changes[index]!;
			if (change.version <= version) break;
			keys.add(change.key);
		}
		return keys;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	snapshot(): StoreSnapshot {
		return {
			version: this.currentVersion,
			compat: this.compat,
			pods: this.pods.share(),
			nodes: this.nodes.share(),
			eventsByPod: this.eventsByPod.share(),
			eventOwners: this.eventOwners.share(),
			tombstones: this.tombstones.share(),
			synced: this.syncedSet,
			connection: this.connectionStatus,
		};
	}

	/**
	 * Go back (or forward) to a snapshot's state. The version still moves forward (listeners and
	 * changedSince must see a change); changedSince of any earlier version answers null. Columns are
	 * recomputed if the compat was changed since the snapshot was taken.
	 */
	restore(snapshot: StoreSnapshot): void {
		this.pods = new ShardedCowMap(snapshot.pods);
		this.nodes = new CowMap(snapshot.nodes);
		this.eventsByPod = new ShardedCowMap(snapshot.eventsByPod);
		this.eventOwners = new ShardedCowMap(snapshot.eventOwners);
		this.tombstones = new CowMap(snapshot.tombstones);
		this.syncedSet = snapshot.synced;
		this.connectionStatus = snapshot.connection;
		if (!sameCompat(snapshot.compat, this.compat)) this.recomputeColumns();
		this.forgetChanges();
	}

	/** Print columns the way another server version does; recomputes every pod's columns (history stays as seen). */
	setCompat(compat: StatusCompat): void {
		if (sameCompat(compat, this.compat)) return;
		this.compat = compat;
		this.recomputeColumns();
		this.forgetChanges();
	}

	/** Drop tombstones deleted more than tombstoneMs before `now`. Returns how many were dropped. */
	pruneTombstones(now: number): number {
		const limit = now - this.tombstoneMs;
		const expired: string[] = [];
		// Deletion order is time order: stop at the first one still young enough.
		for (const [key, deletedAt] of this.tombstones.current) {
			if (deletedAt > limit) break;
			expired.push(key);
		}
		if (expired.length === 0) return 0;
		const tombstones = this.tombstones.write();
		for (const key of expired) {
			tombstones.delete(key);
			this.pods.delete(key);
			this.dropEventsOf(key);
			this.log(key);
		}
		this.changed(null);
		return expired.length;
	}

	private applyPod(type: WatchType, received: Pod, row: PrintedRow | undefined, at: number): void {
		// Every pod state keeps its object: managedFields are often half of it, and nothing shows them.
		const pod = withoutManagedFields(received);
		const namespace = pod.metadata?.namespace ?? '';
		const name = pod.metadata?.name ?? '';
		const key = `${namespace}/${name}`;
		const uid = pod.metadata?.uid ?? '';
		const deleted = type === 'DELETED';
		const previous = this.pods.get(key);
		// A new uid under the same name is a new pod: it replaces the tombstone and starts a new history.
		const base = previous && previous.uid === uid ? previous : null;
		if (base) {
			if (deleted && base.deletedAt !== null) return;
			const sameVersion = pod.metadata.resourceVersion !== undefined && pod.metadata.resourceVersion === base.object.metadata.resourceVersion;
			// A relist sends ADDED again for every pod it already had: the object did not change (its
			// row may differ only in AGE).
			if (sameVersion && !deleted && base.deletedAt === null) return;
		}
		const columns = podColumns(pod, this.compat);
		const containers = containerViews(pod);
		const transitions = diffPod(base ? {pod: base.object, columns: base.columns, containers: base.containers} : null, {pod, columns, containers}, at, {deleted});
		const state: PodState = {
			key,
			uid,
			namespace,
			name,
			object: pod,
			columns,
			containers,
			mirror: mirrorInfo(pod),
			sidecars: countSidecars(pod),
			history: base ? appendHistory(base.history, transitions) : transitions,
			deletedAt: deleted ? at : null,
			firstSeenAt: base?.firstSeenAt ?? at,
			lastChangedAt: at,
			serverRow: row ?? base?.serverRow ?? null,
		};
		this.pods.set(key, state);
		if (deleted) {
			const tombstones = this.tombstones.write();
			tombstones.delete(key); // re-insert at the end: the map stays in deletion order
			tombstones.set(key, at);
		} else if (previous?.deletedAt != null) {
			this.tombstones.write().delete(key);
		}
		this.changed(key);
	}

	private applyNode(type: WatchType, node: Node): void {
		const name = node.metadata?.name ?? '';
		if (type === 'DELETED') {
			if (!this.nodes.current.has(name)) return;
			this.nodes.write().delete(name);
		} else {
			this.nodes.write().set(name, node);
		}
		this.changed(null);
	}

	private applyEvent(type: WatchType, received: KubeEvent): void {
		const event = withoutManagedFields(received);
		const id = event.metadata?.uid || `${event.metadata?.namespace ?? ''}/${event.metadata?.name ?? ''}`;
		const involved = event.involvedObject;
		// Only pod events are indexed: node events have no place in StoreView yet.
		const podKey = involved?.kind === 'Pod' && involved.name ? `${involved.namespace ?? event.metadata?.namespace ?? ''}/${involved.name}` : null;
		const owner = this.eventOwners.get(id);
		if (owner !== undefined && (type === 'DELETED' || owner !== podKey)) this.removeEvent(owner, id);
		if (type === 'DELETED' || podKey === null) {
			if (owner !== undefined) this.changed(null);
			return;
		}
		const list = (this.eventsByPod.get(podKey) ?? []).filter(other => eventId(other) !== id);
		list.push(event);
		// Array sort is stable: events with the same time keep their arrival order.
		list.sort((a, b) => eventTime(a) - eventTime(b));
		// Keep the newest only: the oldest fall off (and out of the owner index).
		const dropped = list.length > EVENTS_PER_POD_LIMIT ? list.splice(0, list.length - EVENTS_PER_POD_LIMIT) : [];
		this.eventsByPod.set(podKey, list);
		for (const old of dropped) this.eventOwners.delete(eventId(old));
		if (list.includes(event)) this.eventOwners.set(id, podKey);
		this.changed(null);
	}

	private removeEvent(podKey: string, id: string): void {
		this.eventOwners.delete(id);
		const list = this.eventsByPod.get(podKey);
		if (!list) return;
		const rest = list.filter(other => eventId(other) !== id);
		if (rest.length === 0) this.eventsByPod.delete(podKey);
		else this.eventsByPod.set(podKey, rest);
	}

	private dropEventsOf(podKey: string): void {
		const list = this.eventsByPod.get(podKey);
		if (!list) return;
		for (const event of list) this.eventOwners.delete(eventId(event));
		this.eventsByPod.delete(podKey);
	}

	private recomputeColumns(): void {
		for (const [key, state] of [...this.pods.current]) this.pods.set(key, {...state, columns: podColumns(state.object, this.compat)});
	}

	private log(key: string): void {
		this.changes.push({version: this.currentVersion + 1, key});
		if (this.changes.length > CHANGE_LOG_LIMIT) {
			const dropped = this.changes.splice(0, this.changes.length - CHANGE_LOG_LIMIT / 2);
			this.changeFloor = dropped.at(-1)!.version;
		}
	}

	private forgetChanges(): void {
		this.changes = [];
		this.changed(null);
		this.changeFloor = this.currentVersion;
	}

	/** Bump the version (logging `key` as a changed pod) and tell the listeners. */
	private changed(key: string | null): void {
		if (key !== null) this.log(key);
		this.currentVersion += 1;
		for (const listener of this.listeners) listener();
	}
}

/** The object without metadata.managedFields (a shallow copy only when it has them). */
function withoutManagedFields<T extends {metadata?: {managedFields?: unknown[]}}>(object: T): T {
	if (object.metadata?.managedFields === undefined) return object;
	const {managedFields: _managedFields, ...metadata} = object.metadata;
	return {...object, metadata};
}

function appendHistory(history: readonly Transition[], transitions: readonly Transition[]): Transition[] {
	if (transitions.length === 0) return history as Transition[];
	const all = [...history, ...transitions];
	return all.length > HISTORY_LIMIT ? all.slice(all.length - HISTORY_LIMIT) : all;
}

function eventId(event: KubeEvent): string {
	return event.metadata?.uid || `${event.metadata?.namespace ?? ''}/${event.metadata?.name ?? ''}`;
}

/** The newest time the event speaks of (series, lastTimestamp, eventTime, firstTimestamp, creation). */
export function eventTime(event: KubeEvent): number {
	return (
		timeMs(event.series?.lastObservedTime) ??
		timeMs(event.lastTimestamp) ??
		timeMs(event.eventTime) ??
		timeMs(event.firstTimestamp) ??
		timeMs(event.metadata?.creationTimestamp) ??
		0
	);
}

function sameCompat(a: StatusCompat, b: StatusCompat): boolean {
	return a.label === b.label && a.terminatingForTerminalPods === b.terminatingForTerminalPods && a.errorBeatsCompleted === b.errorBeatsCompleted;
}
