// `podlife serve` plays a session as if it were happening now: every time in the
// objects moves to the served clock (served-clock.ts) so the session's t = 0 is when the
// server started, and kubectl, podlife live and a recording made from the server all see the
// ages, "(5s ago)" and back-off countdowns the replay shows at the same offset (at --speed N,
// the ages the session's clock makes at that speed).
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
// time is moved, wherever it is (served-copy.ts).
//
// The offset is whole seconds so that a time in seconds stays exact in seconds and the
// fraction of a finer one is kept digit for digit: the format of each value is preserved. On a
// sped-up clock a time falls between seconds: it is cut to the precision it was written in, as
// the API server cuts a time to seconds (a time cut down is never after the moment it says).

import {servedSinceStart, type ServedClock} from './served-clock.js';

const TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

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

/** The time `text` (recorded) on the served `clock`, in the same format; anything else unchanged. */
export function servedTime(text: string, clock: ServedClock): string {
	if (clock.speed === 1) return shiftTime(text, clock.shiftMs);
	const match = TIME.exec(text);
	if (!match) return text;
	const [, seconds, fraction = '', zone] = match as unknown as [string, string, string | undefined, string];
	const reading = Date.parse(`${seconds}Z`);
	if (Number.isNaN(reading)) return text;
	const zoneMs = zoneOffsetMs(zone);
	// Worked out in ms from the start rather than from the epoch, so that a nanosecond fraction fits a double.
	const since = servedSinceStart(clock, reading - zoneMs - clock.recordedAtMs + (fraction ? Number(`0${fraction}`) * 1000 : 0));
	// The served moment read in the time's own zone: whole seconds, and the rest cut to the time's precision.
	const start = clock.recordedAtMs + clock.shiftMs + zoneMs;
	const startSecond = Math.floor(start / 1000) * 1000;
	const rest = start - startSecond + since;
	const whole = startSecond + Math.floor(rest / 1000) * 1000;
	const year = new Date(whole).getUTCFullYear();
	if (year < 0 || year > 9999) return text;
	const digits = Math.max(0, fraction.length - 1);
	const part = Math.min(10 ** digits - 1, Math.floor(((rest - Math.floor(rest / 1000) * 1000) / 1000) * 10 ** digits));
	return `${new Date(whole).toISOString().slice(0, 19)}${digits > 0 ? `.${String(part).padStart(digits, '0')}` : ''}${zone}`;
}

/** "Z", "+01:00", "-05:30" as ms east of UTC. */
function zoneOffsetMs(zone: string): number {
	if (zone === 'Z') return 0;
	const sign = zone.startsWith('-') ? -1 : 1;
	return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}

/**
 * The offset that makes a session recorded at `recordedAtMs` start at `startMs` or within the
 * second after it: whole seconds, so that t = 0 is never before the server started.
 */
export function offsetToStartAt(recordedAtMs: number, startMs: number): number {
	return Math.ceil((startMs - recordedAtMs) / 1000) * 1000;
}
