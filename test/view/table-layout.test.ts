import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {rowLine, tableLayout, truncate} from '../../source/view/table-layout.js';
import {podRow} from '../../source/view/pod-row.js';
import {whyLine} from '../../source/model/why.js';
import {captureStore} from '../ui/helpers/capture-store.js';

function rows() {
	const {store, clock} = captureStore('mixed');
	return [...store.view().pods.values()].map(p => podRow(p, clock.now()));
}

/** The rows with their diagnosis, as wide mode shows them. */
function rowsWithWhy() {
	const {store, clock} = captureStore('mixed');
	const view = store.view();
	return [...view.pods.values()].map(p => podRow(p, clock.now(), whyLine(p, view, clock.now())));
}

describe('table layout', () => {
	it('shows kubectl columns and FLAGS; wide adds IP, NOMINATED NODE and WHY', () => {
		expect(tableLayout(rows(), false, 200).columns.map(c => c.title)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE', 'FLAGS']);
		expect(tableLayout(rows(), true, 200).columns.map(c => c.title)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'FLAGS', 'WHY']);
	});

	it('drops NAMESPACE when one namespace is in scope, as kubectl does without -A, and gives NAME the room', () => {
		const kubeSystem = rows().filter(r => r.namespace === 'kube-system');
		expect(tableLayout(kubeSystem, false, 200, true).columns.map(c => c.title)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE', 'FLAGS']);
		expect(tableLayout(kubeSystem, true, 200, true).columns.map(c => c.title)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'FLAGS', 'WHY']);
		expect(tableLayout(kubeSystem, false, 200).columns[0]!.title).toBe('NAMESPACE');
		const one = tableLayout(kubeSystem, false, 76, true);
		const all = tableLayout(kubeSystem, false, 76);
		const nameWidth = (layout: typeof one) => layout.columns.find(c => c.id === 'name')!.width;
		expect(nameWidth(one)).toBeGreaterThan(nameWidth(all));
		for (const row of kubeSystem) {
			expect(rowLine(row, one).startsWith(row.name.slice(0, nameWidth(one) - 1))).toBe(true);
			expect(rowLine(row, one)).not.toContain('kube-system');
		}
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

	it('gives WHY the width left in wide mode and cuts a long diagnosis with …', () => {
		const all = rowsWithWhy();
		const failing = all.filter(r => r.why !== '');
		expect(failing.map(r => r.name.split('-')[0]).sort()).toEqual(['bad', 'crashloop']);
		for (const width of [156, 200, 400]) {
			const layout = tableLayout(all, true, width);
			const why = layout.columns.find(c => c.id === 'why')!;
			expect(layout.columns.at(-1)).toBe(why);
			for (const row of all) {
				const text = rowLine(row, layout);
				expect(stringWidth(text)).toBeLessThanOrEqual(width);
				if (row.why === '') continue;
				// The cause and its container are always readable, the rest as far as the width goes.
				const shown = text.slice(text.lastIndexOf(row.why.slice(0, 12)));
				expect(row.why.startsWith(shown.replace(/…$/, ''))).toBe(true);
				expect(stringWidth(shown)).toBe(Math.min(why.width, stringWidth(row.why)));
				expect(stringWidth(shown)).toBeGreaterThanOrEqual(Math.min(28, stringWidth(row.why)));
			}
		}
	});

	it('keeps the narrow table free of WHY, FLAGS last', () => {
		const layout = tableLayout(rowsWithWhy(), false, 200);
		expect(layout.columns.at(-1)!.id).toBe('flags');
		expect(layout.header).not.toContain('WHY');
	});

	it('cuts names before IPs when WHY needs room', () => {
		const all = rowsWithWhy();
		const layout = tableLayout(all, true, 156);
		for (const row of all) expect(rowLine(row, layout)).toContain(` ${row.ip} `);
		expect(all.map(r => rowLine(r, layout)).join('\n')).toMatch(/\S…\s/);
	});
});
