// Server-side printing: with `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`
// the API server answers pod lists and watch events as meta.k8s.io/v1 Tables
// whose rows carry the cells `kubectl get pods -o wide` prints (from the
// server's printPod) and, with includeObject=Object, the whole pod. `record`
// keeps those cells as each entry's `row`: the ground truth for podlife's columns.

import type {KubeObject} from '../../kube/objects.js';
import type {PrintedRow} from '../../session/format.js';

/** Table first; the plain list if the server cannot print (the answer's `kind` tells which). */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

export interface TableColumn {
	name: string;
	type?: string;
}

export interface TableRow {
	cells?: unknown[];
	object?: KubeObject;
}

export interface Table {
	kind: 'Table';
	apiVersion?: string;
	metadata?: {resourceVersion?: string; continue?: string};
	columnDefinitions?: TableColumn[];
	rows?: TableRow[];
}

export function isTable(value: unknown): value is Table {
	return typeof value === 'object' && value !== null && (value as {kind?: unknown}).kind === 'Table';
}

/** columnDefinitions names (printers in pkg/printers/internalversion) → PrintedRow fields. */
const FIELD_OF_COLUMN: Record<string, keyof PrintedRow> = {
	ready: 'ready',
	status: 'status',
	restarts: 'restarts',
	age: 'age',
	ip: 'ip',
	node: 'node',
	'nominated node': 'nominatedNode',
	'readiness gates': 'readinessGates',
};

function cellText(cell: unknown): string {
	if (cell === null || cell === undefined) return '';
	return typeof cell === 'string' ? cell : String(cell);
}

/** The row's cells named by the table's columns, or undefined when the row lacks the four core cells. */
export function printedRow(columns: readonly TableColumn[], cells: readonly unknown[] | undefined): PrintedRow | undefined {
	if (!cells || columns.length === 0) return undefined;
	const row: Partial<PrintedRow> = {};
	columns.forEach((column, index) => {
		const field = FIELD_OF_COLUMN[column.name.toLowerCase()];
		if (field && index < cells.length) row[field] = cellText(cells[index]);
	});
	if (row.ready === undefined || row.status === undefined || row.restarts === undefined || row.age === undefined) return undefined;
	return row as PrintedRow;
}
