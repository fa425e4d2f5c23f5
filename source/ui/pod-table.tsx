// The pod table: a column header and the visible rows only, as view/table-frame.ts
// derived them. Each row is one line: cursor mark, health glyph, change mark, then
// the cells. The selected row is inverse, a row that just changed is bold with
// "*", a deleted pod is dim, and every row is dim while the live watch is down;
// the glyph carries health without colour. The header's arrows say that ←/→
// scroll columns into view (view/table-layout.ts).
//
// Why one memoized text per row, marks and cells together: a frame after one pod
// update re-renders only the rows whose line or look changed. (The marks of all
// rows used to be one text of nested coloured texts, re-rendered whole every
// frame, a large share of a frame on a big screen. They were kept out of the
// cell lines because Ink measured every text with string-width on every frame,
// slow as soon as a line is not plain ASCII; podlife's Ink patch reads those
// widths from Ink's own cache, so a changed line is measured once.)

import React, {memo} from 'react';
import {Box, Text} from 'ink';
import {ROW_PREFIX_WIDTH, type TableBody, type TableLine} from '../view/table-frame.js';
import {TONE_STYLE} from '../view/health-style.js';
import {useTheme} from './theme.js';
import {toneLook} from './detail/tone-style.js';
import type {Line} from '../view/detail/lines.js';

interface LineStyle {
	inverse: boolean;
	dimColor: boolean;
	bold: boolean;
}

function lineStyle(line: TableLine, selected: boolean, stale: boolean): LineStyle {
	return {inverse: selected, dimColor: stale || (line.tone === 'deleted' && !selected), bold: line.changed && !stale};
}

interface LineProps extends LineStyle {
	/** '›' on the selected row. */
	cursor: string;
	glyph: string;
	glyphColor: string | undefined;
	changed: boolean;
	/** The cells (view/table-layout.ts rowLine). */
	text: string;
}

/** One row; re-rendered only when its text or look changes. */
const PodLine = memo(function PodLine({cursor, glyph, glyphColor, changed, text, inverse, dimColor, bold}: LineProps): React.JSX.Element {
	return (
		<Text inverse={inverse} dimColor={dimColor} bold={bold} wrap="truncate-end">
			{cursor}
			<Text color={glyphColor}>{glyph}</Text>
			{changed ? '* ' : '  '}
			{text}
		</Text>
	);
});

/** What a heading shows, as one string: equal signatures draw the same. */
function signature(line: Line): string {
	let out = '';
	for (const part of line) out += `${part.tone ?? ''}\u0001${part.text}\u0002`;
	return out;
}

/** A heading of the grouped table (o): its line's spans after the cursor mark; re-rendered only when its text or look changes. */
const HeadingLine = memo(
	function HeadingLine({
		line,
		cursor,
		inverse,
		noColor,
	}: {
		line: Line;
		signature: string;
		cursor: string;
		inverse: boolean;
		noColor: boolean;
	}): React.JSX.Element {
		return (
			<Text inverse={inverse} wrap="truncate-end">
				{cursor}{' '}
				{line.map((part, index) => (
					<Text key={index} {...toneLook(part.tone, noColor)}>
						{part.text}
					</Text>
				))}
			</Text>
		);
	},
	(before, after) =>
		before.signature === after.signature && before.cursor === after.cursor && before.inverse === after.inverse && before.noColor === after.noColor,
);

/** The table as view/table-frame.ts derived it. */
export function PodTable({body}: {body: TableBody}): React.JSX.Element {
	const theme = useTheme();
	const {lines, selected, height, stale} = body;
	const header = (
		<Text bold wrap="truncate-end">
			{body.arrows.padEnd(ROW_PREFIX_WIDTH)}
			{body.header}
		</Text>
	);
	if (lines.length === 0) {
		return (
			<Box flexDirection="column" height={height + 1}>
				{header}
				<Text dimColor>{`${' '.repeat(ROW_PREFIX_WIDTH)}${body.empty}`}</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" height={height + 1}>
			{header}
			{lines.map((line, i) =>
				line.heading ? (
					<HeadingLine
						key={line.key}
						line={line.heading}
						signature={signature(line.heading)}
						cursor={i === selected ? '›' : ' '}
						inverse={i === selected}
						noColor={theme.noColor}
					/>
				) : (
					<PodLine
						key={line.key}
						cursor={i === selected ? '›' : ' '}
						glyph={line.glyph}
						glyphColor={theme.color(TONE_STYLE[line.tone].color)}
						changed={line.changed}
						text={line.text}
						{...lineStyle(line, i === selected, stale)}
					/>
				),
			)}
		</Box>
	);
}
