// The line under the body: the open prompt, the answer to the last key, or the selected pod's
// status (the one in detail, under the table's or the Lanes view's cursor, or whose log is open).

import type {PodState, StoreView} from '../model/pod-state.js';
import type {Why} from '../model/why.js';
import type {LogTarget} from '../sources/log-feed.js';
import {explainPod, whyContext} from '../model/why.js';
import {podEvents} from '../model/store/pod-events.js';
import {podKey} from '../model/pod-key.js';
import {lifeOf} from '../model/store/ended-pods.js';
import {podRow, statusLineText, type PodRow} from './pod-row.js';
import type {Prompt, UiState} from './ui-state.js';
import type {SessionSpan} from './goto-time.js';
import {commandHint, fitProblem} from './command-line.js';
import {cells} from './fit-text.js';
import {TONE_STYLE} from './health-style.js';
import type {HeadingRow} from './workloads/grouped-list.js';
import {headingStatus} from './workloads/heading-lines.js';
import {podKeyOfRow} from './lanes/ended-rows.js';

/** The line under the body: the open prompt, the answer to the last key, or the selected pod. */
export type BottomLine =
	{kind: 'prompt'; prompt: Prompt; aside: PromptAside} | {kind: 'notice'; text: string} | {kind: 'status'; text: string; why: string | null; color?: string};

/** What a prompt line shows after the typed text: the problem with the last submit, else a hint, fitted to the room left. */
export interface PromptAside {
	text: string;
	error: boolean;
}

const FILTER_HINT = 'Enter apply · Esc clear';
/** Cells on the prompt line before the aside besides the typed text: the prompt's mark, the cursor, two spaces. */
const PROMPT_CELLS = 4;

/** The open prompt, else the answer to the last key, else the selected pod's status. */
export function bottomLine(state: UiState, span: SessionSpan | null, width: number, status: () => BottomLine): BottomLine {
	if (state.prompt) return {kind: 'prompt', prompt: state.prompt, aside: promptAside(state.prompt, span, width)};
	if (state.notice) return {kind: 'notice', text: state.notice};
	return status();
}

/** The aside in the room the typed text leaves on a `width`-cell line, in whole parts (view/command-line.ts). */
function promptAside(prompt: Prompt, span: SessionSpan | null, width: number): PromptAside {
	const room = width - PROMPT_CELLS - cells(prompt.text);
	if (prompt.error) return {text: fitProblem(prompt.error, room), error: true};
	if (prompt.note) return {text: prompt.note, error: false};
	return {text: prompt.kind === 'command' ? commandHint(span, room) : prompt.kind === 'filter' ? FILTER_HINT : '', error: false};
}

/**
 * The line about the selected pod: the one in detail, or the one under the table's (or the Lanes
 * view's) cursor — in the Lanes view with the time cursor back in time, what the pod was then.
 */
export function statusLine({
	state,
	detail,
	table,
	lanes,
	view,
	now,
	width,
	heading,
}: {
	state: UiState;
	/** The detail on screen (view/detail-frame.ts DetailFrame): its pod, null once gone. */
	detail: {pod: PodState | null; why: Why | null} | null;
	/** The table (view/table-frame.ts TableFrame) or the Lanes view (view/lanes/lanes-screen.ts LanesScreen) on screen. */
	table: {selected: PodRow | null} | null;
	lanes: {selected: PodRow | null; atCursor: string | null} | null;
	view: StoreView;
	now: number;
	width: number;
	heading: HeadingRow | null;
}): BottomLine {
	if (detail && !detail.pod) return {kind: 'status', text: `${podKeyOfRow(state.selectedKey ?? '')} is gone from the store`, why: null};
	if (!detail && heading) return {kind: 'status', text: headingStatus(heading), why: null};
	if (lanes?.atCursor) return {kind: 'status', text: lanes.atCursor, why: null};
	const row = detail?.pod ? podRow(detail.pod, now, detail.why, podEvents(view, detail.pod), view.owners) : (table?.selected ?? lanes?.selected ?? null);
	if (!row) return {kind: 'status', text: '', why: null};
	const {text, why} = statusLineText(row, now, width);
	return {kind: 'status', text, why, color: TONE_STYLE[row.tone].color};
}

/** Under a log: the pod's status and why as they are now (its container may be restarting meanwhile); that life's, when the name lived more than once. */
export function logStatusLine(target: LogTarget, view: StoreView, now: number, width: number): BottomLine {
	const pod = lifeOf(view, podKey(target.namespace, target.pod), target.uid);
	if (!pod) return {kind: 'status', text: `${target.namespace}/${target.pod} is not in the store`, why: null};
	const ctx = whyContext(view, pod, now, view);
	const row = podRow(pod, now, explainPod(pod, ctx), ctx.events, view.owners);
	const {text, why} = statusLineText(row, now, width);
	return {kind: 'status', text, why, color: TONE_STYLE[row.tone].color};
}
