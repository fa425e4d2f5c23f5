// The pod table's columns: their titles, the widest each grows to, the room the kubectl columns
// keep from the first frame, which columns a narrow and a wide table has, and the measure of what
// the table has shown so far (the widest cell per column), which view/table-layout.ts fits to the
// terminal.

import type {PodRow} from './pod-row.js';
import {cells} from './fit-text.js';

export type ColumnId = 'namespace' | 'name' | 'ready' | 'status' | 'restarts' | 'age' | 'ip' | 'node' | 'nominatedNode' | 'owner' | 'flags' | 'why';

/** Columns whose cells are measured (WHY takes what is left, whatever its text). */
export type MeasuredId = Exclude<ColumnId, 'why'>;

export const TITLES: Readonly<Record<ColumnId, string>> = {
	namespace: 'NAMESPACE',
	name: 'NAME',
	ready: 'READY',
	status: 'STATUS',
	restarts: 'RESTARTS',
	age: 'AGE',
	ip: 'IP',
	node: 'NODE',
	nominatedNode: 'NOMINATED NODE',
	owner: 'OWNER',
	flags: 'FLAGS',
	why: 'WHY',
};

/** The widest a column grows to (a Kubernetes name is at most 63 characters, a namespace too). */
export const CAP: Readonly<Record<MeasuredId, number>> = {
	namespace: 24,
	name: 63,
	ready: 9,
	status: 40,
	restarts: 24,
	age: 10,
	ip: 39,
	node: 32,
	nominatedNode: 32,
	owner: 48,
	flags: 40,
};

/**
 * Room the kubectl columns keep from the first frame: what every pod passes through ("ContainerCreating",
 * a restart "2 (12s ago)", an age "5m37s"), so that such a value appearing does not move the columns.
 */
export const RESERVE: Partial<Record<MeasuredId, number>> = {ready: 5, status: 17, restarts: 11, age: 5};

/**
 * The least the last column shows with: FLAGS the longest back-off countdown ("next pull in 4m59s";
 * both back-offs stop at 5m), WHY the cause and its container.
 */
export const FLAGS_ROOM = 18;
export const WHY_ROOM = 28;

export const GAP = 2;

export const NARROW: readonly ColumnId[] = ['namespace', 'name', 'ready', 'status', 'restarts', 'age', 'node', 'flags'];
export const WIDE: readonly ColumnId[] = ['namespace', 'name', 'ready', 'status', 'restarts', 'age', 'ip', 'node', 'nominatedNode', 'owner', 'flags', 'why'];

const MEASURED = Object.keys(CAP) as MeasuredId[];

/** The widest cell seen per column (titles included), and FLAGS' widest first mark. */
export type ColumnMeasure = Record<MeasuredId, number> & {flagsLead: number};

/** The measure of no rows: the titles. */
export function titleMeasure(): ColumnMeasure {
	const measure = {flagsLead: 0} as ColumnMeasure;
	for (const id of MEASURED) measure[id] = cells(TITLES[id]);
	return measure;
}

/**
 * Widens `measure` (in place) to the cells of `rows`; true when a column widened. Work grows with
 * the rows given, not with the pods.
 */
export function measureRows(measure: ColumnMeasure, rows: readonly PodRow[]): boolean {
	let widened = false;
	for (const row of rows) {
		for (const id of MEASURED) {
			const w = cells(row[id]);
			if (w > measure[id]) {
				measure[id] = w;
				widened = true;
			}
		}
		const lead = cells(row.flagsLead);
		if (lead > measure.flagsLead) {
			measure.flagsLead = lead;
			widened = true;
		}
	}
	return widened;
}
