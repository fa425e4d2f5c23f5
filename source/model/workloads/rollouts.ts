// A Deployment's rollouts, read from its pods alone: which ReplicaSet was the new one when, how the
// old one scaled down while the new one scaled up, how long each rollout took and whether it
// stalled. No ReplicaSet or Deployment object is needed (podlife watches pods): the controller's
// behaviour shows in the pods it makes and deletes.
//
// - A ReplicaSet that gets pods while it had none, beside the new one, is the next revision: the
//   controller creates pods only for the new ReplicaSet during a rollout (old ones only scale
//   down), and `kubectl rollout undo` makes an old template the new one again, under a new
//   revision number — so a ReplicaSet can hold two revisions (deployment/sync.go: the revision of
//   the ReplicaSet that becomes new is max(old revisions) + 1).
// - A rollout is complete when the new ReplicaSet is the only one with pods in service and all of
//   them are ready (the controller's NewReplicaSetAvailable: updated = available = replicas and
//   no old replicas; a pod being deleted no longer counts, as the ReplicaSet's status counts it).
// - It is stalled when a pod of the new ReplicaSet has not been ready for longer than the
//   Deployment's progressDeadlineSeconds (600 s unless the Deployment object says otherwise).
// Revision numbers: counted from the first ReplicaSet seen, which is revision 1 when the Deployment's
// first pods were made while podlife watched; when its ReplicaSet objects are held, the new one's
// deployment.kubernetes.io/revision sets the count. Otherwise the numbers are not known (null).

import type {PodState} from '../pod-state.js';
import {podLane} from '../status-lane.js';
import type {OwnerObjects} from './owner-objects.js';
import {ownerKey} from './owner-objects.js';
import type {WorkloadGroup} from './workload-groups.js';

/** Kubernetes' default spec.progressDeadlineSeconds. */
export const DEFAULT_PROGRESS_DEADLINE_MS = 600_000;

export interface RevisionRef {
	/** The ReplicaSet's name and pod-template-hash. */
	replicaSet: string;
	hash: string;
	/** Its revision number then; null when not known (the Deployment was older than what was watched). */
	revision: number | null;
}

export interface Rollout {
	/** The ReplicaSet it rolled from; null when the Deployment was first seen mid-rollout with one ReplicaSet only. */
	from: RevisionRef | null;
	to: RevisionRef;
	/** When the new ReplicaSet's first pod was seen (epoch ms). */
	start: number;
	/** When it completed or another rollout took over; null while in progress. */
	end: number | null;
	outcome: 'complete' | 'superseded' | 'in-progress';
	/** In progress at `now` with a pod of the new ReplicaSet not ready past the deadline: that pod and since when. */
	stalled: {pod: string; since: number} | null;
	/**
	 * Pods in service just before it began: the replicas it rolls, when the Deployment object is not
	 * held. Null when it began before watching did: the pods deleted before then were never seen, so
	 * a count of those still there would be short ("ready 4/1").
	 */
	servingBefore: number | null;
	/** The new ReplicaSet's ready pods over the rollout (ready, live) at each change, for a sparkline. */
	progress: ReadonlyArray<{at: number; ready: number; live: number}>;
}

export interface DeploymentRollouts {
	rollouts: Rollout[];
	/** The ReplicaSet that is the new one at `now`. */
	current: RevisionRef | null;
	/** Pods in service (not being deleted, not finished) and those of them ready, at `now`. */
	live: number;
	ready: number;
	/** spec.replicas of the Deployment when its object is held, else null. */
	desired: number | null;
	deadlineMs: number;
}

interface PodLife {
	key: string;
	replicaSet: string;
	hash: string;
	born: number;
	/** When it left service: deletion asked, a final phase, or the deletion itself; Infinity while in service. */
	gone: number;
	/** Ready stretches [from, to) within its service. */
	ready: Array<[number, number]>;
}

/** A pod seen more than this after it was made was already there when podlife started watching. */
const SEEN_LATE_MS = 1000;

function lifeOf(pod: PodState, replicaSet: string, hash: string): PodLife {
	const created = pod.columns.createdMs;
	const born = created !== null && created < pod.firstSeenAt - SEEN_LATE_MS ? created : pod.firstSeenAt;
	let gone = Infinity;
	for (const transition of pod.history) {
		const leaves =
			transition.kind === 'deleting' ||
			transition.kind === 'deleted' ||
			(transition.kind === 'phase' && (transition.to === 'Failed' || transition.to === 'Succeeded'));
		if (leaves) {
			gone = transition.at;
			break;
		}
	}
	// First seen already being deleted: never in service while watched.
	if (gone === Infinity && pod.core.deletionTimestamp !== null && !pod.history.some(transition => transition.kind === 'deleting')) gone = born;
	const ready: Array<[number, number]> = [];
	for (const segment of podLane(pod).segments) {
		if (segment.cls !== 'ready') continue;
		const from = Math.max(segment.from, born);
		const to = Math.min(segment.to, gone);
		if (to > from) ready.push([from, to]);
	}
	return {key: pod.key, replicaSet, hash, born, gone, ready};
}

type Change = {at: number; replicaSet: string; live: number; ready: number};

/** The rollouts of a Deployment group up to `now`; `observedFrom`: when watching began (epoch ms). */
export function deploymentRollouts(group: WorkloadGroup, now: number, observedFrom: number, owners: OwnerObjects | null = null): DeploymentRollouts {
	const lives: PodLife[] = [];
	for (const pod of group.pods) {
		const part = group.parts.get(pod.key);
		if (part?.kind === 'ReplicaSet') lives.push(lifeOf(pod, part.name, part.hash ?? ''));
	}
	const deployment = owners?.get(ownerKey('Deployment', group.workload.namespace, group.workload.name));
	const deadlineMs = deployment?.progressDeadlineSeconds != null ? deployment.progressDeadlineSeconds * 1000 : DEFAULT_PROGRESS_DEADLINE_MS;
	const changes: Change[] = [];
	for (const life of lives) {
		changes.push({at: life.born, replicaSet: life.replicaSet, live: 1, ready: 0});
		if (life.gone !== Infinity) changes.push({at: life.gone, replicaSet: life.replicaSet, live: -1, ready: 0});
		for (const [from, to] of life.ready) {
			changes.push({at: from, replicaSet: life.replicaSet, live: 0, ready: 1});
			if (to !== Infinity) changes.push({at: to, replicaSet: life.replicaSet, live: 0, ready: -1});
		}
	}
	changes.sort((a, b) => a.at - b.at);
	const hashOf = new Map(lives.map(life => [life.replicaSet, life.hash]));
	const live = new Map<string, number>();
	const ready = new Map<string, number>();
	const rollouts: Rollout[] = [];
	let count = 0;
	let current: RevisionRef | null = null;
	let rolling: (Rollout & {progress: Array<{at: number; ready: number; live: number}>}) | null = null;
	const revisionOf = (replicaSet: string): RevisionRef => ({replicaSet, hash: hashOf.get(replicaSet) ?? '', revision: ++count});
	for (let index = 0; index < changes.length;) {
		const at = changes[index]!.at;
		if (at > now) break;
		let servingBefore = 0;
		for (const pods of live.values()) servingBefore += pods;
		const joined: string[] = [];
		for (; index < changes.length && changes[index]!.at === at; index++) {
			const change = changes[index]!;
			const before = live.get(change.replicaSet) ?? 0;
			live.set(change.replicaSet, before + change.live);
			ready.set(change.replicaSet, (ready.get(change.replicaSet) ?? 0) + change.ready);
			if (before === 0 && change.live > 0) joined.push(change.replicaSet);
		}
		const inService = [...live].filter(([, pods]) => pods > 0).map(([name]) => name);
		const newcomer = joined.filter(name => name !== current?.replicaSet).at(-1);
		let next: string | undefined;
		if (current === null) next = newestOf(inService, lives);
		else if (newcomer !== undefined) next = newcomer;
		// The new ReplicaSet scaled away while an old one serves: an undo in the middle of a rollout.
		else if ((live.get(current.replicaSet) ?? 0) === 0 && inService.length > 0) next = inService[0];
		if (next !== undefined && next !== current?.replicaSet) {
			if (rolling) {
				rolling.end = at;
				rolling.outcome = 'superseded';
			}
			const from = current ?? (inService.length > 1 ? {replicaSet: inService.find(name => name !== next)!, hash: '', revision: null} : null);
			const to = revisionOf(next);
			const before = at >= observedFrom ? servingBefore : null;
			rolling = from ? {from, to, start: at, end: null, outcome: 'in-progress', stalled: null, servingBefore: before, progress: []} : null;
			if (rolling) rollouts.push(rolling);
			current = to;
		}
		if (rolling) {
			const name = rolling.to.replicaSet;
			const last = rolling.progress.at(-1);
			const point = {at, ready: ready.get(name) ?? 0, live: live.get(name) ?? 0};
			if (!last || last.ready !== point.ready || last.live !== point.live) rolling.progress.push(point);
			if (inService.length === 1 && inService[0] === name && point.ready === point.live) {
				rolling.end = at;
				rolling.outcome = 'complete';
				rolling = null;
			}
		}
	}
	if (rolling) rolling.stalled = stalledPod(lives, rolling.to.replicaSet, now, deadlineMs);
	renumber(rollouts, current, group, observedFrom, lives, owners);
	let liveNow = 0;
	let readyNow = 0;
	for (const name of live.keys()) {
		liveNow += live.get(name) ?? 0;
		readyNow += ready.get(name) ?? 0;
	}
	return {rollouts, current, live: liveNow, ready: readyNow, desired: deployment?.replicas ?? null, deadlineMs};
}

/** Of the ReplicaSets in service, the one whose pods came last: the new one, when first seen mid-rollout. */
function newestOf(inService: string[], lives: PodLife[]): string | undefined {
	let newest: {name: string; born: number} | undefined;
	for (const life of lives) if (inService.includes(life.replicaSet) && (!newest || life.born > newest.born)) newest = {name: life.replicaSet, born: life.born};
	return newest?.name;
}

/** The new ReplicaSet's pod not ready the longest, if longer than the deadline. */
function stalledPod(lives: PodLife[], replicaSet: string, now: number, deadlineMs: number): {pod: string; since: number} | null {
	let worst: {pod: string; since: number} | null = null;
	for (const life of lives) {
		if (life.replicaSet !== replicaSet || life.born > now || life.gone <= now) continue;
		if (life.ready.some(([from, to]) => from <= now && now < to)) continue;
		const since = Math.max(life.born, ...life.ready.filter(([, to]) => to <= now).map(([, to]) => to));
		if (now - since > deadlineMs && (!worst || since < worst.since)) worst = {pod: life.key, since};
	}
	return worst;
}

/**
 * Makes the counted revision numbers the Deployment's own where that can be known, or null. The
 * count is right from 1 when the Deployment's first pods were made while watched; the new
 * ReplicaSet's object, when held, gives its number and so all of them.
 */
function renumber(
	rollouts: Rollout[],
	current: RevisionRef | null,
	group: WorkloadGroup,
	observedFrom: number,
	lives: PodLife[],
	owners: OwnerObjects | null,
): void {
	if (!current || current.revision === null) return;
	const held = owners?.get(ownerKey('ReplicaSet', group.workload.namespace, current.replicaSet))?.revision ?? null;
	const createdWhileWatched = lives.length > 0 && lives.every(life => life.born >= observedFrom);
	const offset = held !== null ? held - current.revision : createdWhileWatched ? 0 : null;
	const refs = new Set<RevisionRef>([current]);
	for (const rollout of rollouts) {
		refs.add(rollout.to);
		if (rollout.from) refs.add(rollout.from);
	}
	for (const ref of refs) ref.revision = offset === null || ref.revision === null ? null : ref.revision + offset;
}
