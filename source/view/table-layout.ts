// Fits the pod table to the terminal width: which columns (wide adds IP and
// NOMINATED NODE, like `kubectl get pods -o wide`, and WHY, the diagnosis), how
// wide each is, and each visible row as one padded line. Long names are cut with
// "…" rather than wrapped, because a wrapped row would push the table past the
// screen. The last column (FLAGS, or WHY in wide mode) takes what is left.

import stringWidth from 'string-width';
import type {PodRow} from './pod-row.js';

export type ColumnId = 'namespace' | 'name' | 'ready' | 'status' | 'restarts' | 'age' | 'ip' | 'node' | 'nominatedNode' | 'flags' | 'why';

interface ColumnSpec {
	id: ColumnId;
	title: string;
	/** Narrowest it may be cut to when space is short (0 = never cut). */
	min: number;
	/** Widest it grows to. */
	max: number;
}

const SPECS: Readonly<Record<ColumnId, ColumnSpec>> = {
	namespace: {id: 'namespace', title: 'NAMESPACE', min: 9, max: 24},
	name: {id: 'name', title: 'NAME', min: 16, max: 63},
	ready: {id: 'ready', title: 'READY', min: 0, max: 7},
	status: {id: 'status', title: 'STATUS', min: 0, max: 28},
	restarts: {id: 'restarts', title: 'RESTARTS', min: 0, max: 16},
	age: {id: 'age', title: 'AGE', min: 0, max: 8},
	ip: {id: 'ip', title: 'IP', min: 7, max: 39},
	node: {id: 'node', title: 'NODE', min: 6, max: 32},
	nominatedNode: {id: 'nominatedNode', title: 'NOMINATED NODE', min: 6, max: 32},
	flags: {id: 'flags', title: 'FLAGS', min: 0, max: 60},
	why: {id: 'why', title: 'WHY', min: 0, max: Number.POSITIVE_INFINITY},
};

const NARROW: readonly ColumnId[] = ['namespace', 'name', 'ready', 'status', 'restarts', 'age', 'node', 'flags'];
const WIDE: readonly ColumnId[] = ['namespace', 'name', 'ready', 'status', 'restarts', 'age', 'ip', 'node', 'nominatedNode', 'flags', 'why'];
/**
 * When the row does not fit, columns give up width in this order, each down to
 * the width given: first long names are cut to a still-readable length, then
 * further, down to each column's minimum.
 */
const SHRINK: ReadonlyArray<readonly [ColumnId, number]> = [
	['nominatedNode', 6],
	// Only when FLAGS is not last (wide mode, before WHY): a long mark gives way before the IPs.
	['flags', 15],
	['node', 12],
	['namespace', 11],
	['name', 32],
	['node', 8],
	['namespace', 9],
	['name', 20],
	['node', 6],
	['name', 16],
	// A cut IP is of no use: it gives way last.
	['ip', 7],
];
const GAP = 2;
/**
 * Room the last column keeps before the others are cut: FLAGS a little ("static"; a long
 * crash-loop mark is cut instead), WHY enough for the cause and the container
 * ("crash-loop: container api e…"; the status line has the rest).
 */
const REST_ROOM: Partial<Record<ColumnId, number>> = {flags: 6, why: 28};

export interface TableLayout {
	columns: ReadonlyArray<{id: ColumnId; title: string; width: number}>;
	header: string;
	/** The width the lines are cut to (when even the narrowest columns do not fit). */
	width: number;
}

export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (stringWidth(text) <= width) return text;
	let out = '';
	for (const char of text) {
		if (stringWidth(out + char) > width - 1) break;
		out += char;
	}
	return out + '…';
}

function pad(text: string, width: number): string {
	const cut = truncate(text, width);
	return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

/**
 * Column widths for these rows in `width` cells (the row prefix not included).
 * `oneNamespace`: the scope is a single namespace, so NAMESPACE is left out, as
 * `kubectl get pods` leaves it out without -A; NAME gets the room.
 */
export function tableLayout(rows: readonly PodRow[], wide: boolean, width: number, oneNamespace = false): TableLayout {
	const ids = (wide ? WIDE : NARROW).filter(id => !(oneNamespace && id === 'namespace'));
	const widths = new Map<ColumnId, number>();
	for (const id of ids) {
		const spec = SPECS[id];
		let w = stringWidth(spec.title);
		for (const row of rows) w = Math.max(w, stringWidth(row[id]));
		widths.set(id, Math.min(w, spec.max));
	}
	const rest = ids.at(-1)!;
	const fixed = () => ids.filter(id => id !== rest).reduce((sum, id) => sum + widths.get(id)! + GAP, 0);
	const restRoom = Math.min(REST_ROOM[rest] ?? 0, Math.max(stringWidth(SPECS[rest].title), ...rows.map(r => stringWidth(r[rest]))));
	for (const [id, floor] of SHRINK) {
		const over = fixed() + restRoom - width;
		if (over <= 0) break;
		const w = widths.get(id);
		if (w === undefined || id === rest) continue;
		widths.set(id, Math.max(floor, w - over, Math.min(w, floor)));
	}
	widths.set(rest, Math.max(0, width - fixed()));
	const columns = ids.map(id => ({id, title: SPECS[id].title, width: widths.get(id)!}));
	return {columns, header: truncate(line(columns.map(c => [c.title, c.width])), width), width};
}

function line(cells: ReadonlyArray<readonly [string, number]>): string {
	return cells
		.map(([text, width], i) => (i === cells.length - 1 ? truncate(text, width) : pad(text, width) + ' '.repeat(GAP)))
		.join('')
		.trimEnd();
}

export function rowLine(row: PodRow, layout: TableLayout): string {
	return truncate(line(layout.columns.map(c => [row[c.id], c.width] as const)), layout.width);
}
