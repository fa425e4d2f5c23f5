// How a row's health looks: a glyph that reads without colour, and a colour on
// top. Colour is never the only signal (NO_COLOR, --no-color, colour-blind users).

import type {Health} from '../model/types.js';

export type RowTone = Health | 'deleted';

export interface ToneStyle {
	glyph: string;
	/** An Ink colour name; the theme drops it when colour is off. */
	color: string;
	/** Word for the help overlay and the header counts. */
	word: string;
}

export const TONE_STYLE: Readonly<Record<RowTone, ToneStyle>> = {
	failing: {glyph: '✗', color: 'red', word: 'failing'},
	progressing: {glyph: '○', color: 'yellow', word: 'progressing'},
	ok: {glyph: '✓', color: 'green', word: 'ok'},
	deleted: {glyph: '–', color: 'gray', word: 'deleted'},
};

/** A crash loop gets its own glyph even when the pod is Running between restarts. */
export const CRASH_LOOP_GLYPH = '↻';

export function rowGlyph(tone: RowTone, crashLooping: boolean): string {
	if (tone !== 'deleted' && crashLooping) return CRASH_LOOP_GLYPH;
	return TONE_STYLE[tone].glyph;
}
