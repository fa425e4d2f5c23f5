// Port of printPod (kubernetes pkg/printers/internalversion/printers.go): the READY, STATUS,
// RESTARTS and AGE cells, and the wide IP/NODE/NOMINATED NODE/READINESS GATES cells, exactly as
// the API server prints them for `kubectl get pods`. Ported branch by branch from the newest
// generation (michaelasp/kubernetes@212194ab, 1.35+); the older behaviours a server may still run
// are switched by StatusCompat (see compat.ts).
//
// Called on every pod event: one pass over the statuses, no cloning, no regular expressions.

import {timeMs, type Container, type ContainerStatus, type Pod, type PodCondition} from '../kube/objects.js';
import type {PrintedRow} from '../session/format.js';
import {humanDuration, translateTimestampSince} from './duration.js';
import type {PodColumns} from './pod-state.js';
import type {StatusCompat} from './compat.js';

/** node.NodeUnreachablePodReason (pkg/util/node). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';
/** apiv1.PodReasonSchedulingGated (KEP-3521). */
const POD_REASON_SCHEDULING_GATED = 'SchedulingGated';

/** podutil.IsRestartableInitContainer: nil-safe, restartPolicy Always = native sidecar (KEP-753). */
function isRestartableInitContainer(container: Container | undefined): boolean {
	return container !== undefined && container.restartPolicy === 'Always';
}

/** podutilv1.IsPodPhaseTerminal. */
function isPodPhaseTerminal(phase: string): boolean {
	return phase === 'Failed' || phase === 'Succeeded';
}

/** printers.go hasPodReadyCondition: any Ready=True condition. */
function hasPodReadyCondition(conditions: readonly PodCondition[] | undefined): boolean {
	if (!conditions) return false;
	for (const condition of conditions) {
		if (condition.type === 'Ready' && condition.status === 'True') return true;
	}
	return false;
}

/** printers.go isPodInitializedConditionTrue: the first Initialized condition decides. */
function isPodInitializedConditionTrue(conditions: readonly PodCondition[] | undefined): boolean {
	if (!conditions) return false;
	for (const condition of conditions) {
		if (condition.type !== 'Initialized') continue;
		return condition.status === 'True';
	}
	return false;
}

/** The init container spec of that name (the map initContainers[name] of printPod). */
function initSpecByName(initContainers: readonly Container[] | undefined, name: string): Container | undefined {
	if (!initContainers) return undefined;
	for (const container of initContainers) if (container.name === name) return container;
	return undefined;
}

/** lastState.terminated.finishedAt in epoch ms, or null (Go's zero time never wins `Before`). */
function lastFinishedMs(status: ContainerStatus): number | null {
	const terminated = status.lastState?.terminated;
	return terminated ? timeMs(terminated.finishedAt) : null;
}

function newer(current: number | null, candidate: number | null): number | null {
	if (candidate === null) return current;
	return current === null || current < candidate ? candidate : current;
}

/** The now-independent part of printPod. */
export function podColumns(pod: Pod, compat: StatusCompat): PodColumns {
	const spec = pod.spec;
	const status = pod.status;
	const conditions = status?.conditions;
	const initContainers = spec?.initContainers;

	let restarts = 0;
	let restartableInitContainerRestarts = 0;
	let totalContainers = spec?.containers?.length ?? 0;
	let readyContainers = 0;
	let lastRestartDate: number | null = null;
	let lastRestartableInitContainerRestartDate: number | null = null;

	const podPhase = status?.phase ?? '';
	let reason = podPhase;
	if (status?.reason) reason = status.reason;

	// {type: PodScheduled, reason: SchedulingGated} → SchedulingGated. (Unschedulable is not consulted.)
	if (conditions) {
		for (const condition of conditions) {
			if (condition.type === 'PodScheduled' && condition.reason === POD_REASON_SCHEDULING_GATED) {
				reason = POD_REASON_SCHEDULING_GATED;
			}
		}
	}

	// Native sidecars count in READY's denominator, from the spec.
	if (initContainers) {
		for (const container of initContainers) if (isRestartableInitContainer(container)) totalContainers += 1;
	}

	let initializing = false;
	const initStatuses = status?.initContainerStatuses;
	if (initStatuses) {
		for (let i = 0; i < initStatuses.length; i++) {
			const container = initStatuses[i]!;
			const restartable = isRestartableInitContainer(initSpecByName(initContainers, container.name));
			const restartCount = container.restartCount ?? 0;
			const finished = lastFinishedMs(container);
			restarts += restartCount;
			lastRestartDate = newer(lastRestartDate, finished);
			if (restartable) {
				restartableInitContainerRestarts += restartCount;
				lastRestartableInitContainerRestartDate = newer(lastRestartableInitContainerRestartDate, finished);
			}
			const terminated = container.state?.terminated;
			const waiting = container.state?.waiting;
			if (terminated && terminated.exitCode === 0) {
				continue;
			} else if (restartable && container.started === true) {
				// A started sidecar lets initialization move on, ready or not.
				if (container.ready) readyContainers += 1;
				continue;
			} else if (terminated) {
				// Initialization failed.
				if (!terminated.reason) {
					reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
				} else {
					reason = `Init:${terminated.reason}`;
				}
				initializing = true;
			} else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
				reason = `Init:${waiting.reason}`;
				initializing = true;
			} else {
				reason = `Init:${i}/${initContainers?.length ?? 0}`;
				initializing = true;
			}
			break;
		}
	}

	if (!initializing || isPodInitializedConditionTrue(conditions)) {
		// Plain init containers' restarts are dropped here; sidecar restarts stay.
		restarts = restartableInitContainerRestarts;
		lastRestartDate = lastRestartableInitContainerRestartDate;
		let hasRunning = false;
		let errorReason = '';
		const statuses = status?.containerStatuses;
		// Last to first, so the first container's reason wins.
		for (let i = (statuses?.length ?? 0) - 1; i >= 0; i--) {
			const container = statuses![i]!;
			restarts += container.restartCount ?? 0;
			lastRestartDate = newer(lastRestartDate, lastFinishedMs(container));
			const waiting = container.state?.waiting;
			const terminated = container.state?.terminated;
			if (waiting && waiting.reason) {
				reason = waiting.reason;
			} else if (terminated) {
				if (terminated.reason) reason = terminated.reason;
				else if (terminated.signal) reason = `Signal:${terminated.signal}`;
				else reason = `ExitCode:${terminated.exitCode}`;
				if (terminated.exitCode !== 0) errorReason = reason;
			} else if (container.ready && container.state?.running) {
				hasRunning = true;
				readyContainers += 1;
			}
		}

		// Change the pod status back to "Running" if a container still reports running.
		if (reason === 'Completed') {
			if (compat.errorBeatsCompleted) {
				// 1.35+ (PR #124766).
				if (hasRunning && hasPodReadyCondition(conditions)) reason = 'Running';
				else if (errorReason !== '') reason = errorReason;
				else if (hasRunning) reason = 'NotReady';
			} else if (hasRunning) {
				reason = hasPodReadyCondition(conditions) ? 'Running' : 'NotReady';
			}
		}
	}

	const deleting = Boolean(pod.metadata?.deletionTimestamp);
	if (deleting && status?.reason === NODE_UNREACHABLE_POD_REASON) {
		reason = 'Unknown';
	} else if (deleting && (compat.terminatingForTerminalPods || !isPodPhaseTerminal(podPhase))) {
		// Before PR #122038 (1.31) a terminal pod with a deletionTimestamp printed Terminating too.
		reason = 'Terminating';
	}

	// One object literal (no spread of a second one): this runs on every pod event.
	return {
		ready: `${readyContainers}/${totalContainers}`,
		status: reason,
		restarts,
		lastRestartMs: lastRestartDate,
		createdMs: timeMs(pod.metadata?.creationTimestamp),
		// The -o wide cells of printPod, "<none>" when empty.
		ip: status?.podIPs?.[0]?.ip || '<none>',
		node: spec?.nodeName || '<none>',
		nominatedNode: status?.nominatedNodeName || '<none>',
		readinessGates: readinessGatesCell(pod),
	};
}

/** READINESS GATES: true gates / gates, "<none>" without gates. */
function readinessGatesCell(pod: Pod): string {
	const gates = pod.spec?.readinessGates;
	if (!gates || gates.length === 0) return '<none>';
	const conditions = pod.status?.conditions;
	let trueConditions = 0;
	for (const gate of gates) {
		if (!conditions) break;
		// The first condition of the gate's type decides.
		for (const condition of conditions) {
			if (condition.type === gate.conditionType) {
				if (condition.status === 'True') trueConditions += 1;
				break;
			}
		}
	}
	return `${trueConditions}/${gates.length}`;
}

/** RESTARTS: "N", or "N (X ago)" when something restarted and its finish time is known. */
export function formatRestarts(columns: PodColumns, now: number): string {
	if (columns.restarts !== 0 && columns.lastRestartMs !== null) {
		return `${columns.restarts} (${humanDuration(now - columns.lastRestartMs)} ago)`;
	}
	return String(columns.restarts);
}

/** AGE: translateTimestampSince(creationTimestamp). */
export function formatAge(columns: PodColumns, now: number): string {
	return translateTimestampSince(columns.createdMs, now);
}

/** All eight cells, like a session entry's `row`. */
export function printedRow(pod: Pod, now: number, compat: StatusCompat): PrintedRow {
	return rowCells(podColumns(pod, compat), now);
}

/** The eight printed cells of already computed columns at `now`. */
export function rowCells(columns: PodColumns, now: number): Required<PrintedRow> {
	return {
		ready: columns.ready,
		status: columns.status,
		restarts: formatRestarts(columns, now),
		age: formatAge(columns, now),
		ip: columns.ip,
		node: columns.node,
		nominatedNode: columns.nominatedNode,
		readinessGates: columns.readinessGates,
	};
}
