// Keys are data: this one table drives dispatch (app.tsx), the footer (the keys
// that work in the current view) and the `?` help overlay, so help cannot lie
// (gemini-cli keyBindings.ts, wrangler cli-hotkeys.ts). Order matters: the footer
// shows bindings in this order and cuts the tail when the terminal is narrow,
// and the first binding of a key in a view wins.

import {showKey} from './key-name.js';

export type KeyView = 'table' | 'detail';

export type KeyAction =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'top'
	| 'bottom'
	| 'open'
	| 'filter'
	| 'faulty'
	| 'scope'
	| 'wide'
	| 'sort'
	| 'nextSection'
	| 'prevSection'
	| 'back'
	| 'help'
	| 'quit'
	| 'pause'
	| 'stepForward'
	| 'stepBack'
	| 'faster'
	| 'slower'
	| 'goto'
	| 'prevChange'
	| 'nextChange'
	| 'start'
	| 'end';

export interface KeyBinding {
	keys: readonly string[];
	action: KeyAction;
	label: string;
	views: readonly KeyView[];
	/** Only while replaying (a player is present). */
	replay?: true;
	/** Left out of the footer (still in help and still works). */
	footer?: false;
}

const BOTH: readonly KeyView[] = ['table', 'detail'];

export const KEY_TABLE: readonly KeyBinding[] = [
	{keys: ['up', 'k'], action: 'up', label: 'up', views: ['table'], footer: false},
	{keys: ['down', 'j'], action: 'down', label: 'down', views: ['table'], footer: false},
	{keys: ['up', 'k'], action: 'up', label: 'scroll up', views: ['detail'], footer: false},
	{keys: ['down', 'j'], action: 'down', label: 'scroll down', views: ['detail'], footer: false},
	{keys: ['pageup'], action: 'pageUp', label: 'page up', views: BOTH, footer: false},
	{keys: ['pagedown'], action: 'pageDown', label: 'page down', views: BOTH, footer: false},
	{keys: ['g'], action: 'top', label: 'first row', views: ['table'], footer: false},
	{keys: ['G'], action: 'bottom', label: 'last row', views: ['table'], footer: false},
	{keys: ['enter'], action: 'open', label: 'open', views: ['table']},
	{keys: ['tab', 'right'], action: 'nextSection', label: 'next section', views: ['detail']},
	{keys: ['shift+tab', 'left'], action: 'prevSection', label: 'previous section', views: ['detail']},
	{keys: ['escape'], action: 'back', label: 'back', views: ['detail']},
	{keys: ['/'], action: 'filter', label: 'filter', views: ['table']},
	{keys: ['f'], action: 'faulty', label: 'faulty only', views: ['table']},
	{keys: ['n'], action: 'scope', label: 'namespace', views: ['table']},
	{keys: ['s'], action: 'sort', label: 'sort', views: ['table']},
	{keys: ['w'], action: 'wide', label: 'wide', views: ['table']},
	{keys: ['space'], action: 'pause', label: 'pause/play', views: BOTH, replay: true},
	{keys: ['.'], action: 'stepForward', label: 'step', views: BOTH, replay: true},
	{keys: [','], action: 'stepBack', label: 'step back', views: BOTH, replay: true},
	{keys: ['+', '='], action: 'faster', label: 'faster', views: BOTH, replay: true},
	{keys: ['-'], action: 'slower', label: 'slower', views: BOTH, replay: true},
	{keys: [':'], action: 'goto', label: 'go to', views: BOTH, replay: true},
	{keys: ['['], action: 'prevChange', label: 'prev change (pod)', views: BOTH, replay: true},
	{keys: [']'], action: 'nextChange', label: 'next change (pod)', views: BOTH, replay: true},
	{keys: ['home'], action: 'start', label: 'to start', views: BOTH, replay: true, footer: false},
	{keys: ['end'], action: 'end', label: 'to end', views: BOTH, replay: true, footer: false},
	{keys: ['?'], action: 'help', label: 'help', views: BOTH},
	{keys: ['q'], action: 'quit', label: 'quit', views: BOTH},
	{keys: ['escape'], action: 'quit', label: 'quit', views: ['table'], footer: false},
];

/** The bindings that work in a view (transport keys only while replaying). */
export function bindingsFor(view: KeyView, replaying: boolean): KeyBinding[] {
	return KEY_TABLE.filter(b => b.views.includes(view) && (replaying || !b.replay));
}

/** The action a key does in a view, or null. */
export function actionFor(keyName: string, view: KeyView, replaying: boolean): KeyAction | null {
	for (const binding of KEY_TABLE) {
		if (binding.keys.includes(keyName) && binding.views.includes(view) && (replaying || !binding.replay)) return binding.action;
	}
	return null;
}

/** "↑/k" — a binding's keys as the footer and help show them. */
export function keysText(binding: KeyBinding): string {
	return binding.keys.map(showKey).join('/');
}
