// A running pod that is not Ready: which container is not ready and since when, with the kubelet's
// probe failure in its own words (the newest Unhealthy event), or which readiness gate (KEP-580)
// is False or not reported at all.

import {timeMs, type KubeEvent} from '../../kube/objects.js';
import {humanDuration} from '../duration.js';
import {NOT_READY_GRACE_MS} from '../health.js';
import type {ContainerView, PodState} from '../pod-state.js';
import type {Diagnosis, WhyContext} from './diagnosis.js';
import {oneLine, subjectOf} from './words.js';

function latestProbeFailure(view: ContainerView, events: readonly KubeEvent[]): string | null {
	const event = events.findLast(
		candidate => candidate.reason === 'Unhealthy' && (candidate.involvedObject?.fieldPath ?? '').endsWith(`{${view.name}}`) && Boolean(candidate.message),
	);
	return event?.message ? oneLine(event.message) : null;
}

/** Since when the pod is not Ready: its Ready condition's lastTransitionTime, or the container's (re)start if later. */
function notReadySince(state: PodState, view: ContainerView | null): number | null {
	const ready = state.readObject().status?.conditions?.find(condition => condition.type === 'Ready');
	const flipped = ready?.status === 'True' ? null : timeMs(ready?.lastTransitionTime);
	const started = view?.startedMs ?? null;
	if (flipped === null) return started;
	return started === null ? flipped : Math.max(flipped, started);
}

/** Containers that run with the pod (regular and native sidecars) but are not ready. */
export function notReadyDiagnosis(state: PodState, ctx: WhyContext): Diagnosis | null {
	const {now} = ctx;
	const view = state.containers.find(
		candidate => (candidate.kind === 'regular' || candidate.kind === 'sidecar') && candidate.state === 'running' && !candidate.ready,
	);
	if (!view) return null;
	const since = notReadySince(state, view);
	const unstarted = view.started === false ? ' (startup probe not passed yet)' : '';
	const head = `${subjectOf(state.readObject(), view)} running but not ready${since !== null ? ` for ${humanDuration(now - since)}` : ''}${unstarted}`;
	const probe = latestProbeFailure(view, ctx.events);
	return {cause: 'not-ready', container: view.name, text: probe ? `${head}; ${probe}` : head, severity: null};
}

/** spec.readinessGates whose condition is False or missing: the pod is not Ready though its containers are. */
export function readinessGateDiagnosis(state: PodState, ctx: WhyContext): Diagnosis | null {
	// The printer's READINESS GATES cell says "<none>" for a pod without gates: most pods, not read back.
	if (state.columns.readinessGates === '<none>') return null;
	const pod = state.readObject();
	const gates = pod.spec?.readinessGates ?? [];
	const conditions = pod.status?.conditions ?? [];
	const parts: string[] = [];
	let oldest: number | null = null;
	for (const gate of gates) {
		const condition = conditions.find(candidate => candidate.type === gate.conditionType);
		if (condition?.status === 'True') continue;
		if (!condition) {
			parts.push(`readiness gate ${gate.conditionType} not reported (no such condition in status)`);
			continue;
		}
		const since = timeMs(condition.lastTransitionTime);
		if (since !== null) oldest = oldest === null ? since : Math.min(oldest, since);
		const why = [condition.reason, condition.message].filter(Boolean).join(': ');
		parts.push(
			`readiness gate ${gate.conditionType} is ${condition.status}${since !== null ? ` for ${humanDuration(ctx.now - since)}` : ''}${why ? ` (${oneLine(why)})` : ''}`,
		);
	}
	if (parts.length === 0) return null;
	// Like a container that is not ready, a gate gets the Deployment controller's progress deadline
	// before it counts as failing; a gate never reported counts from the pod's creation.
	const since = oldest ?? state.columns.createdMs ?? state.firstSeenAt;
	return {cause: 'readiness-gate', container: null, text: parts.join('; '), severity: ctx.now - since >= NOT_READY_GRACE_MS ? 'failing' : 'progressing'};
}
