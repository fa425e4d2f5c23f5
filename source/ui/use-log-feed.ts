// The open log's feed, for as long as the log view shows it: opened when a log opens (or switches
// container or instance), closed when it closes or the app unmounts, so a live log's request has
// the view's lifetime and nothing else's. Its changes become frames through the frame source.

import {useEffect, useState} from 'react';
import type {LogFeed, LogProvider, LogSnapshot, LogTarget} from '../sources/log-feed.js';
import type {FrameSource} from './frame-source.js';

/** Before the feed is open (the render that opens the view). */
const OPENING: LogSnapshot = {state: 'opening', lines: [], timestamps: false, message: null, dropped: 0, truncated: false, version: 0};

function targetKey(target: LogTarget): string {
	return JSON.stringify([target.namespace, target.pod, target.uid, target.container, target.previous]);
}

/** The snapshot of the log shown (null: no provider, the log cannot be shown here), or undefined when no log is open. */
export function useLogFeed(provider: LogProvider | undefined, target: LogTarget | null, frames: FrameSource): LogSnapshot | null | undefined {
	const key = target ? targetKey(target) : null;
	const [open, setOpen] = useState<{key: string; feed: LogFeed} | null>(null);
	useEffect(() => {
		if (!provider || !target || key === null) return;
		const feed = provider.open(target);
		const unfollow = frames.follow(listener => feed.subscribe(listener));
		setOpen({key, feed});
		return () => {
			unfollow();
			feed.close();
			setOpen(current => (current?.feed === feed ? null : current));
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the target's identity is its key: a new object for the same log keeps the feed.
	}, [provider, key, frames]);
	if (key === null) return undefined;
	if (!provider) return null;
	return open?.key === key ? open.feed.snapshot() : OPENING;
}
