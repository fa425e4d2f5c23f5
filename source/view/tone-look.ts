// How each tone of a styled span looks, in one table: the TUI hands it to Ink's <Text>
// (ui/detail/tone-style.ts), `--output lanes` writes it to a terminal as SGR sequences (sgrCodes).
// Colour is never the only signal: every tone that matters also has a glyph or a word in the text
// (✓/✗, ⚠, ░█▒x↻), so NO_COLOR loses nothing but the colour.

import type {Tone} from './detail/lines.js';

/** The colours the tones use, by the names chalk (and so Ink's <Text>) knows them. */
export type ToneColor = 'cyan' | 'gray' | 'green' | 'yellow' | 'red' | 'blue' | 'magenta';

export interface ToneLook {
	color?: ToneColor;
	bold?: boolean;
	dimColor?: boolean;
	inverse?: boolean;
}

export const TONE_LOOKS: Readonly<Record<Tone, ToneLook>> = {
	plain: {},
	heading: {bold: true, color: 'cyan'},
	label: {color: 'gray'},
	dim: {dimColor: true},
	good: {color: 'green'},
	warn: {color: 'yellow'},
	bad: {color: 'red'},
	info: {color: 'blue'},
	accent: {color: 'magenta'},
	// A search's matches: inverse, so they show without colour too; the one the view went to, in colour.
	match: {inverse: true},
	current: {inverse: true, bold: true, color: 'yellow'},
};

// The SGR foreground codes of the colours above (gray is bright black).
const SGR_COLOR: Readonly<Record<ToneColor, number>> = {red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90};

/** The SGR parameters ("1;36") that draw a look on a terminal; "" for plain text. */
export function sgrCodes(look: ToneLook): string {
	const codes: number[] = [];
	if (look.bold) codes.push(1);
	if (look.dimColor) codes.push(2);
	if (look.inverse) codes.push(7);
	if (look.color) codes.push(SGR_COLOR[look.color]);
	return codes.join(';');
}
