// What keeps a pod off the nodes, short enough for the why line: the pods in the way first
// ("blocked by default/web-abc on kind-worker (anti-affinity, kubernetes.io/hostname)"), then
// the spread constraints a node would break.

import type {PlacementEvaluation} from './evaluate-placement.js';
import {blockerWords, domainWords, selectorWords} from './placement-words.js';

/** "blocked by default/a on kind-worker (anti-affinity, kubernetes.io/hostname); no pod app=db is on a node …", or null. */
export function blockingWords(evaluation: PlacementEvaluation): string | null {
	const missing = new Set<string>();
	const blocked: string[] = [];
	for (const node of evaluation.nodes) {
		// A pod is named once per node: by the incoming pod's anti-affinity, else by its own.
		const named = new Map<string, string>();
		for (const failure of node.affinity) {
			switch (failure.kind) {
				case 'affinity-no-match':
					// With no matching pod anywhere the same term fails on every node: one phrase for all.
					if (evaluation.affinity.affinityPods.length === 0)
						missing.add(`no pod ${selectorWords(failure.term.selector)} is on a node (required affinity, ${failure.term.topologyKey})`);
					else missing.add(blockerWords(node.node, failure));
					break;
				case 'affinity-no-topology':
					missing.add(blockerWords(node.node, failure));
					break;
				case 'anti-affinity':
					for (const pod of failure.pods)
						if (!named.has(`${pod.namespace}/${pod.name}`)) named.set(`${pod.namespace}/${pod.name}`, `anti-affinity, ${failure.domain.key}`);
					break;
				case 'existing-anti-affinity': {
					const name = `${failure.pod.namespace}/${failure.pod.name}`;
					if (!named.has(name)) named.set(name, `its anti-affinity, ${failure.domain.key}`);
					break;
				}
			}
		}
		const byWhy = new Map<string, string[]>();
		for (const [name, why] of named) byWhy.set(why, [...(byWhy.get(why) ?? []), name]);
		for (const [why, names] of byWhy) {
			const listed = names.length > NAMED ? `${names.slice(0, NAMED).join(', ')} and ${names.length - NAMED} more` : names.join(', ');
			blocked.push(`${listed} on ${node.node} (${why})`);
		}
	}
	const parts = [...(blocked.length > 0 ? [`blocked by ${blocked.join(', ')}`] : []), ...missing];
	return parts.length > 0 ? parts.join('; ') : null;
}

const NAMED = 3;

/** "kind-worker: kubernetes.io/hostname=kind-worker would be 2 above the minimum 0 (spread app=web, maxSkew 1)", per refusing node. */
export function spreadRefusals(evaluation: PlacementEvaluation): string[] {
	const words: string[] = [];
	for (const node of evaluation.nodes) {
		const check = node.spread;
		if (check === null) continue;
		const constraint = evaluation.spread.constraints[check.constraint]!;
		const what = `spread ${selectorWords(constraint.selector)}, maxSkew ${constraint.spec.maxSkew}`;
		if (check.value === null) words.push(`${node.node} has no label ${constraint.spec.topologyKey} (${what})`);
		else
			words.push(
				`${node.node}: ${domainWords({key: constraint.spec.topologyKey, value: check.value})} would be ${check.skew} above the minimum ${constraint.minMatch} (${what})`,
			);
	}
	return words;
}
