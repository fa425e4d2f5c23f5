// The header: source on the left and the clock on the right; below, the counts
// by bucket and the active scope, sort and filter. Strings come from
// view/header-text.ts; this only lays them out.

import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from './theme.js';
import {truncate} from '../view/fit-text.js';

/** The least the source keeps beside the clock, and the gap between them. */
const SOURCE_LEAST = 10;
const GAP = 2;

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
				<Box flexGrow={1} flexShrink={1} minWidth={SOURCE_LEAST}>
					<Text wrap="truncate-end">
						<Text bold color={theme.color('cyan')}>
							podlife
						</Text>{' '}
						{source}
					</Text>
				</Box>
				<Box flexShrink={0} marginLeft={GAP}>
					{/* Cut here, not by Ink: a clock wider than the line (a long reconnect message) would wrap the header. */}
					<Text color={theme.color(clockColor)} wrap="truncate-end">
						{truncate(clock, width - SOURCE_LEAST - GAP)}
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
