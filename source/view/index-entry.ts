// What the pod index keeps per pod: the few fields that sort, filter and count
// need, computed once when the pod changes (not per frame).

import {podHealth, statusBucket, type StatusBucket} from '../model/health.js';
import type {PodState} from '../model/pod-state.js';
import type {RowTone} from './health-style.js';

export interface IndexEntry {
	key: string;
	namespace: string;
	name: string;
	status: string;
	node: string;
	restarts: number;
	createdMs: number | null;
	tone: RowTone;
	/** The header's group for STATUS (model/health.ts statusBucket). */
	bucket: StatusBucket;
	/** Failing, or crash-looping even while Running between restarts. */
	faulty: boolean;
	deletedAt: number | null;
	/** Lower-cased "namespace name status node" for the filter. */
	search: string;
}

export function indexEntry(state: PodState, now: number): IndexEntry {
	const {health, signal} = podHealth(state, now);
	const deleted = state.deletedAt !== null;
	const {status, node, restarts, createdMs} = state.columns;
	return {
		key: state.key,
		namespace: state.namespace,
		name: state.name,
		status,
		node,
		restarts,
		createdMs,
		tone: deleted ? 'deleted' : health,
		bucket: statusBucket(status),
		faulty: !deleted && (health === 'failing' || signal !== null),
		deletedAt: state.deletedAt,
		search: `${state.namespace}\n${state.name}\n${status}\n${node}`.toLowerCase(),
	};
}
