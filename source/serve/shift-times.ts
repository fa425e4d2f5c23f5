// `podlife serve` plays a session as if it were happening now: every time in the
// objects moves by one offset so the session's t = 0 is when the server started,
// and kubectl, podlife live and a recording made from the server all see the ages,
// "(5s ago)" and back-off countdowns the replay shows at the same offset.
//
// Which values are times: the API serializes metav1.Time as RFC 3339 in seconds
// ("2026-11-25T04:20:57Z"), metav1.MicroTime as RFC 3339 with 6 digits, and the
// kubelet writes annotations such as kubernetes.io/config.seen with 9. In the core/v1
// types podlife serves (kube/objects.ts; upstream core/v1 and meta/v1 types.go) they are
// ObjectMeta creationTimestamp, deletionTimestamp and managedFields[].time; Pod
// status.startTime, conditions[].lastProbeTime/lastTransitionTime, container
// state.running.startedAt, state/lastState.terminated.startedAt/finishedAt; Node
// conditions[].lastHeartbeatTime/lastTransitionTime and spec.taints[].timeAdded; Event
// firstTimestamp, lastTimestamp, eventTime and series.lastObservedTime. Rather than a
// list that misses the next field a server adds, every string that is exactly such a
// time is shifted, wherever it is — except what a container is given to run (env,
// command, args): a time written there is the user's data, not the cluster's clock.
//
// The offset is whole seconds so that a time in seconds stays exact in seconds and the
// fraction of a finer one is kept digit for digit: the format of each value is preserved.

const TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Keys whose values are a container's own input, never shifted. */
const USER_DATA = new Set(['env', 'command', 'args']);

/** The time `text` moved by `offsetMs` (whole seconds), in the same format; anything else unchanged. */
export function shiftTime(text: string, offsetMs: number): string {
	const match = TIME.exec(text);
	if (!match) return text;
	const [, seconds, fraction = '', zone] = match as unknown as [string, string, string | undefined, string];
	// Shift the wall-clock reading in its own zone: parse it as if UTC, move it, print it back.
	const moved = Date.parse(`${seconds}Z`) + offsetMs;
	if (Number.isNaN(moved)) return text;
	const year = new Date(moved).getUTCFullYear();
	if (year < 0 || year > 9999) return text;
	return `${new Date(moved).toISOString().slice(0, 19)}${fraction}${zone}`;
}

/** A deep copy of a JSON value with every time in it moved by `offsetMs` (whole seconds). */
export function shiftTimes<T>(value: T, offsetMs: number): T {
	return shiftValue(value, offsetMs) as T;
}

function shiftValue(value: unknown, offsetMs: number): unknown {
	if (typeof value === 'string') return shiftTime(value, offsetMs);
	if (Array.isArray(value)) return value.map(item => shiftValue(item, offsetMs));
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) copy[key] = USER_DATA.has(key) ? structuredClone(item) : shiftValue(item, offsetMs);
	return copy;
}

/**
 * The offset that makes a session recorded at `recordedAtMs` start at `startMs` or within the
 * second after it: whole seconds, so that t = 0 is never before the server started.
 */
export function offsetToStartAt(recordedAtMs: number, startMs: number): number {
	return Math.ceil((startMs - recordedAtMs) / 1000) * 1000;
}
