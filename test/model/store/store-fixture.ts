// Feeds a recorded capture into a PodStore entry by entry, for the model tests.

import {join} from 'node:path';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import type {Pod} from '../../../source/kube/objects.js';
import type {SessionEntry, WatchEntry} from '../../../source/session/format.js';
import {isWatchEntry} from '../../../source/session/format.js';
import {loadCapture, type Capture} from '../../helpers/load-capture.js';
import {podKeyOf} from '../../../source/model/pod-key.js';

export const CAPTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'captures');
export const CAPTURES_V136 = join(import.meta.dirname, '..', '..', 'fixtures', 'captures-v1.36');
/** Test sessions: captures with made-up LOG entries (fixtures/logs/README.md). */
export const LOG_SESSIONS = join(import.meta.dirname, '..', '..', 'fixtures', 'logs');

export function capture(name: string, dir = CAPTURES): Capture {
	return loadCapture(join(dir, `${name}.ndjson`));
}

export interface Step {
	entry: SessionEntry;
	at: number;
	store: PodStore;
}

/** Replay a capture into a new store, calling `each` after every entry. */
export function replay(name: string, each?: (step: Step) => void, options: {tombstoneMs?: number; dir?: string} = {}): {store: PodStore; capture: Capture} {
	const recorded = capture(name, options.dir);
	const store = new PodStore({compat: compatForServerVersion(recorded.header.serverVersion), tombstoneMs: options.tombstoneMs});
	const start = Date.parse(recorded.header.recordedAt);
	for (const entry of recorded.entries) {
		const at = start + entry.t;
		store.apply(entry, at);
		each?.({entry, at, store});
	}
	return {store, capture: recorded};
}

export function podEntries(recorded: Capture, namespace = 'default'): Array<WatchEntry & {object: Pod}> {
	return recorded.entries.filter(
		(entry): entry is WatchEntry & {object: Pod} => isWatchEntry(entry) && entry.object.kind === 'Pod' && entry.object.metadata?.namespace === namespace,
	);
}

export function podKey(pod: Pod): string {
	return podKeyOf(pod.metadata);
}
