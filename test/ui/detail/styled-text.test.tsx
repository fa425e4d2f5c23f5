// A line's spans styled into one string (one <Text> per lane) must look exactly as a <Text> per
// span looks in Ink: the same colours, bold, dim and inverse, with colour on and off.
import chalk from 'chalk';
import {Text} from 'ink';
import React from 'react';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {styledText} from '../../../source/ui/detail/styled-text.js';
import {toneLook} from '../../../source/ui/detail/tone-style.js';
import {laneLegend, laneLine, laneMarks} from '../../../source/view/lanes/lane-cells.js';
import {span, type Line, type Tone} from '../../../source/view/detail/lines.js';
import {renderAtSize, type Rendered} from '../helpers/render-at-size.js';

const TONES: Tone[] = ['plain', 'heading', 'label', 'dim', 'good', 'warn', 'bad', 'info', 'accent', 'match', 'current'];

let rendered: Rendered[] = [];
afterEach(() => {
	for (const app of rendered) app.instance.unmount();
	rendered = [];
});

const level = chalk.level;
beforeAll(() => {
	// Colour as in a real terminal (vitest's workers have none).
	chalk.level = 3;
});
afterAll(() => {
	chalk.level = level;
});

function frameOf(tree: React.ReactElement): string {
	const app = renderAtSize(tree, {columns: 120, rows: 5});
	rendered.push(app);
	return app.lastFrame();
}

/** The line as a <Text> per span, as the lanes were drawn before (and as LinesView draws). */
function perSpan(line: Line, noColor: boolean): React.ReactElement {
	return (
		<Text wrap="truncate-end">
			{line.map((part, index) => (
				<Text key={index} {...toneLook(part.tone, noColor)} inverse={part.inverse}>
					{part.text}
				</Text>
			))}
		</Text>
	);
}

const lines: Line[] = [
	TONES.map(tone => span(`${tone} `, tone)),
	[span('› ', 'accent'), {...span('web-7d4f9b-x2', 'plain'), inverse: true}, span(' '), ...laneLegend()],
	[span(''), span('░░▒▒', 'warn'), {...span('█', 'good'), inverse: true}, span('', 'bad'), span('↻x', 'bad')],
	// A lane drawn from marks, with the cursor's cell inverse.
	laneLine(
		laneMarks(
			{
				start: 0,
				end: 9_000,
				segments: [
					{from: 0, to: 2_000, cls: 'pending', status: 'Pending', ready: '0/1'},
					{from: 2_000, to: 5_000, cls: 'ready', status: 'Running', ready: '1/1'},
					{from: 5_000, to: 9_000, cls: 'failed', status: 'Error', ready: '0/1'},
				],
				restarts: [6_000],
				before: [],
			},
			{start: 0, end: 10_000, cells: 40},
			10_000,
			4_000,
		),
		15,
	),
];

describe('a line styled as one string', () => {
	it.each([false, true])('draws what a <Text> per span draws (noColor %s)', noColor => {
		for (const line of lines) {
			const one = frameOf(<Text wrap="truncate-end">{styledText(line, noColor)}</Text>);
			expect(one).toBe(frameOf(perSpan(line, noColor)));
			// Colour is there when it is on, and only bold, dim and inverse when it is off.
			if (!noColor && line.some(part => part.tone === 'good')) expect(one).toMatch(/\u001B\[32m/);
			if (noColor) expect(one).not.toMatch(/\u001B\[3\dm/);
		}
	});
});
