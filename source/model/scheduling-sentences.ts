// A pod's placement rules as readable sentences instead of YAML:
//   "must run on a node where disktype is ssd or nvme"
//   "prefers (weight 20) nodes in zone us-east-1a"
//   "must not share kubernetes.io/hostname with pods app=web"
// The meaning follows the API docs of NodeSelectorTerm, PodAffinityTerm and Toleration: node
// selector terms are ORed and their requirements ANDed; a nil label selector matches no pod, an
// empty one every pod.

import type {Affinity, LabelSelector, NodeSelectorRequirement, NodeSelectorTerm, PodAffinityTerm, Toleration} from '../kube/objects.js';

const ZONE_KEYS = new Set(['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);
const REGION_KEYS = new Set(['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region']);
const HOSTNAME_KEY = 'kubernetes.io/hostname';

/** "ssd", "ssd or nvme", "a, b or c". */
export function describeValues(values: readonly string[], conjunction: 'or' | 'and'): string {
	if (values.length === 0) return '(no value)';
	if (values.length === 1) return values[0]!;
	return `${values.slice(0, -1).join(', ')} ${conjunction} ${values.at(-1)}`;
}

/**
 * One node selector requirement as a phrase that completes "a node …": "where disktype is ssd or
 * nvme", "in zone us-east-1a", "named kind-worker", "with label gpu".
 */
export function describeRequirement(requirement: NodeSelectorRequirement, field = false): string {
	const {key, operator} = requirement;
	const values = requirement.values ?? [];
	if (field || key === HOSTNAME_KEY) {
		if (operator === 'In') return `named ${describeValues(values, 'or')}`;
		if (operator === 'NotIn') return `not named ${describeValues(values, 'or')}`;
	}
	if (ZONE_KEYS.has(key) || REGION_KEYS.has(key)) {
		const what = ZONE_KEYS.has(key) ? 'zone' : 'region';
		if (operator === 'In') return `in ${what} ${describeValues(values, 'or')}`;
		if (operator === 'NotIn') return `not in ${what} ${describeValues(values, 'or')}`;
	}
	switch (operator) {
		case 'In':
			return `where ${key} is ${describeValues(values, 'or')}`;
		case 'NotIn':
			return values.length === 1 ? `where ${key} is not ${values[0]}` : `where ${key} is none of ${describeValues(values, 'or')}`;
		case 'Exists':
			return `with label ${key}`;
		case 'DoesNotExist':
			return `without label ${key}`;
		case 'Gt':
			return `where ${key} is greater than ${values.join(', ')}`;
		case 'Lt':
			return `where ${key} is less than ${values.join(', ')}`;
		default:
			return `where ${key} ${operator} ${values.join(', ')}`;
	}
}

/** A term's requirements ANDed: "where disktype is ssd and in zone a". Empty → "(empty term: no node)". */
export function describeNodeSelectorTerm(term: NodeSelectorTerm): string {
	const parts = [
		...(term.matchExpressions ?? []).map(requirement => describeRequirement(requirement)),
		...(term.matchFields ?? []).map(requirement => describeRequirement(requirement, true)),
	];
	return parts.length === 0 ? '(an empty term, which matches no node)' : parts.join(' and ');
}

/** spec.nodeSelector: one sentence per label, ANDed. */
export function describeNodeSelector(selector: Readonly<Record<string, string>> | undefined): string[] {
	return Object.entries(selector ?? {}).map(([key, value]) => `must run on a node with label ${key}=${value}`);
}

/** "app=web", "app=web, tier in (a, b), has track", "any pod" (empty), "no pod" (nil). */
export function describeLabelSelector(selector: LabelSelector | undefined): string {
	if (!selector) return 'no pod';
	const parts = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
	for (const requirement of selector.matchExpressions ?? []) {
		const values = requirement.values ?? [];
		switch (requirement.operator) {
			case 'In':
				parts.push(values.length === 1 ? `${requirement.key}=${values[0]}` : `${requirement.key} in (${values.join(', ')})`);
				break;
			case 'NotIn':
				parts.push(values.length === 1 ? `${requirement.key}!=${values[0]}` : `${requirement.key} notin (${values.join(', ')})`);
				break;
			case 'Exists':
				parts.push(`has ${requirement.key}`);
				break;
			case 'DoesNotExist':
				parts.push(`no ${requirement.key}`);
				break;
			default:
				parts.push(`${requirement.key} ${requirement.operator} ${values.join(', ')}`);
		}
	}
	return parts.length === 0 ? 'any pod' : parts.join(', ');
}

/** "with pods app=web in namespaces a, b (also matching this pod's pod-template-hash)". */
function describePodTerm(term: PodAffinityTerm): string {
	const selector = describeLabelSelector(term.labelSelector);
	let words = selector === 'any pod' ? 'with any pod' : selector === 'no pod' ? 'with no pod (no label selector)' : `with pods ${selector}`;
	if (term.namespaces?.length) words += ` in namespace${term.namespaces.length > 1 ? 's' : ''} ${term.namespaces.join(', ')}`;
	if (term.namespaceSelector) {
		const namespaces = describeLabelSelector(term.namespaceSelector);
		words += namespaces === 'any pod' ? ' in any namespace' : ` in namespaces ${namespaces}`;
	}
	if (term.matchLabelKeys?.length) words += ` (same ${term.matchLabelKeys.join(', ')} as this pod)`;
	if (term.mismatchLabelKeys?.length) words += ` (different ${term.mismatchLabelKeys.join(', ')} from this pod)`;
	return words;
}

/** "kubernetes.io/hostname" stays literal: it is what users write in the spec and search for. */
function share(term: PodAffinityTerm, negative: boolean): string {
	return `${negative ? 'not share' : 'share'} ${term.topologyKey} ${describePodTerm(term)}`;
}

/**
 * The affinity block as sentences, required rules before preferred ones:
 *   node affinity:  "must run on a node where disktype is ssd or nvme"
 *                   "prefers (weight 20) nodes in zone us-east-1a"
 *   pod affinity:   "must share topology.kubernetes.io/zone with pods app=db"
 *   anti-affinity:  "must not share kubernetes.io/hostname with pods app=web"
 *                   "prefers (weight 50) not to share kubernetes.io/hostname with pods app=web"
 */
export function describeAffinity(affinity: Affinity | undefined): string[] {
	if (!affinity) return [];
	const sentences: string[] = [];
	const node = affinity.nodeAffinity;
	const required = node?.requiredDuringSchedulingIgnoredDuringExecution;
	if (required) {
		const terms = required.nodeSelectorTerms ?? [];
		if (terms.length === 0) sentences.push('must run on a node matching an empty list of terms (no node can)');
		else sentences.push(`must run on a node ${terms.map(describeNodeSelectorTerm).join(', or a node ')}`);
	}
	for (const preferred of node?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
		sentences.push(`prefers (weight ${preferred.weight}) nodes ${describeNodeSelectorTerm(preferred.preference)}`);
	}
	for (const term of affinity.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
		sentences.push(`must ${share(term, false)}`);
	}
	for (const term of affinity.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
		sentences.push(`must ${share(term, true)}`);
	}
	for (const weighted of affinity.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
		sentences.push(`prefers (weight ${weighted.weight}) to ${share(weighted.podAffinityTerm, false)}`);
	}
	for (const weighted of affinity.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
		sentences.push(`prefers (weight ${weighted.weight}) not to ${share(weighted.podAffinityTerm, false)}`);
	}
	return sentences;
}

/**
 * "tolerates node-role.kubernetes.io/control-plane:NoSchedule", "tolerates every taint",
 * "tolerates node.kubernetes.io/not-ready:NoExecute for 300s".
 */
export function describeToleration(toleration: Toleration): string {
	const operator = toleration.operator || 'Equal';
	const effect = toleration.effect ? `:${toleration.effect}` : '';
	let what: string;
	if (!toleration.key)
		what =
			operator === 'Exists' ? (toleration.effect ? `every ${toleration.effect} taint` : 'every taint') : `taints with value ${toleration.value ?? ''}${effect}`;
	else if (operator === 'Exists') what = `${toleration.key}${effect || ' (any effect)'}`;
	else what = `${toleration.key}${toleration.value ? `=${toleration.value}` : ''}${effect || ' (any effect)'}`;
	const seconds = toleration.tolerationSeconds;
	return `tolerates ${what}${seconds !== undefined && seconds !== null ? ` for ${seconds}s` : ''}`;
}
