// The pod table's widths across frames: the widest cell shown so far per column, and the widths
// NAMESPACE and NAME were given at this terminal width. Kept here, beside the index, rather than
// derived from one frame's rows, so that the columns do not shrink and jump back when a long
// STATUS comes and goes, when the rows scroll or when a seek goes back in time; they change when the
// terminal does, or when a value no longer fits. Each frame measures only the rows it shows.

import type {PodRow} from './pod-row.js';
import {tableLayout, type LayoutOptions, type PinnedWidths, type TableLayout} from './table-layout.js';
import {measureRows, titleMeasure} from './table-columns.js';

export class TableWidths {
	private readonly measure = titleMeasure();
	/** NAMESPACE and NAME widths per mode (wide, one namespace, grouped how deep), at `floorsWidth`. */
	private readonly floors = new Map<string, PinnedWidths>();
	private floorsWidth = -1;
	/** The last layout and what it was made for: most frames widen nothing and reuse it. */
	private last: {layout: TableLayout; key: string} | null = null;

	/** The layout for these rows (the ones on screen), remembering what they showed. */
	layout(rows: readonly PodRow[], options: Omit<LayoutOptions, 'floors'>): TableLayout {
		const widened = measureRows(this.measure, rows);
		if (options.width !== this.floorsWidth) {
			this.floors.clear();
			this.floorsWidth = options.width;
		}
		const mode = `${options.wide}|${options.oneNamespace ?? false}|${options.owner ?? false}|${options.depth ?? 0}`;
		const key = `${mode}|${options.width}|${options.offset ?? 0}`;
		if (!widened && this.last?.key === key) return this.last.layout;
		const layout = tableLayout(this.measure, {...options, floors: this.floors.get(mode)});
		this.floors.set(mode, layout.pinned);
		this.last = {layout, key};
		return layout;
	}
}
