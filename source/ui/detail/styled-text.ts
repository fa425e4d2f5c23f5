// A line of styled spans as one string, each span styled as an Ink <Text> with the span's look
// styles its text (the same chalk, the same order: dim, colour, bold, inverse), so that a line can
// be drawn as one <Text> with a string child and still show what a <Text> per span showed.
//
// Why: Ink makes a React element, a fiber, a DOM node and a transform call for each nested <Text>;
// a lane is made of many runs, and opening the Lanes view draws fifty lanes never drawn before.

import chalk from 'chalk';
import type {Line} from '../../view/detail/lines.js';
import {toneLook, type ToneLook} from './tone-style.js';

/** `text` as <Text {...look}> draws it (Ink's Text transform, ink/build/components/Text.js). */
function styled(text: string, look: ToneLook): string {
	// Ink styles only texts that are not empty.
	if (text === '') return text;
	let out = text;
	if (look.dimColor) out = chalk.dim(out);
	if (look.color) out = chalk[look.color](out);
	if (look.bold) out = chalk.bold(out);
	if (look.inverse) out = chalk.inverse(out);
	return out;
}

/** The line as <Text>{spans as <Text {...toneLook(tone)} inverse={inverse}>}</Text> draws it. */
export function styledText(line: Line, noColor: boolean): string {
	let out = '';
	for (const part of line) out += styled(part.text, {...toneLook(part.tone, noColor), inverse: part.inverse});
	return out;
}
