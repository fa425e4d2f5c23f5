// Scheduling section, a pod waiting for a node: the scheduler's own message verbatim, podlife's
// count of the same nodes made the same way beside it (and whether they agree), then each node
// with the first filter that refuses it — the scheduler's reason — and every finding below it,
// naming the pods in the way; then the topology spread constraints domain by domain.

import type {PlacementEvaluation} from '../../model/placement/evaluate-placement.js';
import type {NamespaceLabels} from '../../model/placement/cluster.js';
import {
	affinityFailureWords,
	constraintWords,
	selectorWords,
	domainCountsWords,
	exclusionWords,
	minimumWords,
	spreadCheckWords,
} from '../../model/placement/placement-words.js';
import {compareWithScheduler, parseFitMessage, podlifeSummary, type Agreement, type ReasonCount} from '../../model/placement/scheduler-message.js';
import {formatClock} from '../goto-time.js';
import type {SpreadNodeCheck} from '../../model/placement/topology-spread.js';
import {blank, heading, line, span, wrap, wrapLine, type Line} from './lines.js';

/** Where the scheduler's words come from. */
export interface SchedulerWords {
	/** "Unschedulable", "event FailedScheduling". */
	source: string;
	message: string;
	/** When it said so (epoch ms), or null. */
	at: number | null;
}

export function waitingLines(evaluation: PlacementEvaluation, said: SchedulerWords | null, namespaces: NamespaceLabels, now: number, width: number): Line[] {
	const lines: Line[] = [];
	if (said) {
		lines.push(blank, heading(`The scheduler says (${said.source}${said.at !== null ? `, ${formatClock(said.at)}` : ''})`));
		for (const text of wrap(said.message, width, '  ')) lines.push(line(text, 'bad'));
	}
	lines.push(blank, heading(`podlife's count of the same nodes, as of ${formatClock(now)}`));
	for (const text of wrap(podlifeSummary(evaluation), width, '  ')) lines.push(line(text));
	const fit = said ? parseFitMessage(said.message) : null;
	if (fit) lines.push(...agreementLines(compareWithScheduler(fit, evaluation), width));
	lines.push(...namespaceLines(evaluation, namespaces, width));
	lines.push(...nodeLines(evaluation, width));
	lines.push(...spreadLines(evaluation, width));
	return lines;
}

function agreementLines(agreement: Agreement, width: number): Line[] {
	const say = (text: string, tone: 'good' | 'warn' | 'dim') =>
		wrap(text, width, '    ').map((wrapped, index) => line(index === 0 ? `  ${wrapped.slice(4)}` : wrapped, tone));
	switch (agreement.kind) {
		case 'agree': {
			const rest =
				agreement.unchecked.length > 0 ? `; the rest the scheduler refused for ${reasonsWords(agreement.unchecked)}, which podlife does not check` : '';
			return say(`✓ the same as the scheduler's on every rule podlife checks${rest}`, 'good');
		}
		case 'unknown': {
			const names = agreement.nodes.join(', ');
			const one = agreement.nodes.length === 1;
			return say(
				`? podlife finds ${names} feasible now, where the scheduler refused ${one ? 'it' : 'them'}: podlife does not know why (it does not check resources, ports or volumes, and the cluster may have changed since the scheduler tried)`,
				'warn',
			);
		}
		case 'differ':
			return say(
				`? the counts differ: the cluster may have changed since the scheduler tried, or it saw nodes or pods this session does not hold; podlife does not know which`,
				'warn',
			);
		case 'prefilter':
			return say(`the scheduler refused the pod before judging any node (${agreement.message}): nothing per node to compare`, 'dim');
	}
}

function reasonsWords(reasons: readonly ReasonCount[]): string {
	return reasons.map(reason => `${reason.text} (${reason.count})`).join(', ');
}

function namespaceLines(evaluation: PlacementEvaluation, namespaces: NamespaceLabels, width: number): Line[] {
	const unknown = evaluation.affinity.namespacesUnknown || (evaluation.score?.namespacesUnknown ?? false);
	if (!unknown || namespaces.known) return [];
	const why =
		namespaces.why === 'forbidden'
			? `the server refused to list namespaces (${namespaces.message ?? 'forbidden'})`
			: 'they are not in this session (podlife watches namespaces only once a pod uses a namespaceSelector)';
	return wrap(`! a namespaceSelector needs the namespaces' labels, and ${why}: the pods of the namespaces it selects are left out below`, width, '  ').map(
		text => line(text, 'warn'),
	);
}

function nodeLines(evaluation: PlacementEvaluation, width: number): Line[] {
	const lines: Line[] = [blank, heading(`Nodes in this session (${evaluation.nodes.length}), each with the first filter that refuses it`)];
	if (evaluation.nodes.length === 0) lines.push(line('  no node was seen (the session did not watch nodes)', 'dim'));
	for (const node of evaluation.nodes) {
		const head =
			node.reason === null
				? [span('  ✓ ', 'good'), span(node.node, 'good'), span(' passes every filter podlife checks', 'dim')]
				: [span('  ✗ ', 'bad'), span(node.node, 'bad'), span(`: ${node.reason.replace(/^node\(s\) /, '')}`)];
		// The scheduler's reason stays whole: it is what to compare with its message.
		lines.push(...wrapLine(head, width, 6));
		const findings = [
			...node.misfits.map(misfit => misfit.message),
			...(node.spread ? [spreadFinding(evaluation, node.node, node.spread)] : []),
			...node.affinity.map(affinityFailureWords),
		];
		for (const finding of findings) for (const text of wrap(finding, width, '      ')) lines.push(line(text));
	}
	lines.push(line('  (resources, ports and volumes are not checked here)', 'dim'));
	return lines;
}

function spreadFinding(evaluation: PlacementEvaluation, node: string, check: SpreadNodeCheck): string {
	const constraint = evaluation.spread.constraints[check.constraint]!;
	if (check.value === null) return `${node} ${spreadCheckWords(constraint, check)}`;
	return `${node}: spread of pods ${selectorWords(constraint.selector)}: ${spreadCheckWords(constraint, check)}`;
}

function spreadLines(evaluation: PlacementEvaluation, width: number): Line[] {
	const {constraints, checks} = evaluation.spread;
	if (constraints.length === 0) return [];
	const lines: Line[] = [blank, heading('Topology spread, domain by domain')];
	constraints.forEach((constraint, index) => {
		lines.push(...wrap(constraintWords(constraint), width, '    ').map((text, n) => line(n === 0 ? `  • ${text.slice(4)}` : text)));
		const counts = `pods per domain: ${domainCountsWords(constraint)}; ${minimumWords(constraint)}`;
		for (const text of wrap(counts, width, '      ')) lines.push(line(text, 'dim'));
		if (constraint.emptySelector)
			for (const text of wrap('an empty labelSelector ({}): the scheduler counts no pod for it', width, '      ')) lines.push(line(text, 'warn'));
		for (const [node, list] of [...checks].sort(([a], [b]) => a.localeCompare(b))) {
			const check = list[index]!;
			const tone = check.value === null || check.exceeds ? (constraint.hard ? 'bad' : 'warn') : 'plain';
			for (const text of wrap(`${node}: ${spreadCheckWords(constraint, check)}`, width, '      ')) lines.push(line(text, tone));
		}
		for (const {node, why} of constraint.excluded)
			for (const text of wrap(`not counted: ${node} ${exclusionWords(why)}`, width, '      ')) lines.push(line(text, 'dim'));
	});
	return lines;
}
