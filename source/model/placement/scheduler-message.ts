// The scheduler's own words beside podlife's: its FitError message parsed
// (pkg/scheduler/framework/types.go FitError.Error: "0/N nodes are available: " then, sorted as
// strings, one "count reason" per reason over every node, then "." and the PostFilter's
// "preemption: …"), podlife's count made the same way, and whether the two agree.
// podlife never contradicts the scheduler: where they differ it says what it does not know.

import {AFFINITY_REASONS} from './inter-pod-affinity.js';
import {NODE_REASONS, type PlacementEvaluation} from './evaluate-placement.js';
import {SPREAD_REASONS} from './topology-spread.js';

export interface ReasonCount {
	readonly count: number;
	readonly text: string;
}

export interface FitMessage {
	/** N of "0/N nodes are available". */
	readonly total: number;
	/** The per-node reasons, as the message lists them. */
	readonly reasons: readonly ReasonCount[];
	/** A PreFilter's refusal (no count: it refused every node at once), or null. */
	readonly preFilter: string | null;
}

/** FitError.Error() read back; null for any other message. */
export function parseFitMessage(message: string): FitMessage | null {
	const match = /^0\/(\d+) nodes are available(?::\s*([\s\S]*))?$/.exec(message.trim());
	if (!match) return null;
	let rest = match[2] ?? '';
	const postFilter = rest.indexOf(' preemption: ');
	if (postFilter >= 0) rest = rest.slice(0, postFilter);
	rest = rest.trim().replace(/\.$/, '');
	const total = Number(match[1]);
	if (rest === '') return {total, reasons: [], preFilter: null};
	const items = rest.split(/, (?=\d+ )/);
	if (!/^\d+ /.test(items[0]!)) return {total, reasons: [], preFilter: rest};
	return {total, reasons: items.map(item => ({count: Number(item.slice(0, item.indexOf(' '))), text: item.slice(item.indexOf(' ') + 1)})), preFilter: null};
}

/** podlife's count of the nodes' first reasons, sorted as FitError sorts them (Go's sort.Strings of "count reason"). */
export function podlifeReasons(evaluation: PlacementEvaluation): ReasonCount[] {
	const counts = new Map<string, number>();
	for (const node of evaluation.nodes) if (node.reason !== null) counts.set(node.reason, (counts.get(node.reason) ?? 0) + 1);
	return [...counts]
		.map(([text, count]) => ({count, text}))
		.sort((a, b) => {
			const x = `${a.count} ${a.text}`;
			const y = `${b.count} ${b.text}`;
			return x < y ? -1 : x > y ? 1 : 0;
		});
}

/** podlife's count in the scheduler's form: "0/2 nodes are available: 1 node(s) …, 1 node(s) …". */
export function podlifeSummary(evaluation: PlacementEvaluation): string {
	const reasons = podlifeReasons(evaluation).map(reason => `${reason.count} ${reason.text}`);
	const available = `${evaluation.feasible.length}/${evaluation.nodes.length} nodes are available`;
	return reasons.length === 0 ? available : `${available}: ${reasons.join(', ')}`;
}

export type Agreement =
	/** Same counts for every reason podlife checks; `unchecked`: the scheduler's reasons podlife does not check, which account for the rest. */
	| {readonly kind: 'agree'; readonly unchecked: readonly ReasonCount[]}
	/** podlife finds these nodes feasible and nothing in the message that podlife does not check accounts for them: it does not know why the scheduler refused them. */
	| {readonly kind: 'unknown'; readonly nodes: readonly string[]; readonly unchecked: readonly ReasonCount[]}
	/** The counts differ otherwise (the cluster changed since the scheduler tried, or it saw nodes or pods this session does not hold). */
	| {readonly kind: 'differ'; readonly scheduler: readonly ReasonCount[]; readonly podlife: readonly ReasonCount[]}
	/** A PreFilter refused the pod before any node was judged: nothing per node to compare. */
	| {readonly kind: 'prefilter'; readonly message: string};

/**
 * Compares the scheduler's message with podlife's evaluation. Filters podlife does not check
 * (NodePorts, NodeResourcesFit, volumes) run after the node filters and before spread and
 * affinity: a node they refused counts under their reason in the message, where podlife sees it
 * pass or fail only later, at spread or affinity.
 */
export function compareWithScheduler(message: FitMessage, evaluation: PlacementEvaluation): Agreement {
	if (message.preFilter !== null) return {kind: 'prefilter', message: message.preFilter};
	const ours = podlifeReasons(evaluation);
	const theirs = message.reasons;
	const unchecked = theirs.filter(reason => !checkedByPodlife(reason.text));
	const uncheckedCount = unchecked.reduce((sum, reason) => sum + reason.count, 0);
	const countOf = (list: readonly ReasonCount[], text: string) => list.find(reason => reason.text === text)?.count ?? 0;
	const texts = new Set([...ours, ...theirs].map(reason => reason.text).filter(checkedByPodlife));
	let absorbed = 0;
	let consistent = message.total === evaluation.nodes.length;
	for (const text of texts) {
		const difference = countOf(ours, text) - countOf(theirs, text);
		if (difference === 0) continue;
		// Only a later filter's reason may stand where the scheduler stopped earlier, at a filter podlife does not check.
		if (difference < 0 || !laterFilter(text)) consistent = false;
		else absorbed += difference;
	}
	const feasible = evaluation.feasible.length;
	if (consistent && absorbed + feasible === uncheckedCount) return {kind: 'agree', unchecked};
	// Nodes the scheduler refused that podlife lets through: say so, and that it does not know why.
	if (feasible > 0) return {kind: 'unknown', nodes: evaluation.feasible, unchecked};
	return {kind: 'differ', scheduler: theirs, podlife: ours};
}

const CHECKED = new Set<string>([...Object.values(NODE_REASONS), ...Object.values(AFFINITY_REASONS), ...Object.values(SPREAD_REASONS)]);
const LATER = new Set<string>([...Object.values(AFFINITY_REASONS), ...Object.values(SPREAD_REASONS)]);

function checkedByPodlife(text: string): boolean {
	return CHECKED.has(text) || text.startsWith('node(s) had untolerated taint {');
}

function laterFilter(text: string): boolean {
	return LATER.has(text);
}
