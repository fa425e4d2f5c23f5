// Scheduling: where the pod runs or may run, its placement rules as sentences, and — while it waits
// for a node — what the scheduler said beside podlife's own reading of every node (pod affinity and
// spread included, the pods in the way named); once it runs, why it landed where it did.

import {timeMs, type KubeEvent} from '../../kube/objects.js';
import type {ClusterSource} from '../../model/placement/cluster.js';
import {podPlacement} from '../../model/placement/pod-placement.js';
import {describeAffinity, describeNodeSelector, describeToleration} from '../../model/scheduling.js';
import {constraintWords} from '../../model/placement/placement-words.js';
import type {PodState} from '../../model/pod-state.js';
import {formatClock} from '../goto-time.js';
import {landingLines} from './landing-lines.js';
import {blank, field, fitLines, heading, line, span, wrap, type Line} from './lines.js';
import {waitingLines, type SchedulerWords} from './placement-lines.js';
import {OBJECT_NOT_KEPT} from './yaml.js';

export interface SchedulingInput {
	pod: PodState;
	/** The store view the pod is placed against: nodes, the other pods, namespaces. */
	view: ClusterSource;
	/** The moment judged (the replay's or the wall clock). */
	now: number;
	width: number;
	/** The pod's events: the newest FailedScheduling speaks when the condition has no message. */
	events?: readonly KubeEvent[];
	wrap?: boolean;
}

export function schedulingLines({pod, view, now, width, events = [], wrap: wrapped = false}: SchedulingInput): Line[] {
	const object = pod.readObject();
	const spec = object.spec;
	const status = object.status;
	const lines: Line[] = [];
	const scheduled = status?.conditions?.find(condition => condition.type === 'PodScheduled');

	lines.push(field('node', spec?.nodeName ? [span(spec.nodeName, 'good')] : [span('<none> (not scheduled)', 'warn')], 18));
	// Kept only for its lane, the pod knows its node and conditions: its rules and tolerations went with its object.
	if (!pod.objectKept) {
		if (scheduled) lines.push(field('PodScheduled', [span(scheduled.status, scheduled.status === 'True' ? 'good' : 'bad')], 18));
		lines.push(blank, ...wrap(`⚠ ${OBJECT_NOT_KEPT}`, width, '  ').map(text => line(text, 'warn')));
		return fitLines(lines, width, wrapped);
	}
	lines.push(field('nominated node', status?.nominatedNodeName || '<none>', 18));
	lines.push(field('scheduler', spec?.schedulerName ?? 'default-scheduler', 18));
	if (spec?.priorityClassName || (typeof spec?.priority === 'number' && spec.priority !== 0)) {
		lines.push(field('priority', `${spec.priorityClassName ?? ''}${typeof spec.priority === 'number' ? ` (${spec.priority})` : ''}`.trim(), 18));
	}
	if (scheduled) {
		const at = timeMs(scheduled.lastTransitionTime);
		lines.push(
			field(
				'PodScheduled',
				[
					span(scheduled.status, scheduled.status === 'True' ? 'good' : 'bad'),
					span(scheduled.reason ? ` ${scheduled.reason}` : '', 'warn'),
					span(at === null ? '' : ` since ${formatClock(at)}`, 'dim'),
				],
				18,
			),
		);
	}
	for (const gate of spec?.schedulingGates ?? []) {
		lines.push(field('scheduling gate', [span(`${gate.name} — the scheduler waits until it is removed`, 'warn')], 18));
	}

	lines.push(blank, heading('Placement rules'));
	const rules = [...describeNodeSelector(spec?.nodeSelector), ...describeAffinity(spec?.affinity)];
	// Spread constraints read as rules too; podlife's count per domain comes below.
	const placement = podPlacement(pod, view);
	rules.push(...placement.evaluation.spread.constraints.map(constraintWords));
	if (rules.length === 0) lines.push(line('  none: any node with room for it will do', 'dim'));
	for (const rule of rules) lines.push(...bullet(rule, width));

	lines.push(blank, heading('Tolerations'));
	const tolerations = spec?.tolerations ?? [];
	if (tolerations.length === 0) lines.push(line('  none: the pod avoids every tainted node (NoSchedule, NoExecute)', 'dim'));
	for (const toleration of tolerations) lines.push(...bullet(describeToleration(toleration), width));

	if (pod.mirror) {
		lines.push(
			blank,
			...wrap(
				`Static pod: the kubelet on ${pod.mirror.node ?? 'its node'} runs it from a manifest; the scheduler never placed it, so the rules above were not applied.`,
				width,
				'  ',
			).map(text => line(text, 'info')),
		);
		return fitLines(lines, width, wrapped);
	}

	if (!spec?.nodeName) {
		if (placement.cluster.nodes.size === 0) {
			lines.push(...schedulerLines(schedulerWordsOf(scheduled, events), width));
			lines.push(blank, heading('Nodes in this session (0)'), line('  no node was seen (the session did not watch nodes)', 'dim'));
		} else {
			lines.push(...waitingLines(placement.evaluation, schedulerWordsOf(scheduled, events), placement.cluster.namespaces, now, width));
		}
	} else if (pod.deletedAt === null) {
		lines.push(...landingLines(object, placement.evaluation, now, width));
	}
	return fitLines(lines, width, wrapped);
}

/** The scheduler's words: the PodScheduled=False message, else the newest FailedScheduling event's. */
function schedulerWordsOf(
	scheduled: {status: string; reason?: string; message?: string; lastTransitionTime?: string | null} | undefined,
	events: readonly KubeEvent[],
): SchedulerWords | null {
	if (scheduled && scheduled.status !== 'True' && scheduled.message) {
		return {source: scheduled.reason ?? 'PodScheduled=False', message: scheduled.message, at: timeMs(scheduled.lastTransitionTime)};
	}
	const failed = events.findLast(event => event.reason === 'FailedScheduling');
	if (!failed?.message) return null;
	return {source: 'event FailedScheduling', message: failed.message, at: timeMs(failed.lastTimestamp ?? failed.eventTime ?? null)};
}

function schedulerLines(said: SchedulerWords | null, width: number): Line[] {
	if (!said) return [];
	return [blank, heading(`The scheduler says (${said.source})`), ...wrap(said.message, width, '  ').map(text => line(text, 'bad'))];
}

function bullet(text: string, width: number): Line[] {
	return wrap(text, width, '    ').map((wrapped, index) => line(index === 0 ? `  • ${wrapped.slice(4)}` : wrapped));
}
