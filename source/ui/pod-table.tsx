// The pod table: a column header and the visible rows only. Each row is one
// line: cursor mark, health glyph, change mark, then the cells. The selected row
// is inverse, a row that just changed is bold with "*", a deleted pod is dim, and
// every row is dim while the live watch is down; the glyph carries health
// without colour. The header's arrows say that ←/→ scroll columns into view
// (view/table-layout.ts).
//
// Why one memoized text per row, marks and cells together: a frame after one pod
// update re-renders only the rows whose line or look changed. (The marks of all
// rows used to be one text of nested coloured texts, re-rendered whole every
// frame, a large share of a frame on a big screen. They were kept out of the cell
// lines because Ink measured every text with string-width on every frame, slow
// as soon as a line is not plain ASCII; podlife's Ink patch reads those widths
// from Ink's own cache, so a changed line is measured once.)

import React, {memo} from 'react';
import {Box, Text} from 'ink';
import type {PodRow} from '../view/pod-row.js';
import {rowLine, type TableLayout} from '../view/table-layout.js';
import {TONE_STYLE} from '../view/health-style.js';
import {useTheme} from './theme.js';

/** Width of "› ✗* " before the cells. */
export const ROW_PREFIX_WIDTH = 4;

export interface PodTableProps {
	layout: TableLayout;
	rows: readonly PodRow[];
	selected: number;
	height: number;
	empty: string;
	/** The rows are the last ones seen before the connection dropped. */
	stale?: boolean;
}

interface LineStyle {
	inverse: boolean;
	dimColor: boolean;
	bold: boolean;
}

function lineStyle(row: PodRow, selected: boolean, stale: boolean): LineStyle {
	return {inverse: selected, dimColor: stale || (row.tone === 'deleted' && !selected), bold: row.changed && !stale};
}

interface LineProps extends LineStyle {
	/** '›' on the selected row. */
	cursor: string;
	glyph: string;
	glyphColor: string | undefined;
	changed: boolean;
	/** The cells (view/table-layout.ts rowLine). */
	text: string;
}

/** One row; re-rendered only when its text or look changes. */
const PodLine = memo(function PodLine({cursor, glyph, glyphColor, changed, text, inverse, dimColor, bold}: LineProps): React.JSX.Element {
	return (
		<Text inverse={inverse} dimColor={dimColor} bold={bold} wrap="truncate-end">
			{cursor}
			<Text color={glyphColor}>{glyph}</Text>
			{changed ? '* ' : '  '}
			{text}
		</Text>
	);
});

export function PodTable({layout, rows, selected, height, empty, stale = false}: PodTableProps): React.JSX.Element {
	const theme = useTheme();
	const header = (
		<Text bold wrap="truncate-end">
			{layout.arrows.padEnd(ROW_PREFIX_WIDTH)}
			{layout.header}
		</Text>
	);
	if (rows.length === 0) {
		return (
			<Box flexDirection="column" height={height + 1}>
				{header}
				<Text dimColor>{`${' '.repeat(ROW_PREFIX_WIDTH)}${empty}`}</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" height={height + 1}>
			{header}
			{rows.map((row, i) => (
				<PodLine
					key={row.key}
					cursor={i === selected ? '›' : ' '}
					glyph={row.glyph}
					glyphColor={theme.color(TONE_STYLE[row.tone].color)}
					changed={row.changed}
					text={rowLine(row, layout)}
					{...lineStyle(row, i === selected, stale)}
				/>
			))}
		</Box>
	);
}
