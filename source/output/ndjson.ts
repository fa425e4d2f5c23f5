// `--output ndjson`: one line per pod entry, in order, as it is applied, with
// podlife's columns at that entry's moment — the stream that parity checks
// compare with the server's `row`.

import type {WatchEntry} from '../session/format.js';
import type {PodState} from '../model/pod-state.js';
import {podJson, NO_WHY_SOURCE, type WhySource} from './pod-json.js';

/** `why` is null for a healthy pod, else podlife's diagnosis at this entry's moment. */
export function ndjsonLine(entry: WatchEntry, state: PodState, now: number, source: WhySource = NO_WHY_SOURCE): string {
	const {containers: _containers, ...pod} = podJson(state, now, source);
	return JSON.stringify({t: entry.t, time: new Date(now).toISOString(), type: entry.type, ...pod}) + '\n';
}
