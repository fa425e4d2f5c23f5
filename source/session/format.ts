// Types of the session file contract: ../shared/SESSION-FORMAT.md (version 1).
// The contract is owned outside this repo; these types follow it and never extend
// its meaning. Readers ignore unknown fields, so every interface stays open.

import type {KubeObject} from '../kube/objects.js';

export const SESSION_VERSION = 1;

export interface SessionHeader {
	podlife: 'session';
	version: 1;
	/** RFC 3339 UTC time of t = 0. */
	recordedAt: string;
	context?: string | null;
	server?: string | null;
	/** The API server's gitVersion, e.g. "v1.32.13". */
	serverVersion?: string | null;
	namespace?: string | null;
	labelSelector?: string | null;
	fieldSelector?: string | null;
	resources?: string[];
	title?: string;
	description?: string;
	/** Which container logs the session holds: "crashes", "none"; absent in older recordings (none). */
	logs?: string;
	[unknownField: string]: unknown;
}

/** The cells of the API server's own Table row for a pod, as recorded. */
export interface PrintedRow {
	ready: string;
	status: string;
	restarts: string;
	age: string;
	ip?: string;
	node?: string;
	nominatedNode?: string;
	readinessGates?: string;
}

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type ConnectionState = 'connected' | 'reconnecting' | 'relisting' | 'disconnected';

export interface WatchEntry {
	/** Whole milliseconds since header.recordedAt. */
	t: number;
	type: WatchType;
	object: KubeObject;
	row?: PrintedRow;
	[unknownField: string]: unknown;
}

export interface SyncedEntry {
	t: number;
	type: 'SYNCED';
	resource: string;
	resourceVersion?: string;
	[unknownField: string]: unknown;
}

export interface StatusEntry {
	t: number;
	type: 'STATUS';
	state: ConnectionState;
	message?: string;
	[unknownField: string]: unknown;
}

export interface ErrorEntry {
	t: number;
	type: 'ERROR';
	object: Record<string, unknown>;
	[unknownField: string]: unknown;
}

export interface BookmarkEntry {
	t: number;
	type: 'BOOKMARK';
	object: Record<string, unknown>;
	[unknownField: string]: unknown;
}

/**
 * The log of a container that had just terminated or restarted, as a recorder fetched it
 * ("Container logs"). `t` is when it was fetched, not when its lines were written.
 */
export interface LogEntry {
	t: number;
	type: 'LOG';
	namespace: string;
	pod: string;
	/** The pod's metadata.uid (tells two pods of the same name apart). */
	uid?: string;
	container: string;
	/** The terminated container's ID; with `previous`, its lastState.terminated.containerID. */
	containerID?: string;
	/** Fetched with previous=true: the container has restarted since. */
	previous: boolean;
	/** The container's restartCount when fetched. */
	restartCount?: number;
	/** The last lines of the log, oldest first, without line ends. */
	lines: string[];
	/** The log had more than `lines` (tail or byte limit). */
	truncated?: boolean;
	/** Why the log could not be read (`forbidden`, `not found`, the server's message). */
	error?: string;
	[unknownField: string]: unknown;
}

export type SessionEntry = WatchEntry | SyncedEntry | StatusEntry | ErrorEntry | BookmarkEntry | LogEntry;

export function isWatchEntry(entry: SessionEntry): entry is WatchEntry {
	return entry.type === 'ADDED' || entry.type === 'MODIFIED' || entry.type === 'DELETED';
}

export function isLogEntry(entry: SessionEntry): entry is LogEntry {
	return entry.type === 'LOG';
}
