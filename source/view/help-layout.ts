// The `?` overlay laid out for the size it has. Each group (a heading and its keys) is a block
// kept whole in one column, so a heading always sits right above its keys; blocks flow top to
// bottom, then left to right. It takes as few columns as the height needs, each as wide as its
// widest line, so labels are cut only when even one column is narrower than a line; the room left
// then widens the columns whose headings need it, so a heading wraps only when the terminal is too
// narrow for it whole. When it still does not fit the height, the whole grid scrolls under a
// one-line indicator.
// Pure: the component draws the rows it is given (ui/help-overlay.tsx).

import stringWidth from 'string-width';
import {truncate, wrap} from './detail/lines.js';

export interface HelpEntry {
	/** "↑/k", "Esc", or a mark ("↻"). */
	keys: string;
	label: string;
}

export interface HelpGroup {
	title: string;
	entries: readonly HelpEntry[];
	/** Short entries (the marks' legend) flowed several to a line, as wide as the key columns. */
	flow?: boolean;
}

export interface HelpCell {
	text: string;
	heading: boolean;
}

/** One screen row: a cell per column, each padded to its column (gap included). */
export type HelpRow = HelpCell[];

export interface HelpLayout {
	/** Every row of the grid, top to bottom. */
	rows: HelpRow[];
	columns: number;
	/** Rows shown at once (the height, less the indicator line when it scrolls). */
	window: number;
	/** The largest scroll offset; 0 when everything fits. */
	scrollMax: number;
}

const GAP = 3;
const INDENT = '  ';
/** A heading is never wrapped narrower than this. */
const MIN_HEADING = 20;

interface BlockLine {
	text: string;
	heading: boolean;
}

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

function widest(lines: readonly BlockLine[]): number {
	return Math.max(0, ...lines.map(line => stringWidth(line.text)));
}

/**
 * A heading in `width` cells: a longer one ("Command line (:q, :ns NAME, a time)") goes on over the
 * next lines, indented, rather than be cut. The grid first gives a column the room its headings
 * need when the terminal has it (helpLayout), so a heading wraps only where it must.
 */
function headingLines(title: string, width: number): BlockLine[] {
	if (stringWidth(title) <= width) return [{text: title, heading: true}];
	return wrap(title, Math.max(MIN_HEADING, width) - INDENT.length).map((text, index) => ({text: index === 0 ? text : `${INDENT}${text}`, heading: true}));
}

/**
 * A group's lines: its heading, then one key a line (keys padded to one width), or flowed marks.
 * `headingWidth`: the heading's room (absent: as wide as the group's own lines).
 */
function blockLines(group: HelpGroup, keyWidth: number, flowWidth: number, headingWidth?: number): BlockLine[] {
	if (!group.flow) {
		const entries = group.entries.map(entry => ({text: `${INDENT}${pad(entry.keys, keyWidth)}  ${entry.label}`, heading: false}));
		return [...headingLines(group.title, headingWidth ?? widest(entries)), ...entries];
	}
	const lines = headingLines(group.title, headingWidth ?? flowWidth);
	let current = '';
	for (const entry of group.entries) {
		const item = `${entry.keys} ${entry.label}`;
		const next = current === '' ? `${INDENT}${item}` : `${current}  ${item}`;
		if (current !== '' && stringWidth(next) > flowWidth) {
			lines.push({text: current, heading: false});
			current = `${INDENT}${item}`;
		} else current = next;
	}
	if (current !== '') lines.push({text: current, heading: false});
	return lines;
}

/** Blocks in order into at most `count` columns, the tallest column as short as it can be. */
function partition(heights: readonly number[], count: number): {columns: number[][]; height: number} {
	const total = heights.reduce((sum, h) => sum + h, 0);
	for (let limit = Math.max(...heights, Math.ceil(total / count)); ; limit++) {
		const columns: number[][] = [[]];
		let used = 0;
		heights.forEach((h, index) => {
			if (used + h > limit && columns.at(-1)!.length > 0) {
				columns.push([]);
				used = 0;
			}
			columns.at(-1)!.push(index);
			used += h;
		});
		if (columns.length <= count) return {columns, height: Math.max(...columns.map(column => column.reduce((sum, b) => sum + heights[b]!, 0)))};
	}
}

interface Grid {
	/** Block indices per column. */
	columns: number[][];
	height: number;
	widths: number[];
}

export function helpLayout(groups: readonly HelpGroup[], width: number, height: number): HelpLayout {
	const room = Math.max(1, width);
	const keyWidth = Math.max(0, ...groups.filter(group => !group.flow).flatMap(group => group.entries.map(entry => stringWidth(entry.keys))));
	const keyBlocks = groups.filter(group => !group.flow).map(group => blockLines(group, keyWidth, room));
	// The marks flow as wide as the widest key group, so they never widen a column on their own.
	const flowWidth = Math.min(room, Math.max(24, ...keyBlocks.map(widest)));
	const blocks = groups.map(group => blockLines(group, keyWidth, flowWidth));
	if (blocks.length === 0) return {rows: [], columns: 0, window: Math.max(1, height), scrollMax: 0};
	const heights = blocks.map(block => block.length);

	let chosen: Grid | null = null;
	let tallest: Grid | null = null;
	for (let count = 1; count <= blocks.length; count++) {
		const {columns, height: tall} = partition(heights, count);
		const widths = columns.map(column => Math.max(...column.map(b => widest(blocks[b]!))));
		if (widths.reduce((sum, w) => sum + w, 0) + GAP * (columns.length - 1) > room) continue;
		const candidate = {columns, height: tall, widths};
		// Fewest columns that fit the height; failing that, the layout that scrolls least.
		if (tall <= height) {
			chosen = candidate;
			break;
		}
		if (tallest === null || tall < tallest.height) tallest = candidate;
	}
	// Not even one column is as wide as its lines: one column, lines cut to the width.
	chosen ??= tallest ?? {...partition(heights, 1), widths: [room]};

	// The room the grid leaves goes to the columns whose headings it holds whole ("Log search
	// prompt (/ in a log)" over its keys at 80 columns); their headings wrap in what they then have.
	const widths = headingRoom(chosen, groups, room);
	const laid = chosen.columns.map((column, c) => column.map(b => blockLines(groups[b]!, keyWidth, flowWidth, widths[c])));
	const tallestColumn = Math.max(...laid.map(column => column.reduce((sum, block) => sum + block.length, 0)));

	// When it scrolls, a block that would straddle two pages starts the next one: the first screen
	// and every PgDn show whole groups, headings with their keys (a group taller than a page at
	// least starts one, its heading on top).
	const page = tallestColumn > height ? Math.max(1, height - 1) : Number.POSITIVE_INFINITY;
	const columnLines = laid.map(column => {
		const lines: BlockLine[] = [];
		for (const block of column) {
			const used = lines.length % page;
			if (used > 0 && used + block.length > page) lines.push(...Array.from({length: page - used}, () => ({text: '', heading: false})));
			lines.push(...block);
		}
		return lines;
	});
	// Whole pages, so PgDn's steps land on the page starts down to the last one.
	const longest = Math.max(...columnLines.map(lines => lines.length));
	const tall = Number.isFinite(page) ? Math.ceil(longest / page) * page : longest;
	const rows: HelpRow[] = [];
	for (let r = 0; r < tall; r++) {
		rows.push(
			columnLines.map((lines, c) => {
				const last = c === columnLines.length - 1;
				const cellWidth = widths[c]!;
				const line = lines[r] ?? {text: '', heading: false};
				const text = truncate(line.text, cellWidth);
				return {text: last ? text : pad(text, cellWidth + GAP), heading: line.heading};
			}),
		);
	}
	const window = Number.isFinite(page) ? page : Math.max(1, height);
	return {rows, columns: columnLines.length, window, scrollMax: Math.max(0, rows.length - window)};
}

/** The grid's column widths, each widened (left to right, while room is left) to its widest heading. */
function headingRoom(grid: Grid, groups: readonly HelpGroup[], room: number): number[] {
	const widths = [...grid.widths];
	let spare = room - widths.reduce((sum, w) => sum + w, 0) - GAP * (widths.length - 1);
	grid.columns.forEach((column, c) => {
		const need = Math.max(0, ...column.map(b => stringWidth(groups[b]!.title))) - widths[c]!;
		const granted = Math.max(0, Math.min(need, spare));
		widths[c]! += granted;
		spare -= granted;
	});
	return widths;
}

export interface HelpWindow {
	rows: HelpRow[];
	scroll: number;
	/** "▼ more  1–17 of 59", or null when everything shows. */
	indicator: string | null;
}

/** The rows on screen at `scroll` (clamped), and what the indicator line says about the rest. */
export function helpWindow(layout: HelpLayout, scroll: number): HelpWindow {
	const at = Math.max(0, Math.min(layout.scrollMax, scroll));
	const rows = layout.rows.slice(at, at + layout.window);
	if (layout.scrollMax === 0) return {rows, scroll: at, indicator: null};
	const above = at > 0;
	const below = at < layout.scrollMax;
	const arrows = above && below ? '▲▼' : above ? '▲' : '▼';
	const where = above && below ? 'more' : above ? 'more above' : 'more below';
	return {rows, scroll: at, indicator: `${arrows} ${where}  ${at + 1}–${at + rows.length} of ${layout.rows.length}`};
}
