// "Why it landed there": the preferred rules, weighed node by node as kube-scheduler's score
// plugins weigh them. Other plugins score too (NodeResourcesFit, BalancedAllocation,
// ImageLocality, PodTopologySpread for ScheduleAnyway), so this explains the preferences; it is not
// the scheduler's full score.
// - NodeAffinity (nodeaffinity/node_affinity.go Score): the sum of the weights of the preferred
//   terms the node matches (a term with weight 0 or no requirement is dropped); NormalizeScore is
//   helper.DefaultNormalizeScore: score × 100 / the highest score.
// - InterPodAffinity (interpodaffinity/scoring.go PreScore, processExistingPod, Score,
//   NormalizeScore): every existing pod adds to its node's topology domain: +weight for each
//   preferred affinity term of the incoming pod it matches, −weight per preferred anti-affinity
//   term; and, the other way round, +hardPodAffinityWeight (1) per required affinity term of its
//   own the incoming pod matches, +weight / −weight per preferred (anti-)affinity term of its own.
//   A node scores the sum over the domains it is in; NormalizeScore maps the feasible nodes'
//   scores linearly onto 0–100 (lowest 0, highest 100).
// - TaintToleration (tainttoleration/taint_toleration.go): PreferNoSchedule taints not tolerated,
//   counted; DefaultNormalizeScore reversed (fewest scores 100).
// The plugins' default weights (apis/config/v1 default_plugins.go): TaintToleration 3,
// NodeAffinity 2, InterPodAffinity 2.

import type {Node, Pod, Toleration} from '../../kube/objects.js';
import {nodeSelectorTermMatches, toleratesTaint} from '../scheduling.js';
import {podTerms, termMatches, unrollNamespaces, type AffinityTerm, type PodTerms} from './affinity-terms.js';
import type {Cluster, ClusterPod} from './cluster.js';
import type {IncomingPod} from './inter-pod-affinity.js';
import type {Labels} from './label-selector.js';

export const MAX_NODE_SCORE = 100;
export const PLUGIN_WEIGHTS = {taintToleration: 3, nodeAffinity: 2, interPodAffinity: 2} as const;
/** InterPodAffinityArgs.hardPodAffinityWeight's default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

/** Where a pod (anti-)affinity weight comes from. */
export type ContributionSource =
	'preferred-affinity' | 'preferred-anti-affinity' | 'their-required-affinity' | 'their-preferred-affinity' | 'their-preferred-anti-affinity';

/** One existing pod adding (or taking) weight in a topology domain. */
export interface Contribution {
	readonly source: ContributionSource;
	readonly pod: ClusterPod;
	/** The term that matched: the incoming pod's own, or the existing pod's. */
	readonly term: AffinityTerm;
	/** Signed: negative for anti-affinity. */
	readonly weight: number;
	readonly domain: {readonly key: string; readonly value: string};
}

export interface NodeScore {
	readonly node: string;
	/** The preferred node affinity terms the node matches, by index in the pod's list, and their weights. */
	readonly nodeAffinityTerms: ReadonlyArray<{readonly index: number; readonly weight: number}>;
	readonly nodeAffinityRaw: number;
	readonly nodeAffinity: number;
	/** The contributions whose domain holds the node. */
	readonly contributions: readonly Contribution[];
	readonly interPodRaw: number;
	readonly interPod: number;
	/** PreferNoSchedule taints the pod does not tolerate. */
	readonly untoleratedPreferNoSchedule: number;
	readonly taintToleration: number;
	/** Σ normalized score × plugin weight over the plugins in play (TaintToleration only when a node has a PreferNoSchedule taint the pod does not tolerate: else it gives every node the same). */
	readonly weighted: number;
}

export interface ScoreEvaluation {
	/** The feasible nodes, best weighted score first (ties by name). */
	readonly nodes: readonly NodeScore[];
	/** Any preferred rule in play: the pod's own, or an existing pod's that matches it. */
	readonly anyPreference: boolean;
	/** Some node has a PreferNoSchedule taint the pod does not tolerate. */
	readonly taintsInPlay: boolean;
	readonly namespacesUnknown: boolean;
}

/** Scores the `feasible` nodes (the ones every filter passes) for the pod. */
export function scoreNodes(pod: Pod, incoming: IncomingPod, cluster: Cluster, feasible: readonly string[]): ScoreEvaluation {
	const nodes = feasible.map(name => cluster.nodes.get(name)).filter((node): node is Node => node !== undefined);
	const preferredNode = (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
		.map((term, index) => ({...term, index}))
		// NewPreferredSchedulingTerms drops a term of weight 0 and one with no requirement.
		.filter(term => term.weight !== 0 && ((term.preference.matchExpressions?.length ?? 0) > 0 || (term.preference.matchFields?.length ?? 0) > 0));
	const nodeAffinityTerms = nodes.map(node =>
		preferredNode.filter(term => nodeSelectorTermMatches(term.preference, node)).map(({index, weight}) => ({index, weight})),
	);
	const nodeAffinityRaw = nodeAffinityTerms.map(terms => terms.reduce((sum, term) => sum + term.weight, 0));
	const nodeAffinity = defaultNormalize(nodeAffinityRaw, false);

	const {contributions, namespacesUnknown} = interPodContributions(incoming, cluster);
	const perNode = nodes.map(node => contributions.filter(contribution => node.metadata?.labels?.[contribution.domain.key] === contribution.domain.value));
	const interPodRaw = perNode.map(list => list.reduce((sum, contribution) => sum + contribution.weight, 0));
	const interPod = contributions.length === 0 ? interPodRaw.map(() => 0) : minMaxNormalize(interPodRaw);

	const preferNoSchedule = nodes.map(node => untoleratedPreferNoSchedule(node, pod.spec?.tolerations ?? []));
	const taintToleration = defaultNormalize(preferNoSchedule, true);
	const taintsInPlay = preferNoSchedule.some(count => count > 0);

	const scores: NodeScore[] = nodes.map((node, i) => ({
		node: node.metadata!.name!,
		nodeAffinityTerms: nodeAffinityTerms[i]!,
		nodeAffinityRaw: nodeAffinityRaw[i]!,
		nodeAffinity: nodeAffinity[i]!,
		contributions: perNode[i]!,
		interPodRaw: interPodRaw[i]!,
		interPod: interPod[i]!,
		untoleratedPreferNoSchedule: preferNoSchedule[i]!,
		taintToleration: taintToleration[i]!,
		weighted:
			nodeAffinity[i]! * PLUGIN_WEIGHTS.nodeAffinity +
			interPod[i]! * PLUGIN_WEIGHTS.interPodAffinity +
			(taintsInPlay ? taintToleration[i]! * PLUGIN_WEIGHTS.taintToleration : 0),
	}));
	scores.sort((a, b) => b.weighted - a.weighted || a.node.localeCompare(b.node));
	const anyPreference = preferredNode.length > 0 || contributions.length > 0 || taintsInPlay;
	return {nodes: scores, anyPreference, taintsInPlay, namespacesUnknown};
}

/** InterPodAffinity PreScore: every existing pod's weights, by topology domain. */
function interPodContributions(incoming: IncomingPod, cluster: Cluster): {contributions: Contribution[]; namespacesUnknown: boolean} {
	const own = podTerms(incoming, incoming.rules);
	const namespaceLabels = cluster.namespaces.known ? cluster.namespaces.labels : null;
	let namespacesUnknown = false;
	const unroll = <T extends {term: AffinityTerm}>(weighted: T): T => {
		if (weighted.term.namespaceSelector !== null && weighted.term.namespaceSelector.length > 0 && namespaceLabels === null) namespacesUnknown = true;
		return {...weighted, term: unrollNamespaces(weighted.term, namespaceLabels ?? new Map())};
	};
	const preferredAffinity = own.preferredAffinity.map(unroll);
	const preferredAntiAffinity = own.preferredAntiAffinity.map(unroll);
	const ownNamespaceLabels = namespaceLabels?.get(incoming.namespace) ?? null;
	const contributions: Contribution[] = [];
	for (const [nodeName, pods] of cluster.podsByNode) {
		const labels: Labels = cluster.nodes.get(nodeName)?.metadata?.labels ?? {};
		// processExistingPod returns at once for a node without labels.
		if (Object.keys(labels).length === 0) continue;
		const add = (source: ContributionSource, pod: ClusterPod, term: AffinityTerm, weight: number): void => {
			if (!Object.hasOwn(labels, term.topologyKey)) return;
			contributions.push({source, pod, term, weight, domain: {key: term.topologyKey, value: labels[term.topologyKey]!}});
		};
		for (const existing of pods) {
			for (const {term, weight} of preferredAffinity) if (termMatches(term, existing, null)) add('preferred-affinity', existing, term, weight);
			for (const {term, weight} of preferredAntiAffinity) if (termMatches(term, existing, null)) add('preferred-anti-affinity', existing, term, -weight);
			const theirs: PodTerms = podTerms(existing, existing.rules);
			for (const term of theirs.requiredAffinity) {
				if (termMatches(term, incoming, ownNamespaceLabels)) add('their-required-affinity', existing, term, HARD_POD_AFFINITY_WEIGHT);
			}
			for (const {term, weight} of theirs.preferredAffinity)
				if (termMatches(term, incoming, ownNamespaceLabels)) add('their-preferred-affinity', existing, term, weight);
			for (const {term, weight} of theirs.preferredAntiAffinity)
				if (termMatches(term, incoming, ownNamespaceLabels)) add('their-preferred-anti-affinity', existing, term, -weight);
			const all = [...theirs.requiredAffinity, ...theirs.preferredAffinity.map(w => w.term), ...theirs.preferredAntiAffinity.map(w => w.term)];
			if (namespaceLabels === null && all.some(term => term.namespaceSelector !== null && term.namespaceSelector.length > 0)) namespacesUnknown = true;
		}
	}
	return {contributions, namespacesUnknown};
}

/** helper.DefaultNormalizeScore(MaxNodeScore, reverse, scores): integer arithmetic, as Go's int64. */
export function defaultNormalize(scores: readonly number[], reverse: boolean): number[] {
	const max = Math.max(0, ...scores);
	if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
	return scores.map(score => {
		const scaled = Math.trunc((MAX_NODE_SCORE * score) / max);
		return reverse ? MAX_NODE_SCORE - scaled : scaled;
	});
}

/** InterPodAffinity.NormalizeScore: (score − min) / (max − min) × 100, truncated; all 0 when they are equal. */
export function minMaxNormalize(scores: readonly number[]): number[] {
	if (scores.length === 0) return [];
	const min = Math.min(...scores);
	const max = Math.max(...scores);
	if (max === min) return scores.map(() => 0);
	return scores.map(score => Math.trunc(MAX_NODE_SCORE * ((score - min) / (max - min))));
}

/**
 * TaintToleration.Score: countIntolerableTaintsPreferNoSchedule against the tolerations with
 * effect PreferNoSchedule or none (getAllTolerationPreferNoSchedule).
 */
function untoleratedPreferNoSchedule(node: Node, tolerations: readonly Toleration[]): number {
	const relevant = tolerations.filter(toleration => !toleration.effect || toleration.effect === 'PreferNoSchedule');
	return (node.spec?.taints ?? []).filter(taint => taint.effect === 'PreferNoSchedule' && !relevant.some(toleration => toleratesTaint(toleration, taint)))
		.length;
}
