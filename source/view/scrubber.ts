// The replay scrubber: one cell per slice of the session, drawn as a density bar
// (how many entries fell in that slice), with marks where pods entered a failing
// STATUS and the play position on top. Pure: cells in, cells out; the component
// only colours runs of the same kind. While the session still loads, the bar
// spans what is loaded so far (the player's density does), and the header says
// how far loading has got.

export type ScrubberCellKind = 'density' | 'failure' | 'position';

export interface ScrubberCell {
	char: string;
	kind: ScrubberCellKind;
}

export interface ScrubberInput {
	/** Entries per cell (ReplayPlayer.density(width)). */
	density: readonly number[];
	/** Session times (ms) where a pod entered a failing state (ReplayPlayer.failureMarks()). */
	failures: readonly number[];
	startMs: number;
	endMs: number;
	positionMs: number;
}

const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
export const POSITION_CHAR = '┃';
export const FAILURE_CHAR = '✗';

function cellOf(t: number, startMs: number, span: number, width: number): number {
	if (span <= 0) return 0;
	return Math.min(width - 1, Math.max(0, Math.floor(((t - startMs) / span) * width)));
}

export function scrubberCells(input: ScrubberInput): ScrubberCell[] {
	const width = input.density.length;
	if (width === 0) return [];
	const max = Math.max(1, ...input.density);
	const cells: ScrubberCell[] = input.density.map(count => ({
		// An empty slice is a space; any entry at all shows at least the lowest bar.
		char: count === 0 ? ' ' : LEVELS[Math.min(LEVELS.length - 1, Math.floor((count / max) * (LEVELS.length - 1) + 0.5))]!,
		kind: 'density',
	}));
	const span = input.endMs - input.startMs;
	for (const t of input.failures) cells[cellOf(t, input.startMs, span, width)] = {char: FAILURE_CHAR, kind: 'failure'};
	cells[cellOf(input.positionMs, input.startMs, span, width)] = {char: POSITION_CHAR, kind: 'position'};
	return cells;
}

/** Consecutive cells of the same kind joined, for colouring. */
export function scrubberRuns(cells: readonly ScrubberCell[]): Array<{text: string; kind: ScrubberCellKind}> {
	const runs: Array<{text: string; kind: ScrubberCellKind}> = [];
	for (const cell of cells) {
		const last = runs.at(-1);
		if (last && last.kind === cell.kind) last.text += cell.char;
		else runs.push({text: cell.char, kind: cell.kind});
	}
	return runs;
}
