// Ink's (input, key) pair → key names, the vocabulary of the key table:
// "up", "pagedown", "enter", "escape", "tab", "shift+tab", "space", "ctrl+c", or
// the character typed ("j", "G", "/", "?"). Keys typed faster than the terminal
// is read, or pasted, arrive as one chunk ("/crash\r"): each character is a key.

import type {Key} from 'ink';

export function keyName(input: string, key: Key): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return key.shift ? 'shift+left' : 'left';
	if (key.rightArrow) return key.shift ? 'shift+right' : 'right';
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

/** One key: its name, and the text it types into an open prompt ('' for a control character). */
export interface KeyPress {
	name: string;
	text: string;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/** The keys in one chunk of input: one, or one per character of a run typed or pasted at once. */
export function keyPresses(input: string, key: Key): KeyPress[] {
	const plain = !key.ctrl && !key.meta && !key.return && !key.tab && !key.escape && !key.backspace && !key.delete;
	const chars = [...input];
	if (!plain || chars.length <= 1) return [{name: keyName(input, key), text: input}];
	return chars.map(char => {
		const text = CONTROL.test(char) ? '' : char;
		return {name: keyName(text, charKey(key, char)), text};
	});
}

/** Printable text (not a control character): what a prompt takes as typed. */
export function isPrintable(text: string): boolean {
	return text !== '' && !CONTROL.test(text);
}

/** The Key of one character out of a chunk: Enter, Tab and Backspace are the control characters in one. */
function charKey(chunk: Key, char: string): Key {
	return {...chunk, return: char === '\r' || char === '\n', tab: char === '\t', backspace: char === '\u007f' || char === '\b', shift: /[A-Z]/.test(char)};
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
	'shift+left': 'S-←',
	'shift+right': 'S-→',
	space: 'Space',
	'ctrl+c': 'Ctrl-C',
	'ctrl+u': 'Ctrl-U',
	backspace: 'BkSp',
};

/** How a key is written in the footer and the help overlay. */
export function showKey(name: string): string {
	return SHOWN[name] ?? name;
}
