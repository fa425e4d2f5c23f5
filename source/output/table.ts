// `--output table`: the pods at a moment, as `kubectl get pods -A` prints them
// with the IP and NODE cells, plus podlife's FLAGS and, last, WHY (cause:
// evidence) for pods that are not healthy. `--output wide` (kubectl's -o wide)
// adds NOMINATED NODE and READINESS GATES: every cell of the server's wide row.

import {rowCells} from '../model/print-pod.js';
import {podHealth} from '../model/health.js';
import type {PodState} from '../model/pod-state.js';
import type {PrintedRow} from '../session/format.js';
import {explainPod, placementOf, whyContext, whyText} from '../model/why.js';
import {flagsCell} from '../view/flags.js';
import {TITLES as COLUMN_TITLES} from '../view/table-columns.js';
import {NO_WHY_SOURCE, type WhySource} from './pod-json.js';
import {textTable} from './text-table.js';

export type TableOutput = 'table' | 'wide';

type Cell = keyof Required<PrintedRow>;

/** The server's cells each table prints, in kubectl's order (model/print-pod.ts rowCells computes them all). */
const CELLS: Readonly<Record<TableOutput, readonly Cell[]>> = {
	table: ['ready', 'status', 'restarts', 'age', 'ip', 'node'],
	wide: ['ready', 'status', 'restarts', 'age', 'ip', 'node', 'nominatedNode', 'readinessGates'],
};

// The TUI's titles, and kubectl's READINESS GATES, which only -o wide prints.
const TITLES: Readonly<Record<Cell, string>> = {...COLUMN_TITLES, readinessGates: 'READINESS GATES'};

export function tableHeader(output: TableOutput = 'table'): string[] {
	return ['NAMESPACE', 'NAME', ...CELLS[output].map(cell => TITLES[cell]), 'FLAGS', 'WHY'];
}

/** Live pods (tombstones left out), ordered by namespace then name like kubectl -A. */
export function livePods(pods: Iterable<PodState>): PodState[] {
	// Each pod's sort key read once, not twice per comparison (a big cluster's sort makes millions).
	const keyed: Array<{namespace: string; name: string; state: PodState}> = [];
	for (const state of pods) if (state.deletedAt === null) keyed.push({namespace: state.namespace, name: state.name, state});
	keyed.sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
	return keyed.map(entry => entry.state);
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function tableRow(state: PodState, now: number, source: WhySource = NO_WHY_SOURCE, output: TableOutput = 'table'): string[] {
	const cells = rowCells(state.columns, now);
	const ctx = whyContext(source, state, now, placementOf(source));
	const health = podHealth(state, now, ctx.events);
	const why = explainPod(state, ctx, health);
	return [state.namespace, state.name, ...CELLS[output].map(cell => cells[cell]), flagsCell(state, health.signal, now), why ? whyText(why) : ''];
}

export function renderTable(pods: Iterable<PodState>, now: number, source: WhySource = NO_WHY_SOURCE, output: TableOutput = 'table'): string {
	const list = livePods(pods);
	if (list.length === 0) return 'No pods found.\n';
	return textTable(
		tableHeader(output),
		list.map(p => tableRow(p, now, source, output)),
	);
}
