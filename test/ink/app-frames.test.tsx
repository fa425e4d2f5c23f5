// The whole app, drawn by podlife's patched Ink and by Ink 6.8.0 as published (`ink-stock`),
// must show the user the very same screens: the same keys and pod updates, frame for frame,
// colours and wide marks (✓ ✗ ○ – › ↻) included. Each build gets a module graph of its own
// (vi.resetModules), so the app's components use the hooks and contexts of the Ink that renders them.

import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import React from 'react';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {loadCapture} from '../helpers/load-capture.js';
import {inkBuildDir, loadOutput} from './ink-builds.js';

type Build = 'ink' | 'ink-stock';

/** The chalk a build colours its text with (vitest's workers have no terminal, so it starts colourless). */
async function chalkOf(build: Build): Promise<{level: number}> {
	const file = createRequire(path.join(inkBuildDir(build), 'index.js')).resolve('chalk');
	return ((await import(pathToFileURL(file).href)) as {default: {level: number}}).default;
}

async function loadApp(build: Build) {
	vi.resetModules();
	if (build === 'ink-stock') vi.doMock('ink', () => import('ink-stock'));
	else vi.doUnmock('ink');
	const [{App}, {FrameSource}, {makeTheme, ThemeContext}, {realScheduler}, {renderAtSize, KEY}, {captureStore, captureFile}] = await Promise.all([
		import('../../source/ui/app.js'),
		import('../../source/ui/frame-source.js'),
		import('../../source/ui/theme.js'),
		import('../../source/sources/replay/scheduler.js'),
		import('../ui/helpers/render-at-size.js'),
		import('../ui/helpers/capture-store.js'),
	]);
	return {App, FrameSource, makeTheme, ThemeContext, realScheduler, renderAtSize, KEY, captureStore, captureFile};
}

type Loaded = Awaited<ReturnType<typeof loadApp>>;
type Rendered = ReturnType<Loaded['renderAtSize']>;

/** Waits until no new frame came for a while: the screen the user is left looking at. */
async function settle(app: Rendered): Promise<string> {
	let count = -1;
	const start = performance.now();
	while (count !== app.stdout.frames.length && performance.now() - start < 3000) {
		count = app.stdout.frames.length;
		await new Promise(resolve => setTimeout(resolve, 60));
	}
	return app.lastFrame();
}

const START_T = 60_000;

/** Every screen of a session: table keys, the filter, detail sections, help, lanes, a resize, pod updates. */
async function screens(build: Build): Promise<string[]> {
	const m = await loadApp(build);
	const data = m.captureStore('mixed', START_T);
	const later = loadCapture(m.captureFile('mixed')).entries.filter(entry => entry.t > START_T);
	const frames = new m.FrameSource([listener => data.store.subscribe(listener)], m.realScheduler, 0, 0);
	const app = m.renderAtSize(
		<m.ThemeContext.Provider value={m.makeTheme(false)}>
			<m.App
				store={data.store}
				clock={data.clock}
				info={{...data.info, kind: 'live', title: 'kind-kind', context: 'kind-kind', server: 'https://127.0.0.1:6443'}}
				frames={frames}
			/>
		</m.ThemeContext.Provider>,
		{columns: 160, rows: 50},
	);
	const shown: string[] = [];
	const look = async (label: string) => shown.push(`── ${label}\n${await settle(app)}`);
	try {
		await app.waitFor('NAMESPACE');
		await look('first frame');
		const steps: Array<[string, string[]]> = [
			['j j j', ['j', 'j', 'j']],
			['k', ['k']],
			['page down, G, g', [m.KEY.pageDown, 'G', 'g']],
			['filter "co"', ['/', 'c', 'o']],
			['filter applied', [m.KEY.enter]],
			['filter cleared', [m.KEY.escape]],
			['faulty only', ['f']],
			['all again', ['f']],
			['wide', ['w']],
			['sort', ['s']],
			['detail', [m.KEY.enter]],
			['next section', [m.KEY.tab]],
			['next section', [m.KEY.tab]],
			['next section', [m.KEY.tab]],
			['next section', [m.KEY.tab]],
			['next section', [m.KEY.tab]],
			['previous section', [m.KEY.shiftTab]],
			['back', [m.KEY.escape]],
			['help', ['?']],
			['help closed', [m.KEY.escape]],
			// The Lanes view: box-drawing glyphs in many colours, the inverse cursor column.
			['lanes', ['L']],
			['lanes zoomed in', ['+']],
			['lanes cursor back', [m.KEY.left, m.KEY.left]],
			['lanes grouped by owner', ['o']],
			['lanes ungrouped', ['o']],
			['table again', ['L']],
		];
		for (const [label, keys] of steps) {
			await app.press(...keys);
			await look(label);
		}
		// Pods change under the table: rows move, counts and ages change.
		for (const [index, entry] of later.slice(0, 40).entries()) {
			data.clock.at = data.recordedAtMs + entry.t;
			data.store.apply(entry, data.clock.at);
			if (index % 4 === 3) await look(`after entry ${index}`);
		}
		app.stdout.resize(100, 30);
		await look('resized to 100×30');
		await app.press('j', m.KEY.enter);
		await look('detail at 100×30');
	} finally {
		app.instance.unmount();
		frames.dispose();
	}
	return shown;
}

describe('the app drawn by the patched Ink', () => {
	const levels: Array<[{level: number}, number]> = [];
	beforeAll(async () => {
		// Colour as in a real terminal, truecolor, for both builds.
		for (const build of ['ink', 'ink-stock'] as const) {
			const chalk = await chalkOf(build);
			levels.push([chalk, chalk.level]);
			chalk.level = 3;
		}
	});
	afterAll(() => {
		for (const [chalk, level] of levels.reverse()) chalk.level = level;
		vi.doUnmock('ink');
		vi.resetModules();
	});

	it('shows every screen exactly as Ink 6.8.0 as published shows it', async () => {
		// Which Output drew each run: only the patched one fills the row cache.
		const rowCache = (await loadOutput('ink')).podlifeRowCache!;
		const before = rowCache.size().rows;
		const stock = await screens('ink-stock');
		expect(rowCache.size().rows).toBe(before);
		const patched = await screens('ink');
		expect(rowCache.size().rows).toBeGreaterThan(before);
		if (process.env.PODLIFE_DUMP_SCREENS) (await import('node:fs')).writeFileSync(process.env.PODLIFE_DUMP_SCREENS, stock.join('\n'));
		expect(patched).toHaveLength(stock.length);
		for (const [index, screen] of stock.entries()) expect(patched[index]).toBe(screen);
		// The comparison covers colour and the table's wide-looking marks.
		const all = stock.join('\n');
		expect(all).toContain('\u001B[3');
		for (const mark of ['✓', '›', '↻']) expect(all).toContain(mark);
		// Pod updates changed what the table shows.
		expect(new Set(stock.slice(-14, -2).map(screen => screen.replace(/^── .*\n/, ''))).size).toBeGreaterThan(1);
	});
});
