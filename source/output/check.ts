// `podlife check`: judge the pods in scope once and exit, for scripts and CI. One line per pod
// that is not healthy (`namespace/name  STATUS  cause: why`), failing pods first, then a summary;
// exit 0 when every pod is healthy or progressing normally, EXIT_UNHEALTHY (3) when some fail.
//
// On a session (`podlife replay FILE --output check [--at D]`) it judges the state at the end or
// at --at; live it judges after the initial list, or after --for DURATION of watching.

import {EXIT_OK, EXIT_UNHEALTHY} from '../errors.js';
import type {PodState} from '../model/pod-state.js';
import {explainPod, placementOf, whyContext, type Why, type WhySource} from '../model/why.js';
import type {LiveOutputOptions, ReplayOutputOptions} from './headless.js';
import {replayInto} from './replay-store.js';
import {livePods} from './table.js';
import {alignedLines} from './text-table.js';

export interface CheckVerdict {
	/** The report: the unhealthy pods' lines and the summary, ending in a newline. */
	text: string;
	exitCode: number;
	failing: number;
	progressing: number;
	ok: number;
}

interface Judged {
	state: PodState;
	why: Why;
}

/** Judges every live pod (tombstones left out) at `now`. */
export function judgePods(pods: Iterable<PodState>, view: WhySource, now: number): CheckVerdict {
	const list = livePods(pods);
	const judged: Judged[] = [];
	for (const state of list) {
		const why = explainPod(state, whyContext(view, state, now, placementOf(view)));
		if (why) judged.push({state, why});
	}
	const failing = judged.filter(entry => entry.why.health === 'failing');
	const progressing = judged.filter(entry => entry.why.health === 'progressing');
	const ok = list.length - judged.length;
	const rows = [...failing, ...progressing].map(({state, why}) => [state.key, state.columns.status, `${why.cause}: ${why.text}`] as const);
	const lines = alignedLines(rows, 2);
	lines.push(summary(list.length, failing.length, progressing.length, ok));
	return {
		text: lines.join('\n') + '\n',
		exitCode: failing.length > 0 ? EXIT_UNHEALTHY : EXIT_OK,
		failing: failing.length,
		progressing: progressing.length,
		ok,
	};
}

function summary(total: number, failing: number, progressing: number, ok: number): string {
	if (total === 0) return 'No pods found.';
	const counts = `${failing} failing, ${progressing} progressing, ${ok} ok`;
	return `${total} ${total === 1 ? 'pod' : 'pods'}: ${counts}${failing > 0 ? ' — unhealthy' : ' — healthy'}`;
}

/** `podlife replay FILE --output check [--at D]`: the verdict on the session's state at that moment. */
export async function runReplayCheck(options: ReplayOutputOptions): Promise<number> {
	const {store, now} = await replayInto(options.file, options.at, {compat: options.compat, lenient: options.lenient, warn: options.warn});
	const view = store.view();
	const verdict = judgePods(view.pods.values(), view, now);
	options.write(verdict.text);
	return verdict.exitCode;
}

export interface LiveCheckOptions extends LiveOutputOptions {
	/** Watch this long before judging; undefined = judge right after the initial list. */
	forMs?: number;
}

/** `podlife check [cluster flags] [--for D]`: the verdict on the cluster after the initial sync (or --for). */
export async function runLiveCheck(options: LiveCheckOptions): Promise<number> {
	// client-node is heavy: only the live source loads it.
	const {startLiveStore, watchThenStop} = await import('../sources/live/live-store.js');
	// Judged once right after the list: objects as the text they came in (live-store.ts compactObjects).
	const live = await startLiveStore(options, {compat: options.compat, onWarning: options.warn, compactObjects: options.forMs !== undefined});
	await watchThenStop(live, options.forMs === undefined ? null : {durationMs: options.forMs, signal: options.signal});
	const view = live.store.view();
	const verdict = judgePods(view.pods.values(), view, live.source.now());
	options.write(verdict.text);
	return verdict.exitCode;
}
