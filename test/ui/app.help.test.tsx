import {afterEach, describe, expect, it} from 'vitest';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

/** The overlay's rows: the frame between the header/scrubber (3 lines) and the footer (2 lines). */
function overlayLines(frame: string): string[] {
	return frame.split('\n').slice(3, -2);
}

describe('the ? help overlay', () => {
	it('at 80×24 keeps every heading with its keys, cuts no label, and says there is more', async () => {
		const {app} = await openReplayApp('crashloop', {size: {columns: 80, rows: 24}});
		await app.press('?');
		const frame = await app.waitFor('Pod table');
		const lines = overlayLines(frame);
		expect(lines.join('\n')).not.toContain('…');
		expect(lines.at(-1)).toMatch(/^▼ more below {2}1–\d+ of \d+ {2}j\/k PgUp\/PgDn g\/G scroll$/);
		// No heading on the last row of the page: the keys under it would be on the next one.
		const rows = lines.slice(0, -1);
		expect(rows.at(-1)).not.toMatch(/^(Pod|Replay|Detail|Marks|A container)/);
		expect(rows.at(-1)).not.toMatch(/ {3}(Pod|Replay|Detail|Marks|A container)/);
		expect(frame).toContain('?/Esc close help  q quit');
	});

	it('scrolls with PgDn/PgUp, j/k and g/G down to the marks, and Esc closes it', async () => {
		const {app} = await openReplayApp('crashloop', {size: {columns: 80, rows: 24}});
		await app.press('?');
		await app.waitFor('▼ more below');
		expect(app.lastFrame()).not.toContain('Marks');
		// PgDn a page at a time: each page starts where the last one ended.
		await app.press(KEY.pageDown);
		await app.waitFor('▲▼ more  18–34 of');
		for (let n = 0; n < 8 && !app.lastFrame().includes('Marks'); n++) await app.press(KEY.pageDown);
		let frame = await app.waitFor('Marks');
		expect(frame).toMatch(/▲▼? more/);
		expect(frame).toMatch(/✓ ok {2}○ progressing/);
		expect(frame).toContain('↻ crash loop');
		await app.press('g');
		await app.waitFor('▼ more below  1–');
		await app.press('j');
		await app.waitFor('▲▼ more  2–');
		await app.press('k');
		await app.waitFor('▼ more below  1–');
		await app.press('G');
		frame = await app.waitFor('▲ more above');
		expect(frame).not.toContain('▼');
		for (let n = 0; n < 5 && !app.lastFrame().includes('▼ more below'); n++) await app.press(KEY.pageUp);
		await app.waitFor('▼ more below  1–');
		await app.press(KEY.escape);
		frame = await app.waitFor('NAMESPACE');
		expect(frame).not.toContain('more below');
	});

	it('is readable at 60×12: whole labels in a window that scrolls', async () => {
		const {app} = await openReplayApp('crashloop', {size: {columns: 60, rows: 12}});
		await app.press('?');
		let frame = await app.waitFor('Pod table');
		expect(overlayLines(frame).join('\n')).not.toContain('…');
		expect(frame).toMatch(/↑\/k +up/);
		expect(frame).toContain('▼ more below');
		// PgDn by PgDn down to the marks: their heading tops a page, its first marks below it.
		for (let n = 0; n < 40 && !app.lastFrame().includes('Marks'); n++) await app.press(KEY.pageDown);
		frame = app.lastFrame();
		const lines = overlayLines(frame);
		const at = lines.findIndex(line => line.includes('Marks'));
		expect(at).toBe(0);
		expect(lines[1]!.slice(lines[0]!.indexOf('Marks'))).toContain('✓ ok');
		expect(lines.join('\n')).not.toContain('…');
	});

	it('fits whole at 200×50, with no indicator; q quits from it', async () => {
		const {app} = await openReplayApp('crashloop', {size: {columns: 200, rows: 50}});
		const exited = app.instance.waitUntilExit();
		await app.press('?');
		const frame = await app.waitFor('Marks');
		for (const heading of ['Pod table', 'Pod detail', 'Replay', 'Detail: Containers', 'Detail: Timeline', 'A container in full'])
			expect(frame).toContain(heading);
		expect(frame).not.toContain('more below');
		await app.press('q');
		await expect(exited).resolves.toBeUndefined();
	});
});
