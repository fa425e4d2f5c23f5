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
// tombstoneMs (default 5 min) before `now`; the store prunes by itself only with pruneOnApply (by
// each entry's time: the replay player), because otherwise `now` is the caller's wall clock.
//
// Objects out of memory (`objects`, the replay player and headless replay of a plain file): a
// replay's keyframes keep every version of every pod, so a version must be small. Such a store
// keeps for each version its derived state and a `core`, and reads the pod object, its server row
// and its events back from the session through an ObjectSource; the versions of a pod share one
// identity and one packed history line (history-line.ts). Strings that recur are interned.

import {timeMs, type KubeEvent, type Node, type Pod} from '../kube/types.js';
import type {PrintedRow, SessionEntry, WatchType} from '../session/format.js';
import {podColumns} from './columns.js';
import {containerViews, countSidecars} from './containers.js';
import {CowMap, ShardedCowMap} from './cow-map.js';
import {TombstoneQueue} from './tombstone-queue.js';
import {HISTORY_LIMIT, HistoryLine} from './history-line.js';
import {diffPod} from './history.js';
import {mirrorInfo} from './mirror.js';
import type {PodCondition} from '../kube/types.js';
import type {ConnectionStatus, ContainerView, MirrorInfo, PodColumns, PodCore, PodState, StatusCompat, StoreSnapshot, StoreView, Termination, Transition} from './types.js';

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
	/**
	 * Keep pod objects out of memory (the replay player: it reads them back from its entry log).
	 * States then keep `core` (what the store and the health rules read on every entry) and read
	 * `object` and `serverRow` through this; all versions of a pod share one history array.
	 * Without it, states hold their objects.
	 */
	objects?: ObjectSource;
}

/** How a store that keeps pod objects out of memory gets them back. */
export interface ObjectSource {
	/** A reference to the entry being applied now (the replay player: its index in the session). */
	current(): number;
	/** The pod object of entry `ref`, managedFields dropped. */
	object(ref: number): Pod;
	/** The `row` of entry `ref`, or null when it has none. */
	row(ref: number): PrintedRow | null;
	/** The event of entry `ref`, slimmed as the store keeps events (slimEvent). */
	event(ref: number): KubeEvent;
}

export const DEFAULT_TOMBSTONE_MS = 5 * 60_000;
export {HISTORY_LIMIT} from './history-line.js';
/** Pod changes remembered for changedSince; older versions answer null ("recompute everything"). */
export const CHANGE_LOG_LIMIT = 8192;
/** Events kept per pod (the newest); a pod that keeps failing must not hold thousands. */
export const EVENTS_PER_POD_LIMIT = 50;

/** What changed in a store after a version (PodStore.changedSince). */
export interface StoreChanges {
	/** Pods whose state changed: added, modified, deleted, pruned. */
	readonly pods: ReadonlySet<string>;
	/** Pods whose event list changed. */
	readonly events: ReadonlySet<string>;
}

/**
 * How snapshot() copies the pod and event maps instead of sharing them. Each function is given the
 * store's map as it is now, readable only during the call, and returns the map the snapshot holds.
 */
export interface SnapshotCopier {
	pods(current: ReadonlyMap<string, PodState>): ReadonlyMap<string, PodState>;
	eventsByPod(current: ReadonlyMap<string, readonly KubeEvent[]>): ReadonlyMap<string, readonly KubeEvent[]>;
}

export class PodStore {
	private compat: StatusCompat;
	private readonly tombstoneMs: number;
	private readonly pruneOnApply: boolean;
	private readonly objects: ObjectSource | null;
	// The big maps are sharded: a write after a hand-out (each frame's view, each snapshot) copies
	// one shard, not 20k pods. Tombstones keep deletion order, so they stay one map.
	private pods = new ShardedCowMap<PodState>();
	private nodes = new CowMap<string, Node>();
	private eventsByPod = new ShardedCowMap<readonly KubeEvent[]>();
	private tombstones = new TombstoneQueue();
	private syncedSet: ReadonlySet<string> = new Set();
	private connectionStatus: ConnectionStatus | null = null;
	private currentVersion = 0;
	private podChanges = new ChangeLog();
	private eventChanges = new ChangeLog();
	private cachedView: {version: number; view: StoreView} | null = null;
	private readonly listeners = new Set<() => void>();

	constructor(options: PodStoreOptions) {
		this.compat = options.compat;
		this.tombstoneMs = options.tombstoneMs ?? DEFAULT_TOMBSTONE_MS;
		this.pruneOnApply = options.pruneOnApply ?? false;
		this.objects = options.objects ?? null;
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
		this.applyEntry(entry, atMs);
		if (this.pruneOnApply) this.pruneTombstones(atMs);
	}

	private applyEntry(entry: SessionEntry, atMs: number): void {
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
			nodes: this.nodes.share(),
			eventsByPod: copy ? copy.eventsByPod(this.eventsByPod.current) : this.eventsByPod.share(),
			tombstones: this.tombstones.snapshot(),
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
		this.tombstones = new TombstoneQueue(snapshot.tombstones);
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
		let dropped = 0;
		// Deletion order is time order: stop at the first one still young enough.
		for (let mark = this.tombstones.peek(); mark !== undefined && mark.at <= limit; mark = this.tombstones.peek()) {
			this.tombstones.shift();
			const state = this.pods.get(mark.key);
			// A stale mark: the pod came back (or was deleted again later).
			if (state?.deletedAt !== mark.at) continue;
			this.pods.delete(mark.key);
			if (this.eventsByPod.delete(mark.key)) this.eventChanges.add(this.currentVersion + 1, mark.key);
			this.podChanges.add(this.currentVersion + 1, mark.key);
			dropped++;
		}
		if (dropped > 0) this.changed(null);
		return dropped;
	}

	private applyPod(type: WatchType, received: Pod, row: PrintedRow | undefined, at: number): void {
		// A state that keeps its object keeps it without managedFields (often half of it, and nothing
		// shows them); a store without objects only derives from it, and reads it back stripped.
		const pod = this.objects ? received : withoutManagedFields(received);
		let namespace = pod.metadata?.namespace ?? '';
		let name = pod.metadata?.name ?? '';
		let key = `${namespace}/${name}`;
		let uid = pod.metadata?.uid ?? '';
		const deleted = type === 'DELETED';
		const previous = this.pods.get(key);
		// A new uid under the same name is a new pod: it replaces the tombstone and starts a new history.
		const base = previous && previous.uid === uid ? previous : null;
		if (base) {
			// The versions of a pod share its names (snapshots keep every version).
			({key, uid, namespace, name} = base);
			if (deleted && base.deletedAt !== null) return;
			const receivedVersion = pod.metadata.resourceVersion;
			const sameVersion = receivedVersion !== undefined && (base instanceof LazyPodState ? packedVersion(receivedVersion) === base.version : receivedVersion === base.object.metadata.resourceVersion);
			// A relist sends ADDED again for every pod it already had: the object did not change (its
			// row may differ only in AGE).
			if (sameVersion && !deleted && base.deletedAt === null) return;
		}
		const columns = sameColumnsOr(base?.columns, internColumns(podColumns(pod, this.compat)));
		const containers = sameContainersOr(base?.containers, containerViews(pod).map(internContainer));
		const transitions = diffPod(base ? {pod: diffBase(base), columns: base.columns, containers: base.containers} : null, {pod, columns, containers}, at, {deleted});
		const fields = {
			key,
			uid,
			namespace,
			name,
			columns,
			containers,
			mirror: mirrorInfo(pod),
			sidecars: countSidecars(pod),
			deletedAt: deleted ? at : null,
			firstSeenAt: base?.firstSeenAt ?? at,
			lastChangedAt: at,
		};
		let state: PodState;
		if (this.objects) {
			const ref = this.objects.current();
			const lazyBase = base instanceof LazyPodState ? base : null;
			const history = lazyBase ? lazyBase.identity.line.append(lazyBase.historyLength, transitions) : {line: new HistoryLine(transitions), length: transitions.length};
			// A new line (a branch after a restore, or a long line started again) is a new identity: the
			// versions before it keep the old one.
			const identity = lazyBase && lazyBase.identity.line === history.line ? lazyBase.identity : {key, uid, namespace, name, firstSeenAt: fields.firstSeenAt, source: this.objects, line: history.line};
			// serverRow: this entry's row, else that of the last entry that had one.
			const rowRef = row ? ref : (lazyBase?.rowRef ?? null);
			const placement = samePlacementOr(lazyBase?.placement, {
				mirror: fields.mirror,
				sidecars: fields.sidecars,
				nodeName: pod.spec?.nodeName ? intern(pod.spec.nodeName) : null,
				deletionTimestamp: pod.metadata.deletionTimestamp ?? null,
				deleted,
			});
			const shared = {version: packedVersion(pod.metadata.resourceVersion ?? null), placement, status: coreStatus(pod.status)};
			state = new LazyPodState(identity, {columns, containers, lastChangedAt: at}, shared, ref, history.length, rowRef);
		} else {
			// Interned: the store keeps these transitions as they are (a lazy one packs them).
			transitions.forEach(internTransition);
			state = {...fields, object: pod, history: base ? appendHistory(base.history, transitions) : transitions, serverRow: row ?? base?.serverRow ?? null};
		}
		this.pods.set(key, state);
		if (deleted) this.tombstones.push(key, at);
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
		const id = eventId(received);
		// A store without objects keeps the event's id and time, and reads the rest back when shown.
		const event = this.objects ? new LazyEvent(this.objects, this.objects.current(), id, eventTime(received)) : slimEvent(received);
		// Only pod events are indexed: node events have no place in StoreView yet. An event names
		// its pod for life (involvedObject is set when it is created), so its pod key is its place.
		const podKey = podKeyOfEvent(received);
		if (podKey === null) return;
		const old = this.eventsByPod.get(podKey) ?? [];
		if (type === 'DELETED') {
			if (!old.some(other => eventId(other) === id)) return;
			const rest = old.filter(other => eventId(other) !== id);
			if (rest.length === 0) this.eventsByPod.delete(podKey);
			else this.eventsByPod.set(podKey, rest);
			this.eventsChanged(podKey);
			return;
		}
		const list = old.filter(other => eventId(other) !== id);
		// The list is in time order: insert after every event not newer (events with the same time
		// keep their arrival order). Usually that is the end, after one comparison.
		const time = eventTime(event);
		let at = list.length;
		while (at > 0 && eventTime(list[at - 1]!) > time) at--;
		list.splice(at, 0, event);
		// Keep the newest only: the oldest fall off. The list kept is a copy of its exact size: snapshots
		// keep every version of every pod's list, and an array grown by splice keeps room for 16 more
		// (~120 bytes per version: 7 MB at 10k pods).
		this.eventsByPod.set(podKey, list.length > EVENTS_PER_POD_LIMIT ? list.slice(list.length - EVENTS_PER_POD_LIMIT) : list.slice());
		this.eventsChanged(podKey);
	}

	private recomputeColumns(): void {
		for (const [key, state] of [...this.pods.current]) this.pods.set(key, withColumns(state, podColumns(state.object, this.compat)));
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

	/** Bump the version, logging the pod `key` whose event list changed. */
	private eventsChanged(key: string): void {
		this.eventChanges.add(this.currentVersion + 1, key);
		this.changed(null);
	}
}

/**
 * The keys changed at each version, newest last, for changedSince. Bounded: past CHANGE_LOG_LIMIT
 * it forgets the older half, and asking about a version before what it holds answers null.
 */
class ChangeLog {
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

	/** Forget every change up to `version` (a restore: what came before is another line of history). */
	forget(version: number): void {
		this.versions = [];
		this.keys = [];
		this.floor = version;
	}
}

/**
 * The previous object for diffPod: a lazy state's is read back only when shown, so it gives a
 * Pod-shaped skeleton of what it keeps (diffPod reads nothing else).
 */
function diffBase(state: PodState): Pod {
	if (!(state instanceof LazyPodState)) return state.object;
	const {version, placement, status} = state;
	return {
		metadata: {resourceVersion: version === null ? undefined : String(version), deletionTimestamp: placement.deletionTimestamp ?? undefined},
		spec: {nodeName: placement.nodeName ?? undefined},
		status: {phase: status.phase ?? undefined, reason: status.reason ?? undefined, conditions: status.conditions as PodCondition[]},
	} as Pod;
}

/**
 * A resourceVersion as a lazy state keeps it: the decimal number etcd gives as a number (a version
 * per pod state: a string each would be ~32 bytes more), anything else as it came.
 */
function packedVersion(text: string | null): number | string | null {
	return text !== null && text.length <= 15 && CANONICAL_DECIMAL.test(text) ? Number(text) : text;
}

const CANONICAL_DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/**
 * A PodState that keeps no pod object: it reads it (and the server row) back through an
 * ObjectSource. A class, not a literal with defined properties: instances keep V8's fast layout,
 * and a replay's snapshots hold one for every version of every pod (~125k at 10k pods): every
 * field is 8 bytes there, so what versions have in common is in objects they share — the pod's
 * identity and history line, its placement (what rarely changes) and its status (a few dozen
 * kinds in a whole cluster).
 */
class LazyPodState implements PodState {
	readonly columns: PodColumns;
	readonly containers: ContainerView[];
	/** What every version of the pod (since its line began) shares. */
	readonly identity: PodIdentity;
	/** Transitions of this version in identity.line (before HISTORY_LIMIT cuts the front). */
	readonly historyLength: number;
	private readonly ref: number;
	/** The entry whose row is this version's serverRow (the last one that carried a row), or null. */
	readonly rowRef: number | null;
	/** The resourceVersion (packedVersion). */
	readonly version: number | string | null;
	/**
	 * lastChangedAt − firstSeenAt: a small whole number V8 keeps in the field itself, where an epoch-ms
	 * number takes a 16-byte box of its own. Exact: both are times of the same session (x − y is
	 * exact for doubles within a factor of two of each other, and adding y back gives x).
	 */
	private readonly changedAfter: number;
	readonly placement: Placement;
	readonly status: CoreStatus;

	constructor(identity: PodIdentity, fields: LazyVersionFields, shared: SharedParts, ref: number, historyLength: number, rowRef: number | null) {
		this.identity = identity;
		this.columns = fields.columns;
		this.containers = fields.containers;
		this.changedAfter = fields.lastChangedAt - identity.firstSeenAt;
		this.historyLength = historyLength;
		this.ref = ref;
		this.rowRef = rowRef;
		this.version = shared.version;
		this.placement = shared.placement;
		this.status = shared.status;
	}

	get key(): string {
		return this.identity.key;
	}

	get uid(): string {
		return this.identity.uid;
	}

	get namespace(): string {
		return this.identity.namespace;
	}

	get name(): string {
		return this.identity.name;
	}

	get firstSeenAt(): number {
		return this.identity.firstSeenAt;
	}

	get lastChangedAt(): number {
		return this.identity.firstSeenAt + this.changedAfter;
	}

	get deletedAt(): number | null {
		return this.placement.deleted ? this.lastChangedAt : null;
	}

	get mirror(): MirrorInfo | null {
		return this.placement.mirror;
	}

	get sidecars(): number {
		return this.placement.sidecars;
	}

	get core(): PodCore {
		const {version} = this;
		const {nodeName, deletionTimestamp} = this.placement;
		const {phase, reason, conditions} = this.status;
		return {resourceVersion: version === null ? null : String(version), deletionTimestamp, nodeName, phase, reason, conditions};
	}

	get object(): Pod {
		return this.identity.source.object(this.ref);
	}

	get history(): Transition[] {
		return this.identity.line.prefix(this.historyLength);
	}

	get serverRow(): PrintedRow | null {
		return this.rowRef === null ? null : this.identity.source.row(this.rowRef);
	}

	withColumns(columns: PodColumns): LazyPodState {
		const {containers, lastChangedAt, version, placement, status} = this;
		return new LazyPodState(this.identity, {columns, containers, lastChangedAt}, {version, placement, status}, this.ref, this.historyLength, this.rowRef);
	}
}

/** What all versions of one pod share in a store that keeps objects out of memory. */
interface PodIdentity {
	readonly key: string;
	readonly uid: string;
	readonly namespace: string;
	readonly name: string;
	readonly firstSeenAt: number;
	readonly source: ObjectSource;
	/** The transitions of these versions (each keeps its length in it). */
	readonly line: HistoryLine;
}

/** What a lazy state keeps of its own besides what it shares. */
type LazyVersionFields = Pick<PodState, 'columns' | 'containers' | 'lastChangedAt'>;

/** The parts a lazy state shares with other versions (or other pods), and its resourceVersion. */
interface SharedParts {
	readonly version: number | string | null;
	readonly placement: Placement;
	readonly status: CoreStatus;
}

/**
 * What rarely changes between versions of a pod: shared by the versions until it does. A deleted
 * version was made by its DELETED entry, so its deletedAt is its lastChangedAt.
 */
interface Placement {
	readonly mirror: MirrorInfo | null;
	readonly sidecars: number;
	readonly nodeName: string | null;
	readonly deletionTimestamp: string | null;
	readonly deleted: boolean;
}

function samePlacementOr(previous: Placement | undefined, next: Placement): Placement {
	if (
		previous &&
		previous.sidecars === next.sidecars &&
		previous.nodeName === next.nodeName &&
		previous.deletionTimestamp === next.deletionTimestamp &&
		previous.deleted === next.deleted &&
		sameMirror(previous.mirror, next.mirror)
	) {
		return previous;
	}
	return next;
}

function sameMirror(a: MirrorInfo | null, b: MirrorInfo | null): boolean {
	if (a === null || b === null) return a === b;
	return a.node === b.node && a.source === b.source && a.hash === b.hash && a.mirror === b.mirror;
}

/** phase, reason and conditions (type and status only) of a pod object: one object per combination seen. */
interface CoreStatus {
	readonly phase: string | null;
	readonly reason: string | null;
	readonly conditions: ReadonlyArray<{type: string; status: string}>;
}

// "Running, Ready=True…" recurs in every version of every pod like it; a cluster shows a few dozen.
// Bounded like the string table.
const coreStatuses = new Map<string, CoreStatus>();

function coreStatus(status: Pod['status']): CoreStatus {
	const phase = status?.phase || null;
	const reason = status?.reason || null;
	const conditions = status?.conditions ?? [];
	let key = `${phase ?? ''}\u0000${reason ?? ''}`;
	for (const condition of conditions) key += `\u0001${condition.type}\u0000${condition.status}`;
	let found = coreStatuses.get(key);
	if (found === undefined) {
		found = Object.freeze({phase, reason, conditions: Object.freeze(conditions.map(({type, status}) => Object.freeze({type, status})))});
		if (coreStatuses.size >= INTERN_LIMIT) coreStatuses.clear();
		coreStatuses.set(key, found);
	}
	return found;
}

/** How many transitions `state.history` holds, without building them (a lazy state keeps them packed). */
export function historyLength(state: PodState): number {
	return state instanceof LazyPodState ? Math.min(state.historyLength, HISTORY_LIMIT) : state.history.length;
}

/** The state with other columns; a lazy object stays lazy. */
function withColumns(state: PodState, columns: PodColumns): PodState {
	return state instanceof LazyPodState ? state.withColumns(columns) : {...state, columns};
}

// Strings that recur in every version of every pod (phases, reasons, container names, states,
// event reasons and messages): one copy each instead of one per parse. Bounded: when full it
// starts again (strings already shared stay shared).
const INTERN_LIMIT = 50_000;
let interned = new Map<string, string>();

function intern<T extends string | null | undefined>(text: T): T {
	if (typeof text !== 'string' || text.length > 512) return text;
	const known = interned.get(text);
	if (known !== undefined) return known as T;
	if (interned.size >= INTERN_LIMIT) interned = new Map();
	interned.set(text, text);
	return text;
}

function internTransition(transition: Transition): Transition {
	transition.subject = intern(transition.subject);
	transition.from = intern(transition.from);
	transition.to = intern(transition.to);
	transition.statusAfter = intern(transition.statusAfter);
	if (transition.detail !== undefined) transition.detail = intern(transition.detail);
	return transition;
}

function internColumns(columns: PodColumns): PodColumns {
	columns.ready = intern(columns.ready);
	columns.status = intern(columns.status);
	columns.ip = intern(columns.ip);
	columns.node = intern(columns.node);
	columns.nominatedNode = intern(columns.nominatedNode);
	columns.readinessGates = intern(columns.readinessGates);
	return columns;
}

function internContainer(view: ContainerView): ContainerView {
	view.name = intern(view.name);
	view.image = intern(view.image);
	view.imagePullPolicy = intern(view.imagePullPolicy);
	view.reason = intern(view.reason);
	view.message = intern(view.message);
	if (view.lastTermination) {
		view.lastTermination.reason = intern(view.lastTermination.reason);
		view.lastTermination.message = intern(view.lastTermination.message);
	}
	return view;
}

/** `next`, or `previous` when every field is the same (versions of a pod share what did not change). */
// The fields compared, listed once (the Record makes the compiler check the list is whole): on every
// pod entry, so no Object.keys per call.
const COLUMN_FIELDS = Object.keys({
	ready: true,
	status: true,
	restarts: true,
	lastRestartMs: true,
	createdMs: true,
	ip: true,
	node: true,
	nominatedNode: true,
	readinessGates: true,
} satisfies Record<keyof PodColumns, true>) as Array<keyof PodColumns>;

const CONTAINER_FIELDS = Object.keys({
	kind: true,
	name: true,
	index: true,
	image: true,
	imagePullPolicy: true,
	state: true,
	reason: true,
	message: true,
	exitCode: true,
	signal: true,
	startedMs: true,
	finishedMs: true,
	ready: true,
	started: true,
	restartCount: true,
	lastTermination: true,
	backOffMs: true,
	nextRestartMs: true,
} satisfies Record<keyof ContainerView, true>) as Array<keyof ContainerView>;

function sameColumnsOr(previous: PodColumns | undefined, next: PodColumns): PodColumns {
	if (!previous) return next;
	for (const field of COLUMN_FIELDS) if (previous[field] !== next[field]) return next;
	return previous;
}

function sameContainersOr(previous: readonly ContainerView[] | undefined, next: ContainerView[]): ContainerView[] {
	if (!previous) return next;
	let same = previous.length === next.length;
	const shared = next.map((view, index) => {
		const old = previous[index];
		if (old && sameContainer(old, view)) return old;
		same = false;
		// A restart count or state changed; the last termination usually did not.
		if (old?.lastTermination && view.lastTermination && sameTermination(old.lastTermination, view.lastTermination)) view.lastTermination = old.lastTermination;
		return view;
	});
	return same ? (previous as ContainerView[]) : shared;
}

function sameTermination(p: Termination, q: Termination): boolean {
	return p.exitCode === q.exitCode && p.signal === q.signal && p.reason === q.reason && p.message === q.message && p.startedMs === q.startedMs && p.finishedMs === q.finishedMs;
}

function sameContainer(a: ContainerView, b: ContainerView): boolean {
	for (const field of CONTAINER_FIELDS) {
		if (a[field] === b[field]) continue;
		if (field === 'lastTermination' && a.lastTermination && b.lastTermination && sameTermination(a.lastTermination, b.lastTermination)) continue;
		return false;
	}
	return true;
}

/**
 * The fields of an event that podlife shows or reads (the KubeEvent type), its words interned: a
 * pod that keeps failing has the same reason and message in every event. Annotations, labels,
 * managedFields, related objects and the like are dropped.
 */
export function slimEvent(event: KubeEvent): KubeEvent {
	const meta = event.metadata ?? {};
	const involved = event.involvedObject ?? {};
	const slim: KubeEvent = {
		kind: event.kind,
		metadata: {name: meta.name, namespace: intern(meta.namespace), uid: meta.uid, resourceVersion: meta.resourceVersion, creationTimestamp: meta.creationTimestamp},
		involvedObject: {kind: intern(involved.kind), namespace: intern(involved.namespace), name: intern(involved.name), uid: involved.uid, fieldPath: intern(involved.fieldPath)},
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
	if (event.series !== undefined) slim.series = {count: event.series.count, lastObservedTime: event.series.lastObservedTime};
	return slim;
}

/** The object without metadata.managedFields (a shallow copy only when it has them). */
export function withoutManagedFields<T extends {metadata?: {managedFields?: unknown[]}}>(object: T): T {
	if (object.metadata?.managedFields === undefined) return object;
	const {managedFields: _managedFields, ...metadata} = object.metadata;
	return {...object, metadata};
}

function appendHistory(history: readonly Transition[], transitions: readonly Transition[]): Transition[] {
	if (transitions.length === 0) return history as Transition[];
	const all = [...history, ...transitions];
	return all.length > HISTORY_LIMIT ? all.slice(all.length - HISTORY_LIMIT) : all;
}

/**
 * An event kept by a store without objects: its id and time (what the store orders and replaces
 * events by) and where to read the rest (the session entry). Reads go through the source's cache.
 */
class LazyEvent implements KubeEvent {
	[field: string]: unknown;

	constructor(
		private readonly from: ObjectSource,
		private readonly ref: number,
		readonly id: string,
		readonly time: number,
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

	get series(): KubeEvent['series'] {
		return this.read.series;
	}

	toJSON(): KubeEvent {
		return this.read;
	}
}

/** "namespace/name" of the pod an event is about, or null when it is not about a pod. */
function podKeyOfEvent(event: KubeEvent): string | null {
	const involved = event.involvedObject;
	if (involved?.kind !== 'Pod' || !involved.name) return null;
	return `${involved.namespace ?? event.metadata?.namespace ?? ''}/${involved.name}`;
}

function eventId(event: KubeEvent): string {
	if (event instanceof LazyEvent) return event.id;
	return event.metadata?.uid || `${event.metadata?.namespace ?? ''}/${event.metadata?.name ?? ''}`;
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

function sameCompat(a: StatusCompat, b: StatusCompat): boolean {
	return a.label === b.label && a.terminatingForTerminalPods === b.terminatingForTerminalPods && a.errorBeatsCompleted === b.errorBeatsCompleted;
}
