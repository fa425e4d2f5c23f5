import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {helpLayout, helpWindow, type HelpGroup, type HelpLayout} from '../../source/view/help-layout.js';
import {screenLayout} from '../../source/view/screen-layout.js';
import {helpGroups} from '../../source/ui/help-groups.js';

/** The overlay as the app lays it out in a terminal of that size, replaying (the most keys). */
function overlayAt(columns: number, rows: number, replaying = true): {layout: HelpLayout; groups: HelpGroup[]; width: number; height: number} {
	const screen = screenLayout(columns, rows, replaying);
	const groups = helpGroups(replaying);
	const height = screen.bodyLines + 2;
	return {layout: helpLayout(groups, screen.width, height), groups, width: screen.width, height};
}

/** Column `c` of the grid as lines of text. */
function column(layout: HelpLayout, c: number): Array<{text: string; heading: boolean}> {
	return layout.rows.map(row => ({text: row[c]?.text.trimEnd() ?? '', heading: row[c]?.heading ?? false}));
}

/** Every check the overlay makes at a size: nothing cut, nothing lost, headings with their keys on one page. */
function expectReadable(columns: number, rows: number): HelpLayout {
	const {layout, groups, width, height} = overlayAt(columns, rows);
	const text = layout.rows.map(row => row.map(cell => cell.text).join(''));
	for (const line of text) expect(stringWidth(line)).toBeLessThanOrEqual(width);
	// No label is cut: at 60 columns and up there is room for every one.
	expect(text.join('\n')).not.toContain('…');
	// Every heading (a long one over two lines) and every label is there, whole.
	const columnsText = Array.from({length: layout.columns}, (_, c) =>
		column(layout, c)
			.map(line => line.text.trim())
			.join(' '),
	);
	for (const group of groups) {
		expect(
			columnsText.some(text => text.includes(group.title)),
			group.title,
		).toBe(true);
		for (const entry of group.entries) expect(text.join('\n')).toContain(entry.label);
	}
	// A heading is never the last line of a page (or of its column): its first key is right below, on the same page.
	for (let c = 0; c < layout.columns; c++) {
		const lines = column(layout, c);
		lines.forEach((line, i) => {
			if (!line.heading || line.text.startsWith(' ')) return;
			let below = i + 1;
			while (lines[below]?.heading) below++;
			expect(lines[below]?.text.trim(), `${line.text} at ${columns}×${rows}`).toMatch(/\S/);
			expect(Math.floor(i / layout.window), `${line.text} split from its keys at ${columns}×${rows}`).toBe(Math.floor(below / layout.window));
		});
	}
	expect(layout.window).toBeLessThanOrEqual(height);
	return layout;
}

describe('help overlay layout', () => {
	it('fits 200×50 whole, in columns, with no scroll indicator', () => {
		const layout = expectReadable(200, 50);
		expect(layout.columns).toBeGreaterThan(1);
		expect(layout.scrollMax).toBe(0);
		expect(helpWindow(layout, 0).indicator).toBeNull();
	});

	it('at 80×24 keeps each heading with its keys and scrolls by whole pages, saying there is more', () => {
		const layout = expectReadable(80, 24);
		expect(layout.columns).toBe(2);
		expect(layout.scrollMax).toBeGreaterThan(0);
		expect(layout.rows.length % layout.window).toBe(0);
		const first = helpWindow(layout, 0);
		expect(first.indicator).toMatch(/^▼ more below {2}1–\d+ of \d+$/);
		const last = helpWindow(layout, layout.scrollMax);
		expect(last.indicator).toMatch(/^▲ more above/);
		// The last page is the grid's last rows: the tail of it, whatever groups it holds.
		expect(last.rows).toEqual(layout.rows.slice(layout.scrollMax, layout.scrollMax + layout.window));
		expect(last.rows).not.toEqual(first.rows);
		expect(helpWindow(layout, 1).indicator).toMatch(/^▲▼ more {2}2–/);
	});

	it('keeps every heading on one line at 80×24, 60×20 and 200×50, live and replaying', () => {
		for (const [columns, rows] of [
			[80, 24],
			[60, 20],
			[200, 50],
		] as const) {
			for (const replaying of [true, false]) {
				const {layout, groups} = overlayAt(columns, rows, replaying);
				const headings = layout.rows.flatMap(row => row.filter(cell => cell.heading).map(cell => cell.text.trim()));
				for (const group of groups) expect(headings, `${group.title} at ${columns}×${rows}`).toContain(group.title);
			}
		}
	});

	it('at 60×12 is readable: whole labels, a window of rows and an indicator', () => {
		const layout = expectReadable(60, 12);
		const shown = helpWindow(layout, 0);
		expect(shown.rows.length).toBe(layout.window);
		expect(shown.indicator).toContain('more below');
		// Scrolling past the end stops at the last page.
		expect(helpWindow(layout, 10_000).scroll).toBe(layout.scrollMax);
	});

	it('takes as few columns as the height needs', () => {
		const groups: HelpGroup[] = [
			{
				title: 'A',
				entries: [
					{keys: 'a', label: 'one'},
					{keys: 'b', label: 'two'},
				],
			},
			{title: 'B', entries: [{keys: 'c', label: 'three'}]},
		];
		expect(helpLayout(groups, 80, 5).columns).toBe(1);
		const two = helpLayout(groups, 80, 3);
		expect(two.columns).toBe(2);
		expect(
			two.rows.map(row =>
				row
					.map(cell => cell.text)
					.join('')
					.trimEnd(),
			),
		).toEqual(['A          B', '  a  one     c  three', '  b  two']);
	});

	it('cuts labels only when one column is narrower than they are', () => {
		const groups: HelpGroup[] = [{title: 'A', entries: [{keys: 'a', label: 'a rather long label'}]}];
		const layout = helpLayout(groups, 12, 5);
		expect(layout.rows.map(row => row[0]!.text)).toEqual(['A', '  a  a rath…']);
	});
});
