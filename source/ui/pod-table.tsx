// The pod table: a column header and the visible rows only. Each row is one
// line: cursor mark, health glyph, change mark, then the cells. The selected row
// is inverse, a row that just changed is bold with "*", a deleted pod is dim;
// the glyph carries health without colour.

import React from 'react';
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

export function PodTable({layout, rows, selected, height, empty}: PodTableProps): React.JSX.Element {
	const theme = useTheme();
	return (
		<Box flexDirection="column" height={height + 1}>
			<Text bold wrap="truncate-end">
				{' '.repeat(ROW_PREFIX_WIDTH)}
				{layout.header}
			</Text>
			{rows.length === 0 ? (
				<Text dimColor>{`${' '.repeat(ROW_PREFIX_WIDTH)}${empty}`}</Text>
			) : (
				rows.map((row, i) => {
					const isSelected = i === selected;
					const deleted = row.tone === 'deleted';
					return (
						<Text key={row.key} inverse={isSelected} dimColor={deleted && !isSelected} bold={row.changed} wrap="truncate-end">
							{isSelected ? '›' : ' '}
							<Text color={theme.color(TONE_STYLE[row.tone].color)}>{row.glyph}</Text>
							{row.changed ? '*' : ' '} {rowLine(row, layout)}
						</Text>
					);
				})
			)}
		</Box>
	);
}
