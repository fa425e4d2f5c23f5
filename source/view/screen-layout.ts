// How the terminal's lines are shared out. The app stays at least one line
// shorter than the terminal: when Ink's output is as tall as the screen it
// clears and rewrites everything on every frame (flicker, lost scrollback).

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

/** One line, shortened when even the message would wrap. */
export function tooSmallMessage(columns: number, rows: number): string {
	const full = `terminal too small (${columns}×${rows}): podlife needs at least ${MIN_COLUMNS}×${MIN_ROWS}`;
	return full.length <= columns ? full : `too small (${columns}×${rows}): need ${MIN_COLUMNS}×${MIN_ROWS}`;
}
