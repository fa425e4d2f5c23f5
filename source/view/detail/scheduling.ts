// Scheduling: where the pod runs or may run, its placement rules as sentences, and — while it waits
// for a node — what the scheduler said and which of the session's nodes pass the hard rules.

import {timeMs, type KubeEvent, type Node} from '../../kube/objects.js';
import {describeAffinity, describeNodeSelector, describeToleration, evaluateNodes} from '../../model/scheduling.js';
import type {PodState} from '../../model/pod-state.js';
import {formatClock} from '../goto-time.js';
import {blank, field, fitLines, heading, line, span, wrap, type Line} from './lines.js';

export interface SchedulingInput {
	pod: PodState;
	nodes: ReadonlyMap<string, Node>;
	width: number;
	/** The pod's events: the newest FailedScheduling speaks when the condition has no message. */
	events?: readonly KubeEvent[];
	wrap?: boolean;
}

export function schedulingLines({pod, nodes, width, events = [], wrap: wrapped = false}: SchedulingInput): Line[] {
	const object = pod.readObject();
	const spec = object.spec;
	const status = object.status;
	const lines: Line[] = [];
	const scheduled = status?.conditions?.find(condition => condition.type === 'PodScheduled');

	lines.push(field('node', spec?.nodeName ? [span(spec.nodeName, 'good')] : [span('<none> (not scheduled)', 'warn')], 18));
	lines.push(field('nominated node', status?.nominatedNodeName || '<none>', 18));
	lines.push(field('scheduler', spec?.schedulerName ?? 'default-scheduler', 18));
	if (spec?.priorityClassName || (typeof spec?.priority === 'number' && spec.priority !== 0)) {
		lines.push(field('priority', `${spec.priorityClassName ?? ''}${typeof spec.priority === 'number' ? ` (${spec.priority})` : ''}`.trim(), 18));
	}
	if (scheduled) {
		const at = timeMs(scheduled.lastTransitionTime);
		lines.push(field('PodScheduled', [
			span(scheduled.status, scheduled.status === 'True' ? 'good' : 'bad'),
			span(scheduled.reason ? ` ${scheduled.reason}` : '', 'warn'),
			span(at === null ? '' : ` since ${formatClock(at)}`, 'dim'),
		], 18));
	}
	for (const gate of spec?.schedulingGates ?? []) {
		lines.push(field('scheduling gate', [span(`${gate.name} — the scheduler waits until it is removed`, 'warn')], 18));
	}

	lines.push(blank, heading('Placement rules'));
	const rules = [...describeNodeSelector(spec?.nodeSelector), ...describeAffinity(spec?.affinity)];
	if (rules.length === 0) lines.push(line('  none: any node with room for it will do', 'dim'));
	for (const rule of rules) lines.push(...bullet(rule, width));

	lines.push(blank, heading('Tolerations'));
	const tolerations = spec?.tolerations ?? [];
	if (tolerations.length === 0) lines.push(line('  none: the pod avoids every tainted node (NoSchedule, NoExecute)', 'dim'));
	for (const toleration of tolerations) lines.push(...bullet(describeToleration(toleration), width));

	if (pod.mirror) {
		lines.push(blank, ...wrap(`Static pod: the kubelet on ${pod.mirror.node ?? 'its node'} runs it from a manifest; the scheduler never placed it, so the rules above were not applied.`, width, '  ').map(text => line(text, 'info')));
		return fitLines(lines, width, wrapped);
	}

	if (!spec?.nodeName) {
		const failed = events.findLast(event => event.reason === 'FailedScheduling');
		if (scheduled && scheduled.status !== 'True' && scheduled.message) {
			lines.push(blank, heading(`The scheduler says (${scheduled.reason ?? 'PodScheduled=False'})`));
			for (const text of wrap(scheduled.message, width, '  ')) lines.push(line(text, 'bad'));
		} else if (failed?.message) {
			lines.push(blank, heading('The scheduler says (event FailedScheduling)'));
			for (const text of wrap(failed.message, width, '  ')) lines.push(line(text, 'bad'));
		}
		lines.push(blank, heading(`Nodes in this session (${nodes.size}) against the hard rules`));
		if (nodes.size === 0) lines.push(line('  no node was seen (the session did not watch nodes)', 'dim'));
		for (const fit of evaluateNodes(object, nodes.values())) {
			if (fit.fits) {
				lines.push([span('  ✓ ', 'good'), span(fit.node, 'good'), span(' passes node name, selector, affinity, taints, cordon and readiness', 'dim')]);
				continue;
			}
			lines.push([span('  ✗ ', 'bad'), span(fit.node, 'bad')]);
			for (const reason of fit.reasons) for (const text of wrap(reason.message, width, '      ')) lines.push(line(text));
		}
		lines.push(line('  (resources, ports, volumes and pod affinity are not checked here)', 'dim'));
	}
	return fitLines(lines, width, wrapped);
}

function bullet(text: string, width: number): Line[] {
	return wrap(text, width, '    ').map((wrapped, index) => line(index === 0 ? `  • ${wrapped.slice(4)}` : wrapped));
}
