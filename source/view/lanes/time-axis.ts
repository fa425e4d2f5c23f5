// Time in the Lanes view: the window of time the lanes show (so many ms across the screen), its
// cells (one column each), the zoom levels `+`/`-` step through, and the axis labels.
//
// A cell c covers (start + c·step, start + (c+1)·step]: it shows the pod at its right edge, so the
// last cell of a window that ends now shows the pod as it is now.

/** Time across the lanes, from seconds to hours per screen (`+` zooms in, `-` out). */
export const ZOOM_LEVELS_MS: readonly number[] = [
	10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
];

export interface LaneWindow {
	/** Epoch ms: the window is (start, end]. */
	start: number;
	end: number;
	/** Columns for it. */
	cells: number;
}

/** The smallest zoom level that shows `spanMs` whole (the largest when none does). */
export function fitZoom(spanMs: number): number {
	const level = ZOOM_LEVELS_MS.findIndex(ms => ms >= spanMs);
	return level === -1 ? ZOOM_LEVELS_MS.length - 1 : level;
}

export function clampZoom(level: number): number {
	return Math.max(0, Math.min(ZOOM_LEVELS_MS.length - 1, level));
}

/** "10s", "2m", "1h", "1h30m": a zoom level or a window's width, as the title says it. */
export function spanLabel(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
	const hours = Math.floor(minutes / 60);
	return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
}

export function cellMs(window: LaneWindow): number {
	return (window.end - window.start) / Math.max(1, window.cells);
}

/** The cell that holds `at` (clamped to the window). */
export function cellOf(window: LaneWindow, at: number): number {
	const step = cellMs(window);
	if (step <= 0) return window.cells - 1;
	const cell = Math.ceil((at - window.start) / step) - 1;
	return Math.max(0, Math.min(window.cells - 1, cell));
}

/** The time a cell shows: its right edge. */
export function cellTime(window: LaneWindow, cell: number): number {
	return window.start + (cell + 1) * cellMs(window);
}

/** Steps between labels, from a second to half a day: the axis takes the first that leaves room for its labels. */
const TICK_STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400].map(seconds => seconds * 1000);

/** "04:21:10" (UTC, as the header's clock), or "04:21" when the labels are whole minutes. */
export function clockLabel(at: number, seconds: boolean): string {
	const text = new Date(at).toISOString().slice(11, 19);
	return seconds ? text : text.slice(0, 5);
}

export interface AxisTick {
	cell: number;
	label: string;
}

/**
 * Labels at round times (UTC multiples of a step), as many as fit with two blanks between them,
 * none under the cursor's cell nor the recording's start (the axis marks them there).
 */
export function axisTicks(window: LaneWindow, cursorCell: number | null, startCell: number | null = null): AxisTick[] {
	const step = cellMs(window);
	if (step <= 0 || window.cells < 10) return [];
	// "╵04:21:10" or, once labels are whole minutes apart, "╵04:21".
	const tick = TICK_STEPS_MS.find(ms => ms / step >= (ms < 60_000 ? 9 : 6) + 2) ?? TICK_STEPS_MS.at(-1)!;
	const seconds = tick < 60_000;
	const width = seconds ? 9 : 6;
	const ticks: AxisTick[] = [];
	for (let at = Math.ceil(window.start / tick) * tick; at <= window.end; at += tick) {
		const cell = cellOf(window, at);
		if (cell + width > window.cells) break;
		if (cursorCell !== null && cursorCell >= cell && cursorCell < cell + width) continue;
		if (startCell !== null && startCell >= cell && startCell < cell + width) continue;
		if (ticks.length > 0 && cell < ticks.at(-1)!.cell + width + 1) continue;
		ticks.push({cell, label: clockLabel(at, seconds)});
	}
	return ticks;
}

/** Over the first cell of a recording whose window shows time before it (the lives reconstructed from their objects). */
export const RECORDING_START_GLYPH = '┊';

/**
 * The cell of the recording's first moment `start` (epoch ms), when the window shows time before it:
 * the first cell at or after it, with a cell before it. Null otherwise (live, or a window that begins with the recording or after it).
 */
export function startCellOf(window: LaneWindow, start: number | null): number | null {
	if (start === null || start <= window.start + cellMs(window) || start > window.end) return null;
	return cellOf(window, start);
}

/** The axis over the lanes: "╵" and a label at each tick, "▼" over the cursor's cell, "┊" over the recording's first. */
export function axisText(window: LaneWindow, cursorCell: number | null, startCell: number | null = null): string {
	const cells = new Array<string>(window.cells).fill(' ');
	for (const {cell, label} of axisTicks(window, cursorCell, startCell)) {
		cells[cell] = '╵';
		for (let index = 0; index < label.length && cell + 1 + index < window.cells; index++) cells[cell + 1 + index] = label[index]!;
	}
	if (startCell !== null && startCell >= 0 && startCell < window.cells) cells[startCell] = RECORDING_START_GLYPH;
	if (cursorCell !== null && cursorCell >= 0 && cursorCell < window.cells) cells[cursorCell] = '▼';
	return cells.join('');
}
