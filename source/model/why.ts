// Why a pod is not healthy, in one line with the evidence in the objects' own words: which
// container, how it ended, what the kubelet or the scheduler said, since when, and what happens
// next. The causes live under why/ (one file per family); this file picks the one that explains
// the pod and settles its health.
//
// The order follows a pod's life backwards from the most final fact: a failed pod, a deleted one,
// a lost node, an unscheduled pod, a container that cannot run, init containers still running,
// containers being created, and last a running pod that is not Ready.

import type {ClusterSource} from './placement/cluster.js';
import {podHealth, type PodHealth} from './health.js';
import type {PodState, StoreView} from './pod-state.js';
import {containerTrouble, restartsRising} from './why/container-trouble.js';
import type {Diagnosis, WhyContext} from './why/diagnosis.js';
import {failedDiagnosis, NODE_LOST_REASON, nodeLostDiagnosis, nodeTrouble, terminatingDiagnosis} from './why/lifecycle.js';
import {pendingDiagnosis} from './why/pending.js';
import {notReadyDiagnosis, readinessGateDiagnosis} from './why/readiness.js';
import {currentInit, initializing, initRunning, startingDiagnosis} from './why/starting.js';
import {oneLine} from './why/words.js';
import type {CapturedLog} from './captured-log.js';
import {lastLogLine, latestEndedRun, logOfRun} from './container-logs.js';
import {podEvents} from './store/pod-events.js';

export type {WhyContext} from './why/diagnosis.js';

export interface Why {
	/**
	 * Short kind, stable for scripts: crash-loop, image-pull, config-error, start-error, init-failing,
	 * init-stuck, initializing, sidecar-failing, unschedulable, scheduling-gated, scheduling, starting,
	 * volume-mount, sandbox, not-ready, readiness-gate, terminating, stuck-terminating, node-lost,
	 * evicted, failed, status.
	 */
	cause: string;
	/** The container the cause is about; null when it is the pod as a whole. */
	container: string | null;
	/** One line: the evidence in the objects' words. */
	text: string;
	/**
	 * podHealth's verdict, raised to 'failing' by causes that do not resolve by waiting
	 * (Unschedulable, stuck terminating, a lost node, an init container stuck for 10 min).
	 */
	health: 'progressing' | 'failing';
	/** What happens next and when ("next restart in 12s"), a part of `text`; absent when nothing is due. */
	next?: string;
	/**
	 * The last non-empty line the container's ended run wrote, when a recording captured its log
	 * (printable, at most LAST_LOG_CHARS): the end of `text` ("; last log: …"); absent otherwise.
	 */
	lastLog?: string;
}

/** The causes of a container that ended: their line ends with what it wrote last, when captured. */
const ENDED_CAUSES = new Set(['crash-loop', 'init-failing', 'sidecar-failing', 'failed']);
/** A captured line is cut to this many characters in the why line (a JSON log line can be kilobytes). */
export const LAST_LOG_CHARS = 200;

/**
 * Why the pod is not healthy, or null when it is (running and ready, or completed). `base`: its
 * podHealth at ctx.now with ctx.events, when the caller has it already (a table row's FLAGS).
 */
export function explainPod(state: PodState, ctx: WhyContext, base: PodHealth = podHealth(state, ctx.now, ctx.events)): Why | null {
	if (state.deletedAt !== null) return null;
	let found = diagnose(state, ctx, base.signal?.reason === 'RestartsRising' ? base.signal.container : null);
	if (!found) {
		if (base.health === 'ok') return null;
		const message = state.readObject().status?.message;
		found = {
			cause: 'status',
			container: base.signal?.container ?? null,
			text: `STATUS ${state.columns.status}${message ? `: ${oneLine(message)}` : ''}`,
			severity: null,
		};
	}
	const health = base.health === 'failing' || found.severity === 'failing' ? 'failing' : 'progressing';
	const lastLog = ENDED_CAUSES.has(found.cause) ? lastLogOf(state, found.container, ctx.logs) : null;
	return {
		cause: found.cause,
		container: found.container,
		text: lastLog === null ? found.text : `${found.text}; last log: ${lastLog}`,
		health,
		...(found.next !== undefined && {next: found.next}),
		...(lastLog !== null && {lastLog}),
	};
}

/**
 * The last line of the log captured of the named container's latest ended run, cut to
 * LAST_LOG_CHARS; null when none was captured (as of now), or it could not be read, or it is blank.
 * The run is told by its container ID, so a log of an earlier run never stands for the last one.
 */
function lastLogOf(state: PodState, container: string | null, logs: readonly CapturedLog[]): string | null {
	if (container === null || logs.length === 0) return null;
	const view = state.containers.find(candidate => candidate.name === container);
	const run = view ? latestEndedRun(state.readObject(), view) : null;
	const log = run ? logOfRun(logs, run) : null;
	// One line: the tabs and runs of spaces a log lines its columns up with count for nothing here.
	const line = log ? (lastLogLine(log)?.replace(/\s+/g, ' ') ?? null) : null;
	if (line === null) return null;
	const chars = [...line];
	return chars.length <= LAST_LOG_CHARS ? line : `${chars.slice(0, LAST_LOG_CHARS - 1).join('')}…`;
}

/** What a diagnosis reads of a store besides the pod: its nodes, events and captured logs (a whole view: placement too). */
export type WhySource = Pick<StoreView, 'nodes' | 'eventsByPod' | 'logsByPod'> | StoreView;

/**
 * The context explainPod needs, taken from a store view for one pod. `placement`: the view again
 * for the pod on screen, whose pod affinity and spread are judged against every other pod.
 */
export function whyContext(view: WhySource, pod: Pick<PodState, 'key' | 'uid'>, now: number, placement: ClusterSource | null = null): WhyContext {
	// This life's events only: a pod made again under its name must not be explained by its predecessor's.
	return {nodes: view.nodes, events: podEvents(view, pod), logs: view.logsByPod.get(pod.key) ?? EMPTY_LOGS, now, placement};
}

/**
 * The line the TUI shows under the table and in the WHY column: "crash-loop: container app exited
 * 1 (Error) after 3s; …", or null when the pod is healthy. Given a whole store view (the snapshot
 * outputs, one line per pod, once), the pod's placement is judged too.
 */
export function whyLine(state: PodState, view: WhySource, now: number): string | null {
	const why = explainPod(state, whyContext(view, state, now, placementOf(view)));
	return why ? whyText(why) : null;
}

/** The view itself when it can judge placement (a whole StoreView), else null. */
export function placementOf(view: WhySource): ClusterSource | null {
	return 'placementCluster' in view ? view : null;
}

/** A diagnosis as one line: "crash-loop: container app exited 1 …". */
export function whyText(why: Why): string {
	return `${why.cause}: ${why.text}`;
}

const EMPTY_LOGS: readonly CapturedLog[] = [];

// A healthy pod is judged from what its state keeps (core, containers, columns): its object is read
// back only to word a cause, which matters where reading it is a parse (compact or by-ref stores).
function diagnose(state: PodState, ctx: WhyContext, risingContainer: string | null): Diagnosis | null {
	const {phase, reason, deletionTimestamp, nodeName} = state.core;
	if (phase === 'Failed') return failedDiagnosis(state);
	if (deletionTimestamp) {
		if (reason === NODE_LOST_REASON) return nodeLostDiagnosis(state, ctx);
		return terminatingDiagnosis(state, ctx);
	}
	if (phase === 'Succeeded') return null;
	if (reason === NODE_LOST_REASON || phase === 'Unknown') return nodeLostDiagnosis(state, ctx);
	if (!nodeName) return pendingDiagnosis(state, ctx);

	// Main containers first: when both fail, the app matters more than its helpers.
	const order = [
		...state.containers.filter(view => view.kind === 'regular'),
		...state.containers.filter(view => view.kind === 'init' || view.kind === 'sidecar'),
	];
	for (const view of order) {
		const trouble = containerTrouble(state, view, ctx);
		if (!trouble) continue;
		if (view.kind === 'sidecar') return withMainRunning(state, trouble);
		return trouble;
	}
	if (risingContainer !== null) {
		const view = state.containers.find(candidate => candidate.name === risingContainer && candidate.kind !== 'init' && candidate.kind !== 'ephemeral');
		if (view) return view.kind === 'sidecar' ? withMainRunning(state, restartsRising(state, view, ctx.now)) : restartsRising(state, view, ctx.now);
	}
	const nodeDown = nodeTrouble(nodeName, ctx.nodes.get(nodeName), ctx.now);
	if (nodeDown && !podReady(state)) return {cause: 'node-lost', container: null, text: nodeDown, severity: 'failing'};
	if (initializing(state)) {
		const view = currentInit(state)!;
		if (view.state === 'running') return initRunning(state, view, ctx.now);
	}
	return startingDiagnosis(state, ctx) ?? notReadyDiagnosis(state, ctx) ?? readinessGateDiagnosis(state, ctx);
}

function podReady(state: PodState): boolean {
	return state.core.conditions.some(condition => condition.type === 'Ready' && condition.status === 'True');
}

/** A failing native sidecar next to a main container that keeps running: say so, it is why STATUS may read Running. */
function withMainRunning(state: PodState, trouble: Diagnosis): Diagnosis {
	const running = state.containers.filter(view => view.kind === 'regular' && view.state === 'running').map(view => view.name);
	if (running.length === 0) return trouble;
	return {...trouble, text: `${trouble.text}; ${running.length === 1 ? 'container' : 'containers'} ${running.join(', ')} still running`};
}
