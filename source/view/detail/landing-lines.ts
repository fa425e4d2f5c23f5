// Scheduling section, a pod on a node: why it landed there. The preferred rules (node affinity,
// pod affinity and anti-affinity, its own and the other pods' that match it, PreferNoSchedule
// taints) weighed on every node that passes the filters now, as the scheduler's scoring plugins
// weigh them — an explanation, marked as one: resources, image locality and spread score too.

import type {Pod} from '../../kube/objects.js';
import type {PlacementEvaluation} from '../../model/placement/evaluate-placement.js';
import {contributionWords, nodeAffinityWords} from '../../model/placement/placement-words.js';
import {PLUGIN_WEIGHTS, type NodeScore, type ScoreEvaluation} from '../../model/placement/scoring.js';
import {formatClock} from '../goto-time.js';
import {blank, heading, line, span, wrap, type Line} from './lines.js';

/** Contributions listed per node at most; the rest are counted. */
const LISTED = 6;

export function landingLines(pod: Pod, evaluation: PlacementEvaluation, now: number, width: number): Line[] {
	const score = evaluation.score;
	const here = pod.spec?.nodeName;
	if (!score || !here) return [];
	const lines: Line[] = [blank, heading(`Why it landed on ${here}`)];
	const say = (text: string, tone: 'dim' | 'plain' | 'warn' = 'dim') => {
		for (const text2 of wrap(text, width, '  ')) lines.push(line(text2, tone));
	};
	if (!score.anyPreference) {
		const count = evaluation.feasible.length;
		say(
			`No preferred rule weighs on it: neither its spec nor the pods around it prefer a node, and no node has a PreferNoSchedule taint it minds. ${count} ${count === 1 ? 'node passes' : 'nodes pass'} the filters now; the scheduler chose by resources, spread and image locality, which podlife does not weigh.`,
		);
		return lines;
	}
	say(
		`The preferred rules, weighed as the scheduler's plugins score them, as of ${formatClock(now)}: an explanation, not its full score (resources, image locality and spread score too). Each cell: the summed weights → the plugin's 0–100 score; WEIGHTED: ${weightsWords(score)}.`,
	);
	lines.push(...scoreTable(score, here));
	const best = score.nodes[0];
	if (!evaluation.feasible.includes(here)) say(`${here} does not pass the filters now (see below): the cluster changed since the pod was placed.`, 'warn');
	else if (best && best.node !== here && best.weighted > (score.nodes.find(node => node.node === here)?.weighted ?? 0)) {
		say(`${best.node} scores higher on these rules alone: the plugins podlife does not weigh tipped it to ${here}, or the cluster changed since.`, 'warn');
	}
	for (const node of score.nodes) {
		const reasons = [...nodeAffinityWords(pod, node), ...node.contributions.map(contributionWords)];
		if (node.untoleratedPreferNoSchedule > 0)
			reasons.push(`${node.untoleratedPreferNoSchedule} PreferNoSchedule ${node.untoleratedPreferNoSchedule === 1 ? 'taint' : 'taints'} not tolerated`);
		if (reasons.length === 0) continue;
		lines.push([span(`  ${node.node}:`, node.node === here ? 'accent' : 'plain')]);
		for (const reason of reasons.slice(0, LISTED)) lines.push(...wrap(reason, width, '      ').map((text, n) => line(n === 0 ? `    ${text.slice(6)}` : text)));
		if (reasons.length > LISTED) lines.push(line(`    and ${reasons.length - LISTED} more`, 'dim'));
	}
	const refused = evaluation.nodes.filter(node => node.reason !== null);
	if (refused.length > 0) say(`Not feasible now: ${refused.map(node => `${node.node} (${node.reason!.replace(/^node\(s\) /, '')})`).join(', ')}.`);
	return lines;
}

function weightsWords(score: ScoreEvaluation): string {
	const parts = [`NodeAffinity × ${PLUGIN_WEIGHTS.nodeAffinity}`, `InterPodAffinity × ${PLUGIN_WEIGHTS.interPodAffinity}`];
	if (score.taintsInPlay) parts.push(`TaintToleration × ${PLUGIN_WEIGHTS.taintToleration}`);
	return parts.join(' + ');
}

function scoreTable(score: ScoreEvaluation, here: string): Line[] {
	const header = ['NODE', 'NODE AFFINITY', 'POD AFFINITY', ...(score.taintsInPlay ? ['TAINTS'] : []), 'WEIGHTED'];
	const rows = score.nodes.map(node => [
		node.node === here ? `${node.node} ◀` : node.node,
		cell(node.nodeAffinityRaw, node.nodeAffinity),
		cell(node.interPodRaw, node.interPod),
		...(score.taintsInPlay ? [cell(node.untoleratedPreferNoSchedule, node.taintToleration, false)] : []),
		String(node.weighted),
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => [...row[column]!].length)));
	const format = (cells: readonly string[]) =>
		`  ${cells.map((text, column) => (column === 0 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ')}`;
	const lines: Line[] = [line(format(header), 'label')];
	score.nodes.forEach((node: NodeScore, index) => lines.push(line(format(rows[index]!), node.node === here ? 'accent' : 'plain')));
	return lines;
}

/** "+50 → 100", "0 → 0"; a taint count has no sign. */
function cell(raw: number, normalized: number, signed = true): string {
	const rawText = signed && raw > 0 ? `+${raw}` : String(raw);
	return `${rawText} → ${normalized}`;
}
