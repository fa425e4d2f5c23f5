// The line under the header that says what reading the session met: the read
// error that ended it early (the replay stops at the last good entry; podlife
// exits 1 with the error once the screen is gone), or the reader's warnings (a
// cut-off last line, lines skipped with --lenient), which headless mode prints
// on stderr. Live, what RBAC keeps from view; while recording with logs, that they
// can hold secrets. Shown only when there is something to say.

import type {SourceInfo, SourceLimits} from '../sources/source-info.js';
import {LOGS_SECRETS_LINE} from './recording-text.js';

export interface ReadProblemLine {
	text: string;
	tone: 'error' | 'warning';
}

export interface ReadProblemInput {
	error: Error | null;
	warnings: readonly string[];
	/** Where the session ends now ("0:27"): with an error, its last good entry. */
	endText: string;
}

export function readProblemLine({error, warnings, endText}: ReadProblemInput): ReadProblemLine | null {
	if (error) return {tone: 'error', text: `✗ ${error.message} · the session stops at ${endText}, its last good entry`};
	if (warnings.length === 0) return null;
	const more = warnings.length > 1 ? ` · ${warnings.length - 1} more, listed when podlife exits` : '';
	return {tone: 'warning', text: `⚠ ${warnings[0]}${more}`};
}

/**
 * Live, the same line says what RBAC keeps from view: a permission revoked mid-session (in red
 * while it lasts: the rows it covers are as last seen), else a scope narrower than asked.
 */
export function accessProblemLine(limits: SourceLimits): ReadProblemLine | null {
	if (limits.revoked) return {tone: 'error', text: `✗ ${limits.revoked}`};
	if (limits.scope) return {tone: 'warning', text: `⚠ ${limits.scope}`};
	return null;
}

/** While a recording captures container logs (and RBAC has nothing to say): that they can hold secrets. */
export function recordingLogsLine(recording: SourceInfo['recording']): ReadProblemLine | null {
	return recording?.logs === 'crashes' ? {tone: 'warning', text: `⚠ ${LOGS_SECRETS_LINE}`} : null;
}
