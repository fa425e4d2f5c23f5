// `podlife replay FILE --timeline POD`: one pod's life as plain text, one transition a
// line, meant to be pasted into a bug report. Times are given twice: from the session's
// start (what the replay clock shows) and as UTC clock time (what logs and events show).

import type {PodStore} from '../model/store/pod-store.js';
import type {StatusCompat} from '../model/compat.js';
import type {PodState, Transition} from '../model/pod-state.js';
import {UserError} from '../errors.js';
import {transitionWords} from '../model/transition-words.js';
import {replayInto} from './replay-store.js';
import {nameInKey} from '../model/pod-key.js';
import {stillHeld} from '../model/store/ended-pods.js';
import {runEnds, sessionCapturesLogs} from '../model/container-logs.js';
import {containerSubject} from '../model/history.js';
import {capturedLogRows, LOG_LINES_SHOWN, NO_RUN_LOGS, type RunLogs} from '../view/detail/log-lines.js';
import {lineText} from '../view/detail/lines.js';

export interface TimelineOptions {
	compat?: StatusCompat;
	lenient?: boolean;
	/** Receives the reader's warnings (a cut-off last line, skipped lines). */
	warn?: (text: string) => void;
}

const COLUMNS = ['AT', 'CLOCK (UTC)', 'WHAT', 'CHANGE', 'STATUS', 'DETAIL'] as const;

/** The pod's transitions as an aligned text table under a one-line heading; under each end of a
 * container's run, the last lines of its log when the session captured it (as the TUI's Timeline).
 * `life`: which of the lives of its name this one is, when the name lived more than once. */
export function renderTimeline(state: PodState, recordedAtMs: number, logs: RunLogs = NO_RUN_LOGS, life?: {index: number; count: number}): string {
	// Read once: each read of a pod's history builds its transitions afresh.
	const history = state.history;
	const heading = [
		`Timeline of ${state.key}`,
		life && life.count > 1 ? `life ${life.index + 1} of ${life.count}` : null,
		state.uid ? `uid ${state.uid}` : null,
		`${history.length} change${history.length === 1 ? '' : 's'}`,
		`session recorded ${new Date(recordedAtMs).toISOString()}`,
		state.deletedAt !== null ? `deleted at ${formatOffset(state.deletedAt - recordedAtMs)}` : null,
	]
		.filter(part => part !== null)
		.join(' · ');
	const rows = history.map(transition => timelineCells(transition, recordedAtMs));
	const widths = COLUMNS.map((title, column) => Math.max(title.length, ...rows.map(row => row[column]!.length)));
	const line = (cells: readonly string[]): string =>
		cells
			.map((cell, column) => (column === 0 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
			.join('  ')
			.trimEnd();
	// A run's log sits under its end, from the WHAT column: read as the container's words, not a change.
	const logIndent = ' '.repeat(widths[0]! + widths[1]! + 4);
	const subjects = new Map(state.containers.map(view => [view.name, containerSubject(view)]));
	const ends = runEnds(history, logs.captured, state.uid, name => subjects.get(name) ?? null);
	const body = rows.flatMap((row, index) => {
		const log = ends.get(index);
		const below = log === undefined ? [] : capturedLogRows(log, {limit: LOG_LINES_SHOWN, capturesLogs: logs.capturesLogs});
		return [line(row), ...below.map(spans => oneLine(logIndent + lineText(spans)))];
	});
	return [heading, line(COLUMNS), ...body].join('\n') + '\n';
}

function timelineCells(transition: Transition, recordedAtMs: number): string[] {
	const {owner, change} = transitionWords(transition);
	return [
		formatOffset(transition.at - recordedAtMs),
		new Date(transition.at).toISOString().slice(11, 23),
		owner,
		change,
		transition.statusAfter,
		oneLine(transition.detail ?? ''),
	];
}

/** "+12.3s", "+1m04.8s", "+1h02m03.4s": time since the session's start, to a tenth of a second. */
export function formatOffset(ms: number): string {
	const sign = ms < 0 ? '-' : '+';
	const tenths = Math.round(Math.abs(ms) / 100);
	const seconds = Math.floor(tenths / 10) % 60;
	const minutes = Math.floor(tenths / 600) % 60;
	const hours = Math.floor(tenths / 36_000);
	const secondsText = `${seconds}.${tenths % 10}s`;
	if (hours > 0) return `${sign}${hours}h${pad2(minutes)}m${secondsText.padStart(5, '0')}`;
	if (minutes > 0) return `${sign}${minutes}m${secondsText.padStart(5, '0')}`;
	return `${sign}${secondsText}`;
}

function pad2(value: number): string {
	return String(value).padStart(2, '0');
}

/** Container messages can span lines; a table row cannot. */
function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ⏎ ');
}

/**
 * Replays the whole file headless and renders the timeline of `podKey` ("namespace/name" or a unique
 * name): of each of its lives, oldest first, when the name was deleted and made again (a
 * StatefulSet's pod), each under its own heading.
 */
export async function runTimeline(file: string, podKey: string, options: TimelineOptions = {}): Promise<string> {
	const {store, recordedAtMs, header} = await replayInto(file, 'end', {compat: options.compat, lenient: options.lenient, warn: text => options.warn?.(text)});
	const pod = findPod(store, podKey, file);
	const view = store.view();
	const lives = [...view.endedPods.filter(ended => ended.key === pod.key && !stillHeld(view.pods, ended)), pod];
	const logs = {captured: store.logsOf(pod.key), capturesLogs: sessionCapturesLogs(header)};
	return lives.map((life, index) => renderTimeline(life, recordedAtMs, logs, {index, count: lives.length})).join('\n');
}

function findPod(store: PodStore, podKey: string, file: string): PodState {
	const exact = store.pod(podKey);
	if (exact) return exact;
	const keys = [...store.view().pods.keys()];
	if (!podKey.includes('/')) {
		const named = keys.filter(key => nameInKey(key) === podKey);
		if (named.length === 1) return store.pod(named[0]!)!;
		if (named.length > 1) throw new UserError(`pod name "${podKey}" is in several namespaces of ${file} (${named.join(', ')}): give namespace/name`);
	}
	if (keys.length === 0) throw new UserError(`pod "${podKey}" never appears in ${file}: the session holds no pods`);
	throw new UserError(`pod "${podKey}" never appears in ${file}; close names: ${closeNames(podKey, keys).join(', ')}`);
}

/** Up to five keys nearest to `wanted`: ones that contain it (or its name) first, then by edit distance. */
export function closeNames(wanted: string, keys: readonly string[]): string[] {
	const wantedName = nameInKey(wanted).toLowerCase();
	const score = (key: string): number => {
		const name = nameInKey(key).toLowerCase();
		const contains = name.includes(wantedName) || wantedName.includes(name) ? -1000 : 0;
		return contains + Math.min(editDistance(wanted.toLowerCase(), key.toLowerCase()), editDistance(wantedName, name));
	};
	return keys
		.map(key => ({key, score: score(key)}))
		.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key))
		.slice(0, 5)
		.map(candidate => candidate.key);
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
}
