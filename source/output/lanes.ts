// `--output lanes`: the Lanes view as text, for a terminal or a file — every pod of the session (or
// of the cluster, live) as a lane of its STATUS classes across a window of time, drawn by the same
// pure function as the TUI's view (view/lanes/lanes-frame.ts), grouped by workload with the TUI's
// own headings (view/lanes/group-rows.ts listLaneRows). ANSI colour on a terminal, in the TUI's
// colours (view/tone-look.ts); glyphs alone otherwise: the glyphs carry the classes, the colour only
// helps.

import stringWidth from 'string-width';
import {UsageError} from '../errors.js';
import type {StatusCompat} from '../model/compat.js';
import type {PodState} from '../model/pod-state.js';
import {listLaneRows} from '../view/lanes/group-rows.js';
import type {IndexSource} from '../view/pod-index.js';
import {indexEntry} from '../view/index-entry.js';
import {TONE_LOOKS, sgrCodes} from '../view/tone-look.js';
import {groupList} from '../view/workloads/grouped-list.js';
import type {GroupedRows} from '../view/workloads/heading-lines.js';
import {WorkloadMembers} from '../view/workloads/workload-members.js';
import {beforeSightFrom, podLane} from '../model/status-lane.js';
import {lineText, wrapLine, type Line} from '../view/detail/lines.js';
import {drawsBefore, laneLegend} from '../view/lanes/lane-cells.js';
import {lanesFrame, type LaneRow} from '../view/lanes/lanes-frame.js';
import {cellMs, clockLabel, spanLabel} from '../view/lanes/time-axis.js';
import {atBase, beforeStart, formatClock, resolveTime, spanText, targetOffset, type SessionSpan, type TypedTime} from '../view/goto-time.js';
import {replayInto} from './replay-store.js';
import {podsAndEnded} from '../model/store/ended-pods.js';

/** A line of spans as text: with SGR sequences (view/tone-look.ts) when `color`, else its characters only. */
export function ansiLine(line: Line, color: boolean): string {
	if (!color) return lineText(line).trimEnd();
	let out = '';
	for (const part of line) {
		const look = TONE_LOOKS[part.tone ?? 'plain'];
		const codes = sgrCodes(part.inverse ? {...look, inverse: true} : look);
		out += codes === '' ? part.text : `\u001b[${codes}m${part.text}\u001b[0m`;
	}
	return out.replace(/ +$/, '');
}

export interface LanesPicture {
	/**
	 * Every pod of the store, tombstones and ended pods included (model/store/ended-pods.ts
	 * podsAndEnded): those whose lane meets the window are drawn, a name's every life on its own lane.
	 */
	pods: readonly PodState[];
	/** The store's clock: nothing is drawn after it. */
	now: number;
	/** Replay: the recording's first moment (epoch ms), marked on the axis when the window begins before it; live: null. */
	recordingStart: number | null;
	/** The window (epoch ms) and the cursor in it. */
	start: number;
	end: number;
	cursor: number;
	width: number;
	color: boolean;
	/**
	 * Group the lanes by workload (the default of --output lanes), as the TUI's Lanes view does with
	 * `o`: a rollout reads as one only when its ReplicaSets' pods sit together under their Deployment.
	 * With it, the store (what the headings count: every pod it keeps of a workload) and when
	 * watching began (whether revisions can be counted).
	 */
	group?: {store: IndexSource; observedFrom: number} | null;
}

/**
 * The pods whose lane has something in (start, end], ordered as kubectl lists them (namespace,
 * name), the lives of one name oldest first.
 */
export function podsInWindow(pods: readonly PodState[], start: number, end: number): PodState[] {
	const shown = pods.filter(pod => {
		const lane = podLane(pod);
		return lane.segments.length > 0 && lane.start <= end && (lane.end === null || lane.end > start);
	});
	const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
	return shown.sort((a, b) => order(a.namespace, b.namespace) || order(a.name, b.name) || podLane(a).start - podLane(b).start);
}

/** The pods by the row keys the frame looks them up by: its key, or for a name's later lives its key and uid. */
function rowKeys(pods: readonly PodState[]): {byKey: Map<string, PodState>; keyOf: (pod: PodState) => string} {
	const byKey = new Map<string, PodState>();
	const keys = new Map<PodState, string>();
	for (const pod of pods) {
		const key = byKey.has(pod.key) ? `${pod.key}\u0000${pod.uid}` : pod.key;
		byKey.set(key, pod);
		keys.set(pod, key);
	}
	return {byKey, keyOf: pod => keys.get(pod)!};
}

/** "250ms", "1.6s", "12s", "2m": the time a column stands for. */
function columnLabel(ms: number): string {
	if (ms < 1000) return `${Math.round(ms)}ms`;
	if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
	return spanLabel(ms);
}

/**
 * The pods grouped by workload as the TUI's Lanes view groups them with `o` (view/workloads/
 * grouped-list.ts, its headings heading-lines.ts, in the owner order it keeps: each workload's pods
 * oldest first), a heading per workload, one per ReplicaSet with its revision when a Deployment's
 * pods span several, each pod under its own. `shown`: in podsInWindow's order, which leaves a name's
 * lives oldest first; `keyOf`: a pod's row key.
 */
function groupedRows(shown: readonly PodState[], keyOf: (pod: PodState) => string, group: NonNullable<LanesPicture['group']>, now: number): GroupedRows {
	const view = group.store.view();
	const entries = shown.map(pod => indexEntry(pod, now, view.owners));
	const keys = shown.map(keyOf);
	const positions = new Map(keys.map((key, at) => [key, at]));
	const list = groupList({length: keys.length, keyAt: at => keys[at], indexOf: key => positions.get(key) ?? -1}, at => entries[at], new Set());
	const members = new WorkloadMembers();
	members.update(group.store);
	const namespaces = new Set(shown.map(pod => pod.namespace));
	return {list, context: {view, now, observedFrom: group.observedFrom, withNamespace: namespaces.size > 1, members}};
}

/** The picture: a line that says the window, the axis, a lane per pod, and the legend. */
export function renderLanes(picture: LanesPicture): string {
	const {now, start, end, cursor, width, color} = picture;
	const shown = podsInWindow(picture.pods, start, end);
	const {byKey: pods, keyOf} = rowKeys(shown);
	const keys = shown.map(keyOf);
	const namespaces = new Set(shown.map(pod => pod.namespace));
	const {group} = picture;
	const grouped = group ? groupedRows(shown, keyOf, group, now) : null;
	const rows = grouped
		? listLaneRows(grouped)
		: {length: keys.length, rowAt: (index: number): LaneRow | undefined => (keys[index] === undefined ? undefined : {kind: 'pod', key: keys[index]!})};
	const body = lanesFrame({
		rows,
		cursor: -1,
		offset: 0,
		// Every row, a heading on as many lines as it takes.
		height: Number.POSITIVE_INFINITY,
		width,
		pods,
		now,
		end,
		spanMs: end - start,
		timeCursor: cursor,
		oneNamespace: namespaces.size === 1,
		recordingStart: picture.recordingStart,
		title: 'POD',
	});
	const seconds = end - start < 86_400_000;
	const perCell = cellMs(body.window);
	const title = `Lanes ${clockLabel(start, seconds)}–${clockLabel(end, seconds)} UTC (${spanLabel(end - start)}, ${columnLabel(perCell)} a column) · ▼ ${clockLabel(cursor, true)} · ${keys.length} pod${keys.length === 1 ? '' : 's'}`;
	const workloads = grouped?.list.groups ?? 0;
	const inWorkloads = ` in ${workloads} workload${workloads === 1 ? '' : 's'}`;
	const lines = [
		grouped && stringWidth(title + inWorkloads) <= width ? title + inWorkloads : title,
		ansiLine(body.header, color),
		...body.lines.map(line => ansiLine(line, color)),
	];
	if (keys.length === 0) lines.push('  No pod has a lane in this window.');
	// Lanes drawn from before their pods were seen (their objects' word): the legend says how.
	const before = shown.some(pod => drawsBefore(podLane(pod), body.window));
	lines.push('', ...wrapLine([{text: '  '}, ...laneLegend(before, body.startCell !== null)], width, 2).map(line => ansiLine(line, color)));
	return `${lines.join('\n')}\n`;
}

/** `--since`, `--until` and `--at` as typed (view/goto-time.ts grammar), each with its flag's name for messages. */
export interface LanesTimes {
	since?: TypedTime;
	until?: TypedTime;
	at?: TypedTime;
}

export interface ReplayLanesOptions extends LanesTimes {
	file: string;
	width: number;
	color: boolean;
	/** Group lanes by workload (--no-group: one flat list, kubectl's order). */
	group: boolean;
	compat?: StatusCompat;
	lenient?: boolean;
	write: (text: string) => void;
	warn: (text: string) => void;
}

/** The narrowest window drawn: a lane needs some time to show (`--at 0` alone would give none). */
const MIN_WINDOW_MS = 10_000;

function resolved(flag: string, time: TypedTime, span: SessionSpan): number {
	const result = resolveTime(time.target, time.text, span, atBase(time.target, span.endMs));
	if (!result.ok) throw new UsageError(`${flag}: ${result.problem}`);
	return span.recordedAtMs + result.ms;
}

/** The offset (ms since the session's start) `time` names, not yet checked against the session. */
function offsetOf(time: TypedTime, span: SessionSpan): number {
	return time.target.kind === 'end' ? span.endMs : targetOffset(time.target, span.recordedAtMs, atBase(time.target, span.endMs));
}

/**
 * `podlife replay FILE --output lanes`: the session replayed up to the window's end (--until, else
 * --at, else the end), the window from --since (default: the session's start), the cursor at --at
 * (default: the window's end). A negative --since or --at counts back from the window's end.
 */
export async function runReplayLanes(options: ReplayLanesOptions): Promise<void> {
	const {since, until, at} = options;
	const stop = until ?? at;
	const {store, now, recordedAtMs} = await replayInto(options.file, stop ?? 'end', {
		compat: options.compat,
		lenient: options.lenient,
		warn: options.warn,
		flag: until ? '--until' : '--at',
	});
	const span: SessionSpan = {recordedAtMs, endMs: now - recordedAtMs};
	// With --until or --at the replay stopped at the window's end, so the span ends there: a time past
	// it is past the window (resolveTime would call the window's end the session's).
	const windowEnd = `the window's end (${formatClock(now)} UTC)`;
	if (until && at && offsetOf(at, span) > span.endMs) throw new UsageError(`--at: ${at.text.trim()} is after ${windowEnd}; give an --at before --until`);
	const cursor = until && at ? resolved('--at', at, span) : now;
	const view = store.view();
	const pods = podsAndEnded(view);
	const beforeFrom = earliestBeforeSight(pods);
	const sincePastEnd = since !== undefined && stop !== undefined && offsetOf(since, span) >= span.endMs;
	let start = since && !sincePastEnd ? sinceTime(since, span, beforeFrom) : recordedAtMs;
	if (since && (sincePastEnd || start >= now))
		throw new UsageError(`--since: ${since.text.trim()} is not before ${windowEnd}; give a --since before --until or --at`);
	if (!since) start = Math.min(start, now - MIN_WINDOW_MS);
	const group = options.group ? {store, observedFrom: recordedAtMs} : null;
	const picture = renderLanes({pods, now, recordingStart: recordedAtMs, start, end: now, cursor, width: options.width, color: options.color, group});
	options.write(since ? picture : picture + beforeHint(pods, beforeFrom, span, options.width));
}

/** The earliest moment a pod's life reconstructed from its object reaches (epoch ms), or null. */
function earliestBeforeSight(pods: readonly PodState[]): number | null {
	let earliest = Infinity;
	for (const pod of pods) earliest = Math.min(earliest, beforeSightFrom(pod) ?? Infinity);
	return Number.isFinite(earliest) ? earliest : null;
}

/**
 * --since: within the session, or before its start as far back as the lives of the pods that were
 * there before the recording began reach (reconstructed from their objects, model/before-sight.ts).
 * Earlier than anything the session tells of is an error that says how far back it goes.
 */
function sinceTime(since: TypedTime, span: SessionSpan, beforeFrom: number | null): number {
	const offset = offsetOf(since, span);
	if (beforeFrom === null || beforeStart(offset, since.text, span) === null) return resolved('--since', since, span);
	const at = span.recordedAtMs + offset;
	// Typed to the second, as the axis and the creation timestamps are.
	if (Math.floor(at / 1000) >= Math.floor(beforeFrom / 1000)) return Math.max(at, beforeFrom);
	throw new UsageError(
		`--since: ${since.text.trim()} is before the oldest pod's creation at ${timeBefore(beforeFrom, span).said}, as far back as the session tells (from the objects); it spans ${spanText(span)}`,
	);
}

/** A time before the session as --since takes it and as said: a clock time within half a day of the start, else the date and time. */
function timeBefore(at: number, span: SessionSpan): {typed: string; said: string} {
	const text = new Date(at).toISOString().slice(0, 19);
	if (span.recordedAtMs - at < 43_200_000) return {typed: `@${text.slice(11)}`, said: `${text.slice(11)} UTC`};
	return {typed: `${text}Z`, said: `${text}Z`};
}

/** Under the session's window, when pods were there before it began: how to see their lives before it. */
function beforeHint(pods: readonly PodState[], beforeFrom: number | null, span: SessionSpan, width: number): string {
	if (beforeFrom === null) return '';
	const count = pods.filter(pod => beforeSightFrom(pod) !== null).length;
	const {typed, said} = timeBefore(beforeFrom, span);
	const text = `${count} pod${count === 1 ? ' was' : 's were'} there before the recording began (made from ${said} on): --since ${typed} draws their lives before it, as their objects tell them.`;
	return `${wrapLine([{text: '  '}, {text}], width, 2)
		.map(line => lineText(line).trimEnd())
		.join('\n')}\n`;
}
