import {describe, expect, it} from 'vitest';
import {initialUiState, inputView, uiReducer, type UiAction, type UiState} from '../../source/view/ui-state.js';
import type {ContainerBlock} from '../../source/view/detail/containers.js';
import type {RowList} from '../../source/view/pod-index.js';

function run(state: UiState, ...actions: UiAction[]): UiState {
	return actions.reduce(uiReducer, state);
}

const rows: RowList = {length: 1, keyAt: i => (i === 0 ? 'default/pod' : undefined), indexOf: k => (k === 'default/pod' ? 0 : -1)};

/** Three containers of 4 lines each (the first with its group title), then one of 10 lines. */
const blocks: ContainerBlock[] = [
	{index: 0, start: 0, end: 5},
	{index: 2, start: 5, end: 9},
	{index: 1, start: 9, end: 13},
	{index: 3, start: 13, end: 23},
];

const down: UiAction = {type: 'container-move', delta: 1, blocks, height: 6};
const up: UiAction = {type: 'container-move', delta: -1, blocks, height: 6};

/** The detail of the one pod, on its Containers section. */
function inContainers(): UiState {
	return run(initialUiState(), {type: 'open', rows}, {type: 'section', delta: 1});
}

describe('UI reducer: the Containers section', () => {
	it('starts on the first container of the list when the section opens', () => {
		const s = inContainers();
		expect(s.section).toBe('Containers');
		expect(s.containerCursor).toBe(0);
		expect(inputView(s)).toBe('detail');
	});

	it('moves the container cursor with ↑/↓ and stops at the first and the last container', () => {
		let s = run(inContainers(), up);
		expect(s.containerCursor).toBe(0);
		s = run(s, down, down);
		expect(s.containerCursor).toBe(2);
		s = run(s, down, down, down);
		expect(s.containerCursor).toBe(3);
		s = run(s, up);
		expect(s.containerCursor).toBe(2);
	});

	it('scrolls so the selected container shows, its top first when it is taller than the window', () => {
		let s = run(inContainers(), down);
		// Lines 5–8 in a 6-line window from 0: scrolled just enough, to 3.
		expect(s.detailScroll).toBe(3);
		s = run(s, down);
		// Lines 9–12 must show in a 6-line window: scrolled to 7.
		expect(s.detailScroll).toBe(7);
		s = run(s, down);
		// Ten lines in six: the header line (13) at the top.
		expect(s.detailScroll).toBe(13);
		s = run(s, up);
		expect(s.detailScroll).toBe(9);
		s = run(s, up);
		expect(s.detailScroll).toBe(5);
		s = run(s, up);
		expect(s.detailScroll).toBe(0);
	});

	it('ignores the cursor keys when the pod lists no containers', () => {
		const s = inContainers();
		expect(run(s, {type: 'container-move', delta: 1, blocks: [], height: 6})).toBe(s);
		expect(run(s, {type: 'container-open', count: 0})).toBe(s);
	});

	it('opens the selected container with Enter and Esc goes back to the list, same container, same scroll', () => {
		let s = run(inContainers(), down, down);
		const listScroll = s.detailScroll;
		s = run(s, {type: 'container-open', count: 4});
		expect(s.containerOpen).toBe(true);
		expect(s.containerCursor).toBe(2);
		expect(s.detailScroll).toBe(0);
		expect(inputView(s)).toBe('container');
		s = run(s, {type: 'detail-scroll', delta: 3, max: 20}, {type: 'container-close'});
		expect(s.containerOpen).toBe(false);
		expect(s.containerCursor).toBe(2);
		expect(s.detailScroll).toBe(listScroll);
		expect(s.screen).toBe('detail');
		expect(inputView(s)).toBe('detail');
		s = run(s, {type: 'back'});
		expect(inputView(s)).toBe('table');
	});

	it('leaves the full view when the section changes and starts the next pod at its first container', () => {
		let s = run(inContainers(), down, {type: 'container-open', count: 4}, {type: 'section', delta: 1});
		expect(s.section).toBe('Timeline');
		expect(s.containerOpen).toBe(false);
		expect(inputView(s)).toBe('detail');
		s = run(s, {type: 'section', delta: -1}, down, {type: 'container-open', count: 4}, {type: 'back'}, {type: 'open', rows});
		expect(s.containerOpen).toBe(false);
		expect(s.containerCursor).toBe(0);
	});
});
