// The keys that work in this view, from the key table (keys.ts): what is shown
// is what dispatch does. Transport keys get their own line while replaying.

import React from 'react';
import {Box, Text} from 'ink';
import {bindingsFor, keysText, type KeyView} from './keys.js';
import type {Section} from '../view/detail/sections.js';

export function footerText(view: KeyView, replaying: boolean, transport: boolean, section?: Section): string {
	return bindingsFor(view, replaying, section)
		.filter(b => b.footer !== false && Boolean(b.replay) === transport)
		.map(b => `${keysText(b)} ${b.label}`)
		.join('  ');
}

export function Footer({view, replaying, section}: {view: KeyView; replaying: boolean; section?: Section}): React.JSX.Element {
	// An open prompt takes the transport keys as text, and the help overlay has none: their line stays, empty.
	const transport = replaying ? footerText(view, replaying, true, section) : '';
	return (
		<Box flexDirection="column">
			<Text dimColor wrap="truncate-end">
				{footerText(view, replaying, false, section)}
			</Text>
			{replaying ? (
				<Text dimColor wrap="truncate-end">
					{transport === '' ? ' ' : `replay: ${transport}`}
				</Text>
			) : null}
		</Box>
	);
}
