// How the terminal's lines are shared out. The app stays at least one line
// shorter than the terminal: when Ink's output is as tall as the screen it
// clears and rewrites everything on every frame (flicker, lost scrollback).

import {wrap} from './detail/lines.js';
import {truncate} from './fit-text.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 12;

export interface ScreenLayout {
	tooSmall: boolean;
	width: number;
	/** Lines the app may use (terminal rows − 1). */
	height: number;
	headerLines: number;
	scrubberLines: number;
	footerLines: number;
	/** Lines for the table body / detail body / help overlay. */
	bodyLines: number;
}

/** `noticeLines`: lines under the header that say what reading a session met (view/read-problem.ts). */
export function screenLayout(columns: number, rows: number, replaying: boolean, noticeLines = 0): ScreenLayout {
	const width = Math.max(1, columns);
	const height = Math.max(1, rows - 1);
	const headerLines = 2 + noticeLines;
	const scrubberLines = replaying ? 1 : 0;
	const footerLines = replaying ? 2 : 1;
	// The body sits between: its own title line (column header or section tabs) and the status/prompt line.
	const bodyLines = Math.max(0, height - headerLines - scrubberLines - footerLines - 2);
	return {tooSmall: columns < MIN_COLUMNS || rows < MIN_ROWS, width, height, headerLines, scrubberLines, footerLines, bodyLines};
}

/**
 * What shows instead of the app: what is wrong, what podlife needs, and the way out (q works on
 * this screen too), on as many lines as the terminal has, shortened to one when even they do not do.
 */
export function tooSmallMessage(columns: number, rows: number): string {
	const full = `terminal too small (${columns}×${rows}): podlife needs at least ${MIN_COLUMNS}×${MIN_ROWS} — enlarge it, or q quits`;
	const lines = wrap(full, Math.max(1, columns));
	if (lines.length < rows) return lines.join('\n');
	return truncate(`too small (${columns}×${rows}): need ${MIN_COLUMNS}×${MIN_ROWS}, q quits`, Math.max(1, columns));
}
