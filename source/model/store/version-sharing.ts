// Versions of a pod share what did not change between them: a replay's snapshots hold every
// version of every pod, and most entries change a field or two. Each function gives back the
// previous value when the next one is equal to it.

import type {ContainerView, PodColumns, Termination} from '../pod-state.js';

// The fields compared, listed once (the Record makes the compiler check the list is whole): on every
// pod entry, so no Object.keys per call.
const COLUMN_FIELDS = Object.keys({
	ready: true,
	status: true,
	restarts: true,
	lastRestartMs: true,
	createdMs: true,
	ip: true,
	node: true,
	nominatedNode: true,
	readinessGates: true,
} satisfies Record<keyof PodColumns, true>) as Array<keyof PodColumns>;

const CONTAINER_FIELDS = Object.keys({
	kind: true,
	name: true,
	index: true,
	image: true,
	imagePullPolicy: true,
	state: true,
	reason: true,
	message: true,
	exitCode: true,
	signal: true,
	startedMs: true,
	finishedMs: true,
	ready: true,
	started: true,
	restartCount: true,
	lastTermination: true,
	backOffMs: true,
	nextRestartMs: true,
} satisfies Record<keyof ContainerView, true>) as Array<keyof ContainerView>;

/** `next`, or `previous` when every field is the same. */
export function sameColumnsOr(previous: PodColumns | undefined, next: PodColumns): PodColumns {
	if (!previous) return next;
	for (const field of COLUMN_FIELDS) if (previous[field] !== next[field]) return next;
	return previous;
}

/** `next`, or `previous` when every container is the same; the containers that are the same are shared. */
export function sameContainersOr(previous: readonly ContainerView[] | undefined, next: ContainerView[]): ContainerView[] {
	if (!previous) return next;
	let same = previous.length === next.length;
	const shared = next.map((view, index) => {
		const old = previous[index];
		if (old && sameContainer(old, view)) return old;
		same = false;
		// A restart count or state changed; the last termination usually did not.
		if (old?.lastTermination && view.lastTermination && sameTermination(old.lastTermination, view.lastTermination)) view.lastTermination = old.lastTermination;
		return view;
	});
	return same ? (previous as ContainerView[]) : shared;
}

function sameTermination(p: Termination, q: Termination): boolean {
	return (
		p.exitCode === q.exitCode &&
		p.signal === q.signal &&
		p.reason === q.reason &&
		p.message === q.message &&
		p.startedMs === q.startedMs &&
		p.finishedMs === q.finishedMs
	);
}

function sameContainer(a: ContainerView, b: ContainerView): boolean {
	for (const field of CONTAINER_FIELDS) {
		if (a[field] === b[field]) continue;
		if (field === 'lastTermination' && a.lastTermination && b.lastTermination && sameTermination(a.lastTermination, b.lastTermination)) continue;
		return false;
	}
	return true;
}
