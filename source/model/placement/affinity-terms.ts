// Pod affinity terms as the scheduler holds them (framework.AffinityTerm, built by NewPodInfo's
// getAffinityTerms / getWeightedAffinityTerms): a parsed label selector, the namespaces it looks
// in and a namespace selector, and the topology key.

import type {Affinity, PodAffinityTerm} from '../../kube/objects.js';
import {parseSelector, selectorIsEmpty, selectorMatches, withLabelKeys, type Labels, type Selector} from './label-selector.js';

/** What the scheduler needs of a pod's inter-pod rules: spec.affinity without nodeAffinity. */
export type PodAffinityRules = Pick<Affinity, 'podAffinity' | 'podAntiAffinity'>;

export interface AffinityTerm {
	readonly topologyKey: string;
	/** The term's labelSelector with matchLabelKeys / mismatchLabelKeys merged in. */
	readonly selector: Selector;
	/** The namespaces named (or the pod's own when neither namespaces nor namespaceSelector is set). */
	readonly namespaces: ReadonlySet<string>;
	/** null: Nothing (no namespaceSelector, or one already unrolled into `namespaces`). */
	readonly namespaceSelector: Selector;
	/** The term as written, for words. */
	readonly spec: PodAffinityTerm;
}

export interface WeightedTerm {
	readonly term: AffinityTerm;
	readonly weight: number;
}

/** A pod's terms, parsed (framework.PodInfo's four lists). */
export interface PodTerms {
	readonly requiredAffinity: readonly AffinityTerm[];
	readonly requiredAntiAffinity: readonly AffinityTerm[];
	readonly preferredAffinity: readonly WeightedTerm[];
	readonly preferredAntiAffinity: readonly WeightedTerm[];
}

export const NO_TERMS: PodTerms = {requiredAffinity: [], requiredAntiAffinity: [], preferredAffinity: [], preferredAntiAffinity: []};

/** The owner of a set of terms: whose namespace and labels fill in defaults and label keys. */
export interface TermOwner {
	readonly namespace: string;
	readonly labels: Labels;
}

/**
 * framework.newAffinityTerm, with the API server's label-key merge (applyMatchLabelKeysAndMismatchLabelKeys,
 * idempotent on an object that has it already): getNamespacesFromPodAffinityTerm gives the pod's
 * own namespace when the term names neither namespaces nor a namespaceSelector.
 */
export function affinityTerm(owner: TermOwner, spec: PodAffinityTerm): AffinityTerm {
	let selector = parseSelector(spec.labelSelector);
	selector = withLabelKeys(selector, spec.matchLabelKeys, 'In', owner.labels);
	selector = withLabelKeys(selector, spec.mismatchLabelKeys, 'NotIn', owner.labels);
	const namespaces = (spec.namespaces?.length ?? 0) === 0 && !spec.namespaceSelector ? new Set([owner.namespace]) : new Set(spec.namespaces ?? []);
	return {topologyKey: spec.topologyKey, selector, namespaces, namespaceSelector: parseSelector(spec.namespaceSelector), spec};
}

/** framework.NewPodInfo's parsing of spec.affinity into its four lists. */
export function podTerms(owner: TermOwner, rules: PodAffinityRules | null | undefined): PodTerms {
	if (!rules || (!rules.podAffinity && !rules.podAntiAffinity)) return NO_TERMS;
	const required = (specs: PodAffinityTerm[] | undefined) => (specs ?? []).map(spec => affinityTerm(owner, spec));
	const preferred = (specs: Array<{weight: number; podAffinityTerm: PodAffinityTerm}> | undefined) =>
		(specs ?? []).map(({weight, podAffinityTerm}) => ({weight, term: affinityTerm(owner, podAffinityTerm)}));
	return {
		requiredAffinity: required(rules.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
		requiredAntiAffinity: required(rules.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
		preferredAffinity: preferred(rules.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
		preferredAntiAffinity: preferred(rules.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
	};
}

/**
 * framework.AffinityTerm.Matches: the pod is in one of the term's namespaces, or its namespace's
 * labels match the namespace selector, and its labels match the selector. `namespaceLabels` null:
 * the scheduler's nil (an unknown namespace has no labels).
 */
export function termMatches(term: AffinityTerm, pod: TermOwner, namespaceLabels: Labels | null): boolean {
	if (term.namespaces.has(pod.namespace) || selectorMatches(term.namespaceSelector, namespaceLabels ?? NO_LABELS))
		return selectorMatches(term.selector, pod.labels);
	return false;
}

/**
 * Whether a pod's inter-pod rules select namespaces by their labels (a namespaceSelector with
 * requirements): placing it, or a pod near it, needs the namespaces' labels. The live source
 * watches namespaces only once it sees such a pod.
 */
export function selectsNamespacesByLabels(rules: PodAffinityRules | null | undefined): boolean {
	const terms = [
		...(rules?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
		...(rules?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
		...(rules?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(weighted => weighted.podAffinityTerm),
		...(rules?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(weighted => weighted.podAffinityTerm),
	];
	return terms.some(
		term =>
			(term.namespaceSelector?.matchLabels && Object.keys(term.namespaceSelector.matchLabels).length > 0) ||
			(term.namespaceSelector?.matchExpressions?.length ?? 0) > 0,
	);
}

/** Whether the term's namespace selector selects some namespaces by their labels (so they must be known). */
export function needsNamespaceLabels(term: AffinityTerm): boolean {
	return term.namespaceSelector !== null && !selectorIsEmpty(term.namespaceSelector);
}

/**
 * InterPodAffinity.mergeAffinityTermNamespacesIfNotEmpty, for the incoming pod's terms: a namespace
 * selector with requirements is unrolled into the names of the namespaces it selects and becomes
 * Nothing; an empty one (every namespace) stays. `namespaces`: every namespace's labels by name.
 */
export function unrollNamespaces(term: AffinityTerm, namespaces: ReadonlyMap<string, Labels>): AffinityTerm {
	if (selectorIsEmpty(term.namespaceSelector)) return term;
	const names = new Set(term.namespaces);
	if (term.namespaceSelector !== null) for (const [name, labels] of namespaces) if (selectorMatches(term.namespaceSelector, labels)) names.add(name);
	return {...term, namespaces: names, namespaceSelector: null};
}

/** InterPodAffinity podMatchesAllAffinityTerms: false for no terms. */
export function matchesAllTerms(terms: readonly AffinityTerm[], pod: TermOwner): boolean {
	if (terms.length === 0) return false;
	// The incoming pod's namespace selectors were unrolled: no namespace labels are looked up.
	return terms.every(term => termMatches(term, pod, null));
}

const NO_LABELS: Labels = Object.freeze({});
