// Sort orders of the pod table. Every order ends with namespace/name so there
// are no ties, and every sort key is taken from the index entry, which changes
// only when the pod changes: rows never reshuffle on a clock tick. "worst" ranks
// by bucket, so a row moves only when its bucket changes.

import type {IndexEntry} from './index-entry.js';

export const SORT_MODES = ['worst', 'name', 'namespace', 'status', 'restarts', 'age', 'node', 'owner'] as const;
export type SortMode = (typeof SORT_MODES)[number];

export const SORT_LABEL: Readonly<Record<SortMode, string>> = {
	worst: 'worst first',
	name: 'name',
	namespace: 'namespace',
	status: 'status',
	restarts: 'restarts (most first)',
	age: 'age (newest first)',
	node: 'node',
	owner: 'owner (grouped)',
};

export function nextSortMode(mode: SortMode): SortMode {
	return SORT_MODES[(SORT_MODES.indexOf(mode) + 1) % SORT_MODES.length]!;
}

const BUCKET_RANK = {failing: 0, progressing: 1, ok: 2, deleted: 3} as const;

function text(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function byNamespaceName(a: Pick<IndexEntry, 'namespace' | 'name'>, b: Pick<IndexEntry, 'namespace' | 'name'>): number {
	return text(a.namespace, b.namespace) || text(a.name, b.name);
}

/** What the owner order reads of a pod: its workload's sort key, its creation, its namespace and name. */
export type OwnerOrdered = Pick<IndexEntry, 'owner' | 'createdMs' | 'namespace' | 'name'>;

/**
 * The owner order, grouped by owner (o): each workload's pods together, oldest first — a
 * Deployment's ReplicaSets in the order they came, a name's lives one after the other. The table
 * sorts by it, and the grouped list (workloads/grouped-list.ts) orders by it the pods the Lanes view
 * adds to the table's (its ended lives), so the TUI and `--output lanes` read alike.
 */
export function compareOwnerOrder(a: OwnerOrdered, b: OwnerOrdered): number {
	return text(a.owner, b.owner) || (a.createdMs ?? -Infinity) - (b.createdMs ?? -Infinity) || byNamespaceName(a, b);
}

export function comparatorFor(mode: SortMode): (a: IndexEntry, b: IndexEntry) => number {
	switch (mode) {
		case 'worst':
			return (a, b) => BUCKET_RANK[a.tone] - BUCKET_RANK[b.tone] || byNamespaceName(a, b);
		case 'name':
			return (a, b) => text(a.name, b.name) || text(a.namespace, b.namespace);
		case 'namespace':
			return byNamespaceName;
		case 'status':
			return (a, b) => text(a.status, b.status) || byNamespaceName(a, b);
		case 'restarts':
			return (a, b) => b.restarts - a.restarts || byNamespaceName(a, b);
		case 'age':
			return (a, b) => (b.createdMs ?? -Infinity) - (a.createdMs ?? -Infinity) || byNamespaceName(a, b);
		case 'node':
			return (a, b) => text(a.node, b.node) || byNamespaceName(a, b);
		case 'owner':
			return compareOwnerOrder;
	}
}
