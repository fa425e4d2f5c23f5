// A container's log as the log view reads it, live or replayed. Live, a feed is one request to the
// API server's pods/log, streaming, with a lifetime of its own (opened when the view opens, closed
// when it closes, untouched by the watches' reconnects); replayed, it reads the LOG entries the
// recording captured. The view only reads snapshots; a live feed says when it changed.

export interface LogTarget {
	namespace: string;
	pod: string;
	/** Which life of the name (its metadata.uid; '' when unknown): a pod made again under it is another pod, with other logs. */
	uid: string;
	container: string;
	/** The instance before the last restart (`kubectl logs --previous`). */
	previous: boolean;
}

export type LogFeedState =
	/** Asked, no answer yet. */
	| 'opening'
	/** Streaming: new lines come as the container writes them. */
	| 'following'
	/** The stream ended (the container stopped, or the instance asked for is over). */
	| 'ended'
	/** No log to show: `message` says why in one line. */
	| 'unavailable';

export interface LogSnapshot {
	state: LogFeedState;
	/** Oldest first; with `timestamps`, each starts with its RFC 3339 time. */
	lines: readonly string[];
	/** The lines carry the server's timestamps (live: always asked for; the view hides them unless toggled). */
	timestamps: boolean;
	/** Why the log is unavailable, or a note about what is shown (replay: when it was captured). */
	message: string | null;
	/** Lines left out before the first one shown (the buffer's bound, or the capture's). */
	dropped: number;
	/** The capture had more lines than it kept (replay). */
	truncated: boolean;
	/** Changes whenever anything above does. */
	version: number;
}

export interface LogFeed {
	snapshot(): LogSnapshot;
	/** Live feeds say when they change; a replayed one changes with the replay's clock. */
	subscribe(listener: () => void): () => void;
	/** Ends the request (live). */
	close(): void;
}

/** Opens feeds: one per log view shown. */
export interface LogProvider {
	open(target: LogTarget): LogFeed;
}

/** "default/web-1 app (previous)": whose log, as the view's title says it. */
export function logTargetText(target: LogTarget): string {
	return `${target.namespace}/${target.pod} ${target.container}${target.previous ? ' (previous)' : ''}`;
}
