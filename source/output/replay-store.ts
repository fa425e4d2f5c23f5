// The one way the headless outputs (table, json, ndjson, check, timeline) replay a session:
// into a store, up to a moment. Streams the file: nothing but the store is kept (and, for a
// plain file, where each entry is: the store reads pod objects back from the file). The TUI's
// replay, which seeks, is sources/replay/player.ts.

import {openSession} from '../session/reader.js';
import type {SessionEntry, SessionHeader} from '../session/format.js';
import {PodStore} from '../model/store/pod-store.js';
import {compatForServerVersion, type StatusCompat} from '../model/compat.js';
import {EntryLog, DEFAULT_BLOCK_SIZE, plainFirstLineBytes} from '../sources/replay/entry-log.js';
import {LoggedObjects} from '../sources/replay/logged-objects.js';
import {UsageError} from '../errors.js';
import {beforeStart, checkInSpan, formatOffset, targetOffset, type TypedTime} from '../view/goto-time.js';

export interface ReplayedState {
	store: PodStore;
	/** The replay clock at the chosen moment (epoch ms). */
	now: number;
	recordedAtMs: number;
	/** The session's header line. */
	header: SessionHeader;
}

/**
 * The moment to replay to: 'end', ms since the session start, or `--at` as typed. A moment
 * outside the session is a usage error naming its span (the TUI's rule): never a state invented
 * after the last entry.
 */
export type ReplayAt = 'end' | number | TypedTime;

/** t of the session's last entry: a pass of its own, for a moment counted back from the end. */
async function lastEntryT(session: Awaited<ReturnType<typeof openSession>>): Promise<number> {
	let last = 0;
	for await (const batch of session.entryBatches()) last = batch[batch.length - 1]!.entry.t;
	return last;
}

/**
 * Where to stop reading for `typed`, as far as it can be known before reading: whether it is after
 * the end shows only at the end. A moment counted back from the end, or one before the start (whose
 * error names the whole span), needs the session's end first: a pass of its own.
 */
async function firstLook(
	session: Awaited<ReturnType<typeof openSession>>,
	{target, text}: TypedTime,
	recordedAtMs: number,
	flag: string,
): Promise<number | 'end'> {
	if (target.kind === 'end') return 'end';
	const fromEnd = target.kind === 'relative' && target.ms < 0;
	const ms = fromEnd ? Number.NaN : targetOffset(target, recordedAtMs, 0);
	if (!fromEnd && beforeStart(ms, text, {recordedAtMs, endMs: 0}) === null) return Math.max(0, ms);
	const endMs = await lastEntryT(session);
	const resolved = checkInSpan(fromEnd ? endMs + target.ms : ms, target, text, {recordedAtMs, endMs});
	if (!resolved.ok) throw new UsageError(`${flag}: ${resolved.problem}`);
	return resolved.ms;
}

/** Replays `file` into a store up to `at`; calls `onApplied` after each entry is applied. */
export async function replayInto(
	file: string,
	replayAt: ReplayAt,
	options: {
		compat?: StatusCompat;
		lenient?: boolean;
		warn: (text: string) => void;
		/** After the store applied an entry (`--output ndjson` prints the pod's new line). */
		onApplied?: (entry: SessionEntry, atMs: number, store: PodStore) => void;
		/** The store keeps its pod objects: for a caller that applies entries of its own afterwards. */
		keepObjects?: boolean;
		/** The flag that gave `replayAt`, for messages (default --at). */
		flag?: string;
	},
): Promise<ReplayedState> {
	const session = await openSession(file, {lenient: options.lenient});
	const recordedAtMs = Date.parse(session.header.recordedAt);
	const typed: TypedTime | null =
		replayAt === 'end' ? null : typeof replayAt === 'number' ? {target: {kind: 'offset', ms: replayAt}, text: formatOffset(replayAt)} : replayAt;
	/** Entries up to this t are applied ('end': all of them). */
	const flag = options.flag ?? '--at';
	let at = typed ? await firstLook(session, typed, recordedAtMs, flag) : 'end';
	const compat = options.compat ?? compatForServerVersion(session.header.serverVersion);
	const onApplied = options.onApplied;
	// A plain file is there to read again: the store keeps no pod object, only where its entry is
	// (holding every pod's object made most of the heap, and the garbage collector's work copying
	// them most of the time). ndjson prints every object as it comes, so it keeps them; so does gzip.
	const firstLineBytes = onApplied || options.keepObjects ? null : await plainFirstLineBytes(file);
	const log = firstLineBytes === null ? null : new EntryLog(DEFAULT_BLOCK_SIZE, file, firstLineBytes);
	const objects = log ? new LoggedObjects(log) : null;
	const store = new PodStore({compat, objects: objects ?? undefined});
	let lastT = 0;
	/** The line of the first entry after `at`, where a one-by-one read would have stopped. */
	let stoppedAt = Infinity;
	// A chunk of entries per await: the loop below is the whole per-entry cost besides the store.
	read: for await (const batch of session.entryBatches()) {
		for (const {entry, line, text} of batch) {
			if (at !== 'end' && entry.t > at) {
				stoppedAt = line;
				break read;
			}
			lastT = entry.t;
			const atMs = recordedAtMs + entry.t;
			// The entry's index in the log: the store reads its object back from there.
			const from = log ? log.count : undefined;
			log?.appendLine(text, entry.t, line);
			store.apply(entry, atMs, from);
			onApplied?.(entry, atMs, store);
		}
	}
	if (typed && at !== 'end' && stoppedAt === Infinity) {
		// Read to the end without passing `at`: it is at or after the last entry.
		const resolved = checkInSpan(at, typed.target, typed.text, {recordedAtMs, endMs: lastT});
		if (!resolved.ok) throw new UsageError(`${flag}: ${resolved.problem}`);
		at = resolved.ms;
	}
	// Not the warnings about lines the batch read past `at`: a one-by-one read never saw them.
	for (const warning of session.warningsThrough(stoppedAt)) options.warn(warning);
	const now = recordedAtMs + (at === 'end' ? lastT : at);
	return {store, now, recordedAtMs, header: session.header};
}
