// Which generation of printPod (pkg/printers/internalversion/printers.go) the API server runs.
// kubectl get asks the server for a Table, so STATUS depends on the cluster's version:
// - before 1.31 (PR #122038, in the 1.31 release notes) any pod with a deletionTimestamp
//   printed "Terminating", also a Succeeded/Failed one;
// - from 1.35 (PR #124766) a failed container's reason beats "Completed" (errorReason).
// Sidecar-aware counting (restartableInitContainerRestarts) exists from 1.29 on; older
// servers are clamped to 1.29 behaviour and the label says so.

import {UsageError} from '../errors.js';

/**
 * How the API server's printer behaves, derived from its version.
 * - terminatingForTerminalPods: servers before PR #122038 (≈1.31) print Terminating for any
 *   pod with a deletionTimestamp, also Succeeded/Failed ones.
 * - errorBeatsCompleted: servers from 1.35 (PR #124766) let a failed container's reason beat
 *   "Completed" and check Ready before turning Completed into Running.
 */
export interface StatusCompat {
	/** Label shown to users, e.g. "1.32" or "latest". */
	label: string;
	terminatingForTerminalPods: boolean;
	errorBeatsCompleted: boolean;
}

const OLDEST_MINOR = 29;
const NO_TERMINATING_FOR_TERMINAL_FROM = 31;
const ERROR_BEATS_COMPLETED_FROM = 35;

export const LATEST_COMPAT: StatusCompat = Object.freeze({
	label: 'latest',
	terminatingForTerminalPods: false,
	errorBeatsCompleted: true,
});

function compatForMinor(minor: number): StatusCompat {
	const effective = Math.max(minor, OLDEST_MINOR);
	const label = minor < OLDEST_MINOR ? `1.${OLDEST_MINOR} (clamped from 1.${minor})` : `1.${minor}`;
	return {
		label,
		terminatingForTerminalPods: effective < NO_TERMINATING_FOR_TERMINAL_FROM,
		errorBeatsCompleted: effective >= ERROR_BEATS_COMPLETED_FROM,
	};
}

// "v1.32.13", "1.30", "v1.30.0-gke.123", "v1.31.0+k3s1": major and minor are all we need.
const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/;

/** The server's gitVersion → its printer behaviour; the newest behaviour when unknown or unparsable. */
export function compatForServerVersion(gitVersion: string | null | undefined): StatusCompat {
	const match = VERSION.exec(gitVersion?.trim() ?? '');
	if (!match) return LATEST_COMPAT;
	// A major other than 1 is no Kubernetes release this printer port knows: assume the newest.
	if (match[1] !== '1') return LATEST_COMPAT;
	return compatForMinor(Number(match[2]));
}

const FLAG_VERSION = /^v?1\.(\d+)(?:\.\d+)?$/;

/** The --status-compat flag: "latest", "1.N" or "v1.N[.P]". */
export function parseStatusCompat(value: string): StatusCompat {
	const trimmed = value.trim();
	if (trimmed.toLowerCase() === 'latest') return LATEST_COMPAT;
	const match = FLAG_VERSION.exec(trimmed);
	if (!match) {
		throw new UsageError(`--status-compat: "${value}" is not a version; use "latest" or a Kubernetes version like 1.30, 1.32 or v1.34.2`);
	}
	return compatForMinor(Number(match[1]));
}
