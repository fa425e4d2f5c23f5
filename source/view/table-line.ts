// A line of the pod table: each cell cut its own way to its column's width and padded, the
// columns a gap apart, the line never wider than the table (a wrapped row would push the table
// past the screen).

import type {PodRow} from './pod-row.js';
import {cells, cutMiddle, fitKeeping, fitWhy, truncate} from './fit-text.js';
import {GAP, type ColumnId} from './table-columns.js';

export type Cut = (text: string, width: number) => string;

export function tableLine(cellsOfLine: ReadonlyArray<readonly [string, number, Cut]>): string {
	return cellsOfLine
		.map(([text, width, cut], i) => {
			const shown = cut(text, width);
			return i === cellsOfLine.length - 1 ? shown : shown + ' '.repeat(Math.max(0, width - cells(shown)) + GAP);
		})
		.join('')
		.trimEnd();
}

/**
 * How each column's cells are cut: names in the middle, FLAGS keeping its countdown, WHY too when
 * FLAGS is off-screen (else the cause comes first).
 */
function cellOf(row: PodRow, id: ColumnId, flagsShown: boolean): readonly [string, Cut] {
	switch (id) {
		case 'namespace':
		case 'name':
		case 'node':
		case 'nominatedNode':
		case 'owner':
			return [row[id], cutMiddle];
		case 'flags':
			return [row.flags, (text, width) => fitKeeping(text, row.flagsLead, width)];
		case 'why':
			return [row.why, (text, width) => fitWhy(text, flagsShown ? '' : row.whyNext, row.whyLastLog, width)];
		default:
			return [row[id], truncate];
	}
}

/** `layout`: the columns shown and the width the line is cut to (view/table-layout.ts TableLayout). */
export function rowLine(row: PodRow, layout: {columns: ReadonlyArray<{id: ColumnId; width: number}>; width: number}): string {
	const flagsShown = layout.columns.some(c => c.id === 'flags');
	return truncate(
		tableLine(
			layout.columns.map(c => {
				const [text, cut] = cellOf(row, c.id, flagsShown);
				return [text, c.width, cut] as const;
			}),
		),
		layout.width,
	);
}
