// The ends of a pod's life: failed (evicted, deadline exceeded, a container that will not be
// restarted), lost with its node, and deletion that takes longer than its grace period.

import {timeMs, type Node} from '../../kube/objects.js';
import {humanDuration} from '../duration.js';
import type {PodState} from '../pod-state.js';
import type {Diagnosis, WhyContext} from './diagnosis.js';
import {containerSpec, currentTermination, howItEnded, oneLine, quotedMessage, ranFor, subjectOf} from './words.js';

/** node.NodeUnreachablePodReason (pkg/util/node): set by the node lifecycle controller. */
export const NODE_LOST_REASON = 'NodeLost';

/** "node kind-worker is not Ready (Ready=Unknown, NodeStatusUnknown: Kubelet stopped posting node status.) since 3m", or null when Ready. */
export function nodeTrouble(name: string, node: Node | undefined, now: number): string | null {
	const ready = node?.status?.conditions?.find(condition => condition.type === 'Ready');
	if (!ready || ready.status === 'True') return null;
	const why = [ready.reason, ready.message].filter(Boolean).join(': ');
	const since = timeMs(ready.lastTransitionTime);
	return `node ${name} is not Ready (Ready=${ready.status}${why ? `, ${oneLine(why)}` : ''})${since !== null ? ` for ${humanDuration(now - since)}` : ''}`;
}

/** Phase Failed: the pod's own reason (Evicted, DeadlineExceeded, NodeAffinity, OutOfcpu, …) or the container that failed. */
export function failedDiagnosis(state: PodState): Diagnosis {
	const pod = state.readObject();
	const status = pod.status ?? {};
	if (status.reason) {
		const evicted = status.reason === 'Evicted';
		const disruption = status.conditions?.find(condition => condition.type === 'DisruptionTarget' && condition.status === 'True');
		const message = status.message ?? disruption?.message;
		return {
			cause: evicted ? 'evicted' : 'failed',
			container: null,
			text: `${evicted ? 'evicted' : status.reason}${message ? `: ${oneLine(message)}` : ''}`,
			severity: 'failing',
		};
	}
	const failed = state.containers
		.filter(view => view.kind !== 'ephemeral')
		.find(view => {
			const termination = currentTermination(view);
			return view.state === 'terminated' && termination !== null && termination.exitCode !== 0;
		});
	if (failed) {
		const termination = currentTermination(failed)!;
		const message = quotedMessage(termination.message);
		return {
			cause: 'failed',
			container: failed.name,
			text: `${subjectOf(pod, failed)} ${howItEnded(termination, containerSpec(pod, failed))}${ranFor(termination)}${message ? `; message ${message}` : ''}`,
			severity: 'failing',
		};
	}
	return {cause: 'failed', container: null, text: `phase Failed${status.message ? `: ${oneLine(status.message)}` : ''}`, severity: 'failing'};
}

/** The node controller gave up on the pod's node: NodeLost (STATUS Unknown), or phase Unknown. */
export function nodeLostDiagnosis(state: PodState, ctx: WhyContext): Diagnosis {
	const pod = state.readObject();
	const status = pod.status ?? {};
	const nodeName = pod.spec?.nodeName ?? '';
	const parts = [`${status.reason ?? `phase ${status.phase ?? 'Unknown'}`}${status.message ? `: ${oneLine(status.message)}` : ''}`];
	const node = nodeName ? nodeTrouble(nodeName, ctx.nodes.get(nodeName), ctx.now) : null;
	if (node) parts.push(node);
	else if (nodeName && ctx.nodes.size > 0 && !ctx.nodes.has(nodeName)) parts.push(`node ${nodeName} is gone`);
	return {cause: 'node-lost', container: null, text: parts.join('; '), severity: 'failing'};
}

/**
 * metadata.deletionTimestamp is when the grace period ends (the API server sets it to the time of
 * the delete + deletionGracePeriodSeconds). Within it the pod is shutting down on schedule; past it,
 * something holds it: finalizers, or a kubelet that does not answer.
 */
export function terminatingDiagnosis(state: PodState, ctx: WhyContext): Diagnosis | null {
	const pod = state.readObject();
	const {now} = ctx;
	const deadline = timeMs(pod.metadata.deletionTimestamp);
	if (deadline === null) return null;
	const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
	const requested = deadline - grace * 1000;
	const finalizers = pod.metadata.finalizers ?? [];
	const running = state.containers.filter(view => view.kind !== 'ephemeral' && view.state === 'running').map(view => view.name);
	const runningWords = running.length > 0 ? `still running: ${running.join(', ')}` : null;
	const nodeName = pod.spec?.nodeName ?? '';
	const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
	// A finished pod with no finalizer has nothing left to stop: the kubelet's grace-0 delete removes
	// it (terminating.ndjson), so it is no more trouble than any completed pod.
	if (terminal && finalizers.length === 0) return null;
	if (now <= deadline) {
		const next = `grace period ${grace}s ends in ${humanDuration(deadline - now)}`;
		const parts = [`deleted ${humanDuration(now - requested)} ago, ${next}`];
		if (runningWords) parts.push(runningWords);
		return {cause: 'terminating', container: null, text: parts.join('; '), severity: null, next};
	}
	const parts = [`terminating ${humanDuration(now - deadline)} past its ${grace}s grace period (deleted ${humanDuration(now - requested)} ago)`];
	if (finalizers.length > 0) parts.push(`held by ${finalizers.length === 1 ? 'finalizer' : 'finalizers'} ${finalizers.join(', ')}`);
	const node = nodeName ? nodeTrouble(nodeName, ctx.nodes.get(nodeName), now) : null;
	if (node) parts.push(node);
	else if (finalizers.length === 0 && nodeName && !terminal) parts.push(`the kubelet on ${nodeName} has not confirmed the containers stopped`);
	if (runningWords && !terminal) parts.push(runningWords);
	return {cause: 'stuck-terminating', container: null, text: parts.join('; '), severity: 'failing'};
}
