// How a span's tone looks in Ink: the one table of looks (view/tone-look.ts), less the colour
// under NO_COLOR.

import type {Tone} from '../../view/detail/lines.js';
import {TONE_LOOKS, type ToneLook} from '../../view/tone-look.js';

export type {ToneLook} from '../../view/tone-look.js';

/** The Ink Text props for a tone; without colour only bold and dim remain. */
export function toneLook(tone: Tone | undefined, noColor: boolean): ToneLook {
	const look = TONE_LOOKS[tone ?? 'plain'];
	if (!noColor) return look;
	return {bold: look.bold, dimColor: look.dimColor, inverse: look.inverse};
}
