// The shapes of a live source: what connecting takes (LiveOptions, LiveTuning), where its entries
// go (LiveHandlers), and what connecting and starting give (LiveConnection, LiveSource). Apart
// from live-source.ts (connecting) and live-watch.ts (watching) so that each imports them, not the other.

import type {ConnectionStatus} from '../../model/connection-status.js';
import type {SessionEntry, SessionHeader} from '../../session/format.js';
import type {ListProgress, SourceInfo} from '../source-info.js';
import type {BackoffOptions} from './backoff.js';
import type {Recall} from './known-objects.js';
import type {LiveLogs} from './log-stream.js';

export interface LiveOptions {
	kubeconfig?: string;
	context?: string;
	/** undefined = the context's namespace (else "default"); null = all namespaces. */
	namespace?: string | null;
	/** `-n a -n b`: several namespaces (overrides `namespace`). */
	namespaces?: readonly string[];
	allNamespaces?: boolean;
	labelSelector?: string;
	fieldSelector?: string;
	/** Ask the server for its printed Table rows of pods (recording). */
	withTable?: boolean;
	/**
	 * Hand objects on with their metadata.managedFields (a recording that keeps them). Default:
	 * without — nothing podlife shows reads them, and they are left out before parsing, not after.
	 */
	keepManagedFields?: boolean;
}

/** Knobs for tests (and nothing else needs them). */
export interface LiveTuning {
	backoff?: BackoffOptions;
	watchTimeoutSeconds?: number;
	pageSize?: number;
	/**
	 * Ask for each resource's state as a watch-list stream (falling back to a paged list when the
	 * server refuses). Default: when the server's version is known to understand it (1.27 and later).
	 */
	watchList?: boolean;
}

export interface LiveConnectOptions extends LiveOptions, LiveTuning {
	clock?: () => number;
}

/** Where the entries go once the source starts. */
export interface LiveHandlers {
	/** `eventText`: the text of the watch event the entry's object came in, when it came in one (`.object` of it is the object). */
	onEntry: (entry: SessionEntry, atMs: number, eventText?: string) => void;
	onStatus?: (status: ConnectionStatus) => void;
	/** Something was left out (e.g. nodes not visible to this user); the source carries on. */
	onWarning?: (message: string) => void;
	/** Stops the source (as stop() does). */
	signal?: AbortSignal;
	/** The consumer's last copy of an object of `resource`, for a DELETED found by a relist; the source keeps no objects. */
	recall?: (resource: string) => Recall | undefined;
}

/** A cluster found and checked, not yet watched. */
export interface LiveConnection {
	info: SourceInfo;
	/** The header a recording of this source starts with (t = 0 is startedAt). */
	header(): SessionHeader;
	/** Epoch ms of t = 0. */
	startedAt: number;
	/** Lists and watches; every entry goes to `handlers.onEntry` from the first on. Once only. */
	start(handlers: LiveHandlers): LiveSource;
	/** Container logs: each a request of its own, apart from the watches. */
	logs: LiveLogs;
}

export interface LiveSource {
	info: SourceInfo;
	/** The header a recording of this source starts with (t = 0 is startedAt). */
	header(): SessionHeader;
	/** Resolves after the initial list of pods, nodes and events; rejects with a UserError when pods cannot be listed. */
	synced: Promise<void>;
	/** Resolves once the first pods have been emitted (the first page of the list) or the list is complete; rejects as `synced` does. */
	firstPods: Promise<void>;
	/** How far the initial list of pods has come; null once it is complete. */
	listing(): ListProgress | null;
	/** Epoch ms of t = 0. */
	startedAt: number;
	/** The source's clock (epoch ms). */
	now(): number;
	status(): ConnectionStatus;
	warnings: readonly string[];
	/** Stops every request; resolves when all loops have ended. */
	stop(): Promise<void>;
	/** Container logs: each a request of its own, apart from the watches (their reconnects do not touch it). */
	logs: LiveLogs;
}
