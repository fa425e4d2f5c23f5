// What the server stores of a recorded object: a deep copy with every time in it on the served
// clock (served-clock.ts, shift-times.ts) and, from the second round of a loop on, every uid that
// round's (round-uids.ts).
//
// Which values are times: rather than a list of fields that misses the next one a server adds,
// every string that is exactly an RFC 3339 time is moved, wherever it is (shift-times.ts names
// the fields of core/v1 that hold one). Which are uids: every string under a key `uid` —
// metadata.uid, ownerReferences[].uid, an Event's involvedObject.uid, related.uid. Except what a
// container is given to run (env, command, args): a time written there is the user's data, not
// the cluster's clock.

import {uidOfRound} from './round-uids.js';
import type {ServedClock} from './served-clock.js';
import {servedTime} from './shift-times.js';

/** Keys whose values are a container's own input, never changed. */
const USER_DATA = new Set(['env', 'command', 'args']);

/** A deep copy of a recorded JSON value as round `round` serves it on `clock`. */
export function servedCopy<T>(value: T, clock: ServedClock, round = 0): T {
	const copy = copyValue(value, clock, round) as T;
	if (clock.speed !== 1) keepGracePeriod(value, copy, clock);
	return copy;
}

/**
 * metadata.deletionTimestamp is not a moment of the session but a deadline: the moment of the
 * delete plus deletionGracePeriodSeconds, a duration the pod's spec gives and the kubelet keeps
 * whatever the speed. So on a sped-up clock it is the served moment of the delete plus the grace
 * period: "deleted 2s ago, grace period ends in 28s" reads true against the served clock (a pod the
 * recording held past its grace period is, sped up, gone within it).
 */
function keepGracePeriod(recorded: unknown, copy: unknown, clock: ServedClock): void {
	const meta = (recorded as {metadata?: {deletionTimestamp?: unknown; deletionGracePeriodSeconds?: unknown}} | null)?.metadata;
	if (typeof meta?.deletionTimestamp !== 'string' || typeof meta.deletionGracePeriodSeconds !== 'number') return;
	const deadline = Date.parse(meta.deletionTimestamp);
	if (Number.isNaN(deadline)) return;
	const graceMs = meta.deletionGracePeriodSeconds * 1000;
	const deleted = Date.parse(servedTime(`${new Date(deadline - graceMs).toISOString().slice(0, 19)}Z`, clock));
	(copy as {metadata: {deletionTimestamp: string}}).metadata.deletionTimestamp = `${new Date(deleted + graceMs).toISOString().slice(0, 19)}Z`;
}

function copyValue(value: unknown, clock: ServedClock, round: number): unknown {
	if (typeof value === 'string') return servedTime(value, clock);
	if (Array.isArray(value)) return value.map(item => copyValue(item, clock, round));
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		if (USER_DATA.has(key)) copy[key] = structuredClone(item);
		else if (key === 'uid' && typeof item === 'string') copy[key] = uidOfRound(item, round);
		else copy[key] = copyValue(item, clock, round);
	}
	return copy;
}
