// Ink measures every text through measure-text.js's cache (layout and, with podlife's patch, the
// output stage too). Stock kept every text ever measured: a live session's ages and statuses make
// thousands of new texts an hour. The patched cache must measure as stock does and stay bounded.

import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {inkBuildDir} from './ink-builds.js';

interface MeasureModule {
	default: (text: string) => {width: number; height: number};
	podlifeMeasureCache?: {maxTexts: number; size(): number};
}

const load = async (build: 'ink' | 'ink-stock') => (await import(pathToFileURL(path.join(inkBuildDir(build), 'measure-text.js')).href)) as MeasureModule;

describe("Ink's text measure, patched", () => {
	it('measures texts as published Ink does, before and after its cache is emptied', async () => {
		const patched = await load('ink');
		const stock = await load('ink-stock');
		const texts = ['', 'a', 'NAME  READY', '✓ web-7d4f9', '世界\nab', '\u001B[31m👍 red\u001B[39m\n\n  x', 'e\u0301\t|'];
		for (const text of texts) expect(patched.default(text)).toEqual(stock.default(text));
		// Past the bound: the cache empties and refills, and answers stay the same.
		const cache = patched.podlifeMeasureCache!;
		for (let i = 0; i <= cache.maxTexts; i++) patched.default(`row ${i} ✓`);
		for (const text of texts) expect(patched.default(text)).toEqual(stock.default(text));
	});

	it('keeps at most its bound of texts however many a session shows', async () => {
		const cache = (await load('ink')).podlifeMeasureCache!;
		const {default: measureText} = await load('ink');
		for (let i = 0; i < cache.maxTexts * 2.5; i++) {
			measureText(` ✓  default  web-${i}  1/1  Running  0  ${i % 60}s`);
			if (cache.size() > cache.maxTexts) throw new Error(`${cache.size()} texts cached after ${i + 1} measured`);
		}
		expect(cache.size()).toBeGreaterThan(0);
	});
});
