// The Lanes view's name column: each pod row's "namespace/name" in the cells its row leaves, cut in
// the middle as the table cuts names (fit-text.ts cutMiddle: the start and the last dash-separated
// part, which tells a ReplicaSet's pods apart). Names that cut alike — on a narrow terminal
// "kube-system/k…-plane" for every static pod of a node — are cut again, all of them the same way,
// the first that tells them apart: the name without its namespace, its start, its end, or around
// where it differs from the others. No two rows then read the same unless their pods' names do.

import {cells, cutMiddle, head, tail, truncate} from '../fit-text.js';

export interface LaneName {
	/** Null when the namespace goes unsaid (one namespace listed). */
	namespace: string | null;
	name: string;
	/** The cells for it. */
	width: number;
}

function whole({namespace, name}: LaneName): string {
	return namespace === null ? name : `${namespace}/${name}`;
}

/** The same name in two namespaces: before it its namespace, cut by `recut` to what is left. */
function withNamespaceCut({namespace, name, width}: LaneName, recut: Recut, namespaces: readonly string[]): string {
	const room = width - cells(name) - 1;
	if (namespace === null || room < 2) return cutMiddle(name, width);
	return `${recut(
		namespace,
		room,
		sharedStart(
			namespace,
			namespaces.filter(other => other !== namespace),
		),
	)}/${name}`;
}

/** The length of the start `name` shares with the most alike of `others`. */
function sharedStart(name: string, others: readonly string[]): number {
	let longest = 0;
	for (const other of others) {
		let at = 0;
		while (at < name.length && at < other.length && name[at] === other[at]) at++;
		longest = Math.max(longest, at);
	}
	return longest;
}

/** Ways to cut a name again, tried in turn on names cut alike: its start, its end, around where it differs. */
type Recut = (text: string, width: number, differs: number) => string;

const RECUTS: readonly Recut[] = [
	(name, width) => truncate(name, width),
	(name, width) => (cells(name) <= width ? name : `…${tail(name, width - 1)}`),
	(name, width, differs) => {
		if (cells(name) <= width) return name;
		// The differing character in the middle of what shows, the start kept when it fits.
		const from = Math.max(0, Math.min(differs - Math.floor((width - 2) / 2), name.length - (width - 2)));
		return from === 0 ? truncate(name, width) : `…${head(name.slice(from), width - 2)}…`;
	},
];

/** The labels of `names`, in order: each cut to its width, told apart where the cutting made them alike. */
export function laneNames(names: readonly LaneName[]): string[] {
	const labels = names.map(name => cutMiddle(whole(name), name.width));
	const byLabel = new Map<string, number[]>();
	labels.forEach((label, index) => byLabel.set(label, [...(byLabel.get(label) ?? []), index]));
	const taken = new Set(labels);
	for (const [label, indices] of byLabel) {
		const pods = indices.map(index => whole(names[index]!));
		if (new Set(pods).size < 2) continue;
		const texts = indices.map(index => names[index]!.name);
		const namespaces = indices.map(index => names[index]!.namespace ?? '');
		const recuts: Array<(name: LaneName, at: number) => string> =
			new Set(texts).size < new Set(pods).size
				? RECUTS.map(recut => (name: LaneName) => withNamespaceCut(name, recut, namespaces))
				: [
						name => cutMiddle(name.name, name.width),
						...RECUTS.map(
							recut => (name: LaneName, at: number) =>
								recut(
									name.name,
									name.width,
									sharedStart(
										name.name,
										texts.filter(other => other !== texts[at]),
									),
								),
						),
					];
		for (const recut of recuts) {
			const tried = indices.map((index, at) => recut(names[index]!, at));
			const clash = tried.some(text => text !== label && taken.has(text));
			// Alike now only where the pods are the same (a name's lives).
			const apart = tried.every((text, at) => tried.every((other, next) => (text === other) === (pods[at] === pods[next])));
			if (apart && !clash) {
				indices.forEach((index, at) => (labels[index] = tried[at]!));
				for (const text of tried) taken.add(text);
				break;
			}
		}
	}
	return labels;
}
