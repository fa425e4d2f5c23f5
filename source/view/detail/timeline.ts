// Timeline, the lifecycle visualizer: (a) a lane per container across the pod's life, (b) how long
// the pod took to get scheduled, initialized and ready, and the intervals of a crash loop, (c) every
// transition with its time and the time since the previous one, the pod's Events interleaved.
// A pure function of the pod, its events and `now`: it moves live as the replay clock moves.

import {timeMs, type KubeEvent} from '../../kube/objects.js';
import {containerSubject} from '../../model/history.js';
import {transitionWords} from '../../model/transition-words.js';
import {eventTime} from '../../model/store/pod-events.js';
import type {PodState, Transition} from '../../model/pod-state.js';
import {formatClock} from '../goto-time.js';
import {containerLanes, drawLane, legendLines} from './lanes.js';
import {blank, fitLines, formatDelta, formatSpan, heading, line, span, truncate, wrapLine, type Line, type Span, type Tone} from './lines.js';
import {runEnds} from '../../model/container-logs.js';
import {capturedLogRows, LOG_LINES_SHOWN, NO_RUN_LOGS, type RunLogs} from './log-lines.js';

export interface TimelineInput {
	pod: PodState;
	events: readonly KubeEvent[];
	now: number;
	width: number;
	/** Long rows (a container's message) wrapped onto the lines below instead of cut. */
	wrap?: boolean;
	/** The logs the session captured of the pod: each run's end shows its log's last lines. */
	logs?: RunLogs;
}

/** A pod seen this long after its creation is drawn from first sight: the time before is unknown. */
const UNSEEN_LIMIT_MS = 10_000;
const MILESTONES: ReadonlyArray<{condition: string; words: string}> = [
	{condition: 'PodScheduled', words: 'scheduled'},
	{condition: 'Initialized', words: 'initialized'},
	{condition: 'ContainersReady', words: 'containers ready'},
	{condition: 'Ready', words: 'ready'},
];

export interface TimelineAxis {
	start: number;
	end: number;
	/** The axis starts at first sight, not at creation (the pod is older than the session). */
	fromFirstSight: boolean;
}

/** From creation (or first sight, for a pod older than what was seen) to deletion or now. */
export function timelineAxis(pod: PodState, now: number): TimelineAxis {
	const end = Math.max(pod.deletedAt ?? now, pod.firstSeenAt);
	const created = pod.columns.createdMs;
	const fromFirstSight = created === null || pod.firstSeenAt - created > Math.max(UNSEEN_LIMIT_MS, end - pod.firstSeenAt);
	const start = fromFirstSight ? pod.firstSeenAt : Math.min(created, pod.firstSeenAt);
	return {start, end, fromFirstSight};
}

export function timelineLines(input: TimelineInput): Line[] {
	return timelineView(input).lines;
}

/** The Timeline's lines and, for each line, the time of the transition it shows (null: any other line). */
export interface TimelineView {
	lines: Line[];
	/** Epoch ms of the pod.history transition on that line: the replay can seek to it. */
	at: Array<number | null>;
}

export function timelineView({pod, events, now, width, wrap = false, logs = NO_RUN_LOGS}: TimelineInput): TimelineView {
	const axis = timelineAxis(pod, now);
	const lines: Line[] = [];
	const endWord = pod.deletedAt !== null ? 'deleted' : 'now';
	lines.push(heading(`Lifecycle  ${formatClock(axis.start)} → ${formatClock(axis.end)} (${formatSpan(axis.end - axis.start)}, ${endWord})`));
	if (axis.fromFirstSight && pod.columns.createdMs !== null) {
		lines.push(
			line(
				`  drawn from ${formatClock(pod.firstSeenAt)}, when podlife first saw the pod (created ${formatSpan(pod.firstSeenAt - pod.columns.createdMs)} earlier)`,
				'dim',
			),
		);
	}

	const lanes = containerLanes(pod, axis.start, axis.end);
	const labelWidth = Math.min(22, Math.max(8, ...lanes.map(lane => laneLabel(lane.kind, lane.name).length + 1)));
	const cells = Math.max(10, width - labelWidth - 4);
	for (const lane of lanes) {
		lines.push([
			span(`  ${truncate(laneLabel(lane.kind, lane.name), labelWidth - 1).padEnd(labelWidth)}`, 'label'),
			...drawLane(lane, axis.start, axis.end, cells),
		]);
	}
	if (lanes.length > 0) {
		const left = formatClock(axis.start);
		const right = formatClock(axis.end);
		lines.push([span(' '.repeat(labelWidth + 2)), span(left + ' '.repeat(Math.max(1, cells - left.length - right.length)) + right, 'dim')]);
		lines.push(...legendLines(width));
	}

	lines.push(blank, heading('Milestones'));
	lines.push(...milestoneLines(pod, now));

	lines.push(blank, heading('Transitions and events'));
	const transitions = transitionRows(pod, events, logs);
	const at: Array<number | null> = [...lines.map(() => null), ...transitions.at];
	lines.push(...transitions.lines);
	if (!wrap) return {lines: fitLines(lines, width), at};
	// A wrapped row's time stays on its first line: the cursor marks and seeks from there; the rest
	// of a transition row hangs under its text, clear of the time columns.
	const wrapped: TimelineView = {lines: [], at: []};
	const firstRow = lines.length - transitions.lines.length;
	lines.forEach((spans, index) => {
		wrapLine(spans, width, index >= firstRow ? ROW_TEXT_COLUMN : undefined).forEach((part, n) => {
			wrapped.lines.push(part);
			wrapped.at.push(n === 0 ? at[index]! : null);
		});
	});
	return wrapped;
}

function laneLabel(kind: string, name: string): string {
	return kind === 'regular' ? name : `${kind === 'ephemeral' ? 'eph' : kind} ${name}`;
}

/**
 * "scheduled after 1s", from the conditions' lastTransitionTime minus creation. A condition that
 * turned True and later fell back has its first True from the history, and says what it is now.
 */
function milestoneLines(pod: PodState, now: number): Line[] {
	const created = pod.columns.createdMs;
	const conditions = pod.readObject().status?.conditions ?? [];
	const out: Line[] = [];
	for (const milestone of MILESTONES) {
		const condition = conditions.find(entry => entry.type === milestone.condition);
		const firstTrue = pod.history.find(transition => transition.kind === 'condition' && transition.subject === milestone.condition && transition.to === 'True');
		const at = condition?.status === 'True' ? (timeMs(condition.lastTransitionTime) ?? firstTrue?.at ?? null) : (firstTrue?.at ?? null);
		const label = span(`  ${milestone.words.padEnd(18)}`, 'label');
		if (at === null || created === null) {
			out.push([label, span('not yet', 'warn'), span(condition?.reason ? ` (${condition.reason})` : '', 'dim')]);
			continue;
		}
		const spans: Line = [label, span(`after ${formatSpan(Math.max(0, at - created))}`, condition?.status === 'True' ? 'good' : 'warn')];
		if (condition && condition.status !== 'True') spans.push(span(` (now ${condition.status}${condition.reason ? `: ${condition.reason}` : ''})`, 'bad'));
		out.push(spans);
	}
	for (const view of pod.containers) {
		const restarts = pod.history.filter(transition => transition.kind === 'restart' && transition.subject === containerSubject(view));
		if (view.restartCount === 0 && restarts.length === 0) continue;
		const intervals = restarts.slice(1).map((restart, index) => formatSpan(restart.at - restarts[index]!.at));
		const spans: Line = [
			span(`  ${`${view.name} restarts`.padEnd(18)}`, 'label'),
			span(`restarted ${view.restartCount} time${view.restartCount === 1 ? '' : 's'}`, 'warn'),
		];
		if (intervals.length > 0) spans.push(span(`, intervals ${intervals.join(', ')}`));
		if (view.backOffMs !== null) spans.push(span(`, back-off now ${formatSpan(view.backOffMs)}`, 'bad'));
		if (view.nextRestartMs !== null && view.nextRestartMs > now) spans.push(span(`, restart in ${formatSpan(view.nextRestartMs - now)}`, 'accent'));
		out.push(spans);
	}
	return out;
}

interface Row {
	at: number;
	/** A pod.history transition (not an event). */
	transition: boolean;
	/** Order among rows of the same time: history first (its times are exact), then events. */
	order: number;
	spans: Line;
	/** Lines under it (a run end's captured log), at the row's text column. */
	below?: readonly Span[][];
}

/** Where a transition row's text starts, after "  04:17:10.0   +3.0s  ". */
const ROW_TEXT_COLUMN = 22;

/** Transitions and events, oldest first, at their full length (the caller cuts or wraps them): each row has its time and the time since the row before. */
function transitionRows(pod: PodState, events: readonly KubeEvent[], logs: RunLogs): TimelineView {
	const rows: Row[] = [];
	const history = pod.history;
	const subjects = new Map(pod.containers.map(view => [view.name, containerSubject(view)]));
	const ends = runEnds(history, logs.captured, pod.uid, name => subjects.get(name) ?? null);
	history.forEach((transition, index) => {
		const row: Row = {at: transition.at, transition: true, order: index, spans: describeTransition(transition)};
		const log = ends.get(index);
		if (log !== undefined) row.below = capturedLogRows(log, {limit: LOG_LINES_SHOWN, capturesLogs: logs.capturesLogs});
		rows.push(row);
	});
	events.forEach((event, index) => {
		rows.push({at: eventTime(event), transition: false, order: pod.history.length + index, spans: describeEvent(event)});
	});
	rows.sort((a, b) => a.at - b.at || a.order - b.order);
	if (rows.length === 0) return {lines: [line('  (nothing recorded yet)', 'dim')], at: [null]};
	const out: Line[] = [];
	const at: Array<number | null> = [];
	let previous: number | null = null;
	for (const row of rows) {
		at.push(row.transition ? row.at : null);
		// Rows of one moment (one watch event) share its time: only the first shows it.
		if (row.at === previous) {
			out.push([span(' '.repeat(ROW_TEXT_COLUMN)), ...row.spans]);
		} else {
			const delta = previous === null ? '' : formatDelta(row.at - previous);
			out.push([span(`  ${clockTenths(row.at)} `, 'dim'), span(delta.padStart(7), 'dim'), span('  '), ...row.spans]);
			previous = row.at;
		}
		for (const below of row.below ?? []) {
			out.push([span(' '.repeat(ROW_TEXT_COLUMN + 2)), ...below]);
			at.push(null);
		}
	}
	return {lines: out, at};
}

/** "04:17:10.0" */
function clockTenths(ms: number): string {
	return `${formatClock(ms)}.${Math.floor((((ms % 1000) + 1000) % 1000) / 100)}`;
}

/**
 * One transition in words that say what changed (model/transition-words.ts): "STATUS Running →
 * Error", "↻ container api: restart count 3 → 4", "condition Ready True → False". The pod is the
 * section's subject, so only a container's changes name their owner.
 */
export function describeTransition(transition: Transition): Line {
	const words = transitionWords(transition);
	const owner = words.owner === 'pod' ? '' : `${words.owner}: `;
	const detail = transition.detail ? span(`  ${oneLine(transition.detail)}`, 'dim') : span('');
	const restart = transition.kind === 'restart';
	return [span(`${restart ? '↻ ' : ''}${owner}${words.change}`, transitionTone(transition)), detail];
}

function transitionTone(transition: Transition): Tone {
	switch (transition.kind) {
		case 'created':
		case 'node':
			return 'info';
		case 'deleting':
			return 'warn';
		case 'deleted':
			return 'bad';
		case 'restart':
			return 'accent';
		case 'ready':
			return 'plain';
		case 'condition':
			return transition.to === 'True' ? 'good' : 'warn';
		default:
			return toneOf(transition.to);
	}
}

/** "⚑ Warning BackOff ×4: Back-off restarting failed container …" */
function describeEvent(event: KubeEvent): Line {
	const warning = event.type === 'Warning';
	const count = event.series?.count ?? event.count ?? 1;
	return [
		span(warning ? '⚑ event Warning ' : '⚑ event ', warning ? 'bad' : 'info'),
		span(event.reason ?? '', warning ? 'bad' : 'info'),
		span(count > 1 ? ` ×${count}` : ''),
		span(`: ${oneLine(event.message ?? '')}`, 'dim'),
	];
}

function toneOf(label: string | null): Tone {
	if (label === null) return 'dim';
	if (/Error|BackOff|Err|OOM|Failed|Unknown|exit [1-9]/.test(label)) return 'bad';
	if (/^running$|^Running$|^Succeeded$|^Completed$|exit 0\)/.test(label)) return 'good';
	return 'warn';
}

function oneLine(text: string): string {
	return text.trim().replace(/\s*\n\s*/g, ' ⏎ ');
}
