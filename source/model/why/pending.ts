// A pod not yet on a node: held by scheduling gates, refused by the scheduler, or simply not
// scheduled yet. The scheduler's own words come from the PodScheduled condition (reason
// Unschedulable), else the newest FailedScheduling event; podlife's own reading of the nodes comes
// from evaluateNodes (scheduling.ts), which names the rule that rules out each node, and — for the
// pod on screen — from its placement (model/placement): the pods in the way of its pod affinity and
// anti-affinity, named first, and the spread constraints a node would break.

import {timeMs} from '../../kube/objects.js';
import {humanDuration} from '../duration.js';
import {podPlacement} from '../placement/pod-placement.js';
import {blockingWords, spreadRefusals} from '../placement/refusal-words.js';
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

interface Misfits {
	/** The pods in the way and overfilled spread domains, when placement was judged: "blocked by default/web-abc on kind-worker (…)". */
	blockers: string | null;
	/** Each node's refusals: "kind-worker lacks label disktype=ssd; …". */
	text: string | null;
	fitting: string[];
	/** Whether pod affinity and spread were judged too (the pod on screen). */
	placement: boolean;
}

/** Which nodes podlife sees ruling the pod out, and why. */
function nodeMisfits(state: PodState, ctx: WhyContext): Misfits {
	if (ctx.nodes.size === 0) return {blockers: null, text: null, fitting: [], placement: false};
	if (ctx.placement) {
		const {evaluation} = podPlacement(state, ctx.placement);
		const reasons = evaluation.nodes.flatMap(node => node.misfits.map(misfit => misfit.message));
		// The pods in the way and the domains a spread would overfill: what the scheduler's count does not name.
		const blockers = [blockingWords(evaluation), ...spreadRefusals(evaluation)].filter(Boolean).join('; ');
		return {blockers: blockers || null, text: reasons.length > 0 ? reasons.join('; ') : null, fitting: [...evaluation.feasible], placement: true};
	}
	const fits = evaluateNodes(state.readObject(), ctx.nodes.values());
	const reasons = fits.flatMap(fit => fit.reasons.map(reason => reason.message));
	const fitting = fits.filter(fit => fit.fits).map(fit => fit.node);
	return {blockers: null, text: reasons.length > 0 ? reasons.join('; ') : null, fitting, placement: false};
}

/** "kind-worker passes every rule podlife checks (…)": podlife does not know why the scheduler refuses it. */
function fittingWords(misfits: Misfits): string | null {
	const {fitting} = misfits;
	if (fitting.length === 0) return null;
	const names = fitting.length > 3 ? `${fitting.slice(0, 3).join(', ')} and ${fitting.length - 3} more` : fitting.join(', ');
	const verb = fitting.length === 1 ? 'passes' : 'pass';
	const them = fitting.length === 1 ? 'it' : 'them';
	if (misfits.placement)
		return `${names} ${verb} every rule podlife checks, pod affinity and spread included (podlife does not know why the scheduler refuses ${them}: resources, ports or volumes, or the cluster changed since)`;
	return `${names} ${verb} nodeSelector, affinity and taints (so resources, ports, volumes or pod affinity rule ${them} out)`;
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
	// The pods in the way come first: the line is cut at the screen's edge, and they are what the scheduler's count does not name.
	if (message && misfits.blockers) parts.push(misfits.blockers);
	if (message)
		parts.push(`${refused ? 'Unschedulable' : 'FailedScheduling'}${since !== null ? ` for ${humanDuration(now - since)}` : ''}: ${schedulerWords(message)}`);
	if (misfits.text) parts.push(misfits.text);
	const fitting = fittingWords(misfits);
	if (message && fitting) parts.push(fitting);
	if (refused || message) return {cause: 'unschedulable', container: null, text: parts.join('; '), severity: 'failing'};
	const created = state.columns.createdMs ?? state.firstSeenAt;
	const waiting = `not scheduled yet (created ${humanDuration(now - created)} ago)`;
	// Without the scheduler's verdict, a pod no node can take is still news: say which rule blocks each.
	if (ctx.nodes.size > 0 && misfits.fitting.length === 0)
		return {
			cause: 'unschedulable',
			container: null,
			text: `${waiting}; no node fits: ${[misfits.blockers, misfits.text].filter(Boolean).join('; ')}`,
			severity: null,
		};
	return {cause: 'scheduling', container: null, text: waiting, severity: null};
}
