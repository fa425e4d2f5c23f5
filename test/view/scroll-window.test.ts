import {describe, expect, it} from 'vitest';
import {clampIndex, fitWindow} from '../../source/view/scroll-window.js';

describe('scroll window', () => {
	it('does not move while the cursor is inside', () => {
		expect(fitWindow(5, 7, 5, 100)).toBe(5);
	});

	it('moves just enough to show a cursor above or below', () => {
		expect(fitWindow(5, 3, 5, 100)).toBe(3);
		expect(fitWindow(5, 12, 5, 100)).toBe(8);
	});

	it('never leaves empty lines at the bottom when there are rows to show', () => {
		expect(fitWindow(95, 97, 10, 100)).toBe(90);
		expect(fitWindow(3, 1, 10, 4)).toBe(0);
	});

	it('clamps an index into a list, and to 0 for an empty one', () => {
		expect(clampIndex(12, 10)).toBe(9);
		expect(clampIndex(-1, 10)).toBe(0);
		expect(clampIndex(3, 0)).toBe(0);
	});
});
