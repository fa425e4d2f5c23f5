// The one-line prompt of `/` (filter) and `:` (the command line: q, ns NAME, a replay time).

import React from 'react';
import {Text} from 'ink';
import type {Prompt} from '../view/ui-state.js';
import {useTheme} from './theme.js';

const FILTER_HINT = 'Enter apply · Esc clear';

/** `hint`: what the command line accepts, with examples from the session (view/command-line.ts commandHint). */
export function PromptLine({prompt, hint}: {prompt: Prompt; hint?: string}): React.JSX.Element {
	const theme = useTheme();
	const aside = prompt.note ?? hint ?? (prompt.kind === 'filter' ? FILTER_HINT : '');
	return (
		<Text wrap="truncate-end">
			<Text bold>{prompt.kind === 'filter' ? '/' : ':'}</Text>
			{prompt.text}
			<Text inverse> </Text>
			{prompt.error ? <Text color={theme.color('red')}>{`  ${prompt.error}`}</Text> : <Text dimColor>{`  ${aside}`}</Text>}
		</Text>
	);
}
