import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {rowLine, tableLayout, truncate} from '../../source/view/table-layout.js';
import {podRow} from '../../source/view/pod-row.js';
import {captureStore} from '../ui/helpers/capture-store.js';

function rows() {
	const {store, clock} = captureStore('mixed');
	return [...store.view().pods.values()].map(p => podRow(p, clock.now()));
}

describe('table layout', () => {
	it('shows kubectl columns and FLAGS; wide adds IP and NOMINATED NODE', () => {
		expect(tableLayout(rows(), false, 200).columns.map(c => c.title)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE', 'FLAGS']);
		expect(tableLayout(rows(), true, 200).columns.map(c => c.title)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'FLAGS']);
	});

	it('keeps whole names when there is room', () => {
		const all = rows();
		const layout = tableLayout(all, false, 200);
		for (const row of all) expect(rowLine(row, layout)).toContain(row.name);
	});

	it('cuts long names with … to fit a narrow terminal, never wider than it', () => {
		const all = rows();
		const wide = tableLayout(all, true, 76);
		for (const row of all) expect(stringWidth(rowLine(row, wide))).toBeLessThanOrEqual(76);
		const layout = tableLayout(all, false, 76);
		for (const row of all) expect(stringWidth(rowLine(row, layout))).toBeLessThanOrEqual(76);
		expect(all.map(r => rowLine(r, layout)).join('\n')).toContain('…');
		// READY, STATUS, RESTARTS and AGE are never cut.
		for (const row of all) expect(rowLine(row, layout)).toContain(` ${row.status} `);
	});

	it('truncates by terminal cells', () => {
		expect(truncate('crashloop-4wqpg', 8)).toBe('crashlo…');
		expect(truncate('web', 8)).toBe('web');
	});
});
