// podlife's Ink patch measures and splits most texts in one pass over their char codes
// (ink/build/narrow-text.js) and builds rows with less work per character (styled-chars.js). The
// answers must be stock's, to the character: every code point the fast path accepts is checked
// against string-width, the tokenizer and Intl.Segmenter, and seeded random lines (lane glyphs,
// chalk's codes, malformed codes, wide and combining characters) against stock's functions.

import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import {beforeAll, describe, expect, it} from 'vitest';
import {seededRandom} from '../sources/replay/seeded-random.js';
import {inkBuildDir} from './ink-builds.js';

type StyledChars = ReturnType<typeof styledCharsFromTokens>;

interface NarrowModule {
	NARROW_RANGES: Array<[number, number]>;
	narrowWidth(text: string): number | undefined;
	narrowStyledChars(text: string): StyledChars | undefined;
}

interface StyledCharsModule {
	styledCharsFromTokens: typeof styledCharsFromTokens;
	styledCharsToString: typeof styledCharsToString;
}

interface MeasureModule {
	default: (text: string) => {width: number; height: number};
}

const load = async <T>(build: 'ink' | 'ink-stock', file: string): Promise<T> => (await import(pathToFileURL(path.join(inkBuildDir(build), file)).href)) as T;

let narrow: NarrowModule;
let styled: StyledCharsModule;
let patchedMeasure: MeasureModule;
let stockMeasure: MeasureModule;

beforeAll(async () => {
	narrow = await load<NarrowModule>('ink', 'narrow-text.js');
	styled = await load<StyledCharsModule>('ink', 'styled-chars.js');
	patchedMeasure = await load<MeasureModule>('ink', 'measure-text.js');
	stockMeasure = await load<MeasureModule>('ink-stock', 'measure-text.js');
});

const segmenter = new Intl.Segmenter();
const graphemes = (text: string) => [...segmenter.segment(text)].length;

const NARROW = ['a', 'Z', ' ', '~', '░', '▒', '▓', '█', '▄', '─', '┤', '╵', '▼', '▾', '▸', '↻', '⇣', '›', '–', '…', '✓', '✗', '○', 'é', '·'];
const OTHER = ['世', '👍', 'e\u0301', '❤️', '\t', '\u200B', '🇯🇵', '\u00AD', 'ｱ', '◽', '▶', '\n'];
const CODES = [
	'\u001B[32m',
	'\u001B[39m',
	'\u001B[1m',
	'\u001B[22m',
	'\u001B[2m',
	'\u001B[7m',
	'\u001B[27m',
	'\u001B[0m',
	'\u001B[m',
	'\u001B[1;33m',
	'\u001B[38;5;208m',
	'\u001B[38;2;1;2;3m',
	'\u001B[90m',
];
// Not SGR as the fast path reads it (too many digits, empty parameters, other finals, lone ESC, OSC).
const ODD = ['\u001B[1234m', '\u001B[;1m', '\u001B[1;m', '\u001B[2K', '\u001B', '\u001B[', '\u001B]8;;x\u0007', '\u009B31m'];

function randomLine(random: () => number): string {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	let line = '';
	const parts = Math.floor(random() * 12);
	for (let index = 0; index < parts; index++) {
		const roll = random();
		if (roll < 0.5) line += pick(NARROW).repeat(1 + Math.floor(random() * 6));
		else if (roll < 0.85) line += pick(CODES);
		else if (roll < 0.95) line += pick(OTHER);
		else line += pick(ODD);
	}
	return line;
}

describe("Ink's narrow-text fast path (podlife's patch)", () => {
	it('accepts only code points that are one column wide and a grapheme of their own', () => {
		let count = 0;
		for (const [from, to] of narrow.NARROW_RANGES) {
			for (let code = from; code <= to; code++) {
				const char = String.fromCharCode(code);
				const where = `U+${code.toString(16)}`;
				expect(stringWidth(char), where).toBe(1);
				expect(tokenize(char), where).toEqual([{type: 'char', value: char, fullWidth: false}]);
				// Alone between letters, doubled, and after a code: never joined to what surrounds it.
				expect(graphemes(`a${char}${char}a`), where).toBe(4);
				expect(graphemes(`\u001B[31m${char}`), where).toBe(6);
				count++;
			}
		}
		expect(count).toBeGreaterThan(500);
	});

	it('measures, splits and rebuilds random lines as stock does, taking the fast path for lane lines', () => {
		const random = seededRandom(13);
		let fast = 0;
		for (let index = 0; index < 4000; index++) {
			const line = randomLine(random);
			const context = JSON.stringify(line);
			expect(patchedMeasure.default(line), context).toEqual(stockMeasure.default(line));
			const width = narrow.narrowWidth(line);
			if (width !== undefined) expect(width, context).toBe(stringWidth(line));
			const stockChars = styledCharsFromTokens(tokenize(line));
			const chars = narrow.narrowStyledChars(line);
			if (chars !== undefined) {
				fast++;
				expect(chars, context).toEqual(stockChars);
			}
			expect(styled.styledCharsFromTokens(tokenize(line)), context).toEqual(stockChars);
			expect(styled.styledCharsToString(chars ?? styled.styledCharsFromTokens(tokenize(line))), context).toBe(styledCharsToString(stockChars));
		}
		// Most lines of lane glyphs and chalk's codes go the fast way; the rest, stock's.
		expect(fast).toBeGreaterThan(1000);
		expect(fast).toBeLessThan(4000);
	});

	it('takes the fast path for a coloured lane and not for a wide character or a cursor move', () => {
		const lane = '\u001B[35m› \u001B[39mweb-1 \u001B[32m████\u001B[39m\u001B[31m↻\u001B[39m\u001B[7m\u001B[31mx\u001B[39m\u001B[27m';
		expect(narrow.narrowWidth(lane)).toBe(14);
		expect(narrow.narrowStyledChars(lane)).toEqual(styledCharsFromTokens(tokenize(lane)));
		expect(narrow.narrowWidth('██世')).toBeUndefined();
		expect(narrow.narrowWidth('ab\u001B[2Kcd')).toBeUndefined();
	});
});
