// The Lanes view: the axis line over the lanes, one line per row, and the legend when there is
// room, as view/lanes/lanes-screen.ts derived them. It only draws.

import React from 'react';
import {Box, Text} from 'ink';
import type {LanesScreenBody} from '../view/lanes/lanes-screen.js';
import {LinesView} from './detail/lines-view.js';
import {useTheme} from './theme.js';

export function LanesScreen({body}: {body: LanesScreenBody}): React.JSX.Element {
	const theme = useTheme();
	const {lines, legend, height} = body;
	return (
		<Box flexDirection="column" height={height + 1}>
			<LinesView lines={[body.header]} scroll={0} height={1} noColor={theme.noColor} />
			{lines.length === 0 ? <Text dimColor>{`  ${body.empty}`}</Text> : <LinesView lines={lines} scroll={0} height={lines.length} noColor={theme.noColor} />}
			{legend.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<LinesView lines={legend} scroll={0} height={legend.length} noColor={theme.noColor} />
				</Box>
			) : null}
		</Box>
	);
}
