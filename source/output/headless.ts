// Without the TUI, live or replayed: `-o table` / `-o wide` / `-o json` print the pods at one
// moment (live: once the initial list is in, or after --watch-for; replayed: at the end or
// --at); `-o ndjson` prints one line per pod entry as the store applies it (live: until
// --watch-for ends or Ctrl-C).

import type {StatusCompat} from '../model/compat.js';
import {podKeyOf} from '../model/pod-key.js';
import type {PodStore} from '../model/store/pod-store.js';
import type {PodState} from '../model/pod-state.js';
import {isWatchEntry, type SessionEntry} from '../session/format.js';
import type {LiveOptions, LiveTuning} from '../sources/live/live-source.js';
import {renderJson} from './json.js';
import {ndjsonLine} from './ndjson.js';
import {podWhySource} from './pod-json.js';
import {replayInto, type ReplayAt} from './replay-store.js';
import {renderTable} from './table.js';
import {renderLanes} from './lanes.js';
import {podsAndEnded} from '../model/store/ended-pods.js';
import {podTrace, renderTrace} from './trace.js';

export type HeadlessOutput = 'table' | 'wide' | 'json' | 'ndjson' | 'lanes' | 'trace';

/** `-o ndjson`: the line of the pod an entry changed, with the store's state after it. */
function ndjsonAfter(write: (text: string) => void): (entry: SessionEntry, atMs: number, store: PodStore) => void {
	return (entry, atMs, store) => {
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') return;
		const state = store.pod(podKeyOf(entry.object.metadata));
		if (state) write(ndjsonLine(entry, state, atMs, podWhySource(state.key, store.eventsOf(state), store.logsOf(state.key), store.nodes)));
	};
}

/**
 * `-o table|wide|json`: the pods at `now`; `-o lanes` (live only here): their lanes from the first
 * one seen to now; `-o trace`: their lives as trace events, from `observedFrom` (when the session or
 * the watch began; default: the first pod seen) to now.
 */
function printPods(
	output: HeadlessOutput,
	store: PodStore,
	now: number,
	write: (text: string) => void,
	options: {lanes?: {width: number; color: boolean; group?: boolean}; observedFrom?: number; about?: Record<string, string>} = {},
): void {
	const {lanes} = options;
	const view = store.view();
	if (output === 'trace') write(renderTrace(podTrace(view, now, options.observedFrom ?? firstSeen(podsAndEnded(view), now), options.about)));
	if (output === 'table' || output === 'wide') write(renderTable(view.pods.values(), now, view, output));
	if (output === 'json') write(renderJson(view.pods.values(), now, view));
	if (output === 'lanes') {
		// The pods deleted a while ago too: the store prunes them, its endedPods keeps their lanes.
		const pods = podsAndEnded(view);
		const watched = firstSeen(pods, now);
		const start = Math.min(now - LIVE_LANES_MIN_MS, watched);
		// Live, watching began when the first pods were listed — not at the window's start, which may be
		// before: a pod made between the two was not seen being made (its Deployment's revision is not known).
		const group = lanes?.group === false ? null : {store, observedFrom: options.observedFrom ?? watched};
		write(renderLanes({pods, now, recordingStart: null, start, end: now, cursor: now, width: lanes?.width ?? 120, color: lanes?.color ?? false, group}));
	}
}

/** When the first of `pods` was seen; `now` when none was seen before it. */
function firstSeen(pods: readonly PodState[], now: number): number {
	let first = now;
	for (const pod of pods) first = Math.min(first, pod.firstSeenAt);
	return first;
}

/** Live, the lanes span at least this much: right after the initial list every pod was first seen just now. */
const LIVE_LANES_MIN_MS = 10_000;

/** What a replay without the TUI takes (this one and `--output check`). */
export interface ReplayOutputOptions {
	file: string;
	at: ReplayAt;
	compat?: StatusCompat;
	lenient?: boolean;
	write: (text: string) => void;
	warn: (text: string) => void;
}

export interface HeadlessReplayOptions extends ReplayOutputOptions {
	output: HeadlessOutput;
}

/** `podlife replay FILE -o …`. */
export async function runHeadlessReplay(options: HeadlessReplayOptions): Promise<void> {
	const {store, now, recordedAtMs, header} = await replayInto(options.file, options.at, {
		compat: options.compat,
		lenient: options.lenient,
		warn: options.warn,
		onApplied: options.output === 'ndjson' ? ndjsonAfter(options.write) : undefined,
	});
	const about: Record<string, string> = {session: options.file, recordedAt: header.recordedAt};
	if (header.title) about['title'] = header.title;
	if (header.context) about['context'] = header.context;
	printPods(options.output, store, now, options.write, {observedFrom: recordedAtMs, about});
}

/** What a live run without the TUI takes (this one and `podlife check`). */
export interface LiveOutputOptions extends LiveOptions, LiveTuning {
	compat?: StatusCompat;
	write: (text: string) => void;
	warn?: (text: string) => void;
	/** Ends a run that watches on (default: Ctrl-C / SIGTERM). */
	signal?: AbortSignal;
	clock?: () => number;
}

export interface LiveHeadlessOptions extends LiveOutputOptions {
	output: HeadlessOutput;
	/** table/json: print after this long instead of right after the initial list; ndjson: stop after this long. */
	watchForMs?: number;
	/** `-o lanes`: the width, whether to colour and whether to group by workload (default: yes). */
	lanes?: {width: number; color: boolean; group?: boolean};
}

/** `podlife -o …`. */
export async function runLiveHeadless(options: LiveHeadlessOptions): Promise<void> {
	// client-node is heavy: only the live source loads it.
	const {startLiveStore, watchThenStop} = await import('../sources/live/live-store.js');
	// ndjson streams until --watch-for ends or Ctrl-C; the others print once, after --watch-for if given.
	const watching = options.output === 'ndjson' || options.watchForMs !== undefined;
	const live = await startLiveStore(options, {
		compat: options.compat,
		// Printed once, right after the list: kept as the text they came in (parsed again only for a
		// WHY), not packed as compact text, which costs about a parse each (live-store.ts).
		compactObjects: watching,
		onApplied: options.output === 'ndjson' ? ndjsonAfter(options.write) : undefined,
		onWarning: options.warn,
		// Never silently stuck: a connection problem shows on stderr while output waits or streams.
		onStatus: status => {
			if (status.state === 'reconnecting' && status.message) options.warn?.(`reconnecting: ${status.message}`);
		},
	});
	await watchThenStop(live, watching ? {durationMs: options.watchForMs, signal: options.signal} : null);
	printPods(options.output, live.store, live.source.now(), options.write, {lanes: options.lanes, about: {live: 'true'}});
}
