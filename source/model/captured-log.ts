// A container's log as a recording captured it (a LOG entry, SESSION-FORMAT.md "Container logs"),
// as the store keeps it. Which run of a container a log is of is container-logs.ts's.

import type {LogEntry} from '../session/format.js';

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
