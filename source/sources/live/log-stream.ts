// A container's log live: one pods/log request of its own, following, the last TAIL_LINES lines
// first (k9s and `kubectl logs -f --tail` start so), with the server's timestamps (the view shows or
// hides them without asking again). The request lives as long as the feed: the watches' reconnects
// never touch it, and close() ends it. A stream that ends (the container stopped) or breaks says so
// and keeps what it showed.

import {LogBuffer} from '../../model/log-buffer.js';
import type {LogFeed, LogFeedState, LogProvider, LogSnapshot, LogTarget} from '../log-feed.js';
import {logPath, logProblem, logQuery, logRequest, type LogQuery} from './log-request.js';
import type {Transport, WatchStream} from './transport.js';
import {shortError} from './errors.js';

export const TAIL_LINES = 200;

/** A live cluster's container logs: followed in the log view, or read once (a recording's). */
export interface LiveLogs extends LogProvider {
	/** The log's text as the query asks for it, read to its end; rejects as the server refuses. */
	read(target: LogTarget, query: LogQuery, signal?: AbortSignal): Promise<string>;
}

export function liveLogs(transport: Transport, server?: string): LiveLogs {
	return {
		open: target => openLiveLog(transport, target, server),
		read: async (target, query, signal) => {
			let text = '';
			const stream = await transport.streamText(logPath(target), {
				query: logQuery(target, {...query, follow: false}),
				accept: 'text/plain, */*',
				request: logRequest(target),
				signal,
				onText: chunk => {
					text += chunk;
				},
			});
			const error = await stream.closed;
			if (error) throw error;
			return text;
		},
	};
}

function openLiveLog(transport: Transport, target: LogTarget, server: string | undefined): LogFeed {
	const buffer = new LogBuffer();
	const listeners = new Set<() => void>();
	const abort = new AbortController();
	let state: LogFeedState = 'opening';
	let message: string | null = null;
	let changes = 0;
	let snapshot: LogSnapshot | null = null;
	let stream: WatchStream | null = null;
	let closed = false;

	const changed = () => {
		changes++;
		snapshot = null;
		for (const listener of listeners) listener();
	};

	transport
		.streamText(logPath(target), {
			query: logQuery(target, {tailLines: TAIL_LINES, timestamps: true, follow: true}),
			accept: 'text/plain, */*',
			request: logRequest(target),
			signal: abort.signal,
			onText: text => {
				buffer.append(text);
				changed();
			},
		})
		.then(
			opened => {
				if (closed) return opened.stop();
				stream = opened;
				state = 'following';
				changed();
				void opened.closed.then(error => {
					if (closed) return;
					buffer.end();
					state = 'ended';
					// The previous instance's log ends at once; the current one's when the container stops.
					message = error
						? `the stream broke: ${shortError(error)}; l opens it again`
						: target.previous
							? null
							: 'the container stopped; l opens the log again';
					changed();
				});
			},
			(error: unknown) => {
				if (closed) return;
				state = 'unavailable';
				message = logProblem(error, target, server);
				changed();
			},
		);

	return {
		snapshot() {
			snapshot ??= {state, lines: buffer.lines(), timestamps: true, message, dropped: buffer.dropped, truncated: false, version: changes};
			return snapshot;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close() {
			if (closed) return;
			closed = true;
			listeners.clear();
			abort.abort();
			stream?.stop();
		},
	};
}
