// A pod on its way: an init container still running, containers being created. Not trouble yet,
// but the status line should still say what it waits for — and an init container that runs for
// longer than the Deployment controller's progress deadline is stuck.

import {timeMs, type KubeEvent} from '../../kube/objects.js';
import {humanDuration} from '../duration.js';
import {NOT_READY_GRACE_MS} from '../health.js';
import type {ContainerView, PodState} from '../pod-state.js';
import type {Diagnosis, WhyContext} from './diagnosis.js';
import {containerSpec, howItEnded, oneLine, ranFor, restartsIn, stateSince, subjectOf} from './words.js';

/** Warning events that explain a container stuck in ContainerCreating, by the cause they name. */
const START_WARNINGS: Readonly<Record<string, string>> = {
	FailedMount: 'volume-mount',
	FailedAttachVolume: 'volume-mount',
	FailedMapVolume: 'volume-mount',
	FailedCreatePodSandBox: 'sandbox',
	FailedCreatePodContainer: 'sandbox',
	NetworkNotReady: 'sandbox',
};

/** The plain init container the kubelet is on: the first one that has not completed. */
export function currentInit(state: PodState): ContainerView | null {
	for (const view of state.containers) {
		if (view.kind !== 'init') continue;
		if (view.state === 'terminated' && view.exitCode === 0) continue;
		return view;
	}
	return null;
}

/** True while plain init containers are still to run: no regular container has started yet. */
export function initializing(state: PodState): boolean {
	const started = state.containers.some(view => view.kind === 'regular' && (view.state === 'running' || view.state === 'terminated'));
	return !started && currentInit(state) !== null;
}

/** An init container that is running (or restarted and running again). */
export function initRunning(state: PodState, view: ContainerView, now: number): Diagnosis {
	const pod = state.readObject();
	const since = view.startedMs ?? stateSince(state, view);
	const parts = [`${subjectOf(pod, view)} running${since !== null ? ` for ${humanDuration(now - since)}` : ''}`];
	const restarts = restartsIn(state, view, now);
	if (restarts) parts.push(restarts);
	const last = view.lastTermination;
	if (last && last.exitCode !== 0) parts.push(`last ${howItEnded(last, containerSpec(pod, view))}${ranFor(last)}`);
	const stuck = since !== null && now - since >= NOT_READY_GRACE_MS;
	return {cause: stuck ? 'init-stuck' : 'initializing', container: view.name, text: parts.join('; '), severity: stuck ? 'failing' : null};
}

function newestStartWarning(events: readonly KubeEvent[]): KubeEvent | undefined {
	return events.findLast(event => event.type === 'Warning' && event.reason !== undefined && event.reason in START_WARNINGS);
}

/** Containers not created yet: what the kubelet is doing, with its newest warning about it. */
export function startingDiagnosis(state: PodState, ctx: WhyContext): Diagnosis | null {
	const view = state.containers.find(candidate => candidate.kind !== 'ephemeral' && (candidate.state === 'waiting' || candidate.state === 'unknown'));
	// Most pods have every container created: nothing to say, and nothing to read for it.
	if (!view) return null;
	const pod = state.readObject();
	const {now} = ctx;
	const scheduled = pod.status?.conditions?.find(condition => condition.type === 'PodScheduled' && condition.status === 'True');
	const scheduledAt = timeMs(scheduled?.lastTransitionTime) ?? state.columns.createdMs;
	const warning = newestStartWarning(ctx.events);
	let head: string;
	if (view.state === 'unknown') {
		head = `scheduled to ${pod.spec?.nodeName}${scheduledAt !== null ? ` ${humanDuration(now - scheduledAt)} ago` : ''}, waiting for the kubelet to start it`;
	} else {
		const since = stateSince(state, view) ?? scheduledAt;
		head = `${subjectOf(pod, view)} ${view.reason ?? 'waiting'}${since !== null ? ` for ${humanDuration(now - since)}` : ''}${view.message ? `: ${oneLine(view.message)}` : ''}`;
	}
	if (!warning) return {cause: 'starting', container: view.name, text: head, severity: null};
	return {cause: START_WARNINGS[warning.reason!]!, container: view.name, text: `${head}; ${warning.reason}: ${oneLine(warning.message ?? '')}`, severity: null};
}
