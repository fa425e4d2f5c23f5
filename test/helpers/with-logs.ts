// Test sessions with LOG entries: a recorded capture plus one LOG entry a short while after each
// container run ended, as a recorder that fetches the log of every terminated container writes it.
// The lines name the run (its container and how many runs of it ended before), so a test sees
// which run's log it was shown.

import type {ContainerStatus, Pod} from '../../source/kube/objects.js';
import {isWatchEntry, type LogEntry, type SessionEntry} from '../../source/session/format.js';

/** How long after the entry that shows a run ended its log is fetched (ms). */
export const FETCH_DELAY = 100;

/** The lines the test logs hold for the n-th run (from 0) of a container. */
export function runLines(container: string, run: number): string[] {
	return [`run ${run} of ${container} starting`, '', `ConnectionRefusedError: run ${run} of ${container}`, ''];
}

/** `entries` with one LOG entry after each container run's end (state.terminated with a new containerID). */
export function withTerminationLogs(entries: readonly SessionEntry[]): SessionEntry[] {
	const logs: LogEntry[] = [];
	const seen = new Set<string>();
	const runs = new Map<string, number>();
	for (const entry of entries) {
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod' || entry.type === 'DELETED') continue;
		const pod = entry.object as Pod;
		const {containerStatuses = [], initContainerStatuses = []} = pod.status ?? {};
		for (const status of [...initContainerStatuses, ...containerStatuses] as ContainerStatus[]) {
			const ended = status.state?.terminated;
			if (!ended?.containerID || seen.has(ended.containerID)) continue;
			seen.add(ended.containerID);
			const key = `${pod.metadata.namespace}/${pod.metadata.name}/${status.name}`;
			const run = runs.get(key) ?? 0;
			runs.set(key, run + 1);
			logs.push({
				t: entry.t + FETCH_DELAY,
				type: 'LOG',
				namespace: pod.metadata.namespace ?? '',
				pod: pod.metadata.name ?? '',
				uid: pod.metadata.uid,
				container: status.name,
				containerID: ended.containerID,
				previous: false,
				restartCount: status.restartCount,
				lines: runLines(status.name, run),
			});
		}
	}
	return merged(entries, logs);
}

/** `entries` and `logs` in one list by t (a LOG after the entries of its own t). */
export function merged(entries: readonly SessionEntry[], logs: readonly LogEntry[]): SessionEntry[] {
	const out: SessionEntry[] = [];
	let next = 0;
	const sorted = [...logs].sort((a, b) => a.t - b.t);
	for (const entry of entries) {
		while (next < sorted.length && sorted[next]!.t < entry.t) out.push(sorted[next++]!);
		out.push(entry);
	}
	out.push(...sorted.slice(next));
	return out;
}
