// How a span's tone looks in Ink. Colour is never the only signal: every tone that matters also has
// a glyph or a word in the text (✓/✗, ⚠, ░█▒x↻), so NO_COLOR loses nothing but the colour.

import type {ForegroundColorName} from 'chalk';
import type {Tone} from '../../view/detail/lines.js';

export interface ToneLook {
	/** A colour chalk (and so Ink's <Text>) knows by name. */
	color?: ForegroundColorName;
	bold?: boolean;
	dimColor?: boolean;
	inverse?: boolean;
}

const LOOKS: Readonly<Record<Tone, ToneLook>> = {
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

/** The Ink Text props for a tone; without colour only bold and dim remain. */
export function toneLook(tone: Tone | undefined, noColor: boolean): ToneLook {
	const look = LOOKS[tone ?? 'plain'];
	if (!noColor) return look;
	return {bold: look.bold, dimColor: look.dimColor, inverse: look.inverse};
}
