// `--output json`: the state at one moment, for scripts.

import type {PodState} from '../model/pod-state.js';
import {NO_WHY_SOURCE, podJson, type WhySource} from './pod-json.js';
import {livePods} from './table.js';

/** `source` gives `why` the nodes and events of the session, e.g. to name the node that refuses a pod. */
export function renderJson(pods: Iterable<PodState>, now: number, source: WhySource = NO_WHY_SOURCE): string {
	const doc = {clock: new Date(now).toISOString(), pods: livePods(pods).map(p => podJson(p, now, source))};
	return JSON.stringify(doc, null, 2) + '\n';
}
