// The pod table: a column header and the visible rows only. Each row is one
// line: cursor mark, health glyph, change mark, then the cells. The selected row
// is inverse, a row that just changed is bold with "*", a deleted pod is dim;
// the glyph carries health without colour.
//
// Why two columns (the marks of all rows in one text, the cells a text per row):
// Ink measures every text node on every frame with string-width, which is cheap
// for plain ASCII and walks a grapheme segmenter over the whole line as soon as
// one character is not ASCII. The glyphs (✓ ✗ ○ –, ›) stay in one short text, so
// the long cell lines take the fast path; a cell line that did not change is not
// re-rendered (memo), so Ink re-measures only the rows that changed.

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
}

interface LineStyle {
	inverse: boolean;
	dimColor: boolean;
	bold: boolean;
}

function lineStyle(row: PodRow, selected: boolean): LineStyle {
	return {inverse: selected, dimColor: row.tone === 'deleted' && !selected, bold: row.changed};
}

/** One row's cells; re-rendered only when its text or look changes. */
const CellsLine = memo(function CellsLine({text, inverse, dimColor, bold}: LineStyle & {text: string}): React.JSX.Element {
	return (
		<Text inverse={inverse} dimColor={dimColor} bold={bold} wrap="truncate-end">
			{text}
		</Text>
	);
});

export function PodTable({layout, rows, selected, height, empty}: PodTableProps): React.JSX.Element {
	const theme = useTheme();
	const header = (
		<Text bold wrap="truncate-end">
			{' '.repeat(ROW_PREFIX_WIDTH)}
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
	const styles = rows.map((row, i) => lineStyle(row, i === selected));
	return (
		<Box flexDirection="column" height={height + 1}>
			{header}
			<Box flexDirection="row">
				<Box width={ROW_PREFIX_WIDTH} flexShrink={0}>
					<Text wrap="truncate-end">
						{rows.map((row, i) => (
							<React.Fragment key={row.key}>
								{i > 0 ? '\n' : null}
								<Text {...styles[i]!}>
									{i === selected ? '›' : ' '}
									<Text color={theme.color(TONE_STYLE[row.tone].color)}>{row.glyph}</Text>
									{row.changed ? '*' : ' '}{' '}
								</Text>
							</React.Fragment>
						))}
					</Text>
				</Box>
				<Box flexDirection="column" flexGrow={1} flexShrink={1}>
					{rows.map((row, i) => (
						<CellsLine key={row.key} text={rowLine(row, layout)} {...styles[i]!} />
					))}
				</Box>
			</Box>
		</Box>
	);
}
