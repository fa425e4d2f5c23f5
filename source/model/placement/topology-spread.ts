// Topology spread constraints, domain by domain and node by node, as kube-scheduler's
// PodTopologySpread plugin counts them (pkg/scheduler/framework/plugins/podtopologyspread:
// common.go filterTopologySpreadConstraints / countPodsMatchSelector, filtering.go
// calPreFilterState / minMatchNum / Filter):
// - a constraint's selector is its labelSelector with matchLabelKeys' values from the pod's labels
//   merged in (mergeLabelSetWithSelector); minDomains defaults to 1, nodeAffinityPolicy to Honor,
//   nodeTaintsPolicy to Ignore;
// - only nodes carrying the topology keys of ALL the constraints of the same kind count
//   (nodeLabelsMatchSpreadConstraints), and of those only the ones the inclusion policies admit
//   (matchNodeInclusionPolicies): with the default Ignore a tainted node the pod cannot go to is
//   still a domain, usually an empty one that holds the global minimum at 0;
// - a domain's count is the pods on its nodes in the pod's namespace, not being deleted, that
//   match the selector;
// - the global minimum is the smallest count, or 0 while fewer domains than minDomains exist;
// - a node fails when it lacks the topology key, or when its domain's count, plus 1 if the pod
//   matches its own selector, less the global minimum exceeds maxSkew.
// Filter checks DoNotSchedule constraints only; ScheduleAnyway ones are scored (not ported here):
// podlife counts them the same way and says which domains a new pod would push past maxSkew.

import type {Node, Pod, TopologySpreadConstraint} from '../../kube/objects.js';
import {matchesRequiredNodeAffinity, untoleratedTaints} from '../scheduling.js';
import type {Cluster, ClusterPod} from './cluster.js';
import {parseSelector, selectorIsEmpty, selectorMatches, withLabelKeys, type Labels, type Selector} from './label-selector.js';

export const SPREAD_REASONS = {
	skew: "node(s) didn't match pod topology spread constraints",
	missingLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
} as const;

/** Why a node's pods are not counted for a constraint. */
export type SpreadExclusion = 'no-topology' | 'node-affinity' | 'taint';

export interface SpreadDomain {
	readonly value: string;
	/** Matching pods on the domain's counted nodes. */
	readonly count: number;
	readonly nodes: readonly string[];
	readonly pods: readonly ClusterPod[];
}

export interface SpreadConstraint {
	readonly spec: TopologySpreadConstraint;
	/** DoNotSchedule: a filter. */
	readonly hard: boolean;
	readonly selector: Selector;
	readonly minDomains: number;
	readonly nodeAffinityPolicy: 'Honor' | 'Ignore';
	readonly nodeTaintsPolicy: 'Honor' | 'Ignore';
	/** The pod matches its own selector: placing it adds 1 to its domain. */
	readonly selfMatch: boolean;
	/** Eligible domains, by value. */
	readonly domains: readonly SpreadDomain[];
	/** Nodes whose pods are not counted, and why. */
	readonly excluded: ReadonlyArray<{readonly node: string; readonly why: SpreadExclusion}>;
	/** The global minimum the skew is measured from (0 while domains < minDomains). */
	readonly minMatch: number;
	/** Fewer eligible domains than minDomains: the minimum was taken as 0. */
	readonly belowMinDomains: boolean;
	/** The scheduler counts nothing for an empty labelSelector ({}) in the versions podlife ports. */
	readonly emptySelector: boolean;
}

/** One node against one constraint. */
export interface SpreadNodeCheck {
	readonly constraint: number;
	/** The node's domain, or null when it lacks the topology key. */
	readonly value: string | null;
	readonly matchNum: number;
	/** matchNum + selfMatch − minMatch; null without a domain. */
	readonly skew: number | null;
	readonly exceeds: boolean;
}

export interface SpreadEvaluation {
	readonly constraints: readonly SpreadConstraint[];
	/** Per node: its check against every constraint, in constraint order. */
	readonly checks: ReadonlyMap<string, readonly SpreadNodeCheck[]>;
}

/** A node's first failing DoNotSchedule constraint, as Filter reports it; null when it passes. */
export function spreadFailure(evaluation: SpreadEvaluation, node: string): SpreadNodeCheck | null {
	for (const check of evaluation.checks.get(node) ?? []) {
		if (!evaluation.constraints[check.constraint]!.hard) continue;
		if (check.value === null || check.exceeds) return check;
	}
	return null;
}

export function spreadReason(check: SpreadNodeCheck): string {
	return check.value === null ? SPREAD_REASONS.missingLabel : SPREAD_REASONS.skew;
}

/** filterTopologySpreadConstraints, then calPreFilterState and Filter for every node. */
export function evaluateTopologySpread(pod: Pod, cluster: Cluster): SpreadEvaluation {
	const labels: Labels = pod.metadata?.labels ?? {};
	const specs = pod.spec?.topologySpreadConstraints ?? [];
	if (specs.length === 0) return {constraints: [], checks: new Map()};
	const hardKeys = specs.filter(spec => spec.whenUnsatisfiable === 'DoNotSchedule').map(spec => spec.topologyKey);
	const softKeys = specs.filter(spec => spec.whenUnsatisfiable !== 'DoNotSchedule').map(spec => spec.topologyKey);
	const constraints = specs.map(spec => countConstraint(pod, labels, spec, spec.whenUnsatisfiable === 'DoNotSchedule' ? hardKeys : softKeys, cluster));
	const checks = new Map<string, SpreadNodeCheck[]>();
	for (const [name, node] of cluster.nodes) {
		const nodeLabels = node.metadata?.labels ?? {};
		checks.set(
			name,
			constraints.map((constraint, index) => {
				const key = constraint.spec.topologyKey;
				if (!Object.hasOwn(nodeLabels, key)) return {constraint: index, value: null, matchNum: 0, skew: null, exceeds: false};
				const value = nodeLabels[key]!;
				const matchNum = constraint.domains.find(domain => domain.value === value)?.count ?? 0;
				const skew = matchNum + (constraint.selfMatch ? 1 : 0) - constraint.minMatch;
				return {constraint: index, value, matchNum, skew, exceeds: skew > constraint.spec.maxSkew};
			}),
		);
	}
	return {constraints, checks};
}

function countConstraint(pod: Pod, labels: Labels, spec: TopologySpreadConstraint, sameKindKeys: readonly string[], cluster: Cluster): SpreadConstraint {
	// mergeLabelSetWithSelector: the pod's values of matchLabelKeys ANDed in (a nil selector stays Nothing).
	const selector = withLabelKeys(parseSelector(spec.labelSelector), spec.matchLabelKeys, 'In', labels);
	const nodeAffinityPolicy = spec.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor';
	const nodeTaintsPolicy = spec.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore';
	const namespace = pod.metadata?.namespace ?? '';
	const emptySelector = selectorIsEmpty(selector);
	const byValue = new Map<string, {count: number; nodes: string[]; pods: ClusterPod[]}>();
	const excluded: Array<{node: string; why: SpreadExclusion}> = [];
	for (const name of [...cluster.nodes.keys()].sort()) {
		const node = cluster.nodes.get(name)!;
		const why = exclusion(pod, node, sameKindKeys, nodeAffinityPolicy, nodeTaintsPolicy);
		if (why !== null) {
			excluded.push({node: name, why});
			continue;
		}
		const value = node.metadata!.labels![spec.topologyKey]!;
		const domain = byValue.get(value) ?? {count: 0, nodes: [], pods: []};
		domain.nodes.push(name);
		// countPodsMatchSelector: this version returns 0 for an empty selector (kubernetes#141339,
		// fixed upstream after 1.36), skips pods being deleted and other namespaces.
		if (!emptySelector) {
			for (const other of cluster.podsByNode.get(name) ?? []) {
				if (other.deleting || other.namespace !== namespace || !selectorMatches(selector, other.labels)) continue;
				domain.count++;
				domain.pods.push(other);
			}
		}
		byValue.set(value, domain);
	}
	const domains = [...byValue].map(([value, domain]) => ({value, ...domain})).sort((a, b) => a.value.localeCompare(b.value));
	const minDomains = spec.minDomains ?? 1;
	// minMatchNum: criticalPaths start at MaxInt32, so with no domain at all the minimum stays there.
	const lowest = domains.length === 0 ? MAX_INT32 : Math.min(...domains.map(domain => domain.count));
	const belowMinDomains = domains.length < minDomains;
	return {
		spec,
		hard: spec.whenUnsatisfiable === 'DoNotSchedule',
		selector,
		minDomains,
		nodeAffinityPolicy,
		nodeTaintsPolicy,
		selfMatch: selectorMatches(selector, labels),
		domains,
		excluded,
		minMatch: belowMinDomains ? 0 : lowest,
		belowMinDomains,
		emptySelector,
	};
}

/** nodeLabelsMatchSpreadConstraints, then matchNodeInclusionPolicies. */
function exclusion(pod: Pod, node: Node, keys: readonly string[], affinity: 'Honor' | 'Ignore', taints: 'Honor' | 'Ignore'): SpreadExclusion | null {
	const labels = node.metadata?.labels ?? {};
	if (!keys.every(key => Object.hasOwn(labels, key))) return 'no-topology';
	if (affinity === 'Honor' && !matchesRequiredNodeAffinity(pod, node)) return 'node-affinity';
	if (taints === 'Honor' && untoleratedTaints(node.spec?.taints ?? [], pod.spec?.tolerations ?? []).length > 0) return 'taint';
	return null;
}

const MAX_INT32 = 2 ** 31 - 1;
