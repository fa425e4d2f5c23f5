// The one cursor over the grouped list (o): it rests on headings as on pods, Enter folds a heading
// and the cursor stays on it, a pod hidden by a fold is found at its heading, and a fold outlives
// sorting and ungrouping.

import {describe, expect, it} from 'vitest';
import {initialUiState, resolveCursor, uiReducer, type UiAction, type UiState} from '../../source/view/ui-state.js';
import type {RowList} from '../../source/view/pod-index.js';
import {groupList, headingKey, type PodPlace} from '../../source/view/workloads/grouped-list.js';

const WEB = 'Deployment/shop/web';
const DB = 'StatefulSet/shop/db';
const PLACES: Record<string, PodPlace> = {
	'shop/web-1': {workload: WEB, part: 'web-7d4f', owner: 'shop web', createdMs: 1000, namespace: 'shop', name: 'web-1'},
	'shop/web-2': {workload: WEB, part: 'web-7d4f', owner: 'shop web', createdMs: 1000, namespace: 'shop', name: 'web-2'},
	'shop/db-0': {workload: DB, part: null, owner: 'shop zdb', createdMs: 1000, namespace: 'shop', name: 'db-0'},
};
const pods: RowList = {length: 3, keyAt: i => Object.keys(PLACES)[i], indexOf: k => Object.keys(PLACES).indexOf(k)};
const grouped = (folded: ReadonlySet<string>) => groupList(pods, index => PLACES[pods.keyAt(index)!], folded);

function run(state: UiState, ...actions: UiAction[]): UiState {
	return actions.reduce(uiReducer, state);
}

describe('the cursor over the grouped list', () => {
	it('moves over headings and pods alike (↑ ↓ g G)', () => {
		const rows = grouped(new Set());
		const move = (state: UiState, to: 'up' | 'down' | 'top' | 'bottom') => uiReducer(state, {type: 'move', move: to, rows, height: 10});
		let state = run(initialUiState({sort: 'owner'}), {type: 'pin', rows});
		expect(state.selectedKey).toBe(headingKey(WEB));
		state = move(state, 'down');
		expect(state.selectedKey).toBe('shop/web-1');
		state = move(move(state, 'down'), 'down');
		expect(state.selectedKey).toBe(headingKey(DB));
		state = move(state, 'bottom');
		expect(state.selectedKey).toBe('shop/db-0');
		state = move(state, 'top');
		expect(state.selectedKey).toBe(headingKey(WEB));
	});

	it('folds the heading Enter was pressed on and keeps the cursor there; Enter again unfolds', () => {
		let state = run(initialUiState({sort: 'owner'}), {type: 'select', key: headingKey(DB)}, {type: 'toggle-fold', id: DB});
		expect([...state.folded]).toEqual([DB]);
		let rows = grouped(state.folded);
		expect(rows.length).toBe(4);
		expect(resolveCursor(state, rows)).toBe(3);
		state = run(state, {type: 'toggle-fold', id: DB});
		rows = grouped(state.folded);
		expect(state.folded.size).toBe(0);
		expect(rows.keyAt(resolveCursor(state, rows))).toBe(headingKey(DB));
	});

	it('puts the cursor on the heading of a folded group when its selected pod is hidden, and selects that heading', () => {
		// Ungrouped, a pod of web selected; web was folded earlier; o groups again.
		let state = run(initialUiState(), {type: 'select', key: 'shop/web-2'}, {type: 'toggle-fold', id: WEB}, {type: 'select', key: 'shop/web-2'});
		state = run(state, {type: 'toggle-group'});
		const rows = grouped(state.folded);
		expect(resolveCursor(state, rows)).toBe(0);
		state = run(state, {type: 'pin', rows});
		expect(state.selectedKey).toBe(headingKey(WEB));
	});

	it('stays near where it was when a filter hides the group whose heading it was on, and keeps the fold', () => {
		// The cursor moved onto db's heading (the fourth row), then Enter folded it.
		const all = grouped(new Set());
		let state = run(initialUiState({sort: 'owner'}), {type: 'move', move: 'bottom', rows: all, height: 10}, {type: 'move', move: 'up', rows: all, height: 10});
		expect(state.selectedKey).toBe(headingKey(DB));
		state = run(state, {type: 'toggle-fold', id: DB});
		// A filter that matches web's pods only: db's heading is gone; the cursor takes the row nearest where it was.
		const webOnly: RowList = {length: 2, keyAt: i => ['shop/web-1', 'shop/web-2'][i], indexOf: k => ['shop/web-1', 'shop/web-2'].indexOf(k)};
		const rows = groupList(webOnly, index => PLACES[webOnly.keyAt(index)!], state.folded);
		expect(rows.keyAt(resolveCursor(state, rows))).toBe('shop/web-2');
		state = run(state, {type: 'pin', rows});
		expect(state.selectedKey).toBe('shop/web-2');
		expect([...state.folded]).toEqual([DB]);
	});

	it('keeps the folds through a sort, ungrouping and grouping again', () => {
		let state = run(initialUiState({sort: 'owner'}), {type: 'toggle-fold', id: WEB});
		state = run(state, {type: 'sort-next'});
		expect(state.sort).not.toBe('owner');
		state = run(state, {type: 'toggle-group'});
		expect(state.sort).toBe('owner');
		expect([...state.folded]).toEqual([WEB]);
	});

	it('never opens a heading as if it were a pod', () => {
		const rows = grouped(new Set());
		const state = run(initialUiState({sort: 'owner'}), {type: 'pin', rows});
		expect(uiReducer(state, {type: 'open', rows})).toBe(state);
	});
});
