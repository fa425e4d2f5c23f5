// The clock `podlife serve` plays a session on. Moment t of the session (ms after recordedAt) is
// served at `start + t / speed` (start = recordedAt + shiftMs), so every time written in the
// served objects goes through the same map: a client reads them against its own clock, and at
// --speed 4 a pod that was 40 s old in the recording is 10 s old on the wall clock when it is
// served, a terminating pod's deadline is its grace period after the served delete
// (served-copy.ts), and an event is never stamped after the moment it is served. (Moving the times by the shift alone, as at speed 1,
// served them ahead of the wall clock: "deleted <invalid> ago", pods younger than they are.)
//
// Times before the session began (a node made days before, a pod created before the recording)
// were not played: they keep their distance from the start rather than being sped up, so a node
// 3 days old when the recording began is 3 days old when the served session begins.

export interface ServedClock {
	/** recordedAt of the session (epoch ms): t = 0. */
	recordedAtMs: number;
	/** How far the start is moved (ms, whole seconds): t = 0 is served at recordedAtMs + shiftMs. */
	shiftMs: number;
	/** Session ms per served ms (1: real time). */
	speed: number;
}

/** When moment `t` of the session is served (epoch ms). */
export function servedAt(clock: ServedClock, t: number): number {
	return clock.recordedAtMs + clock.shiftMs + t / clock.speed;
}

/** A recorded time `sinceRecordedAt` ms after recordedAt as ms after the served start (recordedAtMs + shiftMs). */
export function servedSinceStart(clock: ServedClock, sinceRecordedAt: number): number {
	return sinceRecordedAt < 0 ? sinceRecordedAt : sinceRecordedAt / clock.speed;
}
