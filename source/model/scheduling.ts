// Which nodes could take a pod, and why the others cannot — the scheduler's hard filters that
// can be decided from the Pod and Node objects alone, each explained in the words of the objects.
//
// Ported from kube-scheduler's filter plugins (pkg/scheduler/framework/plugins):
// - nodename.Fits                         spec.nodeName pins the pod to one node
// - nodeunschedulable.Filter              spec.unschedulable, unless the pod tolerates
//                                         node.kubernetes.io/unschedulable:NoSchedule
// - nodeaffinity.Filter                   spec.nodeSelector AND required node affinity
//                                         (component-helpers/scheduling/corev1/nodeaffinity)
// - tainttoleration.Filter                NoSchedule / NoExecute taints must all be tolerated
//                                         (v1.Toleration.ToleratesTaint)
// plus node readiness, which the scheduler sees through the node.kubernetes.io/not-ready taint but
// which users want named plainly. Resource fit, ports, volumes and pod (anti-)affinity need the other
// pods and are left out: a node listed as fitting here may still be refused for those.

import type {Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration} from '../kube/objects.js';
import {describeValues} from './scheduling-sentences.js';

export {describeAffinity, describeNodeSelector, describeToleration, describeLabelSelector, describeRequirement} from './scheduling-sentences.js';

/** Which filter refused the node. */
export type FitRule = 'nodeName' | 'unschedulable' | 'nodeSelector' | 'nodeAffinity' | 'taint' | 'notReady';

export interface NodeMisfit {
	rule: FitRule;
	/** One sentence that starts with the node's name: "kind-worker lacks label disktype=ssd". */
	message: string;
}

export interface NodeFit {
	/** metadata.name of the node. */
	node: string;
	/** True when no filter above refuses the node. */
	fits: boolean;
	/** Every reason the node is refused, in filter order; empty when it fits. */
	reasons: NodeMisfit[];
}

export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

/** Evaluates every node against the pod's hard placement rules, sorted by node name. */
export function evaluateNodes(pod: Pod, nodes: Iterable<Node>): NodeFit[] {
	const fits: NodeFit[] = [];
	for (const node of nodes) fits.push(evaluateNode(pod, node));
	return fits.sort((a, b) => a.node.localeCompare(b.node));
}

/** One node against the pod's hard placement rules; all reasons, not just the first. */
export function evaluateNode(pod: Pod, node: Node): NodeFit {
	const name = node.metadata?.name ?? '<unnamed>';
	const reasons: NodeMisfit[] = [];
	const add = (rule: FitRule, words: string): void => {
		reasons.push({rule, message: `${name} ${words}`});
	};
	const spec = pod.spec;
	const tolerations = spec?.tolerations ?? [];

	if (spec?.nodeName && spec.nodeName !== name) add('nodeName', `is not ${spec.nodeName}, the node the pod is bound to (spec.nodeName)`);

	if (node.spec?.unschedulable && !tolerations.some(toleration => toleratesTaint(toleration, {key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule'}))) {
		add('unschedulable', 'is cordoned (unschedulable)');
	}

	const labels = node.metadata?.labels ?? {};
	for (const [key, value] of Object.entries(spec?.nodeSelector ?? {})) {
		const actual = labels[key];
		if (actual === undefined) add('nodeSelector', `lacks label ${key}=${value}`);
		else if (actual !== value) add('nodeSelector', `has label ${key}=${actual}, not ${key}=${value}`);
	}

	const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
	if (required) {
		const miss = nodeSelectorMiss(required.nodeSelectorTerms ?? [], node);
		if (miss) add('nodeAffinity', miss);
	}

	for (const taint of untoleratedTaints(node.spec?.taints ?? [], tolerations)) {
		add('taint', `has taint ${formatTaint(taint)} (not tolerated)`);
	}

	const notReady = notReadyWords(node);
	if (notReady) add('notReady', notReady);

	return {node: name, fits: reasons.length === 0, reasons};
}

/**
 * nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): spec.nodeSelector and the required node
 * affinity terms, what topology spread's nodeAffinityPolicy Honor checks.
 */
export function matchesRequiredNodeAffinity(pod: Pod, node: Node): boolean {
	const labels = node.metadata?.labels ?? {};
	for (const [key, value] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[key] !== value) return false;
	const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
	return !required || nodeSelectorMiss(required.nodeSelectorTerms ?? [], node) === null;
}

/** Whether one node selector term matches the node (a preferred term's preference; an empty term matches nothing). */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
	return termMiss(term, node) === null;
}

/**
 * v1.Toleration.ToleratesTaint: an empty effect matches every effect, an empty key (with Exists)
 * every key; Exists ignores the value, Equal (or no operator) compares it.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
	if (toleration.effect && toleration.effect !== taint.effect) return false;
	if (toleration.key && toleration.key !== taint.key) return false;
	switch (toleration.operator ?? '') {
		case '':
		case 'Equal':
			return (toleration.value ?? '') === (taint.value ?? '');
		case 'Exists':
			return true;
		default:
			return false;
	}
}

/** The NoSchedule and NoExecute taints no toleration matches (PreferNoSchedule only scores). */
export function untoleratedTaints(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint[] {
	return taints.filter(
		taint => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some(toleration => toleratesTaint(toleration, taint)),
	);
}

/** "key=value:Effect", or "key:Effect" without a value (kubectl's taint notation). */
export function formatTaint(taint: Taint): string {
	return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

/**
 * The node's Ready condition when it is not True. A node without any condition (a hand-made
 * object) is not judged: nothing says it is unhealthy.
 */
function notReadyWords(node: Node): string | null {
	const conditions = node.status?.conditions;
	if (!conditions || conditions.length === 0) return null;
	const ready = conditions.find(condition => condition.type === 'Ready');
	if (!ready) return 'has not reported Ready (node not Ready)';
	if (ready.status === 'True') return null;
	const why = ready.reason ? `: ${ready.reason}` : '';
	return `is not Ready (Ready=${ready.status}${why})`;
}

/**
 * nodeaffinity.NodeSelector.Match: the terms are ORed, the requirements of one term ANDed; a term
 * with no requirement matches nothing. Returns why the node matches no term, or null when one matches.
 */
function nodeSelectorMiss(terms: readonly NodeSelectorTerm[], node: Node): string | null {
	if (terms.length === 0) return 'matches no required node affinity term (the list is empty)';
	const misses: string[] = [];
	for (const term of terms) {
		const miss = termMiss(term, node);
		if (miss === null) return null;
		misses.push(miss);
	}
	if (misses.length === 1) return misses[0]!;
	return `matches none of the ${misses.length} required node affinity terms (${misses.map((miss, index) => `term ${index + 1}: ${miss}`).join('; ')})`;
}

/** Why one term does not match the node (its first failing requirements, joined), or null. */
function termMiss(term: NodeSelectorTerm, node: Node): string | null {
	const expressions = term.matchExpressions ?? [];
	const fields = term.matchFields ?? [];
	if (expressions.length === 0 && fields.length === 0) return 'matches no empty node affinity term';
	const misses: string[] = [];
	const labels = node.metadata?.labels ?? {};
	for (const requirement of expressions) {
		const miss = requirementMiss(requirement, labels[requirement.key]);
		if (miss) misses.push(miss);
	}
	for (const requirement of fields) {
		// Only metadata.name is a supported field (validation rejects others); an unknown field matches nothing.
		if (requirement.key !== 'metadata.name') {
			misses.push(`cannot match field ${requirement.key} (only metadata.name is supported)`);
			continue;
		}
		const miss = fieldMiss(requirement, node.metadata?.name ?? '');
		if (miss) misses.push(miss);
	}
	return misses.length === 0 ? null : misses.join(' and ');
}

/** Whether a node label value satisfies a node selector requirement (labels.Requirement.Matches). */
export function matchesRequirement(requirement: NodeSelectorRequirement, value: string | undefined): boolean {
	return requirementMiss(requirement, value) === null;
}

/** Words for a label requirement the value does not meet; null when it meets it. */
function requirementMiss(requirement: NodeSelectorRequirement, value: string | undefined): string | null {
	const {key, operator} = requirement;
	const values = requirement.values ?? [];
	switch (operator) {
		case 'In':
			if (value === undefined) return `lacks label ${key}=${describeValues(values, 'or')}`;
			return values.includes(value) ? null : `has label ${key}=${value}, not ${describeValues(values, 'or')}`;
		case 'NotIn':
			return value !== undefined && values.includes(value) ? `has label ${key}=${value}, which the pod excludes` : null;
		case 'Exists':
			return value === undefined ? `lacks label ${key}` : null;
		case 'DoesNotExist':
			return value === undefined ? null : `has label ${key}=${value}, which the pod requires absent`;
		case 'Gt':
		case 'Lt': {
			const word = operator === 'Gt' ? 'greater' : 'less';
			// Upstream requires exactly one integer value; anything else matches nothing.
			const bound = values.length === 1 ? parseInteger(values[0]!) : null;
			if (bound === null) return `cannot match ${key} ${operator} ${values.join(',')} (needs one integer)`;
			if (value === undefined) return `lacks label ${key} (needs a number ${word} than ${bound})`;
			const number = parseInteger(value);
			if (number === null) return `has label ${key}=${value}, not a number`;
			const ok = operator === 'Gt' ? number > bound : number < bound;
			return ok ? null : `has label ${key}=${value}, not ${word} than ${bound}`;
		}
		default:
			return `cannot match ${key} with unknown operator ${operator}`;
	}
}

function fieldMiss(requirement: NodeSelectorRequirement, name: string): string | null {
	const values = requirement.values ?? [];
	switch (requirement.operator) {
		case 'In':
			return values.includes(name) ? null : `is not ${describeValues(values, 'or')} (node name)`;
		case 'NotIn':
			return values.includes(name) ? 'is excluded by name' : null;
		default:
			return `cannot match metadata.name with operator ${requirement.operator}`;
	}
}

function parseInteger(text: string): number | null {
	return /^[+-]?\d+$/.test(text.trim()) ? Number(text) : null;
}
