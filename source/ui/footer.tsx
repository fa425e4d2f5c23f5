// The keys that work in this view, from the key table (keys.ts): what is shown
// is what dispatch does. Transport keys get their own line while replaying.

import React from 'react';
import {Box, Text} from 'ink';
import {bindingsFor, keysText, type KeyView} from './keys.js';

export function footerText(view: KeyView, replaying: boolean, transport: boolean): string {
	return bindingsFor(view, replaying)
		.filter(b => b.footer !== false && Boolean(b.replay) === transport)
		.map(b => `${keysText(b)} ${b.label}`)
		.join('  ');
}

export function Footer({view, replaying}: {view: KeyView; replaying: boolean}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text dimColor wrap="truncate-end">
				{footerText(view, replaying, false)}
			</Text>
			{replaying ? (
				<Text dimColor wrap="truncate-end">
					{`replay: ${footerText(view, replaying, true)}`}
				</Text>
			) : null}
		</Box>
	);
}
