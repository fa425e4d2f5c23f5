// The kubelet's restart back-off, read back from the waiting message it writes.
//
// kuberuntime_manager.go `doBackOff` sets, for a container it will not restart yet,
//   waiting.reason  = "CrashLoopBackOff"
//   waiting.message = fmt.Sprintf("back-off %s restarting failed container=%s pod=%s", backOff.Get(key), …)
// where backOff.Get returns a Go time.Duration, printed by Duration.String(): "10s", "1m20s", "5m0s",
// and with the tuned back-off of newer kubelets also "500ms" or "1.5s". The kubelet counts the back-off
// from the container's last exit, so the next restart is lastState.terminated.finishedAt + back-off
// (crashloop.ndjson: finished 04:17:18, "back-off 10s", running again at 04:17:28).
//
// Image pulls are different: images/image_manager.go writes "Back-off pulling image \"…\"" (plus the
// last pull error) with no duration, and the pod status carries neither the time of the failed pull nor
// how many pulls failed before, so the image back-off (10 s doubling to 300 s, kept per image in the
// kubelet) cannot be placed in time from the object: backOffFromMessage returns null for it rather
// than guess, and image-backoff.ts places it from the kubelet's events instead.

/** Go's time.Duration units, as Duration.String() and time.ParseDuration spell them. */
const UNIT_MS: Readonly<Record<string, number>> = {
	h: 3_600_000,
	m: 60_000,
	s: 1000,
	ms: 1,
	us: 0.001,
	µs: 0.001,
	μs: 0.001,
	ns: 0.000_001,
};

const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(h|ms|us|µs|μs|ns|m|s)/gy;

/** Milliseconds of a Go duration string ("1m20s", "5m0s", "1.5s", "0s"); null when it is not one. */
export function parseGoDuration(text: string): number | null {
	if (text === '0') return 0;
	if (text.length === 0) return null;
	DURATION_PART.lastIndex = 0;
	let total = 0;
	let consumed = 0;
	for (let match = DURATION_PART.exec(text); match; match = DURATION_PART.exec(text)) {
		total += Number(match[1]) * (UNIT_MS[match[2]!] ?? Number.NaN);
		consumed = DURATION_PART.lastIndex;
	}
	if (consumed !== text.length || Number.isNaN(total)) return null;
	return Math.round(total);
}

const RESTART_BACK_OFF = /^back-off (\S+) restarting failed container/i;

/**
 * The back-off (ms) in a kubelet waiting message, or null when the message names none
 * ("Back-off pulling image …", messages of other reasons, no message).
 */
export function backOffFromMessage(message: string | null | undefined): number | null {
	if (!message) return null;
	const match = RESTART_BACK_OFF.exec(message);
	return match ? parseGoDuration(match[1]!) : null;
}

/** When the kubelet restarts the container next: its last exit + the back-off; null when either is unknown. */
export function nextRestartAt(lastFinishedMs: number | null, backOffMs: number | null): number | null {
	if (lastFinishedMs === null || backOffMs === null) return null;
	return lastFinishedMs + backOffMs;
}
