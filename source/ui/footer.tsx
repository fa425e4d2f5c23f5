// The keys that work in this view, from the key table (keys.ts): what is shown
// is what dispatch does. Transport keys get their own line while replaying.
//
// A footer wider than the terminal leaves out whole entries, never half of one ("[ prev cha…"),
// and never the way out or to help (`? help`, `q quit`, `Esc back`): a newcomer on a narrow
// terminal must still see how to leave and where every key is listed.

import React from 'react';
import {Box, Text} from 'ink';
import {bindingsFor, keysText, type KeyAction, type KeyView} from './keys.js';
import type {Section} from '../view/detail/sections.js';
import {cells} from '../view/fit-text.js';

/** Kept in a narrow footer: help, quit, and each view's way back or out. */
const KEPT: ReadonlySet<KeyAction> = new Set<KeyAction>([
	'help',
	'quit',
	'back',
	'closeLog',
	'closeLanes',
	'closeContainer',
	'closeHelp',
	'promptEnter',
	'promptCancel',
]);

const GAP = '  ';

interface Entry {
	text: string;
	kept: boolean;
}

function footerEntries(view: KeyView, replaying: boolean, transport: boolean, section?: Section): Entry[] {
	const shown = bindingsFor(view, replaying, section).filter(b => b.footer !== false && Boolean(b.replay) === transport);
	const entries: Entry[] = [];
	shown.forEach((b, index) => {
		const before = shown[index - 1];
		// A pair ("← earlier", "→ later") is one entry: "←/→ time".
		if (b.pair !== undefined && before?.pair === b.pair) entries[entries.length - 1]!.text = `${keysText(before)}/${keysText(b)} ${b.pair}`;
		else entries.push({text: `${keysText(b)} ${b.label}`, kept: KEPT.has(b.action)});
	});
	return entries;
}

/** The entries, in the key table's order, that fit in `width` cells: the kept ones first served. */
function fitEntries(entries: readonly Entry[], width: number): string {
	const line = (list: readonly Entry[]) => list.map(e => e.text).join(GAP);
	if (cells(line(entries)) <= width) return line(entries);
	const chosen = new Set(entries.filter(e => e.kept));
	for (const entry of entries) {
		if (chosen.has(entry)) continue;
		const trial = entries.filter(e => chosen.has(e) || e === entry);
		if (cells(line(trial)) <= width) chosen.add(entry);
	}
	return line(entries.filter(e => chosen.has(e)));
}

// The key table does not change: a footer is made once per view and width, not on every frame
// (fitting it measures its entries over and over, and a Lanes footer's arrows are not ASCII).
const made = new Map<string, string>();
const MADE_MAX = 256;

/** The footer's keys as one line; `width`: the cells it may take (whole entries are left out to fit). */
export function footerText(view: KeyView, replaying: boolean, transport: boolean, section?: Section, width = Infinity): string {
	const key = `${view}\u0000${replaying}\u0000${transport}\u0000${section ?? ''}\u0000${width}`;
	let text = made.get(key);
	if (text === undefined) {
		text = fitEntries(footerEntries(view, replaying, transport, section), width);
		if (made.size >= MADE_MAX) made.clear();
		made.set(key, text);
	}
	return text;
}

/** `note`: what the view says before its keys (the Lanes view: what it follows); `aside`: the transport line's words while a prompt leaves it without keys. */
export function Footer({
	view,
	replaying,
	section,
	note,
	aside,
	width,
}: {
	view: KeyView;
	replaying: boolean;
	section?: Section;
	note?: string;
	aside?: string;
	width: number;
}): React.JSX.Element {
	const lead = note ? `${note} · ` : '';
	// An open prompt takes the transport keys as text, and the help overlay has none: their line stays, empty.
	const transport = replaying ? footerText(view, replaying, true, section, width - cells('replay: ')) : '';
	return (
		<Box flexDirection="column">
			<Text dimColor wrap="truncate-end">
				{lead}
				{footerText(view, replaying, false, section, width - cells(lead))}
			</Text>
			{replaying ? (
				<Text dimColor wrap="truncate-end">
					{transport === '' ? (aside ?? ' ') : `replay: ${transport}`}
				</Text>
			) : null}
		</Box>
	);
}
