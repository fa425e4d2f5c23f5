// The one-line prompt of `/` (filter) and `:` (go to a replay time).

import React from 'react';
import {Text} from 'ink';
import type {Prompt} from '../view/ui-state.js';
import {useTheme} from './theme.js';

const PROMPT_HINT = {
	filter: 'Enter apply · Esc clear',
	goto: '90s, 1m30s or 04:18:30 · Enter go · Esc cancel',
} as const;

export function PromptLine({prompt}: {prompt: Prompt}): React.JSX.Element {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			<Text bold>{prompt.kind === 'filter' ? '/' : ':'}</Text>
			{prompt.text}
			<Text inverse> </Text>
			{prompt.error ? <Text color={theme.color('red')}>{`  ${prompt.error}`}</Text> : <Text dimColor>{`  ${PROMPT_HINT[prompt.kind]}`}</Text>}
		</Text>
	);
}
