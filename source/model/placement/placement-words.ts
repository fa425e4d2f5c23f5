// podlife's findings about placement, in words that name the pods and domains involved:
//   "pod default/web-abc (app=web) is already in kubernetes.io/hostname=kind-worker, and this pod must not share it"
//   "zone-a would hold 3 pods app=web, 3 more than zone-c's 0 (maxSkew 1)"
//   "+50 prefers (weight 50) to share kubernetes.io/hostname with pods tier=front: default/ha-5rvr7 is there"

import {describeLabelSelector, describeNodeSelectorTerm} from '../scheduling-sentences.js';
import type {Pod} from '../../kube/objects.js';
import type {AffinityTerm} from './affinity-terms.js';
import type {ClusterPod} from './cluster.js';
import type {AffinityFailure} from './inter-pod-affinity.js';
import {asExpression, labelsNamed, type Selector} from './label-selector.js';
import type {Contribution, NodeScore} from './scoring.js';
import type {SpreadConstraint, SpreadExclusion, SpreadNodeCheck} from './topology-spread.js';

/** Pods named in one phrase at most; the rest are counted. */
const NAMED_PODS = 3;

/** "app=web", "any pod", "no pod" for a parsed selector. */
export function selectorWords(selector: Selector): string {
	if (selector === null) return 'no pod';
	return describeLabelSelector({matchExpressions: selector.map(asExpression)});
}

/** "pods app=web in namespace default" (the namespaces the term looks in). */
export function termPodsWords(term: AffinityTerm): string {
	const selector = selectorWords(term.selector);
	const pods = selector === 'any pod' ? 'any pod' : selector === 'no pod' ? 'no pod (no label selector)' : `pods ${selector}`;
	return `${pods} ${namespaceWords(term)}`;
}

function namespaceWords(term: AffinityTerm): string {
	if (term.namespaceSelector !== null && term.namespaceSelector.length === 0) return 'in any namespace';
	const names = [...term.namespaces].sort();
	const selected = term.namespaceSelector !== null ? ` or namespaces ${selectorWords(term.namespaceSelector)}` : '';
	if (names.length === 0) return selected ? `in namespaces ${selectorWords(term.namespaceSelector)}` : 'in no namespace';
	return `in namespace${names.length > 1 ? 's' : ''} ${names.join(', ')}${selected}`;
}

/** "pod default/web-abc (app=web)", "pods default/a, default/b (app=web)", "… and 2 more". */
export function podsWords(pods: readonly ClusterPod[], selector: Selector): string {
	const named = pods.slice(0, NAMED_PODS).map(pod => `${pod.namespace}/${pod.name}`);
	const more = pods.length > NAMED_PODS ? ` and ${pods.length - NAMED_PODS} more` : '';
	const labels = pods[0] ? labelsNamed(selector, pods[0].labels) : '';
	return `${pods.length === 1 ? 'pod' : 'pods'} ${named.join(', ')}${more}${labels ? ` (${labels})` : ''}`;
}

/** One failure of the required pod (anti-)affinity on a node, as a sentence. */
export function affinityFailureWords(failure: AffinityFailure): string {
	switch (failure.kind) {
		case 'affinity-no-topology':
			return `has no label ${failure.term.topologyKey}, and this pod must share ${failure.term.topologyKey} with ${termPodsWords(failure.term)}`;
		case 'affinity-no-match':
			return `no ${termPodsWords(failure.term).replace(/^pods /, 'pod ')} is in ${domainWords(failure.domain)}, and this pod must share it with one`;
		case 'anti-affinity': {
			const verb = failure.pods.length === 1 ? 'is' : 'are';
			return `${podsWords(failure.pods, failure.term.selector)} ${verb} already in ${domainWords(failure.domain)}, and this pod must not share it with ${termPodsWords(failure.term)}`;
		}
		case 'existing-anti-affinity':
			return `${podsWords([failure.pod], null)} in ${domainWords(failure.domain)} must not share it with ${termPodsWords(failure.term)}, and this pod is one`;
	}
}

/** Who or what blocks the node, short, for the why line: "default/web-abc on kind-worker (anti-affinity, kubernetes.io/hostname)". */
export function blockerWords(node: string, failure: AffinityFailure): string {
	switch (failure.kind) {
		case 'affinity-no-topology':
			return `${node} has no ${failure.term.topologyKey} label (affinity)`;
		case 'affinity-no-match':
			return `no ${selectorWords(failure.term.selector)} pod in ${domainWords(failure.domain)} (affinity)`;
		case 'anti-affinity':
			return `${failure.pods
				.slice(0, NAMED_PODS)
				.map(pod => `${pod.namespace}/${pod.name}`)
				.join(
					', ',
				)}${failure.pods.length > NAMED_PODS ? ` and ${failure.pods.length - NAMED_PODS} more` : ''} on ${node} (anti-affinity, ${failure.domain.key})`;
		case 'existing-anti-affinity':
			return `${failure.pod.namespace}/${failure.pod.name} on ${node} (its anti-affinity, ${failure.domain.key})`;
	}
}

export function domainWords(domain: {key: string; value: string}): string {
	return `${domain.key}=${domain.value}`;
}

/** "spread pods app=web over topology.kubernetes.io/zone, at most 1 apart (DoNotSchedule)". */
export function constraintWords(constraint: SpreadConstraint): string {
	const {spec} = constraint;
	const options: string[] = [];
	if (constraint.minDomains !== 1) options.push(`minDomains ${constraint.minDomains}`);
	if (spec.nodeAffinityPolicy) options.push(`nodeAffinityPolicy ${constraint.nodeAffinityPolicy}`);
	if (spec.nodeTaintsPolicy) options.push(`nodeTaintsPolicy ${constraint.nodeTaintsPolicy}`);
	if (spec.matchLabelKeys?.length) options.push(`same ${spec.matchLabelKeys.join(', ')} as this pod`);
	const how = constraint.hard ? 'DoNotSchedule' : `${spec.whenUnsatisfiable || 'ScheduleAnyway'}: only scored`;
	return `spread pods ${selectorWords(constraint.selector)} over ${spec.topologyKey}, at most ${spec.maxSkew} apart (${[how, ...options].join(', ')})`;
}

/** "zone-a 2, zone-b 1, zone-c 0". */
export function domainCountsWords(constraint: SpreadConstraint): string {
	if (constraint.domains.length === 0) return 'no domain counted';
	return constraint.domains.map(domain => `${domain.value} ${domain.count}`).join(', ');
}

/** "the minimum 0 (zone-c)", "the minimum 0: 2 domains, fewer than minDomains 3". */
export function minimumWords(constraint: SpreadConstraint): string {
	if (constraint.belowMinDomains)
		return `the minimum taken as 0: ${constraint.domains.length} ${constraint.domains.length === 1 ? 'domain' : 'domains'}, fewer than minDomains ${constraint.minDomains}`;
	const at = constraint.domains.filter(domain => domain.count === constraint.minMatch).map(domain => domain.value);
	return `the minimum ${constraint.minMatch} (${at.join(', ')})`;
}

/** One node's check against a constraint: "zone-a: 2 + 1 (this pod) − 0 = 3, more than maxSkew 1". */
export function spreadCheckWords(constraint: SpreadConstraint, check: SpreadNodeCheck): string {
	if (check.value === null) return `has no label ${constraint.spec.topologyKey}${constraint.hard ? ' (missing required label)' : ''}`;
	const self = constraint.selfMatch ? ' + 1 (this pod)' : '';
	const verdict = check.exceeds
		? `more than maxSkew ${constraint.spec.maxSkew}${constraint.hard ? '' : ' (only scored)'}`
		: `within maxSkew ${constraint.spec.maxSkew}`;
	return `${domainWords({key: constraint.spec.topologyKey, value: check.value})} holds ${check.matchNum}${self} − ${constraint.minMatch} = ${check.skew}, ${verdict}`;
}

export function exclusionWords(why: SpreadExclusion): string {
	switch (why) {
		case 'no-topology':
			return 'lacks a topology key of the constraints';
		case 'node-affinity':
			return "does not match the pod's node affinity (nodeAffinityPolicy Honor)";
		case 'taint':
			return 'has a taint the pod does not tolerate (nodeTaintsPolicy Honor)';
	}
}

/** One existing pod's weight on a node's score, as a sentence. */
export function contributionWords(contribution: Contribution): string {
	const {pod, term, weight} = contribution;
	const name = `${pod.namespace}/${pod.name}`;
	const signed = weight > 0 ? `+${weight}` : `${weight}`;
	const where = domainWords(contribution.domain);
	switch (contribution.source) {
		case 'preferred-affinity':
			return `${signed} prefers (weight ${weight}) to share ${term.topologyKey} with ${termPodsWords(term)}: ${name} is in ${where}`;
		case 'preferred-anti-affinity':
			return `${signed} prefers (weight ${-weight}) not to share ${term.topologyKey} with ${termPodsWords(term)}: ${name} is in ${where}`;
		case 'their-required-affinity':
			return `${signed} ${name} in ${where} must share ${term.topologyKey} with ${termPodsWords(term)} (its required affinity, weighed ${weight})`;
		case 'their-preferred-affinity':
			return `${signed} ${name} in ${where} prefers (weight ${weight}) to share ${term.topologyKey} with ${termPodsWords(term)}`;
		case 'their-preferred-anti-affinity':
			return `${signed} ${name} in ${where} prefers (weight ${-weight}) not to share ${term.topologyKey} with ${termPodsWords(term)}`;
	}
}

/** The preferred node affinity terms a node matches: "+20 prefers (weight 20) nodes in zone a". */
export function nodeAffinityWords(pod: Pod, score: NodeScore): string[] {
	const terms = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
	return score.nodeAffinityTerms.map(({index, weight}) => `+${weight} prefers (weight ${weight}) nodes ${describeNodeSelectorTerm(terms[index]!.preference)}`);
}
