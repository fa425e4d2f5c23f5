// Fits the pod table to the terminal width: which columns show (wide adds IP, NOMINATED NODE as
// `kubectl get pods -o wide` does, OWNER (the workload) while the pods are grouped by it, and WHY),
// how wide each is, and the header line; view/table-line.ts turns each visible row into one padded
// line with these widths (never wrapped: a wrapped row would push the table past the screen).
//
// The widths come from what the table has shown so far (ColumnMeasure, kept by the caller across
// frames, view/table-widths.ts), never from the rows of one frame, so a column does not shrink back
// when a long STATUS goes away; STATUS, RESTARTS and AGE start wide enough for what every pod
// passes through ("ContainerCreating", "2 (12s ago)"), so the table does not shift sideways when
// one appears.
//
// What gives way when the row does not fit, first to last (the reverse of pinnedWidths' order):
// NAMESPACE beyond 11 cells; the optional columns (NODE; in wide mode IP, NODE, NOMINATED NODE, OWNER,
// FLAGS and WHY), which go off-screen whole, never cut; NAME beyond 28 cells; FLAGS and its
// countdown ("restart in 4m59s"); NAME beyond 16 cells; last AGE, RESTARTS, STATUS, READY, never
// cut either. Names are cut in the middle (fit-text.ts cutMiddle), keeping the part that tells two
// pods apart. What is off-screen is reachable with →, as in k9s, and the header names it;
// NAMESPACE and NAME stay on screen while the other columns scroll.
//
// Grouped by owner, the rows are indented under their headings (two cells a level); the indent
// gives way before any of this: one cell a level, then none, when that keeps the kubectl columns
// on screen (at 80 columns, two cells would push AGE off).

import {cells, truncate} from './fit-text.js';
import {CAP, FLAGS_ROOM, GAP, NARROW, RESERVE, TITLES, WHY_ROOM, WIDE, type ColumnId, type ColumnMeasure, type MeasuredId} from './table-columns.js';
import {tableLine} from './table-line.js';

/** How a column behaves when space is short. */
type Kind = 'pinned' | 'core' | 'optional' | 'last';

/** NAMESPACE and NAME widths (NAMESPACE absent when one namespace is in scope). */
export interface PinnedWidths {
	namespace?: number;
	name: number;
}

export interface LayoutOptions {
	wide: boolean;
	/** Wide mode shows OWNER (the pods are grouped by it). */
	owner?: boolean;
	/** Cells for the cells (the row prefix not included). */
	width: number;
	/** One namespace in scope: NAMESPACE is left out, as `kubectl get pods` leaves it out without -A. */
	oneNamespace?: boolean;
	/** How many scrollable columns (after NAME) are scrolled off to the left. */
	offset?: number;
	/** Widths NAMESPACE and NAME had at this terminal width: they do not shrink while the session plays. */
	floors?: PinnedWidths;
	/** Grouped by owner: how many levels the rows sit under their headings (0 or absent: not grouped). */
	depth?: number;
}

export interface TableLayout {
	columns: ReadonlyArray<{id: ColumnId; title: string; width: number}>;
	/** The column titles, and at the right end, when there is room, the names of the columns off-screen to the right ("→ NODE"). */
	header: string;
	/**
	 * For the cells before the header (the row prefix): "←" when columns are scrolled off to the left,
	 * "→" when some wait on the right and the header had no room to name them.
	 */
	arrows: string;
	/** The width the lines are cut to (the indent not included). */
	width: number;
	/** Cells before the titles and each row's cells, grouped by owner: the rows under their headings. */
	indent: number;
	pinned: PinnedWidths;
	/** The scroll offset in effect (the one asked for, or less when fewer columns are off-screen). */
	offset: number;
	/** Columns off-screen, scrolled past on the left and waiting on the right. */
	hiddenLeft: readonly ColumnId[];
	hiddenRight: readonly ColumnId[];
	/** The offsets ← and → go to (each shows a column that is off-screen now), null when none. */
	prevOffset: number | null;
	nextOffset: number | null;
}

interface Plan {
	ids: readonly ColumnId[];
	kind: (id: ColumnId) => Kind;
	/** A scrollable column's width (the last column's: the least it shows with). */
	width: (id: ColumnId) => number;
	last: ColumnId;
	/**
	 * The last column keeps its room ahead of the optional columns (FLAGS and its countdown before
	 * NODE); otherwise (wide mode) it ends the row of columns like any other.
	 */
	anchored: boolean;
}

function planFor(measure: ColumnMeasure, options: LayoutOptions): Plan {
	const ids = (options.wide ? WIDE : NARROW).filter(id => !(options.oneNamespace && id === 'namespace') && (id !== 'owner' || options.owner === true));
	const last = ids.at(-1)!;
	const kind = (id: ColumnId): Kind => {
		if (id === last) return 'last';
		if (id === 'namespace' || id === 'name') return 'pinned';
		return RESERVE[id as MeasuredId] === undefined ? 'optional' : 'core';
	};
	const lead = Math.min(measure.flagsLead, CAP.flags);
	const width = (id: ColumnId): number => {
		if (id === 'why') return WHY_ROOM;
		if (id === last) return Math.max(FLAGS_ROOM, lead);
		return Math.max(Math.min(measure[id], CAP[id]), RESERVE[id] ?? 0, id === 'flags' ? lead : 0);
	};
	return {ids, kind, width, last, anchored: last === 'flags'};
}

/** NAME's width before the last column and the optional columns are served. */
const NAME_READABLE = 28;
const NAME_LEAST = 16;
const NAMESPACE_LEAST = 11;

/** Cells a level of grouping indents the rows when the kubectl columns leave room for it. */
const INDENT_STEP = 2;

/** The least NAMESPACE and NAME are given, even when the line overflows. */
function leastPinned(measure: ColumnMeasure, options: LayoutOptions): {namespace: number; name: number} {
	return {
		namespace: options.oneNamespace ? 0 : Math.min(measure.namespace, CAP.namespace, NAMESPACE_LEAST),
		name: Math.min(measure.name, CAP.name, NAME_LEAST),
	};
}

/** Cells the pinned columns at their least and the kubectl columns take on one line. */
function kubectlLine(measure: ColumnMeasure, plan: Plan, options: LayoutOptions): number {
	const core = plan.ids.filter(id => plan.kind(id) === 'core');
	const pinnedCount = plan.ids.filter(id => plan.kind(id) === 'pinned').length;
	const least = leastPinned(measure, options);
	return least.namespace + least.name + core.reduce((sum, id) => sum + plan.width(id), 0) + GAP * (pinnedCount + core.length - 1);
}

/** The rows' indent: INDENT_STEP a level, less (down to none) when it would push a kubectl column off-screen. */
function indentFor(measure: ColumnMeasure, plan: Plan, options: LayoutOptions): number {
	const depth = options.depth ?? 0;
	const need = kubectlLine(measure, plan, options);
	for (let step = INDENT_STEP; step > 0; step--) if (options.width - step * depth >= need) return step * depth;
	return 0;
}

/**
 * NAMESPACE and NAME widths, the same at every scroll offset: a greedy share of the width, in the
 * order of what matters more, as if nothing were scrolled.
 */
function pinnedWidths(measure: ColumnMeasure, plan: Plan, options: LayoutOptions): PinnedWidths {
	const core = plan.ids.filter(id => plan.kind(id) === 'core');
	const pinnedCount = plan.ids.filter(id => plan.kind(id) === 'pinned').length;
	// The pinned and kubectl columns on one line, no gap after the last.
	let left = options.width - core.reduce((sum, id) => sum + plan.width(id), 0) - GAP * (pinnedCount + core.length - 1);
	const natural = {namespace: Math.min(measure.namespace, CAP.namespace), name: Math.min(measure.name, CAP.name)};
	const out = leastPinned(measure, options);
	const grow = (id: 'namespace' | 'name', to: number) => {
		if (id === 'namespace' && options.oneNamespace) return;
		const granted = Math.min(Math.max(0, Math.min(natural[id], to) - out[id]), Math.max(0, left));
		out[id] += granted;
		left -= granted;
	};
	// The least, granted even when the line overflows (then the columns on the right go off-screen).
	left -= out.namespace + out.name;
	grow('name', NAME_READABLE);
	// NAME gives up its last cells for the other columns only when then nothing is off-screen, or for
	// the countdown; optional columns go off-screen before NAME is cut, NAMESPACE is cut before that.
	const others = plan.ids.filter(id => plan.kind(id) === 'optional' || (id === plan.last && !plan.anchored));
	const whole = others.reduce((sum, id) => sum + plan.width(id) + GAP, plan.anchored ? plan.width(plan.last) + GAP : 0);
	if (left >= whole) left -= whole;
	else {
		if (plan.anchored && left >= plan.width(plan.last) + GAP) left -= plan.width(plan.last) + GAP;
		grow('name', CAP.name);
		for (const id of others) {
			if (plan.width(id) + GAP > left) break;
			left -= plan.width(id) + GAP;
		}
	}
	grow('name', CAP.name);
	grow('namespace', CAP.namespace);
	const floors = options.floors;
	if (floors) {
		out.name = Math.max(out.name, floors.name);
		out.namespace = Math.max(out.namespace, floors.namespace ?? 0);
	}
	return options.oneNamespace ? {name: out.name} : {namespace: out.namespace, name: out.name};
}

interface Shown {
	/** Scrollable columns shown, in order, with their widths (the last column stretched to the end). */
	columns: Array<{id: ColumnId; width: number}>;
	hiddenRight: ColumnId[];
}

/**
 * The scrollable columns from `offset` on that fit in `room` cells, in order, none skipped but an
 * anchored last column's: that one shows when the kubectl columns leave it its room, and then the
 * optional ones may not take that room.
 */
function showFrom(plan: Plan, scrollable: readonly ColumnId[], offset: number, room: number): Shown {
	const columns: Array<{id: ColumnId; width: number}> = [];
	const hiddenRight: ColumnId[] = [];
	const inView = scrollable.slice(offset);
	const anchored = plan.anchored && inView.includes(plan.last);
	const coreNeed = inView.filter(id => plan.kind(id) === 'core').reduce((sum, id) => sum + plan.width(id) + GAP, 0);
	const anchoredShown = anchored && room - coreNeed >= plan.width(plan.last);
	// After each column its gap; the last one on screen needs none.
	const after = anchoredShown ? GAP + plan.width(plan.last) : 0;
	let left = room;
	for (const id of inView) {
		if (id === plan.last && anchored) continue;
		if (hiddenRight.length > 0 || plan.width(id) + after > left) {
			hiddenRight.push(id);
			continue;
		}
		// The last column takes what is left of the line.
		columns.push({id, width: id === plan.last ? left : plan.width(id)});
		left -= plan.width(id) + GAP;
	}
	if (anchoredShown) columns.push({id: plan.last, width: left});
	else if (anchored) hiddenRight.push(plan.last);
	return {columns, hiddenRight};
}

/**
 * The table's columns for what has been shown so far (`measure`) in `given.width` cells (an indent
 * included), scrolled `given.offset` columns to the right.
 */
export function tableLayout(measure: ColumnMeasure, given: LayoutOptions): TableLayout {
	const plan = planFor(measure, given);
	const indent = indentFor(measure, plan, given);
	const options = {...given, width: given.width - indent};
	const pinned = pinnedWidths(measure, plan, options);
	const pinnedColumns = plan.ids.filter(id => plan.kind(id) === 'pinned').map(id => ({id, width: pinned[id as 'namespace' | 'name']!}));
	const scrollable = plan.ids.filter(id => plan.kind(id) !== 'pinned');
	const room = options.width - pinnedColumns.reduce((sum, c) => sum + c.width + GAP, 0);
	const at = (offset: number) => showFrom(plan, scrollable, offset, room);
	// Scrolled no further than needed to show the last column: a wider terminal takes the offset back.
	let offset = Math.max(0, Math.min(options.offset ?? 0, scrollable.length - 1));
	while (offset > 0 && at(offset - 1).hiddenRight.length === 0) offset--;
	const shown = at(offset);
	const hiddenLeft = scrollable.slice(0, offset);
	let nextOffset: number | null = null;
	for (let o = offset + 1; o < scrollable.length && shown.hiddenRight.length > 0; o++) {
		if (at(o).columns.some(c => shown.hiddenRight.includes(c.id))) {
			nextOffset = o;
			break;
		}
	}
	let prevOffset: number | null = null;
	for (let o = offset - 1; o >= 0; o--) {
		if (at(o).columns.some(c => hiddenLeft.includes(c.id))) {
			prevOffset = o;
			break;
		}
	}
	const columns = [...pinnedColumns, ...shown.columns].map(c => ({id: c.id, title: TITLES[c.id], width: c.width}));
	const header = headerLine(columns, shown.hiddenRight, options.width);
	return {
		columns,
		header: header.text,
		arrows: `${hiddenLeft.length > 0 ? '←' : ' '} ${header.named ? ' ' : '→'}`.trimEnd(),
		width: options.width,
		indent,
		pinned,
		offset,
		hiddenLeft,
		hiddenRight: shown.hiddenRight,
		prevOffset,
		nextOffset,
	};
}

/**
 * The titles, and what is off-screen to the right: "→ NODE, FLAGS", shortened to what fits after the
 * titles (`named`: false when not even "→ 3 more" fits; a title is never cut for it).
 */
function headerLine(columns: ReadonlyArray<{title: string; width: number}>, hiddenRight: readonly ColumnId[], width: number): {text: string; named: boolean} {
	const titles = truncate(tableLine(columns.map(c => [c.title, c.width, truncate] as const)), width);
	if (hiddenRight.length === 0) return {text: titles, named: true};
	const names = hiddenRight.map(id => TITLES[id]);
	const hints = names.length === 1 ? [`→ ${names[0]}`] : [`→ ${names.join(', ')}`, `→ ${names[0]} +${names.length - 1}`, `→ ${names.length} more`];
	const used = cells(titles);
	const hint = hints.find(text => used + GAP + cells(text) <= width);
	if (hint === undefined) return {text: titles, named: false};
	return {text: titles + ' '.repeat(width - used - cells(hint)) + hint, named: true};
}
