// A pod as the store holds it (PodState) and its parts: the printed columns, the containers,
// the mirror-pod facts, the history of transitions; and the store's view of all pods. The model
// is pure: no ink, react or client-node import at run time. `now` is always a parameter (epoch
// ms): the replay clock in replay, the wall clock live.

import type {Pod, KubeEvent, Node} from '../kube/objects.js';
import type {PrintedRow} from '../session/format.js';
import type {CapturedLog} from './captured-log.js';
import type {PodAffinityRules} from './placement/affinity-terms.js';
import type {Cluster, NamespaceLabels} from './placement/cluster.js';
import type {Labels} from './placement/label-selector.js';
import type {PodOwner} from './workloads/pod-owner.js';
import type {OwnerObjects} from './workloads/owner-objects.js';
import type {BeforeSight} from './before-sight.js';

/**
 * The now-independent part of a pod's printed row (printPod), computed once per object.
 * AGE and the "(X ago)" of RESTARTS depend on `now` and are formatted from the
 * epoch-ms fields here.
 */
export interface PodColumns {
	ready: string;
	status: string;
	/** The restart count that RESTARTS prints. */
	restarts: number;
	/** Newest lastState.terminated.finishedAt among the counted containers (epoch ms), or null. */
	lastRestartMs: number | null;
	/** metadata.creationTimestamp (epoch ms), or null → "<unknown>". */
	createdMs: number | null;
	ip: string;
	node: string;
	nominatedNode: string;
	readinessGates: string;
}

export type ContainerKind = 'init' | 'sidecar' | 'regular' | 'ephemeral';
export type ContainerStateName = 'waiting' | 'running' | 'terminated' | 'unknown';

export interface Termination {
	exitCode: number;
	signal: number | null;
	reason: string | null;
	message: string | null;
	startedMs: number | null;
	finishedMs: number | null;
}

export interface ContainerView {
	kind: ContainerKind;
	name: string;
	/** Position in its spec list (init/sidecar share the initContainers index). */
	index: number;
	image: string | null;
	imagePullPolicy: string | null;
	state: ContainerStateName;
	reason: string | null;
	message: string | null;
	exitCode: number | null;
	signal: number | null;
	startedMs: number | null;
	finishedMs: number | null;
	ready: boolean;
	started: boolean | null;
	restartCount: number;
	lastTermination: Termination | null;
	/** The kubelet's back-off, parsed from "back-off 40s restarting failed container=…". */
	backOffMs: number | null;
	/** lastTermination.finishedMs + backOffMs: when the kubelet restarts it next. */
	nextRestartMs: number | null;
}

export interface MirrorInfo {
	/** The node that owns the static pod (owner reference kind Node, else the name suffix). */
	node: string | null;
	/** kubernetes.io/config.source (file, http, api). */
	source: string | null;
	/** kubernetes.io/config.hash. */
	hash: string | null;
	/** kubernetes.io/config.mirror. */
	mirror: string;
}

export type TransitionKind = 'created' | 'phase' | 'status' | 'ready' | 'condition' | 'container' | 'restart' | 'node' | 'deleted' | 'deleting';

export interface Transition {
	/** When the change was seen (epoch ms of the entry). */
	readonly at: number;
	readonly kind: TransitionKind;
	/** What changed: "phase", "STATUS", "Ready", "container app", … */
	readonly subject: string;
	readonly from: string | null;
	readonly to: string | null;
	/** The STATUS column after this change. */
	readonly statusAfter: string;
	/** Extra words: a reason or message. */
	readonly detail?: string;
}

/** The fields of a pod object read on every entry (diffs, relist check, health): kept in memory by every state. */
export interface PodCore {
	resourceVersion: string | null;
	deletionTimestamp: string | null;
	nodeName: string | null;
	phase: string | null;
	reason: string | null;
	/** type and status of each condition. */
	conditions: ReadonlyArray<{type: string; status: string}>;
}

/**
 * What the scheduler reads of a pod that sits on a node when it places another one: kept in memory
 * for every pod (shared by its versions, and by pods with the same labels or rules), so that
 * placing one pod never reads the others' objects back.
 */
export interface SchedulingFacts {
	readonly labels: Labels;
	/** spec.affinity's podAffinity and podAntiAffinity; null when it has neither (most pods). */
	readonly rules: PodAffinityRules | null;
}

/**
 * A pod as the store holds it after one entry: what the screens show, derived once. Immutable: a
 * change makes a new state. What is shown on every frame is in memory; the object itself may be
 * read back from the session file (readObject). One implementation, model/store/pod-version.ts:
 * a new field read from the object goes in its Placement (placementAfter) and a getter there.
 */
export interface PodState {
	/** "namespace/name". */
	readonly key: string;
	readonly uid: string;
	readonly namespace: string;
	readonly name: string;
	readonly core: PodCore;
	readonly columns: PodColumns;
	readonly containers: ContainerView[];
	readonly mirror: MirrorInfo | null;
	readonly sidecars: number;
	/** Its controller (ownerReferences): a ReplicaSet, StatefulSet, DaemonSet, Job, Node (a mirror pod), …; null for a bare pod. */
	readonly owner: PodOwner | null;
	/** Its labels and inter-pod rules, for placing other pods (model/placement). */
	readonly scheduling: SchedulingFacts;
	/** Transitions, oldest first (the last HISTORY_LIMIT). */
	readonly history: readonly Transition[];
	/** history.length, without building it. */
	readonly historyLength: number;
	/** When the pod was deleted (epoch ms): a tombstone keeps its last state. */
	readonly deletedAt: number | null;
	readonly firstSeenAt: number;
	/**
	 * What its object said at first sight of its life before (model/before-sight.ts): what the Lanes
	 * view draws, as reconstructed, before the lane podlife saw. Null when it was seen at its creation.
	 * Unpacked on each read (the state keeps it as a short text): not for every row of every frame.
	 */
	readonly beforeSight: BeforeSight | null;
	readonly lastChangedAt: number;
	/**
	 * Whether the store kept this version's object: false for an ended pod kept only for its lane
	 * (model/store/ended-pods.ts), whose readObject is then only what the version knows itself (names,
	 * labels, owner, node, phase, conditions), not the object the server sent.
	 */
	readonly objectKept: boolean;
	/** The last object seen (managedFields dropped). May read it from the session file: not for every row of every frame. */
	readObject(): Pod;
	/** The server's row from the last entry that carried one (for parity checks). May read the session file. */
	readServerRow(): PrintedRow | null;
}

export interface StoreView {
	pods: ReadonlyMap<string, PodState>;
	nodes: ReadonlyMap<string, Node>;
	/** Events by involved pod key "namespace/name": every life of the name; a pod's own are podEvents(view, pod) (store/pod-events.ts). */
	eventsByPod: ReadonlyMap<string, readonly KubeEvent[]>;
	/** The container logs a recording captured, by pod key "namespace/name", oldest first (model/captured-log.ts). */
	logsByPod: ReadonlyMap<string, readonly CapturedLog[]>;
	/** The namespaces' labels, when the session holds them (a namespaceSelector needs them). */
	namespaces: NamespaceLabels;
	/** The pods' owner objects (ReplicaSets, Deployments, …) when the session holds them; most hold none (model/workloads). */
	owners: OwnerObjects;
	/**
	 * The pods on nodes as the scheduler's cache would hold them, leaving out `exclude`: what a pod's
	 * placement is judged against (model/placement). Kept up to date from the store's change feed
	 * while the view is the store's current one.
	 */
	placementCluster(exclude: string | null): Cluster;
	/**
	 * Every pod the store saw deleted (within its limits), oldest deletion first, as its deleted
	 * state without its object: for the lanes of pods the store no longer holds
	 * (model/store/ended-pods.ts podsAndEnded). The recent ones are in `pods` too, as tombstones.
	 */
	endedPods: readonly PodState[];
}
