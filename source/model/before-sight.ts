// What a pod's object says of its life before podlife first saw it: a pod that has run for an hour
// when the watch starts has a lane from its creation, not from the watch — but that part is
// reconstructed, never seen, and the Lanes view draws it so (its own glyphs, view/lanes/lane-cells.ts).
//
// Read once, from the object of the first sight, when the pod's first version is made
// (store/pod-version.ts): creationTimestamp; PodScheduled, Initialized and Ready's lastTransitionTime;
// the containers' current runs (state.running.startedAt), their ended runs (state.terminated) and
// restartCount. What they give is coarse and so is the reconstruction: pending until scheduled,
// creating until the containers ran, running, ready since Ready last turned True, and ended once a
// terminal pod's containers all finished. A pod whose containers had restarted ran and failed in
// ways the object no longer tells: "restarting" from its start to its current run. A condition that
// changed again before the sight hides its earlier changes: the reconstruction shows the last.
//
// Kept small, as a store holds one for every pod that was there before the watch (all of them, live):
// packed in one short string (packBeforeSight: "restarts;class offset,…", offsets in whole seconds
// after the creation, as the API's timestamps are whole seconds), the creation itself read from the
// columns. A string is one small allocation; objects per step, or a table to share them, cost tens of
// megabytes over a cluster of 50 000 pods.

import type {ContainerStatus, Pod} from '../kube/objects.js';

/** What a reconstructed stretch was: coarser than a lane's classes (status-lane.ts), as the object tells less. */
export type BeforeClass = 'pending' | 'creating' | 'running' | 'ready' | 'restarting' | 'ended';

export const BEFORE_CLASSES: readonly BeforeClass[] = ['pending', 'creating', 'running', 'ready', 'restarting', 'ended'];

export interface BeforeStep {
	readonly cls: BeforeClass;
	/** When it began: whole seconds after the pod's creation. */
	readonly after: number;
}

export interface BeforeSight {
	/** Oldest first, the first at 0 (the creation); none begins at or after the first sight. */
	readonly steps: readonly BeforeStep[];
	/** The restarts its containers had made when first seen. */
	readonly restarts: number;
}

/** A reconstructed stretch: [from, to) in epoch ms. */
export interface BeforeSegment {
	from: number;
	to: number;
	cls: BeforeClass;
}

/**
 * A pod seen this soon after its creation has nothing to reconstruct: creationTimestamp is cut to the
 * second, and a watch delivers a new pod within a second or two.
 */
export const SEEN_AT_CREATION_MS = 2000;

function time(text: string | null | undefined): number | null {
	if (!text) return null;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? null : ms;
}

function conditionSince(pod: Pod, type: string): number | null {
	const condition = pod.status?.conditions?.find(candidate => candidate.type === type);
	return condition?.status === 'True' ? time(condition.lastTransitionTime) : null;
}

function earliest(times: ReadonlyArray<number | null>): number | null {
	const known = times.filter((at): at is number => at !== null);
	return known.length === 0 ? null : Math.min(...known);
}

/** The reconstruction of `pod`'s life before `seenAt` (epoch ms), as its object tells it; null when there is nothing before. */
export function beforeSightOf(pod: Pod, seenAt: number): BeforeSight | null {
	const created = time(pod.metadata?.creationTimestamp);
	if (created === null || created > seenAt - SEEN_AT_CREATION_MS) return null;
	const status = pod.status;
	const containers: readonly ContainerStatus[] = status?.containerStatuses ?? [];
	const all = [...(status?.initContainerStatuses ?? []), ...containers];
	const restarts = all.reduce((sum, container) => sum + (container.restartCount ?? 0), 0);
	const raw: Array<{cls: BeforeClass; at: number | null}> = [{cls: 'pending', at: created}];
	const scheduled = conditionSince(pod, 'PodScheduled');
	if (scheduled !== null) {
		raw.push({cls: 'creating', at: scheduled});
		// The current runs, or the last ones of a pod whose containers all ended.
		const running = earliest(containers.map(container => time(container.state?.running?.startedAt)));
		const ran = earliest(containers.map(container => time(container.state?.terminated?.startedAt)));
		const runStart = running ?? ran;
		if (restarts > 0) raw.push({cls: 'restarting', at: conditionSince(pod, 'Initialized') ?? scheduled});
		if (runStart !== null) raw.push({cls: 'running', at: runStart});
		const ready = conditionSince(pod, 'Ready');
		if (ready !== null && runStart !== null) raw.push({cls: 'ready', at: Math.max(ready, runStart)});
		const phase = status?.phase;
		if ((phase === 'Succeeded' || phase === 'Failed') && containers.length > 0 && containers.every(container => container.state?.terminated)) {
			const finished = containers.map(container => time(container.state?.terminated?.finishedAt));
			if (finished.every(at => at !== null)) raw.push({cls: 'ended', at: Math.max(...(finished as number[]))});
		}
	}
	const steps: BeforeStep[] = [];
	for (const {cls, at} of raw) {
		if (at === null || at >= seenAt) continue;
		// Clocks and cut seconds may put a step before the one it follows: it then begins with it.
		const after = Math.max(Math.floor((at - created) / 1000), steps.at(-1)?.after ?? 0);
		if (steps.at(-1)?.after === after) steps.pop();
		if (steps.at(-1)?.cls !== cls) steps.push({cls, after});
	}
	return {steps, restarts};
}

/** The reconstructed stretches from `createdMs` to `seenAt` (epoch ms), oldest first. */
export function beforeSegments(before: BeforeSight | null, createdMs: number | null, seenAt: number): BeforeSegment[] {
	if (before === null || createdMs === null) return [];
	const segments: BeforeSegment[] = [];
	before.steps.forEach((step, index) => {
		const next = before.steps[index + 1];
		const from = createdMs + step.after * 1000;
		const to = Math.min(seenAt, next ? createdMs + next.after * 1000 : seenAt);
		if (to > from) segments.push({from, to, cls: step.cls});
	});
	return segments;
}

/** One letter per class, in the packed text. */
const LETTERS: Readonly<Record<BeforeClass, string>> = {pending: 'p', creating: 'c', running: 'r', ready: 'R', restarting: 'x', ended: 'e'};
const CLASS_OF_LETTER = new Map(Object.entries(LETTERS).map(([cls, letter]) => [letter, cls as BeforeClass]));

/** A reconstruction as a store keeps it: "7;p0,c1,x2,r2400,R2410" (restarts; each step's letter and seconds). */
export function packBeforeSight(before: BeforeSight | null): string | null {
	if (before === null) return null;
	// One join: a flat string (a concatenation could keep its parts as a tree of strings).
	return [String(before.restarts), before.steps.map(step => `${LETTERS[step.cls]}${step.after}`).join(',')].join(';');
}

export function unpackBeforeSight(packed: string): BeforeSight {
	const [restarts, steps] = packed.split(';') as [string, string];
	return {
		restarts: Number(restarts),
		steps: steps === '' ? [] : steps.split(',').map(step => ({cls: CLASS_OF_LETTER.get(step[0]!)!, after: Number(step.slice(1))})),
	};
}
