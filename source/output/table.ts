// `--output table`: the pods at a moment, as `kubectl get pods -o wide` prints
// them, plus podlife's FLAGS and, last, WHY (cause: evidence) for pods that are not healthy.

import {formatAge, formatRestarts} from '../model/columns.js';
import {podHealth} from '../model/health.js';
import type {PodState} from '../model/types.js';
import {whyLine} from '../model/why.js';
import {flagsCell} from '../view/flags.js';
import {NO_WHY_SOURCE, type WhySource} from './pod-json.js';
import {textTable} from './text-table.js';

export const TABLE_HEADER = ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'FLAGS', 'WHY'] as const;

/** Live pods (tombstones left out), ordered by namespace then name like kubectl -A. */
export function livePods(pods: Iterable<PodState>): PodState[] {
	return [...pods]
		.filter(p => p.deletedAt === null)
		.sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function tableRow(state: PodState, now: number, source: WhySource = NO_WHY_SOURCE): string[] {
	const {columns} = state;
	const {crashLoop} = podHealth(state, now);
	return [
		state.namespace,
		state.name,
		columns.ready,
		columns.status,
		formatRestarts(columns, now),
		formatAge(columns, now),
		columns.ip,
		columns.node,
		flagsCell(state, crashLoop, now),
		whyLine(state, source, now) ?? '',
	];
}

export function renderTable(pods: Iterable<PodState>, now: number, source: WhySource = NO_WHY_SOURCE): string {
	const list = livePods(pods);
	if (list.length === 0) return 'No pods found.\n';
	return textTable(TABLE_HEADER, list.map(p => tableRow(p, now, source)));
}
