// A LogProvider whose feeds the test drives: what was opened, lines as a server would stream them,
// a refusal, the end of a stream, and whether the view closed the feed.

import type {LogFeed, LogFeedState, LogProvider, LogSnapshot, LogTarget} from '../../../source/sources/log-feed.js';

export class FakeFeed implements LogFeed {
	closed = false;
	private lines: string[] = [];
	private state: LogFeedState = 'opening';
	private message: string | null = null;
	private version = 0;
	private readonly listeners = new Set<() => void>();

	constructor(
		readonly target: LogTarget,
		private readonly timestamps = true,
	) {}

	snapshot(): LogSnapshot {
		return {state: this.state, lines: [...this.lines], timestamps: this.timestamps, message: this.message, dropped: 0, truncated: false, version: this.version};
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	close(): void {
		this.closed = true;
	}

	/** The server answered and streams these lines. */
	push(...lines: string[]): void {
		this.lines.push(...lines);
		this.state = 'following';
		this.changed();
	}

	refuse(message: string): void {
		this.state = 'unavailable';
		this.message = message;
		this.changed();
	}

	end(message: string | null = null): void {
		this.state = 'ended';
		this.message = message;
		this.changed();
	}

	private changed(): void {
		this.version++;
		for (const listener of this.listeners) listener();
	}
}

export class FakeLogs implements LogProvider {
	readonly feeds: FakeFeed[] = [];
	/** What a feed does as it opens. */
	onOpen: (feed: FakeFeed) => void = () => {};

	open(target: LogTarget): LogFeed {
		const feed = new FakeFeed(target);
		this.feeds.push(feed);
		this.onOpen(feed);
		return feed;
	}

	get last(): FakeFeed {
		return this.feeds.at(-1)!;
	}
}

/** "2026-12-04T20:11:02.000000000Z text": a line as the server sends it with timestamps=true. */
export function stamped(second: number, text: string): string {
	return `2026-12-04T20:11:${String(second).padStart(2, '0')}.000000000Z ${text}`;
}
