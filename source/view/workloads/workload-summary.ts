// A workload's one-line summary, for the lanes (a group's row) and the table's grouping:
// `api  Deployment  rev 3→4  ready 2/3  ▁▂▅█ rollout 41s` — its name and kind, for a Deployment
// the revision (or the rollout's step while one is under way), its pods ready of those in service
// (a Job's: active, succeeded and failed, as kubectl describe counts them),
// and the last rollout: the new ReplicaSet's ready pods over it as a sparkline, how long it took
// (or has taken), and whether it stalled. The why line of a stalled rollout names the pod and its
// own why.

import {classAt, podLane} from '../../model/status-lane.js';
import type {PodState, StoreView} from '../../model/pod-state.js';
import {whyLine} from '../../model/why.js';
import {deploymentRollouts, type DeploymentRollouts, type RevisionRef, type Rollout} from '../../model/workloads/rollouts.js';
import {workloadTitle, type WorkloadGroup} from '../../model/workloads/workload-groups.js';
import type {Workload} from '../../model/workloads/workload-of.js';
import {formatSpan, span, type Line} from '../detail/lines.js';

/**
 * "rev 3→4", "rev 4"; when the revisions are not known (the Deployment is older than the session
 * and no ReplicaSet object is held), the ReplicaSets by their hash: "rs 5d8f→7c9e", "rs 7c9e".
 */
export function revisionStep(from: RevisionRef | null, to: RevisionRef): string {
	if (from?.revision != null && to.revision !== null) return `rev ${from.revision}→${to.revision}`;
	if (!from) return to.revision === null ? `rs ${to.hash}` : `rev ${to.revision}`;
	return `rs ${from.hash || '?'}→${to.hash}`;
}

/** A step whose revision numbers are not known: the summary says so once, after it. */
function revisionsUnknown(from: RevisionRef | null, to: RevisionRef): boolean {
	return to.revision === null || (from !== null && from.revision === null);
}

/** The table's OWNER cell: "Deployment/web", "StatefulSet/db", "Node/kind-worker" (static pods), "<none>" (bare). */
export function ownerText(workload: Workload): string {
	return workload.kind === 'Pod' ? '<none>' : `${workload.kind}/${workload.name}`;
}

const SPARKS = '▁▂▃▄▅▆▇█';
const SPARK_CELLS = 4;

/** The new ReplicaSet's ready pods over the rollout, in SPARK_CELLS cells (each the state at its end). */
export function rolloutSparkline(rollout: Rollout, now: number): string {
	const end = rollout.end ?? now;
	const most = Math.max(1, ...rollout.progress.map(point => Math.max(point.live, point.ready)));
	let out = '';
	for (let cell = 1; cell <= SPARK_CELLS; cell++) {
		const at = rollout.start + ((end - rollout.start) * cell) / SPARK_CELLS;
		let ready = 0;
		for (const point of rollout.progress) if (point.at <= at) ready = point.ready;
		out += SPARKS[Math.round((ready / most) * (SPARKS.length - 1))];
	}
	return out;
}

/** A group's pods in service at `now` (not being deleted, not finished) and those ready. */
function readyCount(pods: readonly PodState[], now: number): {ready: number; live: number} {
	let ready = 0;
	let live = 0;
	for (const pod of pods) {
		const cls = classAt(podLane(pod), now);
		if (cls === null || cls === 'terminating' || cls === 'succeeded' || pod.deletedAt !== null) continue;
		live++;
		if (cls === 'ready') ready++;
	}
	return {ready, live};
}

/**
 * A Job's (or a CronJob's Jobs') pods at `now` as `kubectl describe job` counts them: active (and
 * of those ready), succeeded, failed — a pod removed before it succeeded counts as failed, as the
 * Job controller counts it. "ready 0/1" would read as a pod not ready where the work is done.
 */
function jobCounts(pods: readonly PodState[], now: number): {active: number; ready: number; succeeded: number; failed: number} {
	const counts = {active: 0, ready: 0, succeeded: 0, failed: 0};
	for (const pod of pods) {
		const lane = podLane(pod);
		if (lane.segments.length === 0 || lane.start > now) continue;
		if (pod.core.phase === 'Succeeded') counts.succeeded++;
		else if (pod.core.phase === 'Failed' || (lane.end !== null && lane.end <= now)) counts.failed++;
		else {
			counts.active++;
			if (classAt(lane, now) === 'ready') counts.ready++;
		}
	}
	return counts;
}

export interface WorkloadSummary {
	line: Line;
	/** For a stalled rollout: "rollout rev 3→4 stalled: web-x not ready for 11m — crash-loop: …". */
	why: string | null;
	rollouts: DeploymentRollouts | null;
}

/**
 * The summary of `group` at `now`. `observedFrom`: when the session or watch began (revisions are
 * counted only for a Deployment made since); `withNamespace`: names carry their namespace.
 */
export function workloadSummary(group: WorkloadGroup, view: StoreView, now: number, observedFrom: number, withNamespace: boolean): WorkloadSummary {
	const {workload} = group;
	const name = workloadTitle(workload, withNamespace);
	const line: Line = [span(name, 'heading')];
	if (workload.kind !== 'Node' && workload.kind !== 'Pod') line.push(span(`  ${workload.kind}`, 'label'));
	if (workload.kind === 'Job' || workload.kind === 'CronJob') {
		const {active, ready, succeeded, failed} = jobCounts(group.pods, now);
		line.push(span(`  ${active} active${active > 0 ? ` (${ready} ready)` : ''} / ${succeeded} succeeded / ${failed} failed`, failed > 0 ? 'warn' : 'plain'));
		return {line, why: null, rollouts: null};
	}
	if (workload.kind !== 'Deployment') {
		const {ready, live} = readyCount(group.pods, now);
		line.push(span(`  ready ${ready}/${live}`, ready === live ? 'plain' : 'warn'));
		return {line, why: null, rollouts: null};
	}
	const rollouts = deploymentRollouts(group, now, observedFrom, view.owners);
	const last = rollouts.rollouts.at(-1);
	const rolling = last?.outcome === 'in-progress' ? last : null;
	const step = rolling ? {from: rolling.from, to: rolling.to} : rollouts.current ? {from: null, to: rollouts.current} : null;
	if (step) {
		line.push(span(`  ${revisionStep(step.from, step.to)}`, rolling ? 'accent' : 'label'));
		if (revisionsUnknown(step.from, step.to)) line.push(span(' (revision unknown)', 'dim'));
	}
	// Without the Deployment's replicas: those it served before the rollout began (when that was watched), else those serving now.
	const desired = rollouts.desired ?? rolling?.servingBefore ?? rollouts.live;
	line.push(span(`  ready ${rollouts.ready}/${desired}`, rollouts.ready >= desired ? 'plain' : 'warn'));
	let why: string | null = null;
	if (last) {
		const tone = last.stalled ? 'bad' : rolling ? 'warn' : 'good';
		line.push(span(`  ${rolloutSparkline(last, now)}`, tone));
		const took = formatSpan((last.end ?? now) - last.start);
		if (rolling) line.push(span(` rollout ${took}${last.stalled ? ' stalled' : ''}`, tone));
		else line.push(span(` ${revisionStep(last.from, last.to)} ${last.outcome === 'complete' ? 'took' : 'stopped after'} ${took}`, 'dim'));
		if (last.stalled) {
			const pod = view.pods.get(last.stalled.pod);
			const podWhy = pod ? whyLine(pod, view, now) : null;
			const podName = pod ? (withNamespace ? pod.key : pod.name) : last.stalled.pod;
			why = `rollout ${revisionStep(last.from, last.to)} stalled: ${podName} not ready for ${formatSpan(now - last.stalled.since)}${podWhy ? ` — ${podWhy}` : ''}`;
		}
	}
	return {line, why, rollouts};
}
