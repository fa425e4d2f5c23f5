// What a PodStore hands out of its state whole (pod-store.ts): a snapshot of it at one version
// (replay seeks by restoring one), what changed after a version (changedSince), and the
// namespaces' state a snapshot carries.

import type {KubeEvent, Node} from '../../kube/objects.js';
import type {CapturedLog} from '../captured-log.js';
import type {StatusCompat} from '../compat.js';
import type {ConnectionStatus} from '../connection-status.js';
import type {NamespaceLabels} from '../placement/cluster.js';
import type {Labels} from '../placement/label-selector.js';
import type {PodState} from '../pod-state.js';
import type {OwnerObjects} from '../workloads/owner-objects.js';
import type {EndedPodsSnapshot} from './ended-pods.js';
import type {TombstoneQueueSnapshot} from './tombstone-queue.js';

/**
 * A PodStore's whole state at one version, for seeking in replay (PodStore.restore). It shares its
 * maps and PodState objects with the store (they are never changed in place), so taking one is
 * cheap. Its maps may be replaced by any map of the same entries (replay keyframes pack them):
 * restore reads them by forEach.
 */
export interface StoreSnapshot {
	readonly version: number;
	readonly compat: StatusCompat;
	readonly pods: ReadonlyMap<string, PodState>;
	readonly nodes: ReadonlyMap<string, Node>;
	readonly namespaces: NamespaceState;
	/** The pods' owner objects the session holds (few, rarely changed: a write copies the map). */
	readonly owners: OwnerObjects;
	readonly eventsByPod: ReadonlyMap<string, readonly KubeEvent[]>;
	readonly logsByPod: ReadonlyMap<string, readonly CapturedLog[]>;
	/** Deleted pods, oldest deletion first (tombstone-queue.ts). */
	readonly tombstones: TombstoneQueueSnapshot;
	/** Deleted pods kept for their lanes (ended-pods.ts). */
	readonly endedPods: EndedPodsSnapshot;
	readonly synced: ReadonlySet<string>;
	readonly connection: ConnectionStatus | null;
}

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

/**
 * The namespaces' labels the store holds, and the server's refusal to list them. Few and rarely
 * changed (a write copies the map): a snapshot shares the state as it is.
 */
export interface NamespaceState {
	readonly labels: ReadonlyMap<string, Labels>;
	/** The server's message when it refused to list them; null otherwise. */
	readonly forbidden: string | null;
}

export const NO_NAMESPACES: NamespaceState = {labels: new Map(), forbidden: null};

/** What a view tells placement: the labels once the namespaces' list is complete (SYNCED). */
export function namespaceLabels(state: NamespaceState, synced: ReadonlySet<string>): NamespaceLabels {
	if (synced.has('namespaces')) return {known: true, labels: state.labels};
	if (state.forbidden !== null) return {known: false, why: 'forbidden', message: state.forbidden};
	return {known: false, why: 'absent', message: null};
}
