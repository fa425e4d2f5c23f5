// A pod's life as a list of transitions: what changed between two consecutive objects of the same pod.
// The store calls diffPod on every watch event of a pod and appends the result to its history.

import type {Pod, PodCondition} from '../kube/types.js';
import type {ContainerView, PodColumns, Transition, TransitionKind} from './types.js';

export interface PodSnapshotForDiff {
	pod: Pod;
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
export function diffPod(prev: PodSnapshotForDiff | null, next: PodSnapshotForDiff, at: number, options: DiffOptions = {}): Transition[] {
	const statusAfter = next.columns.status;
	const out: Transition[] = [];
	const add = (kind: TransitionKind, subject: string, from: string | null, to: string | null, detail?: string): void => {
		const transition: Transition = {at, kind, subject, from, to, statusAfter};
		if (detail) transition.detail = detail;
		out.push(transition);
	};

	if (prev === null) {
		add('created', 'pod', null, statusAfter, createdDetail(next.pod));
	} else {
		const wasDeleting = Boolean(prev.pod.metadata.deletionTimestamp);
		const deletion = next.pod.metadata.deletionTimestamp;
		if (!wasDeleting && deletion) add('deleting', 'deletion', null, deletion, graceDetail(next.pod));

		const prevNode = prev.pod.spec?.nodeName || null;
		const nextNode = next.pod.spec?.nodeName || null;
		if (prevNode !== nextNode && nextNode) add('node', 'node', prevNode, nextNode);

		const prevPhase = prev.pod.status?.phase ?? null;
		const nextPhase = next.pod.status?.phase ?? null;
		if (prevPhase !== nextPhase) add('phase', 'phase', prevPhase, nextPhase, next.pod.status?.reason);

		if (prev.columns.status !== next.columns.status) add('status', 'STATUS', prev.columns.status, next.columns.status);
		if (prev.columns.ready !== next.columns.ready) add('ready', 'READY', prev.columns.ready, next.columns.ready);

		diffConditions(prev.pod.status?.conditions ?? [], next.pod.status?.conditions ?? [], add);
		diffContainers(prev.containers, next.containers, add);
	}
	if (options.deleted) add('deleted', 'pod', statusAfter, null);
	return out;
}

type Add = (kind: TransitionKind, subject: string, from: string | null, to: string | null, detail?: string) => void;

function diffConditions(prev: readonly PodCondition[], next: readonly PodCondition[], add: Add): void {
	const before = new Map(prev.map(condition => [condition.type, condition]));
	for (const condition of next) {
		const old = before.get(condition.type);
		if (old?.status === condition.status) continue;
		add('condition', condition.type, old?.status ?? null, condition.status, conditionDetail(condition));
	}
	const after = new Set(next.map(condition => condition.type));
	for (const condition of prev) if (!after.has(condition.type)) add('condition', condition.type, condition.status, null);
}

function diffContainers(prev: readonly ContainerView[], next: readonly ContainerView[], add: Add): void {
	const before = new Map(prev.map(view => [containerKey(view), view]));
	const restarts: Array<() => void> = [];
	for (const view of next) {
		const old = before.get(containerKey(view));
		const subject = containerSubject(view);
		const from = old ? containerStateLabel(old) : null;
		const to = containerStateLabel(view);
		if (from !== to) add('container', subject, from, to, view.state === 'waiting' || view.state === 'terminated' ? view.message ?? undefined : undefined);
		const oldCount = old?.restartCount ?? 0;
		if (view.restartCount > oldCount) {
			restarts.push(() => add('restart', subject, String(oldCount), String(view.restartCount), terminationDetail(view)));
		}
	}
	// Restarts after all state changes, so one entry reads "state changed, then the count went up".
	for (const push of restarts) push();
}

function containerKey(view: ContainerView): string {
	return `${view.kind === 'regular' || view.kind === 'ephemeral' ? view.kind : 'init'}/${view.name}`;
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
