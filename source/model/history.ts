// A pod's life as a list of transitions: what changed between two consecutive objects of the same pod.
// The store calls diffPod on every watch event of a pod and appends the result to its history.

import type {Pod, PodCondition} from '../kube/objects.js';
import type {ContainerView, PodColumns, PodCore, Transition, TransitionKind} from './pod-state.js';

/** What diffPod compares of a pod state: its core (phase, conditions, node, deletion), columns and containers. */
export interface PodSnapshotForDiff {
	core: PodCore;
	columns: PodColumns;
	containers: readonly ContainerView[];
}

export interface DiffOptions {
	/** The object came with a DELETED event: end the list with a 'deleted' transition. */
	deleted?: boolean;
}

/**
 * Transitions from `prev` to `next`, seen at `at` (epoch ms). `prev` null = first sight ('created').
 * Order within one call: created, deletion requested, node, phase, STATUS, READY, conditions,
 * containers, restarts, deleted — causes before effects, the printed columns before their details.
 */
export function diffPod(prev: PodSnapshotForDiff | null, next: PodSnapshotForDiff & {pod: Pod}, at: number, options: DiffOptions = {}): Transition[] {
	// Called on every pod event: transitions are pushed by a plain function (no closure per call),
	// and conditions and containers are matched by a search over the short lists (no maps).
	const out: Transition[] = [];
	const statusAfter = next.columns.status;

	if (prev === null) {
		add(out, at, statusAfter, 'created', 'pod', null, statusAfter, createdDetail(next.pod));
	} else {
		const wasDeleting = Boolean(prev.core.deletionTimestamp);
		const deletion = next.core.deletionTimestamp;
		if (!wasDeleting && deletion) add(out, at, statusAfter, 'deleting', 'deletion', null, deletion, graceDetail(next.pod));

		const prevNode = prev.core.nodeName || null;
		const nextNode = next.core.nodeName || null;
		if (prevNode !== nextNode && nextNode) add(out, at, statusAfter, 'node', 'node', prevNode, nextNode);

		const prevPhase = prev.core.phase;
		const nextPhase = next.core.phase;
		if (prevPhase !== nextPhase) add(out, at, statusAfter, 'phase', 'phase', prevPhase, nextPhase, next.pod.status?.reason);

		if (prev.columns.status !== next.columns.status) add(out, at, statusAfter, 'status', 'STATUS', prev.columns.status, next.columns.status);
		if (prev.columns.ready !== next.columns.ready) add(out, at, statusAfter, 'ready', 'READY', prev.columns.ready, next.columns.ready);

		diffConditions(prev.core.conditions, next.pod.status?.conditions ?? NONE, out, at, statusAfter);
		diffContainers(prev.containers, next.containers, out, at, statusAfter);
	}
	if (options.deleted) add(out, at, statusAfter, 'deleted', 'pod', statusAfter, null);
	return out;
}

const NONE: readonly PodCondition[] = [];

function add(
	out: Transition[],
	at: number,
	statusAfter: string,
	kind: TransitionKind,
	subject: string,
	from: string | null,
	to: string | null,
	detail?: string,
): void {
	out.push(detail ? {at, kind, subject, from, to, statusAfter, detail} : {at, kind, subject, from, to, statusAfter});
}

/** The condition of that type in `list`; the last one when the type comes twice (as a map by type keeps it). */
function conditionOfType<C extends {type: string}>(list: readonly C[], type: string): C | undefined {
	for (let index = list.length - 1; index >= 0; index--) if (list[index]!.type === type) return list[index];
	return undefined;
}

function diffConditions(
	prev: ReadonlyArray<{type: string; status: string}>,
	next: readonly PodCondition[],
	out: Transition[],
	at: number,
	statusAfter: string,
): void {
	for (const condition of next) {
		const old = conditionOfType(prev, condition.type);
		if (old?.status === condition.status) continue;
		add(out, at, statusAfter, 'condition', condition.type, old?.status ?? null, condition.status, conditionDetail(condition));
	}
	for (const condition of prev) {
		if (conditionOfType(next, condition.type) === undefined) add(out, at, statusAfter, 'condition', condition.type, condition.status, null);
	}
}

/** Views of the same container: init and sidecar are one kind here (a container may change between them). */
function sameContainer(a: ContainerView, b: ContainerView): boolean {
	return a.name === b.name && keyKind(a) === keyKind(b);
}

function keyKind(view: ContainerView): string {
	return view.kind === 'regular' || view.kind === 'ephemeral' ? view.kind : 'init';
}

/** The view of the same container in `list`; the last one when it comes twice (as a map by key keeps it). */
function sameContainerIn(list: readonly ContainerView[], view: ContainerView): ContainerView | undefined {
	for (let index = list.length - 1; index >= 0; index--) if (sameContainer(list[index]!, view)) return list[index];
	return undefined;
}

/** containerStateLabel(a) === containerStateLabel(b), without building the labels when the fields they show agree. */
function sameStateLabel(a: ContainerView, b: ContainerView): boolean {
	if (a.state === b.state && a.reason === b.reason && a.signal === b.signal && a.exitCode === b.exitCode) return true;
	return containerStateLabel(a) === containerStateLabel(b);
}

function diffContainers(prev: readonly ContainerView[], next: readonly ContainerView[], out: Transition[], at: number, statusAfter: string): void {
	// Restarts after all state changes, so one entry reads "state changed, then the count went up".
	let restarts: Array<{view: ContainerView; oldCount: number}> | null = null;
	for (const view of next) {
		const old = sameContainerIn(prev, view);
		const changed = old === undefined ? view.state !== 'unknown' : !sameStateLabel(old, view);
		if (changed) {
			const from = old ? containerStateLabel(old) : null;
			const detail = view.state === 'waiting' || view.state === 'terminated' ? (view.message ?? undefined) : undefined;
			add(out, at, statusAfter, 'container', containerSubject(view), from, containerStateLabel(view), detail);
		}
		const oldCount = old?.restartCount ?? 0;
		if (view.restartCount > oldCount) (restarts ??= []).push({view, oldCount});
	}
	if (restarts === null) return;
	for (const {view, oldCount} of restarts) {
		add(out, at, statusAfter, 'restart', containerSubject(view), String(oldCount), String(view.restartCount), terminationDetail(view));
	}
}

/** "container app", "init container wait-for-db", "sidecar log-shipper", "ephemeral container debug". */
export function containerSubject(view: ContainerView): string {
	switch (view.kind) {
		case 'init':
			return `init container ${view.name}`;
		case 'sidecar':
			return `sidecar ${view.name}`;
		case 'ephemeral':
			return `ephemeral container ${view.name}`;
		default:
			return `container ${view.name}`;
	}
}

/** "waiting(ContainerCreating)", "running", "terminated(Error, exit 1)"; null when no status yet. */
export function containerStateLabel(view: ContainerView): string | null {
	switch (view.state) {
		case 'running':
			return 'running';
		case 'waiting':
			return view.reason ? `waiting(${view.reason})` : 'waiting';
		case 'terminated': {
			const why = view.reason ?? (view.signal ? `signal ${view.signal}` : null);
			return `terminated(${why ? `${why}, ` : ''}exit ${view.exitCode ?? '?'})`;
		}
		default:
			return null;
	}
}

function terminationDetail(view: ContainerView): string | undefined {
	const last = view.lastTermination;
	if (!last) return undefined;
	const parts = [last.reason ?? 'terminated', `exit code ${last.exitCode}`];
	if (last.signal) parts.push(`signal ${last.signal}`);
	return parts.join(', ');
}

function conditionDetail(condition: PodCondition): string | undefined {
	if (condition.reason && condition.message) return `${condition.reason}: ${condition.message}`;
	return condition.reason || condition.message || undefined;
}

function createdDetail(pod: Pod): string | undefined {
	const phase = pod.status?.phase;
	return phase ? `phase ${phase}` : undefined;
}

function graceDetail(pod: Pod): string | undefined {
	const grace = pod.metadata.deletionGracePeriodSeconds;
	return grace === undefined ? undefined : `grace period ${grace}s`;
}
