// The keys that work in this view, from the key table (keys.ts): what is shown
// is what dispatch does. Transport keys get their own line while replaying.

import React from 'react';
import {Box, Text} from 'ink';
import {bindingsFor, keysText, type KeyView} from './keys.js';
import type {Section} from '../view/detail/sections.js';

export function footerText(view: KeyView, replaying: boolean, transport: boolean, section?: Section): string {
	const shown = bindingsFor(view, replaying, section).filter(b => b.footer !== false && Boolean(b.replay) === transport);
	const parts: string[] = [];
	shown.forEach((b, index) => {
		const before = shown[index - 1];
		// A pair ("← earlier", "→ later") is one entry: "←/→ time".
		if (b.pair !== undefined && before?.pair === b.pair) parts[parts.length - 1] = `${keysText(before)}/${keysText(b)} ${b.pair}`;
		else parts.push(`${keysText(b)} ${b.label}`);
	});
	return parts.join('  ');
}

/** `note`: what the view says before its keys (the Lanes view: what it follows). */
export function Footer({view, replaying, section, note}: {view: KeyView; replaying: boolean; section?: Section; note?: string}): React.JSX.Element {
	// An open prompt takes the transport keys as text, and the help overlay has none: their line stays, empty.
	const transport = replaying ? footerText(view, replaying, true, section) : '';
	return (
		<Box flexDirection="column">
			<Text dimColor wrap="truncate-end">
				{note ? `${note} · ` : ''}
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
