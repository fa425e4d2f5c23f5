// One version of a pod: what the store keeps of it after one entry. Every pod state of every store
// is a PodVersion, made by nextPodVersion; stores differ only in where a version's object is. Given
// a ref for the entry (apply's `from`), the version keeps the ref and reads the object and row back
// from the store's ObjectSource when asked (readObject, readServerRow): the replay player, whose
// keyframes keep every version of every pod. A store that compacts its objects (the live store,
// which holds every pod of a cluster) keeps them as compact text (compact-pods.ts), parsed again
// when read. Otherwise it keeps the object (managedFields dropped).
//
// Small, because a replay holds one for every version of every pod: a class (instances keep V8's
// fast layout, every field 8 bytes), and what versions have in common lives in objects they share:
// the pod's identity and history line, its placement (what rarely changes) and its status (one per
// kind of status in the whole store, Interns).

import type {Pod} from '../../kube/objects.js';
import type {PrintedRow, WatchType} from '../../session/format.js';
import {podColumns} from '../print-pod.js';
import {containerViews, countSidecars} from '../containers.js';
import {diffPod} from '../history.js';
import {mirrorInfo} from '../mirror.js';
import {podKeyOf} from '../pod-key.js';
import type {ContainerView, MirrorInfo, PodColumns, PodCore, PodState, SchedulingFacts, Transition} from '../pod-state.js';
import {HISTORY_LIMIT, HistoryLine} from './history-line.js';
import {Interns, type CoreStatus} from './interns.js';
import {withoutManagedFields, type ObjectSource} from './object-source.js';
import {CompactPod, type CompactPods} from './compact-pods.js';
import {sameColumnsOr, sameContainersOr} from './version-sharing.js';
import type {StatusCompat} from '../compat.js';
import type {PodOwner} from '../workloads/pod-owner.js';
import type {Labels} from '../placement/label-selector.js';
import type {PodAffinityRules} from '../placement/affinity-terms.js';
import {beforeSightOf, packBeforeSight, unpackBeforeSight, type BeforeSight} from '../before-sight.js';

/** What all versions of one pod (since its history line began) share. */
interface PodIdentity {
	readonly key: string;
	readonly uid: string;
	readonly namespace: string;
	readonly name: string;
	readonly firstSeenAt: number;
	/** What its object said at first sight of its life before, packed (before-sight.ts); null when seen at its creation. */
	readonly before: string | null;
	/** Where the refs of its versions are read back from (null: the store keeps objects). */
	readonly source: ObjectSource | null;
	/** Where its compacted objects are read back from (null: the store keeps objects as they are). */
	readonly compact: CompactPods | null;
	/** The transitions of these versions (each keeps its length in it). */
	readonly line: HistoryLine;
}

/** What a placement holds that pods share (Interns): the version before's, given back when unchanged. */
interface SharedByPods {
	readonly labels: Labels;
	readonly rules: PodAffinityRules | null;
	readonly owner: PodOwner | null;
}

/**
 * What rarely changes between versions of a pod, shared by the versions until it does: the place
 * for a new field read from the object (add it here, to placementAfter's comparison, and a getter
 * to PodVersion). A deleted version was made by its DELETED entry, so its deletedAt is its
 * lastChangedAt.
 */
interface Placement extends SharedByPods {
	readonly mirror: MirrorInfo | null;
	readonly sidecars: number;
	readonly nodeName: string | null;
	readonly deletionTimestamp: string | null;
	readonly deleted: boolean;
}

/**
 * The placement of a version made from `pod`: `previous` itself when nothing in it changed (most
 * entries), compared field by field before a new one is made, so that an entry that changes no
 * placement leaves no object behind.
 */
function placementAfter(pod: Pod, deleted: boolean, interns: Interns, previous: Placement | undefined): Placement {
	const mirror = mirrorInfo(pod);
	const sidecars = countSidecars(pod);
	const nodeName = pod.spec?.nodeName ? interns.text(pod.spec.nodeName) : null;
	const deletionTimestamp = pod.metadata?.deletionTimestamp ?? null;
	const labels = interns.labels(pod.metadata?.labels, previous?.labels);
	const rules = interns.podRules(pod.spec?.affinity, previous?.rules);
	const owner = interns.owner(pod, previous?.owner);
	if (
		previous &&
		sameMirror(previous.mirror, mirror) &&
		previous.sidecars === sidecars &&
		previous.nodeName === nodeName &&
		previous.deletionTimestamp === deletionTimestamp &&
		previous.deleted === deleted &&
		previous.labels === labels &&
		previous.rules === rules &&
		previous.owner === owner
	)
		return previous;
	return {mirror, sidecars, nodeName, deletionTimestamp, deleted, labels, rules, owner};
}

/** What a store passes to nextPodVersion besides the entry. */
export interface VersionContext {
	readonly compat: StatusCompat;
	readonly interns: Interns;
	/** Where refs given to apply() are read back from; null for a store that keeps its objects. */
	readonly objects: ObjectSource | null;
	/** Where objects are compacted (apply without a ref); null for a store that keeps them as they are. */
	readonly compact: CompactPods | null;
}

export class PodVersion implements PodState {
	readonly columns: PodColumns;
	readonly containers: ContainerView[];
	readonly identity: PodIdentity;
	/** Transitions of this version in identity.line (before HISTORY_LIMIT cuts the front). */
	readonly lineLength: number;
	/**
	 * The entry this version came from: its ref in identity.source, its object compacted, or the
	 * object itself; null for a version kept without its object (withoutObject).
	 */
	private readonly origin: number | CompactPod | Pod | null;
	/** Its serverRow: the ref of the last entry that carried a row, or that row itself, or null. */
	readonly rowOrigin: number | PrintedRow | null;
	/** The resourceVersion (packedVersion). */
	readonly version: number | string | null;
	/**
	 * lastChangedAt − firstSeenAt: a small whole number V8 keeps in the field itself, where an epoch-ms
	 * number takes a box of its own. Exact: both are times of the same session (x − y is exact for
	 * doubles within a factor of two of each other, and adding y back gives x).
	 */
	private readonly changedAfter: number;
	readonly placement: Placement;
	readonly status: CoreStatus;

	constructor(
		identity: PodIdentity,
		fields: Pick<PodState, 'columns' | 'containers' | 'lastChangedAt'>,
		shared: SharedParts,
		origin: {object: number | CompactPod | Pod | null; row: number | PrintedRow | null; lineLength: number},
	) {
		this.identity = identity;
		this.columns = fields.columns;
		this.containers = fields.containers;
		this.changedAfter = fields.lastChangedAt - identity.firstSeenAt;
		this.lineLength = origin.lineLength;
		this.origin = origin.object;
		this.rowOrigin = origin.row;
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

	get beforeSight(): BeforeSight | null {
		const packed = this.identity.before;
		return packed === null ? null : unpackBeforeSight(packed);
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

	get owner(): PodOwner | null {
		return this.placement.owner;
	}

	/** Its labels and pod (anti-)affinity: the placement it shares with its other versions holds them. */
	get scheduling(): SchedulingFacts {
		return this.placement;
	}

	get core(): PodCore {
		return coreOf(this);
	}

	get history(): readonly Transition[] {
		return this.identity.line.history(this.lineLength);
	}

	get historyLength(): number {
		return Math.min(this.lineLength, HISTORY_LIMIT);
	}

	get objectKept(): boolean {
		return this.origin !== null;
	}

	readObject(): Pod {
		const origin = this.origin;
		if (origin === null) return objectOfVersion(this);
		if (typeof origin === 'number') return this.identity.source!.object(origin);
		return origin instanceof CompactPod ? this.identity.compact!.unpack(origin) : origin;
	}

	/**
	 * The same version without the object it keeps in memory (a ref to read it back is kept: it costs
	 * a number): what a store keeps of a pod it holds only for its lane (ended-pods.ts). Its object
	 * is then only what the version knows itself — names, labels, node, phase, conditions — and its
	 * server row is gone.
	 */
	withoutObject(): PodVersion {
		if (typeof this.origin === 'number') return this;
		const {columns, containers, lastChangedAt, version, placement, status, rowOrigin, lineLength} = this;
		const row = typeof rowOrigin === 'number' ? rowOrigin : null;
		return new PodVersion(this.identity, {columns, containers, lastChangedAt}, {version, placement, status}, {object: null, row, lineLength});
	}

	readServerRow(): PrintedRow | null {
		return typeof this.rowOrigin === 'number' ? this.identity.source!.row(this.rowOrigin) : this.rowOrigin;
	}

	/** The same version with other columns (another server version's printer). */
	withColumns(columns: PodColumns): PodVersion {
		const {containers, lastChangedAt, version, placement, status, origin, rowOrigin, lineLength} = this;
		return new PodVersion(this.identity, {columns, containers, lastChangedAt}, {version, placement, status}, {object: origin, row: rowOrigin, lineLength});
	}

	/** What a screen shows of it, as plain data (the object read back if need be). */
	toJSON(): unknown {
		const {key, uid, namespace, name, columns, containers, mirror, sidecars, history, deletedAt, firstSeenAt, lastChangedAt} = this;
		return {
			key,
			uid,
			namespace,
			name,
			object: this.readObject(),
			core: this.core,
			columns,
			containers,
			mirror,
			sidecars,
			history,
			deletedAt,
			firstSeenAt,
			lastChangedAt,
			serverRow: this.readServerRow(),
		};
	}
}

/**
 * The version of a pod that a watch entry makes after `previous` (the version under the same key),
 * or null when the entry changes nothing: a relist's ADDED of the version already held, a DELETED
 * of a pod already deleted. `from`: the entry's ref in context.objects, or null to keep the object.
 */
export function nextPodVersion(
	previous: PodVersion | undefined,
	type: WatchType,
	received: Pod,
	row: PrintedRow | null,
	at: number,
	from: number | null,
	context: VersionContext,
): PodVersion | null {
	const {interns} = context;
	const deleted = type === 'DELETED';
	const uid = received.metadata?.uid ?? '';
	// A new uid under the same name is a new pod: it replaces the tombstone and starts a new history.
	const base = previous && previous.uid === uid ? previous : null;
	const version = packedVersion(received.metadata?.resourceVersion ?? null);
	if (base) {
		if (deleted && base.deletedAt !== null) return null;
		// A relist sends ADDED again for every pod it already had: the object did not change (its
		// row may differ only in AGE).
		if (received.metadata?.resourceVersion !== undefined && version === base.version && !deleted && base.deletedAt === null) return null;
	}
	const columns = sameColumnsOr(base?.columns, interns.columns(podColumns(received, context.compat)));
	const containers = sameContainersOr(
		base?.containers,
		containerViews(received).map(view => interns.container(view)),
	);
	const placement = placementAfter(received, deleted, interns, base?.placement);
	const status = interns.status(received.status);
	const shared = {version, placement, status};
	const transitions = diffPod(
		base ? {core: base.core, columns: base.columns, containers: base.containers} : null,
		{pod: received, core: coreOf(shared), columns, containers},
		at,
		{deleted},
	);
	const history = base
		? base.identity.line.append(base.lineLength, transitions)
		: {line: new HistoryLine(transitions, interns.words), length: transitions.length};
	// A new line (a branch after a restore, or a long line started again) is a new identity: the
	// versions before it keep the old one. The versions of a pod share its names.
	const identity =
		base && base.identity.line === history.line
			? base.identity
			: {
					key: base?.key ?? podKeyOf(received.metadata),
					uid: base?.uid ?? uid,
					namespace: base?.namespace ?? received.metadata?.namespace ?? '',
					name: base?.name ?? received.metadata?.name ?? '',
					firstSeenAt: base?.firstSeenAt ?? at,
					before: base ? base.identity.before : packBeforeSight(beforeSightOf(received, at)),
					source: context.objects,
					compact: context.compact,
					line: history.line,
				};
	// serverRow: this entry's row, else that of the last entry that had one.
	const object = from ?? (context.compact ? context.compact.pack(withoutManagedFields(received)) : withoutManagedFields(received));
	const rowOrigin = row ? (from ?? row) : (base?.rowOrigin ?? null);
	return new PodVersion(identity, {columns, containers, lastChangedAt: at}, shared, {object, row: rowOrigin, lineLength: history.length});
}

/** The object of a version kept without one: what the version itself knows of it. */
function objectOfVersion(version: PodVersion): Pod {
	const {placement, status, columns} = version;
	const owner = placement.owner;
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name: version.name,
			namespace: version.namespace,
			uid: version.uid,
			...(columns.createdMs !== null && {creationTimestamp: new Date(columns.createdMs).toISOString().replace('.000Z', 'Z')}),
			...(placement.deletionTimestamp !== null && {deletionTimestamp: placement.deletionTimestamp}),
			labels: {...placement.labels},
			...(owner && {ownerReferences: [{kind: owner.kind, name: owner.name, ...(owner.uid !== '' && {uid: owner.uid}), controller: true}]}),
		},
		spec: {containers: [], ...(placement.nodeName !== null && {nodeName: placement.nodeName})},
		status: {
			...(status.phase !== null && {phase: status.phase}),
			...(status.reason !== null && {reason: status.reason}),
			conditions: status.conditions.map(({type, status}) => ({type, status})),
		},
	};
}

/** The parts of a version that are shared with other versions (or pods), and its resourceVersion. */
interface SharedParts {
	readonly version: number | string | null;
	readonly placement: Placement;
	readonly status: CoreStatus;
}

function coreOf({version, placement, status}: SharedParts): PodCore {
	return {
		resourceVersion: version === null ? null : String(version),
		deletionTimestamp: placement.deletionTimestamp,
		nodeName: placement.nodeName,
		phase: status.phase,
		reason: status.reason,
		conditions: status.conditions,
	};
}

function sameMirror(a: MirrorInfo | null, b: MirrorInfo | null): boolean {
	if (a === null || b === null) return a === b;
	return a.node === b.node && a.source === b.source && a.hash === b.hash && a.mirror === b.mirror;
}

/**
 * A resourceVersion as a version keeps it: the decimal number etcd gives as a number (a string
 * each would take a heap object per version), anything else as it came.
 */
function packedVersion(text: string | null): number | string | null {
	return text !== null && text.length <= 15 && CANONICAL_DECIMAL.test(text) ? Number(text) : text;
}

const CANONICAL_DECIMAL = /^(?:0|[1-9][0-9]*)$/;
