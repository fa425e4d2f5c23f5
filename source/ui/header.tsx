// The header: source on the left and the clock on the right; below, the counts
// by bucket and the active scope, sort and filter. Strings come from
// view/header-text.ts; this only lays them out.

import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from './theme.js';

export interface HeaderProps {
	width: number;
	source: string;
	clock: string;
	/** Clock state colour: green live/connected, yellow paused, red disconnected. */
	clockColor?: string;
	counts: string;
	scope: string;
}

export function Header({width, source, clock, clockColor, counts, scope}: HeaderProps): React.JSX.Element {
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={width}>
			<Box width={width}>
				<Box flexGrow={1} flexShrink={1} minWidth={10}>
					<Text wrap="truncate-end">
						<Text bold color={theme.color('cyan')}>podlife</Text> {source}
					</Text>
				</Box>
				<Box flexShrink={0} marginLeft={2}>
					<Text color={theme.color(clockColor)} wrap="truncate-end">
						{clock}
					</Text>
				</Box>
			</Box>
			<Box width={width}>
				<Box flexGrow={1} flexShrink={1}>
					<Text wrap="truncate-end">{counts}</Text>
				</Box>
				<Box flexShrink={0} marginLeft={2}>
					<Text dimColor wrap="truncate-end">
						{scope}
					</Text>
				</Box>
			</Box>
		</Box>
	);
}
