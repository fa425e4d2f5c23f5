// A container's log: a title line (whose log, and what the view is doing) over the rows that
// view/log-view.ts derived. It only draws.

import React from 'react';
import {Box, Text} from 'ink';
import type {LogBody} from '../view/log-view.js';
import {LinesView} from './detail/lines-view.js';
import {useTheme} from './theme.js';

export function LogScreen({body, width}: {body: LogBody; width: number}): React.JSX.Element {
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate-end">
				<Text inverse bold>{` ${body.title} `}</Text>
				{body.marks ? <Text dimColor>{`  ${body.marks}`}</Text> : null}
			</Text>
			<Box flexDirection="column" height={body.height} overflow="hidden">
				<LinesView lines={body.rows} scroll={0} height={body.height} noColor={theme.noColor} />
			</Box>
		</Box>
	);
}
