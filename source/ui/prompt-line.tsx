// The one-line prompt of `/` (filter) and `:` (the command line: q, ns NAME, a replay time).

import React from 'react';
import {Text} from 'ink';
import type {Prompt} from '../view/ui-state.js';
import type {PromptAside} from '../view/bottom-line.js';
import {useTheme} from './theme.js';

/** `aside`: the problem with the last submit, or what the prompt accepts, fitted to the line (view/bottom-line.ts). */
export function PromptLine({prompt, aside}: {prompt: Prompt; aside: PromptAside}): React.JSX.Element {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			<Text bold>{prompt.kind === 'filter' ? '/' : ':'}</Text>
			{prompt.text}
			<Text inverse> </Text>
			{aside.error ? <Text color={theme.color('red')}>{`  ${aside.text}`}</Text> : <Text dimColor>{`  ${aside.text}`}</Text>}
		</Text>
	);
}
