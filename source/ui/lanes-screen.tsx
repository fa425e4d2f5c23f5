// The Lanes view: the axis line over the lanes, one line per row, and the legend when there is
// room, as view/lanes/lanes-screen.ts derived them. It only draws.
//
// Why one <Text> per row, its spans styled into one string (detail/styled-text.ts): a <Text> per
// span made Ink build a node per run of a lane, and opening the view draws every lane for the first
// time. Why memoized by that string: a frame after one pod update re-renders only the lines whose
// text or style changed (a frame derives every lane line afresh, as new arrays), as the table's rows.

import React, {memo} from 'react';
import {Box, Text} from 'ink';
import type {LanesScreenBody} from '../view/lanes/lanes-screen.js';
import {LinesView} from './detail/lines-view.js';
import {styledText} from './detail/styled-text.js';
import {useTheme} from './theme.js';

const LaneLine = memo(function LaneLine({text}: {text: string}): React.JSX.Element {
	return <Text wrap="truncate-end">{text === '' ? ' ' : text}</Text>;
});

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
						<LaneLine key={index} text={styledText(line, theme.noColor)} />
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
