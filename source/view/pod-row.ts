// One pod → one row of strings (k9s render/pod.go style): the cells the table
// shows, plus what the row's look depends on. Computed only for the rows on
// screen, because AGE, "(5s ago)" and the back-off countdown move with `now`.

import {rowCells} from '../model/columns.js';
import {flagsCell} from './flags.js';
import {podHealth} from '../model/health.js';
import type {CrashLoopSignal, PodState} from '../model/types.js';
import {humanDuration} from '../model/duration.js';
import {rowGlyph, type RowTone} from './health-style.js';

/** How long a changed row stays highlighted. */
export const CHANGE_HIGHLIGHT_MS = 1500;

export interface PodRow {
	key: string;
	namespace: string;
	name: string;
	ready: string;
	status: string;
	restarts: string;
	age: string;
	ip: string;
	node: string;
	nominatedNode: string;
	flags: string;
	tone: RowTone;
	glyph: string;
	crashLoop: CrashLoopSignal | null;
	/** Changed within CHANGE_HIGHLIGHT_MS of now. */
	changed: boolean;
	/** The diagnosis line (model/why.ts whyLine), '' when healthy or not computed: only rows on screen that show it get one. */
	why: string;
}

/** `why` is whyLine's answer for this pod, passed in because it needs the store's nodes and events. */
export function podRow(state: PodState, now: number, why: string | null = null): PodRow {
	const {columns} = state;
	const {health, crashLoop} = podHealth(state, now);
	const deleted = state.deletedAt !== null;
	const tone: RowTone = deleted ? 'deleted' : health;
	const signal = deleted ? null : crashLoop;
	return {
		key: state.key,
		namespace: state.namespace,
		name: state.name,
		...rowCells(columns, now),
		flags: deleted ? 'deleted' : flagsCell(state, signal, now, {glyphShowsCrashLoop: true}),
		tone,
		glyph: rowGlyph(tone, signal !== null),
		crashLoop: signal,
		changed: now - state.lastChangedAt >= 0 && now - state.lastChangedAt < CHANGE_HIGHLIGHT_MS,
		why: why ?? '',
	};
}

/**
 * The line under the table for the selected pod: its STATUS and, when it loops, why and when next.
 * With a diagnosis on the row the loop signal is left out: the why says the same, with evidence.
 */
export function selectedPodText(row: PodRow, now: number): string {
	const head = `${row.namespace}/${row.name}  ${row.status}${row.tone === 'deleted' ? ' (deleted)' : ''}`;
	const loop = row.crashLoop;
	if (!loop || row.why !== '') return head;
	const who = loop.container ? ` in container ${loop.container}` : '';
	let next = '';
	if (loop.nextRestartMs !== null) {
		const left = loop.nextRestartMs - now;
		next = left > 0 ? `, restart in ${humanDuration(left)}` : ', restart due';
	}
	return `${head}  ${rowGlyphFor(loop.reason)} ${loop.reason}${who}${next}`;
}

function rowGlyphFor(reason: string): string {
	return reason === 'CrashLoopBackOff' || reason === 'RestartsRising' ? '↻' : '✗';
}
