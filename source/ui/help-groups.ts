// What the `?` overlay lists: every binding of the key table, grouped by where it works, and the
// marks the table draws. Built from the same table as dispatch, so it lists exactly what the keys
// do (view/help-layout.ts lays the groups out for the terminal's size).

import {bindingsFor, keysText, type KeyAction, type KeyBinding} from './keys.js';
import {showKey} from './key-name.js';
import {TONE_STYLE, TROUBLE_STYLE} from '../view/health-style.js';
import type {HelpEntry, HelpGroup} from '../view/help-layout.js';
import {SECTIONS} from '../view/detail/sections.js';
import {LANE_STYLE} from '../view/lanes/lane-cells.js';
import {LANE_MARKS} from '../view/lanes/lanes-screen.js';
import {RECORDING_START_GLYPH} from '../view/lanes/time-axis.js';
import {foldMark} from '../view/workloads/heading-lines.js';

function group(title: string, bindings: readonly KeyBinding[]): HelpGroup {
	const entries: HelpEntry[] = [];
	const seen = new Set<string>();
	for (const b of bindings) {
		const keys = keysText(b);
		if (seen.has(`${keys} ${b.label}`)) continue;
		seen.add(`${keys} ${b.label}`);
		entries.push({keys, label: b.label});
	}
	return {title, entries};
}

/** The marks of the table's rows: the first column's health glyphs, the trouble marks, then the others. */
function marks(): HelpGroup {
	const tones = (['ok', 'progressing', 'failing', 'deleted'] as const).map(t => ({keys: TONE_STYLE[t].glyph, label: TONE_STYLE[t].word}));
	const troubles = (['crash-loop', 'pull-back-off'] as const).map(t => ({keys: TROUBLE_STYLE[t].glyph, label: TROUBLE_STYLE[t].word}));
	return {
		title: 'Marks',
		flow: true,
		entries: [
			...tones,
			...troubles,
			{keys: '*', label: 'changed'},
			{keys: '›', label: 'selected'},
			{keys: `${foldMark(false).trim()}/${foldMark(true).trim()}`, label: 'group open/folded'},
		],
	};
}

/**
 * The Lanes view's glyphs: each STATUS class, a restart, a deletion, and what is reconstructed before
 * podlife watched; replaying, the axis's mark of the recording's first moment.
 */
function laneMarks(replaying: boolean): HelpGroup {
	const entries = LANE_MARKS.map(mark => ({keys: LANE_STYLE[mark].glyph, label: LANE_STYLE[mark].word}));
	if (replaying) entries.push({keys: RECORDING_START_GLYPH, label: 'recording began (axis)'});
	return {title: 'Lanes marks', flow: true, entries};
}

/** The overlay's groups. Its own keys (scroll, close) are in the footer and the indicator line while it is open. */
export function helpGroups(replaying: boolean): HelpGroup[] {
	const table = bindingsFor('table', replaying).filter(b => !b.replay);
	const detail = bindingsFor('detail', replaying).filter(b => !b.replay && !table.some(t => t.action === b.action && t.label === b.label));
	// The Lanes view: its own keys; the list's (↑↓ / n s) are the table's.
	const lanes = bindingsFor('lanes', replaying).filter(b => !b.replay && !table.some(t => t.action === b.action && t.label === b.label));
	const groups = [group('Pod table', table), group('Pod detail', detail)];
	if (replaying)
		groups.push(
			group(
				'Replay',
				bindingsFor('table', true).filter(b => b.replay),
			),
		);
	groups.push(
		group('Filter prompt (/)', bindingsFor('filter', replaying)),
		group(replaying ? 'Command line (:q, :ns NAME, a time)' : 'Command line (:q, :ns NAME)', bindingsFor('command', replaying)),
	);
	// A container's log (l, p): its own keys, those that work everywhere aside.
	const log = bindingsFor('log', replaying).filter(
		b => !b.replay && !table.some(t => t.action === b.action && t.label === b.label) && !detail.some(d => d.action === b.action && d.label === b.label),
	);
	groups.push(group('A container log (l, p)', log), group('Log search prompt (/ in a log)', bindingsFor('search', replaying)), group('Lanes (L)', lanes));
	for (const section of SECTIONS) {
		const own = bindingsFor('detail', replaying, section).filter(b => b.sections?.includes(section));
		if (own.length > 0) groups.push(group(`Detail: ${section}`, own));
	}
	// One container in full (Enter in Containers): its own keys, those of the detail screen aside.
	const container = bindingsFor('container', replaying).filter(b => !b.replay && !bindingsFor('detail', replaying).includes(b));
	if (container.length > 0) groups.push(group('A container in full', container));
	groups.push(marks(), laneMarks(replaying));
	return groups;
}

/** "j/k PgUp/PgDn g/G scroll": the overlay's scroll keys, from the key table (each action's last key: the letter, not the arrow). */
export function helpScrollHint(): string {
	const help = bindingsFor('help', false);
	const key = (action: KeyAction): string => showKey(help.find(b => b.action === action)?.keys.at(-1) ?? '?');
	return `${key('down')}/${key('up')} ${key('pageUp')}/${key('pageDown')} ${key('top')}/${key('bottom')} scroll`;
}
