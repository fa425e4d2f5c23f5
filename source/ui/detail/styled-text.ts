// A line of styled spans as one string, each span styled as an Ink <Text> with the span's look
// styles its text (the same chalk, the same order: dim, colour, bold, inverse), so that a line can
// be drawn as one <Text> with a string child and still show what a <Text> per span showed.
//
// Why: Ink makes a React element, a fiber, a DOM node and a transform call for each nested <Text>;
// a lane is made of many runs, and opening the Lanes view draws fifty lanes never drawn before.

import chalk from 'chalk';
import type {Line, Tone} from '../../view/detail/lines.js';
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

// What chalk puts around a text, per look: for a text without escapes or line breaks (a lane's
// glyphs, a name) chalk's output is the same before and after it whatever the text, so it is made
// once by styling a stand-in and the text goes in its place — no chalk calls per span of a line.
const STAND_IN = '\uE000';
const around = new Map<string, readonly [string, string]>();

function aroundOf(tone: Tone | undefined, inverse: boolean | undefined, noColor: boolean): readonly [string, string] {
	// The level: colour can be turned off (and tests turn it on) after a look was made.
	const key = `${chalk.level}\u0000${tone ?? ''}\u0000${inverse === true}\u0000${noColor}`;
	let made = around.get(key);
	if (!made) {
		const probe = styled(STAND_IN, {...toneLook(tone, noColor), inverse});
		const at = probe.indexOf(STAND_IN);
		made = [probe.slice(0, at), probe.slice(at + STAND_IN.length)];
		around.set(key, made);
	}
	return made;
}

/** The line as <Text>{spans as <Text {...toneLook(tone)} inverse={inverse}>}</Text> draws it. */
export function styledText(line: Line, noColor: boolean): string {
	let out = '';
	for (const part of line) {
		const {text} = part;
		if (text === '') continue;
		if (text.includes('\u001B') || text.includes('\n')) {
			out += styled(text, {...toneLook(part.tone, noColor), inverse: part.inverse});
			continue;
		}
		const [before, after] = aroundOf(part.tone, part.inverse, noColor);
		out += before + text + after;
	}
	return out;
}
