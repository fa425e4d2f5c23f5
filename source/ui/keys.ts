// Keys are data: this one table drives dispatch (use-keys.ts runs the action a key
// is bound to, key-actions.ts says what each action does), the footer (the keys
// that work in the current view) and the `?` help overlay, so help cannot lie
// (gemini-cli keyBindings.ts, wrangler cli-hotkeys.ts). Adding a key is a row here
// and, for a new action, its handler in key-actions.ts. Order matters: the footer
// shows bindings in this order, leaving out those that do not fit when the terminal
// is narrow, first the later ones (footer.tsx keeps help, quit and the way back),
// and the first binding of a key in a view wins.

import {showKey} from './key-name.js';
import type {Section} from '../view/detail/sections.js';
import type {KeyAction} from './key-actions.js';

export type {KeyAction};

/**
 * 'lanes': the Lanes view in the table's place (L); 'container': the Containers section showing one
 * container in full; 'log': a container's log; 'filter', 'command' and 'search': the `/` and `:`
 * prompts (and a log's `/`) while open; 'help': the `?` overlay (ui-state.ts inputView).
 */
export type KeyView = 'table' | 'lanes' | 'detail' | 'container' | 'log' | 'filter' | 'command' | 'search' | 'help';

export interface KeyBinding {
	keys: readonly string[];
	action: KeyAction;
	label: string;
	views: readonly KeyView[];
	/** Only while replaying (a player is present). */
	replay?: true;
	/** Left out of the footer (still in help and still works). */
	footer?: false;
	/** The footer's word for this binding and the one after it with the same word, shown once: "←/→ time". */
	pair?: string;
	/** Only in these detail sections; listed before the section-less binding of the same key, so it wins there. */
	sections?: readonly Section[];
}

/** The list of pods, as the table or as lanes: one list, one cursor, one filter. */
const LISTS: readonly KeyView[] = ['table', 'lanes'];
/** Every view (the list and the detail screen, a container in full included), not the help overlay. */
const BOTH: readonly KeyView[] = [...LISTS, 'detail', 'container'];
const DETAIL: readonly KeyView[] = ['detail', 'container'];
const PROMPTS: readonly KeyView[] = ['filter', 'command', 'search'];
/** Views that scroll a page of text: the detail sections, a log and the help overlay. */
const SCROLLING: readonly KeyView[] = [...DETAIL, 'log', 'help'];
/** Every view but the help overlay and the prompts: a log open over the table or the detail included. */
const ALL: readonly KeyView[] = [...BOTH, 'log'];
/** The Lanes view zooms with + and -: the replay's speed keys everywhere else. */
const NOT_LANES: readonly KeyView[] = ALL.filter(view => view !== 'lanes');

export const KEY_TABLE: readonly KeyBinding[] = [
	{keys: ['up', 'k'], action: 'up', label: 'up', views: LISTS, footer: false},
	{keys: ['down', 'j'], action: 'down', label: 'down', views: LISTS, footer: false},
	{keys: ['up', 'k'], action: 'transitionUp', label: 'previous transition', views: ['detail'], sections: ['Timeline'], replay: true, footer: false},
	{keys: ['down', 'j'], action: 'transitionDown', label: 'next transition', views: ['detail'], sections: ['Timeline'], replay: true, footer: false},
	{keys: ['enter'], action: 'seekTransition', label: 'go to transition', views: ['detail'], sections: ['Timeline'], replay: true},
	{keys: ['up', 'k'], action: 'containerUp', label: 'previous container', views: ['detail'], sections: ['Containers']},
	{keys: ['down', 'j'], action: 'containerDown', label: 'next container', views: ['detail'], sections: ['Containers']},
	{keys: ['enter'], action: 'openContainer', label: 'show container', views: ['detail'], sections: ['Containers']},
	{keys: ['up', 'k'], action: 'up', label: 'scroll up', views: SCROLLING, footer: false},
	{keys: ['down', 'j'], action: 'down', label: 'scroll down', views: SCROLLING, footer: false},
	{keys: ['pageup'], action: 'pageUp', label: 'page up', views: [...ALL, 'help'], footer: false},
	{keys: ['pagedown'], action: 'pageDown', label: 'page down', views: [...ALL, 'help'], footer: false},
	{keys: ['g'], action: 'top', label: 'first row', views: LISTS, footer: false},
	{keys: ['G'], action: 'bottom', label: 'last row', views: LISTS, footer: false},
	// The table header names the columns off-screen ("→ NODE"), so the footer need not.
	{keys: ['left'], action: 'columnsLeft', label: 'columns left', views: ['table'], footer: false},
	{keys: ['right'], action: 'columnsRight', label: 'columns right', views: ['table'], footer: false},
	{keys: ['g'], action: 'top', label: 'to top', views: SCROLLING, footer: false},
	{keys: ['G'], action: 'bottom', label: 'to bottom', views: SCROLLING, footer: false},
	{keys: ['?', 'escape'], action: 'closeHelp', label: 'close help', views: ['help']},
	// A log (k9s: w wrap, t timestamps, / search; less: n/N the next and previous match, G follows).
	{keys: ['escape'], action: 'closeLog', label: 'back', views: ['log']},
	{keys: ['/'], action: 'search', label: 'search', views: ['log']},
	{keys: ['n'], action: 'nextMatch', label: 'next match', views: ['log']},
	{keys: ['N'], action: 'prevMatch', label: 'previous match', views: ['log']},
	{keys: ['w'], action: 'logWrap', label: 'wrap', views: ['log']},
	{keys: ['t'], action: 'logTimestamps', label: 'timestamps', views: ['log']},
	// Grouped by owner (o), Enter on a group's heading folds or unfolds it (key-actions.ts foldHeading).
	{keys: ['enter'], action: 'open', label: 'open/fold', views: ['table']},
	// The Lanes view: the list's keys (↑↓ PgUp PgDn g G / n s :) work in it as in the table; time has its own.
	{keys: ['enter'], action: 'openAt', label: 'open at ▼/fold', views: ['lanes']},
	{keys: ['escape'], action: 'closeLanes', label: 'table', views: ['lanes']},
	{keys: ['left'], action: 'earlier', label: 'earlier', views: ['lanes'], pair: 'time'},
	{keys: ['right'], action: 'later', label: 'later', views: ['lanes'], pair: 'time'},
	{keys: ['+'], action: 'zoomIn', label: 'zoom in', views: ['lanes'], pair: 'zoom'},
	{keys: ['-'], action: 'zoomOut', label: 'zoom out', views: ['lanes'], pair: 'zoom'},
	{keys: ['f'], action: 'follow', label: 'follow', views: ['lanes']},
	{keys: ['L'], action: 'closeLanes', label: 'table', views: ['lanes'], footer: false},
	{keys: ['z', '='], action: 'zoomIn', label: 'zoom in', views: ['lanes'], footer: false},
	{keys: ['Z'], action: 'zoomOut', label: 'zoom out', views: ['lanes'], footer: false},
	{keys: ['shift+left'], action: 'panEarlier', label: 'pan earlier', views: ['lanes'], footer: false},
	{keys: ['shift+right'], action: 'panLater', label: 'pan later', views: ['lanes'], footer: false},
	{keys: ['escape'], action: 'closeContainer', label: 'back to containers', views: ['container']},
	// One footer entry for both ("Tab/→/S-Tab/← sections"), so that `w wrap lines` fits beside help and quit at 80 columns.
	{keys: ['tab', 'right'], action: 'nextSection', label: 'next section', views: DETAIL, pair: 'sections'},
	{keys: ['shift+tab', 'left'], action: 'prevSection', label: 'previous section', views: DETAIL, pair: 'sections'},
	{keys: ['escape'], action: 'back', label: 'back', views: ['detail']},
	{keys: ['w'], action: 'wrap', label: 'wrap lines', views: DETAIL},
	{keys: ['/'], action: 'filter', label: 'filter', views: LISTS},
	{keys: ['f'], action: 'faulty', label: 'faulty only', views: ['table']},
	{keys: ['n'], action: 'scope', label: 'namespace', views: LISTS},
	{keys: ['s'], action: 'sort', label: 'sort', views: LISTS},
	// Not g (first row, as in k9s and less): o for owner (README says why).
	{keys: ['o'], action: 'group', label: 'group by owner', views: LISTS, footer: false},
	{keys: ['w'], action: 'wide', label: 'wide', views: ['table']},
	{keys: [':'], action: 'command', label: 'command', views: BOTH},
	{keys: ['ctrl+u'], action: 'clearFilter', label: 'clear the filter', views: LISTS, footer: false},
	{keys: ['space'], action: 'pause', label: 'pause/play', views: ALL, replay: true},
	{keys: ['.'], action: 'stepForward', label: 'step', views: ALL, replay: true},
	{keys: [','], action: 'stepBack', label: 'step back', views: ALL, replay: true},
	{keys: ['+', '='], action: 'faster', label: 'faster', views: NOT_LANES, replay: true},
	{keys: ['-'], action: 'slower', label: 'slower', views: NOT_LANES, replay: true},
	{keys: ['['], action: 'prevChange', label: 'prev change (pod)', views: ALL, replay: true},
	{keys: [']'], action: 'nextChange', label: 'next change (pod)', views: ALL, replay: true},
	{keys: ['home'], action: 'start', label: 'to start', views: ALL, replay: true, footer: false},
	{keys: ['end'], action: 'end', label: 'to end', views: ALL, replay: true, footer: false},
	{keys: ['?'], action: 'help', label: 'help', views: ALL},
	{keys: ['q'], action: 'quit', label: 'quit', views: [...ALL, 'help']},
	// After ? and q: a narrow footer leaves these out first.
	{keys: ['L'], action: 'openLanes', label: 'lanes', views: ['table']},
	// The log of the selected container (the Containers cursor's, else the one the why line names), as k9s
	// binds them; after ? and q, as L.
	{keys: ['l'], action: 'logs', label: 'logs', views: ALL},
	{keys: ['p'], action: 'previousLogs', label: 'previous logs', views: ALL},
	// Esc goes back one level, as in k9s: at the top (the table) it only takes back a filter, never quits.
	{keys: ['escape'], action: 'escape', label: 'clear the filter', views: ['table'], footer: false},
	// The prompts: what is not here is typed into them.
	{keys: ['enter'], action: 'promptEnter', label: 'apply', views: ['filter']},
	{keys: ['enter'], action: 'promptEnter', label: 'run', views: ['command']},
	{keys: ['enter'], action: 'promptEnter', label: 'find', views: ['search']},
	{keys: ['tab'], action: 'promptComplete', label: 'complete', views: ['command']},
	{keys: ['ctrl+u'], action: 'promptClear', label: 'clear the line', views: PROMPTS},
	{keys: ['backspace'], action: 'promptBackspace', label: 'delete a character', views: PROMPTS, footer: false},
	{keys: ['escape'], action: 'promptCancel', label: 'clear the filter', views: ['filter']},
	{keys: ['escape'], action: 'promptCancel', label: 'cancel', views: ['command', 'search']},
];

/**
 * The bindings that work in a view (transport keys only while replaying; section keys only in their
 * detail section), without the ones a section's own keys override there.
 */
export function bindingsFor(view: KeyView, replaying: boolean, section?: Section): KeyBinding[] {
	const overridden = new Set<string>();
	const out: KeyBinding[] = [];
	for (const b of KEY_TABLE) {
		if (!works(b, view, replaying, section)) continue;
		if (b.sections) for (const key of b.keys) overridden.add(key);
		else if (b.keys.every(key => overridden.has(key))) continue;
		out.push(b);
	}
	return out;
}

/** The action a key does in a view (and detail section), or null. */
export function actionFor(keyName: string, view: KeyView, replaying: boolean, section?: Section): KeyAction | null {
	for (const binding of KEY_TABLE) {
		if (binding.keys.includes(keyName) && works(binding, view, replaying, section)) return binding.action;
	}
	return null;
}

function works(binding: KeyBinding, view: KeyView, replaying: boolean, section: Section | undefined): boolean {
	if (!binding.views.includes(view) || (binding.replay && !replaying)) return false;
	return binding.sections === undefined || (section !== undefined && binding.sections.includes(section));
}

/** "↑/k" — a binding's keys as the footer and help show them. */
export function keysText(binding: KeyBinding): string {
	return binding.keys.map(showKey).join('/');
}
