// Which pods the table shows: a case-insensitive substring over namespace, name,
// STATUS and NODE; faulty-only; one namespace or all.

import type {IndexEntry} from './index-entry.js';

export interface RowFilter {
	text: string;
	faultyOnly: boolean;
	/** Namespace scope; null = all namespaces. */
	namespace: string | null;
}

export const NO_FILTER: RowFilter = {text: '', faultyOnly: false, namespace: null};

export function filterKey(filter: RowFilter): string {
	return `${filter.text.toLowerCase()}\u0000${filter.faultyOnly}\u0000${filter.namespace ?? ''}`;
}

/** The filter as a test to run over many entries (the text is lower-cased once). */
export function filterPredicate(filter: RowFilter): (entry: Pick<IndexEntry, 'namespace' | 'faulty' | 'search'>) => boolean {
	const text = filter.text.trim().toLowerCase();
	const {namespace, faultyOnly} = filter;
	return entry => (namespace === null || entry.namespace === namespace) && (!faultyOnly || entry.faulty) && (text === '' || entry.search.includes(text));
}

/** The next namespace scope: all → first namespace → … → last → all. */
export function nextScope(current: string | null, namespaces: readonly string[]): string | null {
	if (namespaces.length === 0) return null;
	if (current === null) return namespaces[0]!;
	const at = namespaces.indexOf(current);
	return at === -1 || at === namespaces.length - 1 ? null : namespaces[at + 1]!;
}
