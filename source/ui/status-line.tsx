// One line under the table about the selected pod: its name and STATUS in the
// health colour, then the diagnosis ("why", model/why.ts whyLine) when it is not
// healthy, already fitted to the width (view/pod-row.ts statusLineText). One line
// always: what does not fit is cut with "…", never wrapped.

import React from 'react';
import {Text} from 'ink';
import {useTheme} from './theme.js';
import {WHY_SEPARATOR} from '../view/pod-row.js';

export interface StatusLineProps {
	text: string;
	why?: string | null;
	color?: string;
}

export function StatusLine({text, why, color}: StatusLineProps): React.JSX.Element {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			<Text color={theme.color(color)}>{text}</Text>
			{why ? `${WHY_SEPARATOR}${why}` : null}
		</Text>
	);
}
