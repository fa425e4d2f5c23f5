// The logs a recording captured of containers that terminated or restarted (LOG entries,
// SESSION-FORMAT.md "Container logs"), and which run of a container each one is of. The run is
// named by its container ID (the terminated state's containerID), never by the restart count: a
// status shows the same restartCount while the run before it ends and while the next one waits in
// back-off, so the count alone cannot tell the two runs of one lastState apart.

import type {ContainerStatus, Pod} from '../kube/objects.js';
import type {LogEntry} from '../session/format.js';
import {printableLogText} from './log-text.js';
import type {ContainerView} from './pod-state.js';

export interface CapturedLog {
	/** When it was fetched (the entry's time, on the clock of whoever reads it: epoch ms or session t). */
	at: number;
	container: string;
	/** The pod's uid when recorded: a pod of the same name made later is another pod. */
	uid: string | null;
	/** The ID of the terminated container the log is of, when recorded. */
	containerID: string | null;
	previous: boolean;
	/** The container's restartCount when fetched, when recorded. */
	restartCount: number | null;
	/** The last lines, oldest first. */
	lines: readonly string[];
	/** The log had more lines than these. */
	truncated: boolean;
	/** Why the recorder could not read it (then `lines` says nothing). */
	error: string | null;
}

export function capturedLog(entry: LogEntry, at: number): CapturedLog {
	return {
		at,
		container: entry.container,
		uid: typeof entry.uid === 'string' && entry.uid !== '' ? entry.uid : null,
		containerID: typeof entry.containerID === 'string' && entry.containerID !== '' ? entry.containerID : null,
		previous: entry.previous,
		restartCount: typeof entry.restartCount === 'number' && Number.isSafeInteger(entry.restartCount) ? entry.restartCount : null,
		lines: entry.lines,
		truncated: entry.truncated === true,
		error: typeof entry.error === 'string' && entry.error !== '' ? entry.error : null,
	};
}

/** One run of one container of a pod, as a pod's status names it. */
export interface ContainerRun {
	container: string;
	/** The container's ID from the status (its terminated state's, for a run that ended), when it has one. */
	containerID: string | null;
	/** The pod's uid, when known. */
	uid?: string | null;
}

function sameRun(log: CapturedLog, run: ContainerRun): boolean {
	if (log.container !== run.container) return false;
	if (log.uid !== null && run.uid && log.uid !== run.uid) return false;
	// A container ID names one run exactly; a log or a status without one (written by hand) is taken for the latest run.
	return log.containerID === null || run.containerID === null || log.containerID === run.containerID;
}

/** The latest log captured of that run (logs oldest first), or null. */
export function logOfRun(logs: readonly CapturedLog[], run: ContainerRun): CapturedLog | null {
	for (let index = logs.length - 1; index >= 0; index--) if (sameRun(logs[index]!, run)) return logs[index]!;
	return null;
}

/** The log's last line that is not blank, printable (log-text.ts) and trimmed; null when it has none (or could not be read). */
export function lastLogLine(log: CapturedLog): string | null {
	if (log.error !== null) return null;
	for (let index = log.lines.length - 1; index >= 0; index--) {
		const line = printableLogText(log.lines[index]!).trim();
		if (line !== '') return line;
	}
	return null;
}

/** The status the pod reports for that container (by its kind's list and its name). */
function statusOf(pod: Pod, view: Pick<ContainerView, 'kind' | 'name'>): ContainerStatus | undefined {
	const status = pod.status ?? {};
	const list =
		view.kind === 'regular' ? status.containerStatuses : view.kind === 'ephemeral' ? status.ephemeralContainerStatuses : status.initContainerStatuses;
	return list?.find(entry => entry.name === view.name);
}

/**
 * The run whose end the container's status shows: `state` the one that is terminated now, `last`
 * the one before (lastState.terminated); null when the status shows no such end.
 */
export function endedRun(pod: Pod, view: Pick<ContainerView, 'kind' | 'name'>, which: 'state' | 'last'): ContainerRun | null {
	const status = statusOf(pod, view);
	const ended = which === 'state' ? status?.state?.terminated : status?.lastState?.terminated;
	if (!ended) return null;
	const containerID = typeof ended.containerID === 'string' && ended.containerID !== '' ? ended.containerID : null;
	return {container: view.name, containerID, uid: pod.metadata.uid ?? null};
}

/** The run of the container's latest end (the terminated state's, else the last termination's), as the why line tells it. */
export function latestEndedRun(pod: Pod, view: Pick<ContainerView, 'kind' | 'name' | 'state'>): ContainerRun | null {
	return view.state === 'terminated' ? endedRun(pod, view, 'state') : endedRun(pod, view, 'last');
}
