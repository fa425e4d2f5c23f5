// The Lanes view: the axis line over the lanes, one line per row, and the legend when there is
// room, as view/lanes/lanes-screen.ts derived them. It only draws.
//
// Why one memoized line per row, keyed by what it shows: a frame after one pod update re-renders
// only the lines whose spans changed (a frame derives every lane line afresh, as new arrays), so
// React and Ink do not redo the unchanged rows' texts, as the table's rows (pod-table.tsx).

import React, {memo} from 'react';
import {Box, Text} from 'ink';
import type {Line} from '../view/detail/lines.js';
import type {LanesScreenBody} from '../view/lanes/lanes-screen.js';
import {LinesView} from './detail/lines-view.js';
import {toneLook} from './detail/tone-style.js';
import {useTheme} from './theme.js';

/** What a line shows, as one string: equal signatures draw the same. */
function signature(line: Line): string {
	let out = '';
	for (const part of line) out += `${part.tone ?? ''}${part.inverse ? '!' : ''}\u0001${part.text}\u0002`;
	return out;
}

const LaneLine = memo(
	function LaneLine({line, noColor}: {line: Line; signature: string; noColor: boolean}): React.JSX.Element {
		return (
			<Text wrap="truncate-end">
				{line.length === 0
					? ' '
					: line.map((part, index) => (
							<Text key={index} {...toneLook(part.tone, noColor)} inverse={part.inverse}>
								{part.text}
							</Text>
						))}
			</Text>
		);
	},
	(before, after) => before.signature === after.signature && before.noColor === after.noColor,
);

export function LanesScreen({body}: {body: LanesScreenBody}): React.JSX.Element {
	const theme = useTheme();
	const {lines, legend, height} = body;
	return (
		<Box flexDirection="column" height={height + 1}>
			<LinesView lines={[body.header]} scroll={0} height={1} noColor={theme.noColor} />
			{lines.length === 0 ? (
				<Text dimColor>{`  ${body.empty}`}</Text>
			) : (
				<Box flexDirection="column">
					{lines.map((line, index) => (
						<LaneLine key={index} line={line} signature={signature(line)} noColor={theme.noColor} />
					))}
				</Box>
			)}
			{legend.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<LinesView lines={legend} scroll={0} height={legend.length} noColor={theme.noColor} />
				</Box>
			) : null}
		</Box>
	);
}
