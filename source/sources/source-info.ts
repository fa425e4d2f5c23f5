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
	/** Live and being recorded (`podlife record`): the file, and the recording's progress at any moment. */
	recording?: {file: string; progress: () => RecordProgress};
	/** Live: how far the initial list of pods has come; null once it is complete. */
	listing?: () => ListProgress | null;
}

/** Pods received so far by a list in progress, and how many there are when the server said (null: not said). */
export interface ListProgress {
	received: number;
	total: number | null;
}

/** What a recording has done so far (record/recorder.ts). */
export interface RecordProgress {
	entries: number;
	pods: number;
	elapsedMs: number;
	/** The connection state, when known. */
	state?: ConnectionState;
}

/** The clock a view reads time from. */
export interface Clock {
	/** Current time in epoch ms (replay clock or wall clock). */
	now(): number;
}
