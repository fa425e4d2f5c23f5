// The pod table's part of a frame: the visible window of the list as lines of text, the column
// header, and the row under the cursor (for the status line). Only the visible window becomes rows
// of strings, so a frame costs the rows on screen, not the pods in the store.

import type {StoreView} from '../model/pod-state.js';
import {explainPod, whyContext, type Why} from '../model/why.js';
import {podEvents} from '../model/store/pod-events.js';
import type {RowTone} from './health-style.js';
import type {RowList} from './pod-index.js';
import {podRow, type PodRow} from './pod-row.js';
import type {TableLayout} from './table-layout.js';
import {rowLine} from './table-line.js';
import type {TableWidths} from './table-widths.js';
import {fitLine, lineText, type Line} from './detail/lines.js';
import {headingKey, type HeadingRow} from './workloads/grouped-list.js';
import {headingLines, type GroupedRows} from './workloads/heading-lines.js';

/** Width of "› ✗* " before the cells: the cursor mark, the health glyph, the change mark. */
export const ROW_PREFIX_WIDTH = 4;

/** One row of the table as drawn: its marks and its cells as one line. */
export interface TableLine {
	/** The pod's key, or a heading's row key (grouped by owner). */
	key: string;
	glyph: string;
	tone: RowTone;
	/** Changed within view/pod-row.ts CHANGE_HIGHLIGHT_MS: bold, marked "*". */
	changed: boolean;
	/** The cells, laid out (view/table-line.ts rowLine), indented under their heading when grouped. */
	text: string;
	/** Grouped by owner: a workload's (or part's) heading line, drawn in place of marks and cells (view/workloads/heading-lines.ts). */
	heading?: Line;
}

export interface TableBody {
	kind: 'table';
	/** The column titles, and the arrows before them when columns are off-screen (← →). */
	header: string;
	arrows: string;
	lines: readonly TableLine[];
	/** The cursor's line among `lines`. */
	selected: number;
	/** Lines for the rows (under the column header). */
	height: number;
	/** What shows when no row does. */
	empty: string;
	/** The rows are the last ones seen before the live watch dropped: dimmed. */
	stale: boolean;
}

export interface TableInput {
	rows: RowList;
	cursor: number;
	offset: number;
	height: number;
	width: number;
	view: StoreView;
	now: number;
	/** WHY shows as a column: every row on screen gets its diagnosis, not only the selected one. */
	wide: boolean;
	/** The rows are grouped by owner: wide mode shows OWNER. */
	owner: boolean;
	/** `rows` grouped by owner: its headings drawn, its pods indented under them. */
	grouped?: GroupedRows | null;
	/** Only one namespace is listed: NAMESPACE is left out. */
	oneNamespace: boolean;
	columnOffset: number;
	widths: TableWidths;
	/** The index holds no pod at all (the empty text says "No pods yet."). */
	noPods: boolean;
	stale: boolean;
}

export interface TableFrame {
	body: TableBody;
	/** The row under the cursor, diagnosed (null when the list is empty). */
	selected: PodRow | null;
	/** Its diagnosis (the container it names is the one `l` opens the log of). */
	selectedWhy: Why | null;
	/** The layout's column offsets that ← and → go to (null: nothing off-screen that way). */
	columnOffsets: {prev: number | null; next: number | null};
}

export function tableFrame(input: TableInput): TableFrame {
	const {rows, cursor, offset, height, view, now, grouped} = input;
	const shown: Array<PodRow | {heading: HeadingRow}> = [];
	let selected: PodRow | null = null;
	let selectedWhy: Why | null = null;
	// A row gets its why when the WHY column shows (wide) or it is the selected one (the status
	// line), so a frame diagnoses at most a screenful.
	for (let i = offset; i < Math.min(rows.length, offset + height); i++) {
		const row = grouped?.list.rowAt(i);
		if (row && row.kind !== 'pod') {
			shown.push({heading: row});
			continue;
		}
		const pod = view.pods.get(rows.keyAt(i)!);
		if (!pod) continue;
		const diagnose = input.wide || i === cursor;
		// Placement (pod affinity, spread) reads every pod on a node: judged for the selected row only.
		const why = diagnose ? explainPod(pod, whyContext(view, pod, now, i === cursor ? view : null)) : null;
		const made = podRow(pod, now, why, podEvents(view, pod), view.owners);
		if (i === cursor) {
			selectedWhy = why;
			selected = made;
		}
		shown.push(made);
	}
	// Grouped, every pod is indented as deep as the deepest (the column titles too), so the columns
	// stay aligned; the layout narrows the indent rather than push a kubectl column off-screen.
	const layout: TableLayout = input.widths.layout(
		shown.filter((row): row is PodRow => !('heading' in row)),
		{
			wide: input.wide,
			owner: input.owner,
			width: input.width - ROW_PREFIX_WIDTH,
			oneNamespace: input.oneNamespace,
			offset: input.columnOffset,
			depth: grouped ? grouped.list.depth : 0,
		},
	);
	const indent = ' '.repeat(layout.indent);
	const headingLine = grouped ? headingLines(grouped.context) : null;
	const lines = shown.map((row): TableLine => {
		if ('heading' in row) {
			const line = fitLine(headingLine!(row.heading), input.width - 2);
			return {key: headingKey(row.heading.id), glyph: ' ', tone: 'ok', changed: false, text: lineText(line), heading: line};
		}
		return {key: row.key, glyph: row.glyph, tone: row.tone, changed: row.changed, text: indent + rowLine(row, layout)};
	});
	const empty = input.noPods ? 'No pods yet.' : 'No pods match: / edits the filter, f toggles faulty only, n changes the namespace.';
	return {
		body: {kind: 'table', header: indent + layout.header, arrows: layout.arrows, lines, selected: cursor - offset, height, empty, stale: input.stale},
		selected,
		selectedWhy,
		columnOffsets: {prev: layout.prevOffset, next: layout.nextOffset},
	};
}
