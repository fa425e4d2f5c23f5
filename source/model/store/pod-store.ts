// The pod store: a reducer from session entries to the state the screens show. Pods (with their
// printed columns, containers, mirror info and history), nodes by name, events by pod, the SYNCED
// resources, the connection state, and the container logs a recording captured (LOG entries).
//
// Reading it: view() for a screen or an output (the whole state, never changed afterwards);
// pod(key), eventsOf(pod), logsOf(key) and nodes for a reader of one pod per entry; snapshot()/restore() to go
// back and forth (replay; what a snapshot holds: store-snapshot.ts); version, changedSince() and subscribe() to follow what changes.
//
// Cost: every entry costs O(what it changes) — one pod's columns/containers/diff, one pod's event
// list — never a scan over all pods. Pod states are immutable (a change makes a new version,
// pod-version.ts) and the maps are copy-on-write (cow-map.ts; the big ones per shard), so view()
// and snapshot() are cheap, stay valid forever, and a write after them copies only the shard it
// touches.
//
// Tombstones: a DELETED pod stays in `pods` with its last object, `deletedAt` set and a 'deleted'
// transition, so the UI can show how it ended. pruneTombstones(now) drops those deleted more than
// tombstoneMs (default 5 min) before `now`; the store prunes by itself only with pruneOnApply (by
// each entry's time: the replay player, the live store), because otherwise `now` is the caller's wall clock.
// Deleted pods also go to `endedPods` (ended-pods.ts) without their objects, for their lanes: kept
// after their tombstones, within the store's endedPods limits.
//
// Objects out of memory: a caller that can read an entry again (the replay player, headless
// replay of a plain file) passes its ref to apply(); the store then keeps the ref, not the object,
// and reads the object, its row or the event back through `objects` when one is asked for.
// Compact objects: a store given none to read back may keep each pod's latest object as compact
// text (compactObjects: the live store, which holds a whole cluster), parsed again when read.

import type {KubeEvent, KubeObject, Node, Pod} from '../../kube/objects.js';
import type {Cluster} from '../placement/cluster.js';
import {clusterOf} from '../placement/cluster-of.js';
import {ClusterIndex} from '../placement/cluster-index.js';
import type {LogEntry, PrintedRow, SessionEntry, WatchType} from '../../session/format.js';
import {capturedLog, type CapturedLog} from '../captured-log.js';
import {podColumns} from '../print-pod.js';
import {podKey, podKeyOf} from '../pod-key.js';
import type {PodState, StoreView} from '../pod-state.js';
import {ChangeLog} from './change-log.js';
import {CompactPods} from './compact-pods.js';
import {CowMap, ShardedCowMap} from './cow-map.js';
import {Interns} from './interns.js';
import type {ObjectSource} from './object-source.js';
import {withCapturedLog} from './captured-logs.js';
import {eventId, eventsOfLife, eventTime, LazyEvent, podKeyOfEvent, slimEvent, withEvent, withoutEvent} from './pod-events.js';
import {nextPodVersion, PodVersion, type VersionContext} from './pod-version.js';
import {TombstoneQueue} from './tombstone-queue.js';
import {EndedPods, UNLIMITED_ENDED_PODS, type EndedPodsLimits} from './ended-pods.js';
import {namespaceLabels, NO_NAMESPACES, type NamespaceState, type SnapshotCopier, type StoreChanges, type StoreSnapshot} from './store-snapshot.js';
import type {StatusCompat} from '../compat.js';
import type {ConnectionStatus} from '../connection-status.js';
import {NO_OWNER_OBJECTS, ownerKey, ownerObjectOf, type OwnerObjects} from '../workloads/owner-objects.js';

export interface PodStoreOptions {
	compat: StatusCompat;
	/** How long a deleted pod stays (ms) before pruneTombstones drops it; default 5 min. */
	tombstoneMs?: number;
	/**
	 * Drop expired tombstones on every apply, by the entry's own time. The replay player's stores
	 * do: a pruning that depends only on the entries applied keeps "restore a snapshot, apply
	 * the rest" equal to a straight replay, and a long session does not keep every pod it ever saw.
	 */
	pruneOnApply?: boolean;
	/** Where the refs passed to apply() are read back from; without it, apply() takes no ref. */
	objects?: ObjectSource;
	/**
	 * Keep each pod's object as compact text (compact-pods.ts), parsed again when one is read
	 * (readObject: detail, YAML, a diagnosis), instead of as parsed. For a store that holds a whole
	 * cluster's pods for a long time: a fraction of the memory, for a parse per object read.
	 */
	compactObjects?: boolean;
	/** The tables of recurring strings to share: stores that exchange snapshots may share one; default, the store's own. */
	interns?: Interns;
	/** How many deleted pods endedPods keeps, and how long: default, all of them. */
	endedPods?: EndedPodsLimits;
}

export const DEFAULT_TOMBSTONE_MS = 5 * 60_000;

export class PodStore {
	private readonly tombstoneMs: number;
	private readonly pruneOnApply: boolean;
	/** The compat, the interns and the object source: what making a pod version needs. */
	private context: VersionContext;
	// The big maps are sharded: a write after a hand-out (each frame's view, each snapshot) copies
	// one shard, not 20k pods. Deleted pods are kept in deletion order in queues (tombstone-queue.ts).
	private pods = new ShardedCowMap<PodVersion>();
	private nodeMap = new CowMap<string, Node>();
	private namespaceState: NamespaceState = NO_NAMESPACES;
	private ownerObjects: OwnerObjects = NO_OWNER_OBJECTS;
	private eventsByPod = new ShardedCowMap<readonly KubeEvent[]>();
	/** Few pods have any (those whose containers ended while recorded): one map. */
	private logsByPod = new CowMap<string, readonly CapturedLog[]>();
	private tombstones = new TombstoneQueue();
	private readonly endedLimits: EndedPodsLimits;
	private ended: EndedPods;
	private syncedSet: ReadonlySet<string> = new Set();
	private connectionStatus: ConnectionStatus | null = null;
	private currentVersion = 0;
	private podChanges = new ChangeLog();
	private eventChanges = new ChangeLog();
	private cachedView: {version: number; view: StoreView} | null = null;
	private readonly clusterIndex = new ClusterIndex();
	private readonly listeners = new Set<() => void>();

	constructor(options: PodStoreOptions) {
		this.tombstoneMs = options.tombstoneMs ?? DEFAULT_TOMBSTONE_MS;
		this.pruneOnApply = options.pruneOnApply ?? false;
		this.endedLimits = options.endedPods ?? UNLIMITED_ENDED_PODS;
		this.ended = new EndedPods(this.endedLimits);
		this.context = {
			compat: options.compat,
			interns: options.interns ?? new Interns(),
			objects: options.objects ?? null,
			compact: options.compactObjects ? new CompactPods() : null,
		};
	}

	private get compat(): StatusCompat {
		return this.context.compat;
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

	/**
	 * Apply one entry; `atMs` = header.recordedAt + entry.t (epoch ms). `from`: where the store's
	 * `objects` can read this entry again (its index in the session); the store then keeps that,
	 * not the object. Without it, the store keeps the pod object (managedFields dropped).
	 */
	apply(entry: SessionEntry, atMs: number, from?: number): void {
		if (from !== undefined && this.context.objects === null) throw new Error('podlife: an entry was applied with a ref to a store that reads no objects back');
		this.applyEntry(entry, atMs, from ?? null);
		if (this.pruneOnApply) this.pruneTombstones(atMs);
	}

	private applyEntry(entry: SessionEntry, atMs: number, from: number | null): void {
		switch (entry.type) {
			case 'ADDED':
			case 'MODIFIED':
			case 'DELETED': {
				const kind = entry.object.kind;
				if (kind === 'Pod') this.applyPod(entry.type, entry.object as Pod, entry.row ?? null, atMs, from);
				else if (kind === 'Node') this.applyNode(entry.type, entry.object as Node);
				else if (kind === 'Event') this.applyEvent(entry.type, entry.object as KubeEvent, from);
				else if (kind === 'Namespace') this.applyNamespace(entry.type, entry.object);
				else this.applyOwner(entry.type, entry.object);
				return;
			}
			case 'SYNCED': {
				if (this.syncedSet.has(entry.resource)) return;
				this.syncedSet = new Set([...this.syncedSet, entry.resource]);
				this.changed(null);
				return;
			}
			case 'STATUS': {
				// A further marker of the same state (another reconnect attempt) keeps its `since`.
				const previous = this.connectionStatus;
				const since = previous && previous.state === entry.state ? previous.since : atMs;
				this.connectionStatus = {state: entry.state, message: entry.message ?? null, since};
				this.changed(null);
				return;
			}
			case 'ERROR': {
				// The server refusing to list namespaces (the live source lists them only for a
				// namespaceSelector): placement says so instead of guessing.
				const status = entry.object as {code?: number; message?: string; details?: {kind?: string}};
				if (status.code !== 403 || status.details?.kind !== 'namespaces') return;
				this.namespaceState = {...this.namespaceState, forbidden: status.message ?? 'forbidden'};
				this.changed(null);
				return;
			}
			case 'LOG': {
				this.applyLog(entry, atMs);
				return;
			}
			default:
				// BOOKMARK changes nothing the store shows; the source handles relists.
				return;
		}
	}

	/** Pods, nodes and events as of now; never changes afterwards (copy-on-write). */
	view(): StoreView {
		if (this.cachedView?.version !== this.currentVersion) {
			const version = this.currentVersion;
			const pods = this.pods.share();
			const nodes = this.nodeMap.share();
			const namespaces = namespaceLabels(this.namespaceState, this.syncedSet);
			// The index follows the store: a view kept after the store moved on builds its own.
			const placementCluster = (exclude: string | null): Cluster =>
				version === this.currentVersion ? this.clusterIndex.cluster(this, pods, nodes, namespaces, exclude) : clusterOf({pods, nodes, namespaces}, exclude);
			const logsByPod = this.logsByPod.share();
			const endedPods = this.ended.list();
			this.cachedView = {
				version,
				view: {pods, nodes, eventsByPod: this.eventsByPod.share(), logsByPod, namespaces, owners: this.ownerObjects, placementCluster, endedPods},
			};
		}
		return this.cachedView.view;
	}

	/** The pod `key` as of now. */
	pod(key: string): PodState | undefined {
		return this.pods.get(key);
	}

	/** The events of `pod` (this life of its name: pod-events.ts eventsOfLife) as of now, oldest first. */
	eventsOf(pod: Pick<PodState, 'key' | 'uid'>): readonly KubeEvent[] {
		return eventsOfLife(this.eventsByPod.get(pod.key) ?? NO_EVENTS, pod);
	}

	/** The logs captured of pod `key`'s containers as of now, oldest first. */
	logsOf(key: string): readonly CapturedLog[] {
		return this.logsByPod.current.get(key) ?? NO_LOGS;
	}

	/** The nodes as of now; never changes afterwards. */
	get nodes(): ReadonlyMap<string, Node> {
		return this.nodeMap.share();
	}

	/**
	 * What changed after `version`: the keys of the pods whose state changed (added, modified,
	 * deleted, pruned) and of those whose event list changed; null when that version is older than
	 * the change log or than a restore or setCompat (then treat everything as changed). Nodes and
	 * markers bump the version but name no pod.
	 */
	changedSince(version: number): StoreChanges | null {
		const pods = this.podChanges.since(version, this.currentVersion);
		const events = this.eventChanges.since(version, this.currentVersion);
		return pods && events ? {pods, events} : null;
	}

	/** Called after every change. */
	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	/**
	 * The whole state now, for restore(). It shares the store's maps: free to take, but the store's
	 * next writes copy the shards they touch, and the snapshot pins what they replace. A caller that
	 * keeps snapshots long may pass `copy`: the snapshot then holds its copies of the pod and event
	 * maps, and shares none (replay keyframes pack them).
	 */
	snapshot(copy?: SnapshotCopier): StoreSnapshot {
		return {
			version: this.currentVersion,
			compat: this.compat,
			pods: copy ? copy.pods(this.pods.current) : this.pods.share(),
			nodes: this.nodeMap.share(),
			namespaces: this.namespaceState,
			owners: this.ownerObjects,
			eventsByPod: copy ? copy.eventsByPod(this.eventsByPod.current) : this.eventsByPod.share(),
			logsByPod: this.logsByPod.share(),
			tombstones: this.tombstones.snapshot(),
			endedPods: this.ended.snapshot(),
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
		// Its pod states were made by a store (nextPodVersion): all of them are versions.
		this.pods = new ShardedCowMap(snapshot.pods as ReadonlyMap<string, PodVersion>);
		this.nodeMap = new CowMap(snapshot.nodes);
		this.namespaceState = snapshot.namespaces;
		this.ownerObjects = snapshot.owners ?? NO_OWNER_OBJECTS;
		this.eventsByPod = new ShardedCowMap(snapshot.eventsByPod);
		this.logsByPod = new CowMap(snapshot.logsByPod);
		this.tombstones = new TombstoneQueue(snapshot.tombstones);
		this.ended = new EndedPods(this.endedLimits, snapshot.endedPods);
		this.syncedSet = snapshot.synced;
		this.connectionStatus = snapshot.connection;
		if (!sameCompat(snapshot.compat, this.compat)) this.recomputeColumns();
		this.forgetChanges();
	}

	/** Print columns the way another server version does; recomputes every pod's columns (history stays as seen). */
	setCompat(compat: StatusCompat): void {
		if (sameCompat(compat, this.compat)) return;
		this.context = {...this.context, compat};
		this.recomputeColumns();
		this.forgetChanges();
	}

	/** Drop tombstones deleted more than tombstoneMs before `now` (and ended pods past their limits). Returns how many tombstones were dropped. */
	pruneTombstones(now: number): number {
		const limit = now - this.tombstoneMs;
		let dropped = 0;
		const endedDropped = this.ended.trim(now);
		// Deletion order is time order: stop at the first one still young enough.
		for (let mark = this.tombstones.peek(); mark !== undefined && mark.at <= limit; mark = this.tombstones.peek()) {
			this.tombstones.shift();
			const state = this.pods.get(mark.key);
			// A stale mark: the pod came back (or was deleted again later).
			if (state?.deletedAt !== mark.at) continue;
			this.pods.delete(mark.key);
			if (this.eventsByPod.delete(mark.key)) this.eventChanges.add(this.currentVersion + 1, mark.key);
			if (this.logsByPod.current.has(mark.key)) this.logsByPod.write().delete(mark.key);
			this.podChanges.add(this.currentVersion + 1, mark.key);
			dropped++;
		}
		if (dropped > 0 || endedDropped) this.changed(null);
		return dropped;
	}

	private applyPod(type: WatchType, received: Pod, row: PrintedRow | null, at: number, from: number | null): void {
		const state = nextPodVersion(this.pods.get(podKeyOf(received.metadata)), type, received, row, at, from, this.context);
		if (state === null) return;
		this.pods.set(state.key, state);
		if (state.deletedAt !== null) {
			this.tombstones.push({key: state.key, at});
			this.ended.add(state, at);
		}
		this.changed(state.key);
	}

	private applyNode(type: WatchType, node: Node): void {
		const name = node.metadata?.name ?? '';
		if (type === 'DELETED') {
			if (!this.nodeMap.current.has(name)) return;
			this.nodeMap.write().delete(name);
		} else {
			this.nodeMap.write().set(name, node);
		}
		this.changed(null);
	}

	private applyNamespace(type: WatchType, namespace: KubeObject): void {
		const name = namespace.metadata?.name ?? '';
		const labels = new Map(this.namespaceState.labels);
		if (type === 'DELETED') {
			if (!labels.delete(name)) return;
		} else {
			labels.set(name, this.context.interns.labels(namespace.metadata?.labels));
		}
		this.namespaceState = {...this.namespaceState, labels};
		this.changed(null);
	}

	/** A ReplicaSet, Deployment, StatefulSet, DaemonSet, Job or CronJob a session holds (other kinds are ignored). */
	private applyOwner(type: WatchType, object: KubeObject): void {
		const owner = ownerObjectOf(object);
		if (owner === null) return;
		const key = ownerKey(owner.kind, owner.namespace, owner.name);
		const owners = new Map(this.ownerObjects);
		if (type === 'DELETED') {
			if (!owners.delete(key)) return;
		} else {
			owners.set(key, owner);
		}
		this.ownerObjects = owners;
		this.changed(null);
	}

	private applyEvent(type: WatchType, received: KubeEvent, from: number | null): void {
		// Only pod events are indexed: node events have no place in StoreView yet.
		const eventKey = podKeyOfEvent(received);
		if (eventKey === null) return;
		// The pod's own key string when the store holds the pod: the change log and the event map then
		// keep no copy of their own.
		const held = this.pods.get(eventKey);
		const podKey = held?.key ?? eventKey;
		const id = eventId(received);
		const list = this.eventsByPod.get(podKey) ?? NO_EVENTS;
		if (type === 'DELETED') {
			const rest = withoutEvent(list, id);
			if (rest === null) return;
			if (rest.length === 0) this.eventsByPod.delete(podKey);
			else this.eventsByPod.set(podKey, rest);
		} else {
			// Kept out of memory, an event keeps its id and time, and is read back when shown.
			const {objects, interns} = this.context;
			// The pod's own uid string when it is about the pod held: most are, and then keep no copy.
			const about = received.involvedObject?.uid || null;
			const event =
				from === null ? slimEvent(received, interns.text) : new LazyEvent(objects!, from, id, eventTime(received), about === held?.uid ? held.uid : about);
			this.eventsByPod.set(podKey, withEvent(list, event, id));
		}
		this.eventChanges.add(this.currentVersion + 1, podKey);
		this.changed(null);
	}

	/** A captured log joins its pod's list (the pod need not be in the store: its log is kept all the same). */
	private applyLog(entry: LogEntry, at: number): void {
		const key = podKey(entry.namespace, entry.pod);
		this.logsByPod.write().set(key, withCapturedLog(this.logsByPod.current.get(key) ?? NO_LOGS, capturedLog(entry, at)));
		this.changed(null);
	}

	private recomputeColumns(): void {
		for (const [key, state] of [...this.pods.current]) this.pods.set(key, state.withColumns(podColumns(state.readObject(), this.compat)));
	}

	private forgetChanges(): void {
		this.changed(null);
		this.podChanges.forget(this.currentVersion);
		this.eventChanges.forget(this.currentVersion);
	}

	/** Bump the version (logging `key` as a changed pod) and tell the listeners. */
	private changed(key: string | null): void {
		if (key !== null) this.podChanges.add(this.currentVersion + 1, key);
		this.currentVersion += 1;
		for (const listener of this.listeners) listener();
	}
}

const NO_EVENTS: readonly KubeEvent[] = [];
const NO_LOGS: readonly CapturedLog[] = [];

function sameCompat(a: StatusCompat, b: StatusCompat): boolean {
	return a.label === b.label && a.terminatingForTerminalPods === b.terminatingForTerminalPods && a.errorBeatsCompleted === b.errorBeatsCompleted;
}
