import type {Health, TroubleKind} from '../model/health.js';
// How a row's health looks: a glyph that reads without colour, and a colour on
// top. Colour is never the only signal (NO_COLOR, --no-color, colour-blind users).

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
/** An image the kubelet cannot pull: nothing ran, so not a crash loop. U+21E3, one cell wide like ↻. */
export const PULL_BACK_OFF_GLYPH = '⇣';

/** The marks a trouble signal gets, and their words for the help overlay's legend. */
export const TROUBLE_STYLE: Readonly<Record<Exclude<TroubleKind, 'failing'>, {glyph: string; word: string}>> = {
	'crash-loop': {glyph: CRASH_LOOP_GLYPH, word: 'crash loop'},
	'pull-back-off': {glyph: PULL_BACK_OFF_GLYPH, word: 'image pull back-off'},
};

export function rowGlyph(tone: RowTone, trouble: TroubleKind | null): string {
	if (tone !== 'deleted' && trouble !== null && trouble !== 'failing') return TROUBLE_STYLE[trouble].glyph;
	return TONE_STYLE[tone].glyph;
}
