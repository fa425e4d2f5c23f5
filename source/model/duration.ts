// Port of k8s.io/apimachinery/pkg/util/duration.HumanDuration and of printers.go
// translateTimestampSince: how the API server prints AGE and the "(X ago)" of RESTARTS.

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * duration.HumanDuration, branch by branch. Upstream works on a time.Duration and truncates
 * toward zero (`int(d.Seconds())`, `int(d / time.Minute)`), so this works on whole seconds
 * truncated toward zero: 1999 ms is "1s", -1999 ms is "0s", -2000 ms is "<invalid>".
 */
export function humanDuration(ms: number): string {
	const seconds = Math.trunc(ms / 1000);
	// Upstream: "Allow deviation no more than 2 seconds(excluded) to tolerate machine time inconsistence".
	if (seconds < -1) return '<invalid>';
	if (seconds < 0) return '0s';
	if (seconds < MINUTE * 2) return `${seconds}s`;
	const minutes = Math.floor(seconds / MINUTE);
	if (minutes < 10) {
		const s = seconds % 60;
		return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
	}
	if (minutes < 60 * 3) return `${minutes}m`;
	const hours = Math.floor(seconds / HOUR);
	if (hours < 8) {
		const m = minutes % 60;
		return m === 0 ? `${hours}h` : `${hours}h${m}m`;
	}
	if (hours < 48) return `${hours}h`;
	if (hours < 24 * 8) {
		const h = hours % 24;
		return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
	}
	if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
	if (hours < 24 * 365 * 8) {
		const years = Math.floor(hours / 24 / 365);
		const dy = Math.floor(hours / 24) % 365;
		return dy === 0 ? `${years}y` : `${years}y${dy}d`;
	}
	return `${Math.floor(hours / 24 / 365)}y`;
}

/** printers.go translateTimestampSince: "<unknown>" for a zero (absent) timestamp. */
export function translateTimestampSince(ms: number | null, now: number): string {
	if (ms === null) return '<unknown>';
	return humanDuration(now - ms);
}
