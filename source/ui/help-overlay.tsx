// The `?` overlay: the key table's bindings and the table's marks (help-groups.ts), laid out for
// the terminal's size (view/help-layout.ts) and scrolled when it does not fit, with a line that
// says there is more and which keys scroll.

import React from 'react';
import {Box, Text} from 'ink';
import type {HelpBody} from '../view/frame.js';
import {helpScrollHint} from './help-groups.js';

/** The overlay as view/frame.ts laid it out (view/help-layout.ts) for the terminal's size. */
export function HelpOverlay({body}: {body: HelpBody}): React.JSX.Element {
	const {shown, height} = body;
	return (
		<Box flexDirection="column" height={height}>
			{shown.rows.map((row, r) => (
				<Text key={r} wrap="truncate-end">
					{row.map((cell, c) => (
						<Text key={c} bold={cell.heading}>
							{cell.text}
						</Text>
					))}
				</Text>
			))}
			{shown.indicator ? (
				<Text dimColor wrap="truncate-end">
					{`${shown.indicator}  ${helpScrollHint()}`}
				</Text>
			) : null}
		</Box>
	);
}
