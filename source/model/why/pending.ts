// A pod not yet on a node: held by scheduling gates, refused by the scheduler, or simply not
// scheduled yet. The scheduler's own words come from the PodScheduled condition (reason
// Unschedulable), else the newest FailedScheduling event; podlife's own reading of the nodes comes
// from evaluateNodes (scheduling.ts), which names the rule that rules out each node.

import {timeMs} from '../../kube/objects.js';
import {humanDuration} from '../duration.js';
import {evaluateNodes} from '../scheduling.js';
import type {PodState} from '../pod-state.js';
import type {Diagnosis, WhyContext} from './diagnosis.js';
import {oneLine} from './words.js';

/**
 * The scheduler's message without the preemption postscript ("… preemption: 0/2 nodes are
 * available: 2 Preemption is not helpful for scheduling."), which repeats the count and names no node.
 */
function schedulerWords(message: string): string {
	const cut = message.indexOf(' preemption:');
	return oneLine(cut >= 0 ? message.slice(0, cut) : message).replace(/\.$/, '');
}

/** Which nodes podlife sees ruling the pod out, and why: "kind-worker lacks label disktype=ssd; …". */
function nodeMisfits(state: PodState, ctx: WhyContext): {text: string | null; fitting: string[]} {
	if (ctx.nodes.size === 0) return {text: null, fitting: []};
	const fits = evaluateNodes(state.readObject(), ctx.nodes.values());
	const reasons = fits.flatMap(fit => fit.reasons.map(reason => reason.message));
	const fitting = fits.filter(fit => fit.fits).map(fit => fit.node);
	return {text: reasons.length > 0 ? reasons.join('; ') : null, fitting};
}

/** "kind-worker passes nodeSelector, affinity and taints (the scheduler refuses it for something else: …)". */
function fittingWords(fitting: readonly string[]): string | null {
	if (fitting.length === 0) return null;
	const names = fitting.length > 3 ? `${fitting.slice(0, 3).join(', ')} and ${fitting.length - 3} more` : fitting.join(', ');
	return `${names} ${fitting.length === 1 ? 'passes' : 'pass'} nodeSelector, affinity and taints (so resources, ports, volumes or pod affinity rule ${fitting.length === 1 ? 'it' : 'them'} out)`;
}

export function pendingDiagnosis(state: PodState, ctx: WhyContext): Diagnosis {
	const pod = state.readObject();
	const {now} = ctx;
	const gates = pod.spec?.schedulingGates ?? [];
	if (gates.length > 0) {
		const created = state.columns.createdMs;
		const names = gates.map(gate => gate.name).join(', ');
		return {
			cause: 'scheduling-gated',
			container: null,
			text: `held by scheduling ${gates.length === 1 ? 'gate' : 'gates'} ${names}${created !== null ? ` for ${humanDuration(now - created)}` : ''}`,
			severity: null,
		};
	}
	const scheduled = pod.status?.conditions?.find(condition => condition.type === 'PodScheduled');
	const refused = scheduled?.status === 'False' && scheduled.reason === 'Unschedulable';
	const event = ctx.events.findLast(candidate => candidate.reason === 'FailedScheduling');
	const message = refused && scheduled.message ? scheduled.message : event?.message;
	const since = refused ? timeMs(scheduled.lastTransitionTime) : null;
	const misfits = nodeMisfits(state, ctx);
	const parts: string[] = [];
	if (message) parts.push(`${refused ? 'Unschedulable' : 'FailedScheduling'}${since !== null ? ` for ${humanDuration(now - since)}` : ''}: ${schedulerWords(message)}`);
	if (misfits.text) parts.push(misfits.text);
	const fitting = fittingWords(misfits.fitting);
	if (message && fitting) parts.push(fitting);
	if (refused || message) return {cause: 'unschedulable', container: null, text: parts.join('; '), severity: 'failing'};
	const created = state.columns.createdMs ?? state.firstSeenAt;
	const waiting = `not scheduled yet (created ${humanDuration(now - created)} ago)`;
	// Without the scheduler's verdict, a pod no node can take is still news: say which rule blocks each.
	if (ctx.nodes.size > 0 && misfits.fitting.length === 0) return {cause: 'unschedulable', container: null, text: `${waiting}; no node fits: ${misfits.text}`, severity: null};
	return {cause: 'scheduling', container: null, text: waiting, severity: null};
}
