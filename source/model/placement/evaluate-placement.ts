// One pod against every node, as kube-scheduler's filters judge it, in their order (the default
// profile, apis/config/v1 default_plugins.go): NodeUnschedulable, NodeName, TaintToleration,
// NodeAffinity, then the filters podlife cannot judge from the objects (NodePorts,
// NodeResourcesFit, volumes), then PodTopologySpread and InterPodAffinity. The framework stops at
// a node's first failing filter (RunFilterPlugins), so the scheduler's message counts each node
// once, under that filter's reason; podlife keeps every finding for its own words, and the first
// for comparing with the scheduler's count.

import type {Node, Pod} from '../../kube/objects.js';
import {evaluateNode, untoleratedTaints, type NodeMisfit} from '../scheduling.js';
import type {Cluster} from './cluster.js';
import {affinityReason, evaluateInterPodAffinity, type AffinityEvaluation, type AffinityFailure, type IncomingPod} from './inter-pod-affinity.js';
import type {Labels} from './label-selector.js';
import {scoreNodes, type ScoreEvaluation} from './scoring.js';
import {evaluateTopologySpread, spreadFailure, spreadReason, type SpreadEvaluation, type SpreadNodeCheck} from './topology-spread.js';

/** The scheduler's reason strings of the node filters podlife ports (their Filter's ErrReason…). */
export const NODE_REASONS = {
	unschedulable: 'node(s) were unschedulable',
	nodeName: "node(s) didn't match the requested node name",
	nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
} as const;

export interface NodeVerdict {
	readonly node: string;
	/** The first failing filter's reason as the scheduler words it; null: no filter podlife checks refuses the node. */
	readonly reason: string | null;
	/** What the node-level rules found (scheduling.ts), node readiness included. */
	readonly misfits: readonly NodeMisfit[];
	/** Required pod (anti-)affinity failures, the scheduler's first. */
	readonly affinity: readonly AffinityFailure[];
	/** The DoNotSchedule spread constraint that refuses the node, or null. */
	readonly spread: SpreadNodeCheck | null;
}

export interface PlacementEvaluation {
	/** Every node, by name. */
	readonly nodes: readonly NodeVerdict[];
	/** The nodes no filter podlife checks refuses. */
	readonly feasible: readonly string[];
	readonly affinity: AffinityEvaluation;
	readonly spread: SpreadEvaluation;
	/** The preferred rules weighed on the feasible nodes; only for a pod on a node (why it landed there). */
	readonly score: ScoreEvaluation | null;
}

/**
 * The pod (its object, read once) against the cluster as of now. A pod already on a node is judged
 * as if it were being placed now: without its nodeName, and leaving itself out of the cluster
 * (clusterOf's `exclude`).
 */
export function evaluatePlacement(object: Pod, cluster: Cluster): PlacementEvaluation {
	const bound = Boolean(object.spec?.nodeName);
	const pod: Pod = bound ? {...object, spec: {...object.spec, nodeName: undefined}} : object;
	const labels: Labels = pod.metadata?.labels ?? {};
	const incoming: IncomingPod = {namespace: pod.metadata?.namespace ?? '', labels, rules: pod.spec?.affinity ?? null};
	const affinity = evaluateInterPodAffinity(incoming, cluster);
	const spread = evaluateTopologySpread(pod, cluster);
	const nodes = [...cluster.nodes.values()].map(node => verdict(pod, node, affinity, spread)).sort((a, b) => a.node.localeCompare(b.node));
	// Node readiness is no filter of the scheduler's: it sees a NotReady node through the taint the
	// node lifecycle controller puts on it.
	const feasible = nodes.filter(node => node.reason === null).map(node => node.node);
	return {nodes, feasible, affinity, spread, score: bound ? scoreNodes(pod, incoming, cluster, feasible) : null};
}

function verdict(pod: Pod, node: Node, affinity: AffinityEvaluation, spread: SpreadEvaluation): NodeVerdict {
	const name = node.metadata?.name ?? '';
	const misfits = evaluateNode(pod, node).reasons;
	const failures = affinity.failures.get(name) ?? [];
	const refusal = spreadFailure(spread, name);
	return {node: name, reason: firstReason(pod, node, misfits, refusal, failures), misfits, affinity: failures, spread: refusal};
}

/** The reason of the first filter, in the scheduler's order, that refuses the node. */
function firstReason(
	pod: Pod,
	node: Node,
	misfits: readonly NodeMisfit[],
	spread: SpreadNodeCheck | null,
	affinity: readonly AffinityFailure[],
): string | null {
	const has = (rule: NodeMisfit['rule']) => misfits.some(misfit => misfit.rule === rule);
	if (has('unschedulable')) return NODE_REASONS.unschedulable;
	if (has('nodeName')) return NODE_REASONS.nodeName;
	// TaintToleration names the first untolerated NoSchedule/NoExecute taint (FindMatchingUntoleratedTaint).
	const taint = untoleratedTaints(node.spec?.taints ?? [], pod.spec?.tolerations ?? [])[0];
	if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
	if (has('nodeSelector') || has('nodeAffinity')) return NODE_REASONS.nodeAffinity;
	if (spread) return spreadReason(spread);
	if (affinity.length > 0) return affinityReason(affinity[0]!);
	return null;
}
