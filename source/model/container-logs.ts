// The logs a recording captured of containers that terminated or restarted (LOG entries,
// SESSION-FORMAT.md "Container logs", kept as captured-log.ts says): which run of a container each
// one is of. The run is
// named by its container ID (the terminated state's containerID), never by the restart count: a
// status shows the same restartCount while the run before it ends and while the next one waits in
// back-off, so the count alone cannot tell the two runs of one lastState apart.

import type {ContainerStatus, Pod} from '../kube/objects.js';
import type {CapturedLog} from './captured-log.js';
import {printableLogText} from './log-text.js';
import type {ContainerView, Transition} from './pod-state.js';

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

/**
 * Every run end in a pod's history, by the index of the transition that shows it, with the log
 * captured of that run (null: none, as of the logs given). An end is a container turning
 * terminated(…), or a restart whose end was not seen as one (a status that went from running to
 * waiting with the count up). Transitions carry no container ID, so a log
 * goes to the last end of its container seen at or before it was fetched (a recorder fetches after
 * it sees the end); an end keeps the first log fetched for it, the one nearest the crash. `subjectOf`
 * names a container as the history does (history.ts containerSubject).
 */
export function runEnds(
	history: readonly Transition[],
	logs: readonly CapturedLog[],
	uid: string,
	subjectOf: (container: string) => string | null,
): Map<number, CapturedLog | null> {
	const found = new Map<number, CapturedLog | null>();
	// Each container's ends (history indices, in time order); a restart right after a seen end is the same end.
	const ends = new Map<string, number[]>();
	const awaitingRestart = new Set<string>();
	history.forEach((transition, index) => {
		if (transition.kind === 'container' && transition.to?.startsWith('terminated')) {
			awaitingRestart.add(transition.subject);
		} else if (transition.kind === 'restart' && awaitingRestart.delete(transition.subject)) {
			return;
		} else if (transition.kind !== 'restart') {
			return;
		}
		const list = ends.get(transition.subject);
		if (list) list.push(index);
		else ends.set(transition.subject, [index]);
		found.set(index, null);
	});
	for (const log of logs) {
		if (log.uid !== null && uid !== '' && log.uid !== uid) continue;
		const subject = subjectOf(log.container);
		const list = subject === null ? undefined : ends.get(subject);
		if (!list) continue;
		let end: number | undefined;
		for (const index of list) if (history[index]!.at <= log.at) end = index;
		if (end !== undefined && found.get(end) === null) found.set(end, log);
	}
	return found;
}

/** The session says it captures the logs of containers that end (its header's `logs`): a run without one is worth a word. */
export function sessionCapturesLogs(header: {logs?: unknown} | undefined): boolean {
	return header?.logs === 'crashes';
}
