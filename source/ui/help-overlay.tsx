// The `?` overlay: every binding of the key table, grouped by where it works,
// flowed into as many columns as the height needs. Built from the same table as
// dispatch, so it lists exactly what the keys do.

import React from 'react';
import {Box, Text} from 'ink';
import {bindingsFor, keysText, type KeyBinding} from './keys.js';
import {TONE_STYLE, TROUBLE_STYLE} from '../view/health-style.js';
import {truncate} from '../view/table-layout.js';
import {SECTIONS} from '../view/detail/sections.js';

interface HelpLine {
	text: string;
	heading: boolean;
}

function group(title: string, bindings: readonly KeyBinding[]): HelpLine[] {
	const lines: HelpLine[] = [{text: title, heading: true}];
	const seen = new Set<string>();
	for (const b of bindings) {
		const text = `${keysText(b).padEnd(8)} ${b.label}`;
		if (seen.has(text)) continue;
		seen.add(text);
		lines.push({text, heading: false});
	}
	return lines;
}

export function helpLines(replaying: boolean): HelpLine[] {
	const table = bindingsFor('table', replaying).filter(b => !b.replay);
	const detail = bindingsFor('detail', replaying).filter(b => !b.replay && !table.some(t => t.action === b.action && t.label === b.label));
	const lines = [...group('Pod table', table), ...group('Pod detail', detail)];
	if (replaying) lines.push(...group('Replay', bindingsFor('table', true).filter(b => b.replay)));
	lines.push(...group('Filter prompt (/)', bindingsFor('filter', replaying)), ...group(replaying ? 'Command line (:q, :ns NAME, a time)' : 'Command line (:q, :ns NAME)', bindingsFor('command', replaying)));
	for (const section of SECTIONS) {
		const own = bindingsFor('detail', replaying, section).filter(b => b.sections?.includes(section));
		if (own.length > 0) lines.push(...group(`Detail: ${section}`, own));
	}
	// One container in full (Enter in Containers): its own keys, those of the detail screen aside.
	const container = bindingsFor('container', replaying).filter(b => !b.replay && !bindingsFor('detail', replaying).includes(b));
	if (container.length > 0) lines.push(...group('Detail: a container in full', container));
	const legend = (['ok', 'progressing', 'failing', 'deleted'] as const).map(t => `${TONE_STYLE[t].glyph} ${TONE_STYLE[t].word}`);
	lines.push(
		{text: 'Marks', heading: true},
		{text: legend.join('  '), heading: false},
		{text: `${TROUBLE_STYLE['crash-loop'].glyph} ${TROUBLE_STYLE['crash-loop'].word}  ${TROUBLE_STYLE['pull-back-off'].glyph} ${TROUBLE_STYLE['pull-back-off'].word}`, heading: false},
		{text: '* changed  › selected', heading: false},
	);
	return lines;
}

export function HelpOverlay({replaying, width, height}: {replaying: boolean; width: number; height: number}): React.JSX.Element {
	const lines = helpLines(replaying);
	const rows = Math.max(1, height);
	const columnCount = Math.ceil(lines.length / rows);
	const columnWidth = Math.floor(width / columnCount);
	const columns: HelpLine[][] = [];
	for (let i = 0; i < lines.length; i += rows) columns.push(lines.slice(i, i + rows));
	return (
		<Box flexDirection="row" height={height}>
			{columns.map((column, c) => (
				<Box key={c} flexDirection="column" width={columnWidth}>
					{column.map((line, i) => (
						<Text key={i} bold={line.heading} wrap="truncate-end">
							{truncate(line.heading ? line.text : `  ${line.text}`, columnWidth - 1)}
						</Text>
					))}
				</Box>
			))}
		</Box>
	);
}
