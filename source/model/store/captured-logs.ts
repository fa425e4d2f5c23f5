// A pod's captured logs as the store keeps them (LOG entries, SESSION-FORMAT.md "Container logs"):
// oldest first, the newest few only — a pod that crash-loops for a day must not hold thousands of
// them, and what the screens show is the latest runs' (the why line, a container's last ends, the
// Timeline's recent restarts).

import type {CapturedLog} from '../captured-log.js';

/** Captured logs kept per pod (the newest). */
export const LOGS_PER_POD_LIMIT = 50;

/** `list` with `log` after it, the oldest dropped beyond the limit. */
export function withCapturedLog(list: readonly CapturedLog[], log: CapturedLog): readonly CapturedLog[] {
	const kept = list.length >= LOGS_PER_POD_LIMIT ? list.slice(list.length - LOGS_PER_POD_LIMIT + 1) : list;
	return [...kept, log];
}
