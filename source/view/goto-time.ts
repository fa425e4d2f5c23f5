// The replay go-to prompt (`:`): an offset into the session ("90s", "1m30s",
// "2m", "1h2m3s", a plain number of seconds) or a wall-clock time of the
// recording ("04:18:30", UTC like the session's recordedAt; "04:18" too).

export type GotoTarget = {kind: 'offset'; ms: number} | {kind: 'clock'; ms: number};

const UNIT_MS: Record<string, number> = {h: 3_600_000, m: 60_000, s: 1_000, ms: 1};

/** Parses what the user typed; null when it is neither form. */
export function parseGoto(text: string): GotoTarget | null {
	const input = text.trim().toLowerCase();
	if (input === '') return null;
	const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(input);
	if (clock) {
		const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
		if (h > 23 || m > 59 || s > 59) return null;
		return {kind: 'clock', ms: ((h * 60 + m) * 60 + s) * 1000};
	}
	if (/^\d+(\.\d+)?$/.test(input)) return {kind: 'offset', ms: Math.round(Number(input) * 1000)};
	const parts = /^(?:(\d+(?:\.\d+)?)(ms|h|m|s))+$/.test(input) ? input.match(/\d+(?:\.\d+)?(?:ms|h|m|s)/g) : null;
	if (!parts) return null;
	let ms = 0;
	for (const part of parts) {
		const [, value, unit] = /^(\d+(?:\.\d+)?)(ms|h|m|s)$/.exec(part)!;
		ms += Number(value) * UNIT_MS[unit!]!;
	}
	return {kind: 'offset', ms: Math.round(ms)};
}

/**
 * The session offset (ms since recordedAt) a target means. A clock time is taken
 * on the recording's first day, or the next day when the session crosses midnight
 * and the time is before the start.
 */
export function gotoOffset(target: GotoTarget, recordedAtMs: number): number {
	if (target.kind === 'offset') return target.ms;
	const dayStart = Math.floor(recordedAtMs / 86_400_000) * 86_400_000;
	let at = dayStart + target.ms;
	if (at < recordedAtMs - 43_200_000) at += 86_400_000;
	return at - recordedAtMs;
}

/** "1:05.3" style position for the header and scrubber. */
export function formatOffset(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
	return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "04:18:30" (UTC) for an epoch-ms time. */
export function formatClock(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(11, 19);
}
