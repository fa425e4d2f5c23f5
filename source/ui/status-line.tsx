// One line under the table about the selected pod. The diagnosis ("why") will
// fill `why`; until then it shows STATUS and the crash-loop signal.

import React from 'react';
import {Text} from 'ink';
import {useTheme} from './theme.js';

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
			{why ? <Text dimColor>{`  — ${why}`}</Text> : null}
		</Text>
	);
}
