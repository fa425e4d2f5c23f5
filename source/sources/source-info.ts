// What the app and the headless outputs need from a source of entries, live or
// replayed. Sources produce session entries (SESSION-FORMAT.md); everything
// downstream takes `now` from the source's clock, never from Date.now().

import type {ConnectionState, SessionHeader} from '../session/format.js';

export interface SourceInfo {
	kind: 'replay' | 'live';
	/** Session title, or the context name live. */
	title: string;
	/** Session file path (replay). */
	file?: string;
	context?: string | null;
	server?: string | null;
	serverVersion?: string | null;
	/** Namespace scope; null = all namespaces. */
	namespace?: string | null;
	labelSelector?: string | null;
	header?: SessionHeader;
	/** What this source cannot show and why, one line each (live: RBAC; replay: what the session did not record); read per frame. */
	limits?: () => SourceLimits;
	/** Live and being recorded (`podlife record`): the file, and the recording's progress at any moment. */
	recording?: {file: string; progress: () => RecordProgress; logs?: 'crashes' | 'none'};
	/** Live: how far the initial list of pods has come; null once it is complete. */
	listing?: () => ListProgress | null;
}

/** Pods received so far by a list in progress, and how many there are when the server said (null: not said). */
export interface ListProgress {
	received: number;
	total: number | null;
}

/** One line each, or null: what a user without full access (or a session without some resource) misses. */
export interface SourceLimits {
	/** Why fewer namespaces are watched than asked (-A without a cluster-wide list of pods). */
	scope: string | null;
	/** Nodes cannot be seen: the Scheduling view says so. */
	nodes: string | null;
	/** Pod events cannot be seen: the Events view says so. */
	events: string | null;
	/** A permission taken back mid-session (403 on a re-watch), while it lasts. */
	revoked: string | null;
}

export const NO_LIMITS: SourceLimits = {scope: null, nodes: null, events: null, revoked: null};

/** What a recording has done so far (record/recorder.ts). */
export interface RecordProgress {
	entries: number;
	pods: number;
	elapsedMs: number;
	/** LOG entries written, when logs are captured: with lines, and with why they could not be read. */
	logs?: {read: number; unreadable: number};
	/** The connection state, when known. */
	state?: ConnectionState;
}

/** The clock a view reads time from. */
export interface Clock {
	/** Current time in epoch ms (replay clock or wall clock). */
	now(): number;
}
