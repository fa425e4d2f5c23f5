// One pod → one row of strings (k9s render/pod.go style): the cells the table
// shows, plus what the row's look depends on. Computed only for the rows on
// screen, because AGE, "(5s ago)" and the back-off countdown move with `now`.

import type {KubeEvent} from '../kube/objects.js';
import {rowCells} from '../model/print-pod.js';
import {workloadOf} from '../model/workloads/workload-of.js';
import {NO_OWNER_OBJECTS, type OwnerObjects} from '../model/workloads/owner-objects.js';
import {ownerText} from './workloads/workload-summary.js';
import {flagMarks, nextTryText} from './flags.js';
import {podHealth, type TroubleSignal} from '../model/health.js';
import type {PodState} from '../model/pod-state.js';
import {rowGlyph, TONE_STYLE, TROUBLE_STYLE, type RowTone} from './health-style.js';
import {whyText, type Why} from '../model/why.js';
import {cells, fitWhy} from './fit-text.js';

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
	/** The workload that made it, "Deployment/web" (model/workloads), '<none>' for a bare pod: wide mode's OWNER. */
	owner: string;
	flags: string;
	/** FLAGS' first mark (the countdown when there is one): the table keeps it whole when it cuts the cell. */
	flagsLead: string;
	tone: RowTone;
	glyph: string;
	/** What keeps it failing (crash loop, image pull back-off, …); null when it is not failing or deleted. */
	signal: TroubleSignal | null;
	/** Changed within CHANGE_HIGHLIGHT_MS of now. */
	changed: boolean;
	/** The diagnosis line (model/why.ts whyLine), '' when healthy or not computed: only rows on screen that show it get one. */
	why: string;
	/** The part of `why` that says what happens next and when ("next restart in 12s"), '' when none: cut last. */
	whyNext: string;
	/** The last log line the why ends with ("; last log: …"), '' when none: kept beside the countdown when cut. */
	whyLastLog: string;
}

/**
 * `why` is explainPod's answer for this pod, passed in because it needs the store's nodes and events;
 * `events` are the pod's own, which time an image pull back-off's next pull; `owners` the owner
 * objects the store view holds, which place the pod under its workload (OWNER).
 */
export function podRow(state: PodState, now: number, why: Why | null = null, events?: readonly KubeEvent[], owners: OwnerObjects = NO_OWNER_OBJECTS): PodRow {
	const {columns} = state;
	const health = podHealth(state, now, events);
	const deleted = state.deletedAt !== null;
	const tone: RowTone = deleted ? 'deleted' : health.health;
	const signal = deleted ? null : health.signal;
	const marks = deleted ? ['deleted'] : flagMarks(state, signal, now, {glyphShowsKind: true});
	return {
		key: state.key,
		namespace: state.namespace,
		name: state.name,
		...rowCells(columns, now),
		owner: ownerText(workloadOf(state, owners)),
		flags: marks.join(' '),
		flagsLead: marks[0] ?? '',
		tone,
		glyph: rowGlyph(tone, signal?.kind ?? null),
		signal,
		changed: now - state.lastChangedAt >= 0 && now - state.lastChangedAt < CHANGE_HIGHLIGHT_MS,
		why: why ? whyText(why) : '',
		whyNext: why?.next ?? '',
		whyLastLog: why?.lastLog ?? '',
	};
}

/**
 * The line under the table for the selected pod: its STATUS and, when it fails, why and when the
 * kubelet tries again. With a diagnosis on the row the signal is left out: the why says the same, with evidence.
 */
export function selectedPodText(row: PodRow, now: number): string {
	const head = `${row.key}  ${row.status}${row.tone === 'deleted' ? ' (deleted)' : ''}`;
	const signal = row.signal;
	if (!signal || row.why !== '') return head;
	const who = signal.container ? ` in container ${signal.container}` : '';
	const next = nextTryText(signal, now);
	const glyph = signal.kind === 'failing' ? TONE_STYLE.failing.glyph : TROUBLE_STYLE[signal.kind].glyph;
	return `${head}  ${glyph} ${signal.reason}${who}${next ? `, ${next}` : ''}`;
}

/** Between the pod and its diagnosis in the status line. */
export const WHY_SEPARATOR = '  — ';

/**
 * The status line in `width` cells: the pod and its STATUS whole, then the diagnosis, cut so that
 * its countdown ("next restart in 12s") is the last thing to go.
 */
export function statusLineText(row: PodRow, now: number, width: number): {text: string; why: string | null} {
	const text = selectedPodText(row, now);
	if (row.why === '') return {text, why: null};
	const room = width - cells(text) - cells(WHY_SEPARATOR);
	return {text, why: room > 0 ? fitWhy(row.why, row.whyNext, row.whyLastLog, room) : null};
}
