// A pod's placement as of a store view: the one entry point the screens use. Judging one pod reads
// every other pod's labels and rules from memory (no object read back but this pod's own), so it
// is made for the pod on screen only; it is kept per pod state and view, so the frames that show
// the same moment (the detail counts its lines, then draws them) judge it once.

import type {PodState} from '../pod-state.js';
import type {Cluster, ClusterSource} from './cluster.js';
import {evaluatePlacement, type PlacementEvaluation} from './evaluate-placement.js';

export interface PodPlacement {
	readonly evaluation: PlacementEvaluation;
	readonly cluster: Cluster;
}

interface Kept {
	readonly view: ClusterSource;
	readonly placement: PodPlacement;
}

const kept = new WeakMap<PodState, Kept>();

/** The pod against the cluster of `view` (leaving itself out). */
export function podPlacement(state: PodState, view: ClusterSource): PodPlacement {
	const last = kept.get(state);
	// A store hands out one view per version: the same view, the same moment.
	if (last?.view === view) return last.placement;
	const cluster = view.placementCluster(state.key);
	const placement = {evaluation: evaluatePlacement(state.readObject(), cluster), cluster};
	kept.set(state, {view, placement});
	return placement;
}
