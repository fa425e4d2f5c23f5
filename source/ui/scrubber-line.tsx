// The replay scrubber: entry density over the session, failure marks and the
// play position (view/scrubber.ts makes the cells).

import React from 'react';
import {Text} from 'ink';
import {scrubberRuns, type ScrubberCell} from '../view/scrubber.js';
import {useTheme} from './theme.js';

const KIND_COLOR = {density: 'blue', failure: 'red', position: 'white'} as const;

export function ScrubberLine({cells, left, right}: {cells: readonly ScrubberCell[]; left: string; right: string}): React.JSX.Element {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			<Text dimColor>{left} </Text>
			{scrubberRuns(cells).map((run, i) => (
				<Text key={i} color={theme.color(KIND_COLOR[run.kind])} bold={run.kind !== 'density'}>
					{run.text}
				</Text>
			))}
			<Text dimColor> {right}</Text>
		</Text>
	);
}
