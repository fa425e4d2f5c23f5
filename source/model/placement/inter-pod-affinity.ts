// Required pod affinity and anti-affinity, node by node, as kube-scheduler's InterPodAffinity
// filter decides them (pkg/scheduler/framework/plugins/interpodaffinity/filtering.go), with the
// pods that make each decision kept as evidence:
// - PreFilter counts, per topology pair (key, value), the existing pods that match ALL the
//   incoming pod's affinity terms (getIncomingAffinityAntiAffinityCounts: updateWithAffinityTerms),
//   those that match each of its anti-affinity terms, and the existing pods whose own required
//   anti-affinity terms match the incoming pod (getExistingAntiAffinityCounts: the symmetric rule).
// - Filter then checks, in this order, satisfyPodAffinity, satisfyPodAntiAffinity and
//   satisfyExistingPodsAntiAffinity, and reports the first that fails.
// A node without a term's topology label is outside every domain of that term: it fails affinity
// ("All topology labels must exist on the node") and never fails anti-affinity.

import type {Node} from '../../kube/objects.js';
import {
	matchesAllTerms,
	needsNamespaceLabels,
	podTerms,
	termMatches,
	unrollNamespaces,
	type AffinityTerm,
	type PodAffinityRules,
	type TermOwner,
} from './affinity-terms.js';
import type {Cluster, ClusterPod} from './cluster.js';
import type {Labels} from './label-selector.js';

/** The pod being placed. */
export interface IncomingPod extends TermOwner {
	readonly rules: PodAffinityRules | null;
}

/** A topology domain: a node label key and value. */
export interface Domain {
	readonly key: string;
	readonly value: string;
}

/** Why a node fails the plugin, with the evidence; the first of a node's failures is the scheduler's. */
export type AffinityFailure =
	/** satisfyPodAffinity: the node has no value for the term's topology key. */
	| {readonly kind: 'affinity-no-topology'; readonly term: AffinityTerm}
	/** satisfyPodAffinity: no pod matching all affinity terms is in the node's domain of this term. */
	| {readonly kind: 'affinity-no-match'; readonly term: AffinityTerm; readonly domain: Domain}
	/** satisfyPodAntiAffinity: these pods match the term and sit in the node's domain. */
	| {readonly kind: 'anti-affinity'; readonly term: AffinityTerm; readonly domain: Domain; readonly pods: readonly ClusterPod[]}
	/** satisfyExistingPodsAntiAffinity: this pod's required anti-affinity term matches the incoming pod. */
	| {readonly kind: 'existing-anti-affinity'; readonly pod: ClusterPod; readonly term: AffinityTerm; readonly domain: Domain};

/** The scheduler's reason strings (filtering.go ErrReason…). */
export const AFFINITY_REASONS = {
	affinity: "node(s) didn't match pod affinity rules",
	antiAffinity: "node(s) didn't match pod anti-affinity rules",
	existingAntiAffinity: "node(s) didn't satisfy existing pods anti-affinity rules",
} as const;

export interface AffinityEvaluation {
	/** Nothing to check: no required term of the pod, and no existing pod's anti-affinity matches it (PreFilter's Skip). */
	readonly skipped: boolean;
	/** Per node name: every failure, the scheduler's first. Empty: the node passes. */
	readonly failures: ReadonlyMap<string, readonly AffinityFailure[]>;
	/** The affinity passed on nodes where no pod matches because the pod matches its own terms (the first of a group). */
	readonly selfMatch: boolean;
	/** Pods matching all affinity terms, on nodes that have the terms' topology labels (the scheduler's affinityCounts). */
	readonly affinityPods: readonly ClusterPod[];
	/** A term needs the namespaces' labels and they are not known: its verdicts leave those namespaces out. */
	readonly namespacesUnknown: boolean;
	/** The incoming pod's required terms, as evaluated (namespace selectors unrolled). */
	readonly requiredAffinity: readonly AffinityTerm[];
	readonly requiredAntiAffinity: readonly AffinityTerm[];
}

/** The scheduler's reason for the first failure. */
export function affinityReason(failure: AffinityFailure): string {
	switch (failure.kind) {
		case 'affinity-no-topology':
		case 'affinity-no-match':
			return AFFINITY_REASONS.affinity;
		case 'anti-affinity':
			return AFFINITY_REASONS.antiAffinity;
		case 'existing-anti-affinity':
			return AFFINITY_REASONS.existingAntiAffinity;
	}
}

/** Pods counted per topology pair, the scheduler's topologyToMatchedTermCount with the pods kept. */
class DomainPods {
	private readonly map = new Map<string, ClusterPod[]>();

	add(key: string, value: string, pod: ClusterPod): void {
		const id = `${key}\u0000${value}`;
		const list = this.map.get(id);
		if (list) list.push(pod);
		else this.map.set(id, [pod]);
	}

	get(key: string, value: string): readonly ClusterPod[] {
		return this.map.get(`${key}\u0000${value}`) ?? [];
	}

	get size(): number {
		return this.map.size;
	}
}

/** InterPodAffinity PreFilter + Filter for every node of the cluster. */
export function evaluateInterPodAffinity(pod: IncomingPod, cluster: Cluster): AffinityEvaluation {
	const terms = podTerms(pod, pod.rules);
	const namespaceLabels = cluster.namespaces.known ? cluster.namespaces.labels : null;
	let namespacesUnknown = false;
	const unroll = (term: AffinityTerm): AffinityTerm => {
		if (needsNamespaceLabels(term) && namespaceLabels === null) namespacesUnknown = true;
		return unrollNamespaces(term, namespaceLabels ?? EMPTY_NAMESPACES);
	};
	const requiredAffinity = terms.requiredAffinity.map(unroll);
	const requiredAntiAffinity = terms.requiredAntiAffinity.map(unroll);
	// GetNamespaceLabelsSnapshot: an unknown namespace has no labels.
	const ownNamespaceLabels = namespaceLabels?.get(pod.namespace) ?? null;

	const affinityCounts = new DomainPods();
	const antiAffinityCounts = new DomainPods();
	const existing = new Map<string, Array<{pod: ClusterPod; term: AffinityTerm}>>();
	const affinityPods: ClusterPod[] = [];
	for (const [nodeName, pods] of cluster.podsByNode) {
		const labels = cluster.nodes.get(nodeName)?.metadata?.labels ?? {};
		for (const other of pods) {
			// updateWithAffinityTerms: a pod counts for every term only if it matches all of them.
			if (matchesAllTerms(requiredAffinity, other)) {
				let counted = false;
				for (const term of requiredAffinity) {
					if (!Object.hasOwn(labels, term.topologyKey)) continue;
					affinityCounts.add(term.topologyKey, labels[term.topologyKey]!, other);
					counted = true;
				}
				if (counted) affinityPods.push(other);
			}
			for (const term of requiredAntiAffinity) {
				if (termMatches(term, other, null) && Object.hasOwn(labels, term.topologyKey))
					antiAffinityCounts.add(term.topologyKey, labels[term.topologyKey]!, other);
			}
			// The symmetric rule: the other pod's required anti-affinity terms against this pod.
			for (const term of podTerms(other, other.rules).requiredAntiAffinity) {
				if (needsNamespaceLabels(term) && namespaceLabels === null) namespacesUnknown = true;
				if (!termMatches(term, pod, ownNamespaceLabels) || !Object.hasOwn(labels, term.topologyKey)) continue;
				const id = `${term.topologyKey}\u0000${labels[term.topologyKey]}`;
				const list = existing.get(id) ?? [];
				list.push({pod: other, term});
				existing.set(id, list);
			}
		}
	}

	const skipped = existing.size === 0 && requiredAffinity.length === 0 && requiredAntiAffinity.length === 0;
	// satisfyPodAffinity's exception for the first pod of a group that has affinity to itself.
	const selfMatch = affinityCounts.size === 0 && matchesAllTerms(requiredAffinity, pod);
	const failures = new Map<string, AffinityFailure[]>();
	for (const [name, node] of cluster.nodes) {
		failures.set(name, skipped ? [] : nodeFailures(node, {requiredAffinity, requiredAntiAffinity, affinityCounts, antiAffinityCounts, existing, selfMatch}));
	}
	return {skipped, failures, selfMatch: selfMatch && requiredAffinity.length > 0, affinityPods, namespacesUnknown, requiredAffinity, requiredAntiAffinity};
}

interface Counts {
	requiredAffinity: readonly AffinityTerm[];
	requiredAntiAffinity: readonly AffinityTerm[];
	affinityCounts: DomainPods;
	antiAffinityCounts: DomainPods;
	existing: ReadonlyMap<string, ReadonlyArray<{pod: ClusterPod; term: AffinityTerm}>>;
	selfMatch: boolean;
}

function nodeFailures(node: Node, counts: Counts): AffinityFailure[] {
	const labels: Labels = node.metadata?.labels ?? {};
	const failures: AffinityFailure[] = [];
	// satisfyPodAffinity: a missing topology label fails at once; no matching pod in a domain fails
	// unless no pod anywhere matches and the pod matches its own terms.
	const missing = counts.requiredAffinity.find(term => !Object.hasOwn(labels, term.topologyKey));
	if (missing) {
		failures.push({kind: 'affinity-no-topology', term: missing});
	} else if (!counts.selfMatch) {
		for (const term of counts.requiredAffinity) {
			const value = labels[term.topologyKey]!;
			if (counts.affinityCounts.get(term.topologyKey, value).length === 0)
				failures.push({kind: 'affinity-no-match', term, domain: {key: term.topologyKey, value}});
		}
	}
	// satisfyPodAntiAffinity.
	for (const term of counts.requiredAntiAffinity) {
		if (!Object.hasOwn(labels, term.topologyKey)) continue;
		const value = labels[term.topologyKey]!;
		const pods = counts.antiAffinityCounts.get(term.topologyKey, value);
		if (pods.length > 0) failures.push({kind: 'anti-affinity', term, domain: {key: term.topologyKey, value}, pods});
	}
	// satisfyExistingPodsAntiAffinity: any of the node's own label pairs holding a matching pod.
	for (const [key, value] of Object.entries(labels)) {
		for (const {pod, term} of counts.existing.get(`${key}\u0000${value}`) ?? [])
			failures.push({kind: 'existing-anti-affinity', pod, term, domain: {key, value}});
	}
	return failures;
}

const EMPTY_NAMESPACES: ReadonlyMap<string, Labels> = new Map();
