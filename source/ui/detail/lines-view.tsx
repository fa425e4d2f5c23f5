// Draws prepared lines (view/detail) in Ink: the window [scroll, scroll + height), one <Text> per
// line, each span in its tone. The lines are already cut to the width, so nothing wraps and the
// host's scroll arithmetic holds.

import {Box, Text} from 'ink';
import type React from 'react';
import type {Line} from '../../view/detail/lines.js';
import {toneLook} from './tone-style.js';

export interface LinesViewProps {
	lines: readonly Line[];
	scroll: number;
	height: number;
	noColor?: boolean;
}

export function LinesView({lines, scroll, height, noColor = false}: LinesViewProps): React.JSX.Element {
	const start = Math.max(0, Math.min(scroll, Math.max(0, lines.length - height)));
	const visible = lines.slice(start, start + Math.max(0, height));
	return (
		<Box flexDirection="column">
			{visible.map((spans, index) => (
				<Text key={start + index} wrap="truncate-end">
					{spans.length === 0
						? ' '
						: spans.map((part, spanIndex) => (
								<Text key={spanIndex} {...toneLook(part.tone, noColor)} inverse={part.inverse}>
									{part.text}
								</Text>
							))}
				</Text>
			))}
		</Box>
	);
}
