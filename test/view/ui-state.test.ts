import {describe, expect, it} from 'vitest';
import {activeFilter, initialUiState, resolveCursor, tableWindow, uiReducer, type UiAction, type UiState} from '../../source/view/ui-state.js';
import type {RowList} from '../../source/view/pod-index.js';

function list(...keys: string[]): RowList {
	return {length: keys.length, keyAt: i => keys[i], indexOf: k => keys.indexOf(k)};
}

function run(state: UiState, ...actions: UiAction[]): UiState {
	return actions.reduce(uiReducer, state);
}

const rows = list('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j');

describe('UI reducer', () => {
	it('moves the cursor down and up and stops at the ends', () => {
		let s = run(initialUiState(), {type: 'move', move: 'down', rows, height: 4}, {type: 'move', move: 'down', rows, height: 4});
		expect(s.selectedKey).toBe('c');
		s = run(s, {type: 'move', move: 'up', rows, height: 4}, {type: 'move', move: 'up', rows, height: 4}, {type: 'move', move: 'up', rows, height: 4});
		expect(s.selectedKey).toBe('a');
		s = run(s, {type: 'move', move: 'bottom', rows, height: 4}, {type: 'move', move: 'down', rows, height: 4});
		expect(s.selectedKey).toBe('j');
	});

	it('scrolls the window only when the cursor would leave it', () => {
		let s = run(
			initialUiState(),
			{type: 'move', move: 'down', rows, height: 4},
			{type: 'move', move: 'down', rows, height: 4},
			{type: 'move', move: 'down', rows, height: 4},
		);
		expect(tableWindow(s, rows, 4)).toEqual({cursor: 3, offset: 0});
		s = run(s, {type: 'move', move: 'down', rows, height: 4});
		expect(tableWindow(s, rows, 4)).toEqual({cursor: 4, offset: 1});
		s = run(s, {type: 'move', move: 'up', rows, height: 4});
		expect(tableWindow(s, rows, 4)).toEqual({cursor: 3, offset: 1});
	});

	it('pages by the window height less one line of overlap', () => {
		let s = run(initialUiState(), {type: 'move', move: 'pageDown', rows, height: 4});
		expect(s.selectedKey).toBe('d');
		s = run(
			s,
			{type: 'move', move: 'pageDown', rows, height: 4},
			{type: 'move', move: 'pageDown', rows, height: 4},
			{type: 'move', move: 'pageDown', rows, height: 4},
		);
		expect(s.selectedKey).toBe('j');
		s = run(s, {type: 'move', move: 'pageUp', rows, height: 4});
		expect(s.selectedKey).toBe('g');
	});

	it('keeps the selected pod selected when rows reorder', () => {
		const s = run(initialUiState(), {type: 'move', move: 'down', rows, height: 4});
		expect(resolveCursor(s, list('x', 'y', 'b', 'z'))).toBe(2);
	});

	it('pins the pod the cursor is drawn on before any move, so it follows that pod as rows re-sort', () => {
		const s = run(initialUiState(), {type: 'pin', rows: list('a', 'b', 'c')});
		expect(s.selectedKey).toBe('a');
		expect(resolveCursor(s, list('c', 'b', 'a'))).toBe(2);
		// Pinning what is already pinned changes nothing (no new render).
		expect(run(s, {type: 'pin', rows: list('a', 'b', 'c')})).toBe(s);
	});

	it('pins the pod the cursor lands on when the selected one leaves the list, and follows it from then on', () => {
		let s = run(initialUiState(), {type: 'move', move: 'down', rows: list('a', 'b', 'c'), height: 4});
		s = run(s, {type: 'pin', rows: list('a', 'c')});
		expect(s.selectedKey).toBe('c');
		expect(resolveCursor(s, list('c', 'a'))).toBe(0);
	});

	it('does not pin a pod while the detail shows another one', () => {
		const s = run(initialUiState(), {type: 'move', move: 'down', rows, height: 4}, {type: 'open', rows});
		expect(run(s, {type: 'pin', rows: list('x', 'y')})).toBe(s);
	});

	it('keeps the cursor near where it was when the selected pod leaves the list', () => {
		const s = run(initialUiState(), {type: 'move', move: 'bottom', rows, height: 4});
		expect(resolveCursor(s, list('a', 'b', 'c'))).toBe(2);
	});

	it('scrolls the help overlay within its rows, and opens it at the top again', () => {
		let s = run(initialUiState(), {type: 'help', show: true}, {type: 'help-scroll', delta: 5, max: 3});
		expect(s.helpScroll).toBe(3);
		s = run(s, {type: 'help-scroll', delta: -Infinity, max: 3});
		expect(s.helpScroll).toBe(0);
		s = run(s, {type: 'help-scroll', delta: Infinity, max: 3}, {type: 'help', show: false}, {type: 'help', show: true});
		expect(s.helpScroll).toBe(0);
	});

	it('filters as the prompt is typed, applies on Enter and clears on Esc', () => {
		let s = run(initialUiState(), {type: 'prompt-open', kind: 'filter'}, {type: 'prompt-type', text: 'cr'}, {type: 'prompt-type', text: 'ash'});
		expect(activeFilter(s).text).toBe('crash');
		expect(s.filter).toBe('');
		s = run(s, {type: 'prompt-close'});
		expect(s.prompt).toBeNull();
		expect(s.filter).toBe('crash');
		s = run(s, {type: 'prompt-open', kind: 'filter'});
		expect(s.prompt?.text).toBe('crash');
		s = run(s, {type: 'prompt-backspace'}, {type: 'prompt-cancel'});
		expect(s.filter).toBe('');
		expect(activeFilter(s).text).toBe('');
	});

	it('closes the command line on Esc without touching the filter', () => {
		const s = run(
			{...initialUiState(), filter: 'web'},
			{type: 'prompt-open', kind: 'command'},
			{type: 'prompt-type', text: '90s'},
			{type: 'prompt-error', error: 'bad'},
		);
		expect(s.prompt).toEqual({kind: 'command', text: '90s', error: 'bad', note: null});
		const closed = run(s, {type: 'prompt-cancel'});
		expect(closed.prompt).toBeNull();
		expect(closed.filter).toBe('web');
	});

	it('toggles faulty-only and wide, cycles sort and namespace scope', () => {
		let s = run(initialUiState(), {type: 'toggle-faulty'}, {type: 'toggle-wide'}, {type: 'sort-next'});
		expect([s.faultyOnly, s.wide, s.sort]).toEqual([true, true, 'name']);
		s = run(s, {type: 'scope-next', namespaces: ['default', 'kube-system']});
		expect(s.namespace).toBe('default');
		s = run(s, {type: 'scope-next', namespaces: ['default', 'kube-system']}, {type: 'scope-next', namespaces: ['default', 'kube-system']});
		expect(s.namespace).toBeNull();
	});

	it('opens the row under the cursor at Overview, cycles sections both ways, and comes back to the same row', () => {
		let s = run(initialUiState(), {type: 'move', move: 'down', rows, height: 4}, {type: 'open', rows});
		expect([s.screen, s.selectedKey, s.section]).toEqual(['detail', 'b', 'Overview']);
		s = run(s, {type: 'section', delta: 1}, {type: 'section', delta: 1});
		expect(s.section).toBe('Timeline');
		s = run(s, {type: 'section', delta: -1}, {type: 'section', delta: -1}, {type: 'section', delta: -1});
		expect(s.section).toBe('YAML');
		s = run(s, {type: 'back'});
		expect([s.screen, resolveCursor(s, rows)]).toEqual(['table', 1]);
	});

	it('scrolls the detail within its lines and starts each section at the top', () => {
		let s = run(initialUiState(), {type: 'open', rows}, {type: 'detail-scroll', delta: 5, max: 3});
		expect(s.detailScroll).toBe(3);
		s = run(s, {type: 'detail-scroll', delta: -10, max: 3});
		expect(s.detailScroll).toBe(0);
		s = run(s, {type: 'detail-scroll', delta: 2, max: 3}, {type: 'section', delta: 1});
		expect(s.detailScroll).toBe(0);
	});

	it('does not open anything when the list is empty', () => {
		const s = initialUiState();
		expect(uiReducer(s, {type: 'open', rows: list()})).toBe(s);
	});
});
