// Ink's (input, key) pair → one key name, the vocabulary of the key table:
// "up", "pagedown", "enter", "escape", "tab", "shift+tab", "space", "ctrl+c", or
// the character typed ("j", "G", "/", "?").

import type {Key} from 'ink';

export function keyName(input: string, key: Key): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.escape) return 'escape';
	if (key.ctrl && input.length === 1) return `ctrl+${input}`;
	if (input === ' ') return 'space';
	return input;
}

const SHOWN: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	'shift+tab': 'S-Tab',
	space: 'Space',
	'ctrl+c': 'Ctrl-C',
	'ctrl+u': 'Ctrl-U',
	backspace: 'BkSp',
};

/** How a key is written in the footer and the help overlay. */
export function showKey(name: string): string {
	return SHOWN[name] ?? name;
}
