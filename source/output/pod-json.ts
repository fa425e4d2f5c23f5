// The JSON shape of one pod in `--output json` and `--output ndjson`: podlife's
// columns at a moment, plus what podlife adds (mirror flag, containers, health, why).
// Times are RFC 3339 strings, as in Kubernetes objects.

import {rowCells} from '../model/print-pod.js';
import {podHealth} from '../model/health.js';
import type {KubeEvent, Node} from '../kube/objects.js';
import type {CapturedLog} from '../model/captured-log.js';
import type {ContainerView, PodState, Termination} from '../model/pod-state.js';
import {explainPod, placementOf, whyContext, type WhySource} from '../model/why.js';

/** Nodes, events and captured logs for `why` (a whole view: placement too); without them the diagnosis still reads the pod itself. */
export type {WhySource} from '../model/why.js';

export const NO_WHY_SOURCE: WhySource = {nodes: new Map(), eventsByPod: new Map(), logsByPod: new Map()};

/** The why source of one pod, for a reader of one pod per entry (ndjson) that takes no whole view. */
export function podWhySource(key: string, events: readonly KubeEvent[], logs: readonly CapturedLog[], nodes: ReadonlyMap<string, Node>): WhySource {
	return {nodes, eventsByPod: new Map([[key, events]]), logsByPod: new Map([[key, logs]])};
}

function iso(ms: number | null): string | null {
	return ms === null ? null : new Date(ms).toISOString();
}

function terminationJson(t: Termination | null) {
	if (!t) return null;
	return {
		exitCode: t.exitCode,
		signal: t.signal,
		reason: t.reason,
		message: t.message,
		startedAt: iso(t.startedMs),
		finishedAt: iso(t.finishedMs),
	};
}

function containerJson(c: ContainerView) {
	return {
		kind: c.kind,
		name: c.name,
		image: c.image,
		state: c.state,
		reason: c.reason,
		message: c.message,
		exitCode: c.exitCode,
		signal: c.signal,
		startedAt: iso(c.startedMs),
		finishedAt: iso(c.finishedMs),
		ready: c.ready,
		started: c.started,
		restartCount: c.restartCount,
		lastTermination: terminationJson(c.lastTermination),
		nextRestartAt: iso(c.nextRestartMs),
	};
}

export function podJson(state: PodState, now: number, source: WhySource = NO_WHY_SOURCE) {
	const {columns} = state;
	const ctx = whyContext(source, state, now, placementOf(source));
	const {health, signal} = podHealth(state, now, ctx.events);
	const why = explainPod(state, ctx);
	return {
		namespace: state.namespace,
		name: state.name,
		// From the state, not the object: a store may keep the object out of memory (a parse per read).
		phase: state.core.phase,
		...rowCells(columns, now),
		mirror: state.mirror ? {node: state.mirror.node, source: state.mirror.source, hash: state.mirror.hash} : null,
		sidecars: state.sidecars,
		health,
		/** A container that ran, died and is started again; an image the kubelet cannot pull is pullBackOff. */
		crashLoop: signal?.kind === 'crash-loop' ? {container: signal.container, reason: signal.reason, nextRestartAt: iso(signal.nextTryMs)} : null,
		pullBackOff: signal?.kind === 'pull-back-off' ? {container: signal.container, reason: signal.reason, nextPullAt: iso(signal.nextTryMs)} : null,
		/**
		 * Why the pod is not healthy (null when it is): cause, container, one line of evidence, health; and
		 * the last line the container wrote before it ended, when the session captured its log (also the end of `text`).
		 */
		why: why ? {cause: why.cause, container: why.container, text: why.text, health: why.health, lastLog: why.lastLog ?? null} : null,
		deletedAt: iso(state.deletedAt),
		containers: state.containers.map(containerJson),
	};
}
