import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {tableLayout, type LayoutOptions, type TableLayout} from '../../source/view/table-layout.js';
import {measureRows, titleMeasure} from '../../source/view/table-columns.js';
import {rowLine} from '../../source/view/table-line.js';
import {TableWidths} from '../../source/view/table-widths.js';
import {podRow, type PodRow} from '../../source/view/pod-row.js';
import {explainPod, whyContext} from '../../source/model/why.js';
import {captureStore} from '../ui/helpers/capture-store.js';

/** mixed.ndjson's pods at `at` (default: its end), with their diagnosis as wide mode shows them. */
function rows(at?: number): PodRow[] {
	const {store, clock} = captureStore('mixed', at);
	const view = store.view();
	return [...view.pods.values()].map(p => podRow(p, clock.now(), explainPod(p, whyContext(view, p, clock.now()))));
}

function layoutOf(shown: readonly PodRow[], options: LayoutOptions): TableLayout {
	const measure = titleMeasure();
	measureRows(measure, shown);
	return tableLayout(measure, options);
}

const ids = (layout: TableLayout) => layout.columns.map(c => c.id);
const widthOf = (layout: TableLayout, id: string) => layout.columns.find(c => c.id === id)?.width;
/** The cell a row shows in a column (the cells are separated by at least two spaces). */
function cell(row: PodRow, layout: TableLayout, id: string): string {
	let start = 0;
	for (const c of layout.columns) {
		if (c.id === id)
			return rowLine(row, layout)
				.slice(start, start + c.width)
				.trimEnd();
		start += c.width + 2;
	}
	throw new Error(`${id} is not shown`);
}

describe('table layout', () => {
	it('indents grouped rows two cells a level, less (down to none) rather than push a kubectl column off-screen', () => {
		const kubectl = ['namespace', 'name', 'ready', 'status', 'restarts', 'age'];
		const indentAt = (width: number, depth: number) => {
			const layout = layoutOf(rows(), {wide: false, width, depth});
			expect(ids(layout).slice(0, 6)).toEqual(kubectl);
			return layout.indent;
		};
		expect(indentAt(200, 1)).toBe(2);
		expect(indentAt(200, 2)).toBe(4);
		// The least line of the kubectl columns here is 75 cells: 80 columns leave 76 after the row marks.
		expect(indentAt(76, 1)).toBe(1);
		expect(indentAt(76, 2)).toBe(0);
		expect(layoutOf(rows(), {wide: false, width: 76}).indent).toBe(0);
	});

	it('shows kubectl columns and FLAGS; wide adds IP, NOMINATED NODE and WHY, and OWNER while grouped by owner', () => {
		expect(layoutOf(rows(), {wide: false, width: 200}).columns.map(c => c.title)).toEqual([
			'NAMESPACE',
			'NAME',
			'READY',
			'STATUS',
			'RESTARTS',
			'AGE',
			'NODE',
			'FLAGS',
		]);
		expect(layoutOf(rows(), {wide: true, owner: true, width: 260}).columns.map(c => c.title)).toEqual([
			'NAMESPACE',
			'NAME',
			'READY',
			'STATUS',
			'RESTARTS',
			'AGE',
			'IP',
			'NODE',
			'NOMINATED NODE',
			'OWNER',
			'FLAGS',
			'WHY',
		]);
		expect(ids(layoutOf(rows(), {wide: true, width: 260}))).not.toContain('owner');
	});

	it('names in OWNER the workload that made each pod', () => {
		const layout = layoutOf(rows(), {wide: true, owner: true, width: 260});
		const owners = Object.fromEntries(rows().map(row => [row.name, cell(row, layout, 'owner')]));
		expect(owners['etcd-kind-control-plane']).toBe('Node/kind-control-plane');
		expect(owners['kube-proxy-4c9tl'] ?? owners[Object.keys(owners).find(name => name.startsWith('kube-proxy-'))!]).toBe('DaemonSet/kube-proxy');
		expect(owners[Object.keys(owners).find(name => name.startsWith('coredns-'))!]).toBe('Deployment/coredns');
		expect(Object.values(owners)).toContain('<none>');
	});

	it('drops NAMESPACE when one namespace is in scope, as kubectl does without -A, and gives NAME the room', () => {
		const kubeSystem = rows().filter(r => r.namespace === 'kube-system');
		expect(ids(layoutOf(kubeSystem, {wide: false, width: 200, oneNamespace: true}))).toEqual(['name', 'ready', 'status', 'restarts', 'age', 'node', 'flags']);
		const one = layoutOf(kubeSystem, {wide: false, width: 76, oneNamespace: true});
		const all = layoutOf(kubeSystem, {wide: false, width: 76});
		expect(widthOf(one, 'name')).toBeGreaterThan(widthOf(all, 'name')!);
		for (const row of kubeSystem) expect(rowLine(row, one)).not.toContain('kube-system');
	});

	it('keeps whole names and every column when there is room', () => {
		const all = rows();
		const layout = layoutOf(all, {wide: false, width: 196});
		expect(layout.hiddenRight).toEqual([]);
		for (const row of all) expect(rowLine(row, layout)).toContain(row.name);
	});

	it('never draws a line wider than the terminal, at any width, in either mode, at any scroll offset', () => {
		const all = rows();
		for (const wide of [false, true]) {
			for (let width = 56; width <= 240; width += 4) {
				for (let offset = 0; offset < 10; offset++) {
					const layout = layoutOf(all, {wide, width, offset});
					expect(stringWidth(layout.header)).toBeLessThanOrEqual(width);
					for (const row of all) expect(stringWidth(rowLine(row, layout))).toBeLessThanOrEqual(width);
				}
			}
		}
	});

	it('at 80 columns sends NODE and FLAGS off-screen before cutting NAME, and cuts names in the middle so that each stays unique', () => {
		const all = rows();
		const layout = layoutOf(all, {wide: false, width: 76});
		expect(ids(layout)).toEqual(['namespace', 'name', 'ready', 'status', 'restarts', 'age']);
		expect(layout.hiddenRight).toEqual(['node', 'flags']);
		expect(layout.header).not.toContain('NODE');
		const names = all.map(row => cell(row, layout, 'name'));
		expect(new Set(names).size).toBe(all.length);
		for (const [i, row] of all.entries()) {
			// The start and the last part of the name: "coredns-66…-cdzwd", "kube-apise…-plane".
			expect(row.name.endsWith(names[i]!.split('…').at(-1)!)).toBe(true);
			expect(row.name.startsWith(names[i]!.split('…')[0]!)).toBe(true);
			for (const id of ['ready', 'status', 'restarts', 'age'] as const) expect(cell(row, layout, id)).toBe(row[id]);
		}
		expect(names).toContain('coredns-66…-cdzwd');
		expect(names).toContain('coredns-66…-ppj8n');
	});

	it('shows an optional column (IP, NODE, NOMINATED NODE) whole or not at all', () => {
		const all = rows();
		for (let width = 56; width <= 240; width += 2) {
			const layout = layoutOf(all, {wide: true, width});
			for (const id of ['ip', 'node', 'nominatedNode'] as const) {
				if (!ids(layout).includes(id)) continue;
				for (const row of all) expect(cell(row, layout, id)).toBe(row[id]);
			}
		}
	});

	it('keeps the back-off countdown whole in FLAGS at 120 columns, cutting NAME for it and sending NODE off-screen', () => {
		const all = rows();
		const crash = all.find(r => r.name.startsWith('crashloop-'))!;
		expect(crash.flagsLead).toMatch(/^restart in \d+s$/);
		const layout = layoutOf(all, {wide: false, width: 116});
		expect(ids(layout).at(-1)).toBe('flags');
		expect(layout.hiddenRight).toEqual(['node']);
		expect(layout.header).toMatch(/FLAGS\s+→ NODE$/);
		expect(cell(crash, layout, 'flags')).toBe(crash.flags);
		// "next pull in 4m59s", the longest countdown, fits: a later one never sends FLAGS off-screen.
		expect(widthOf(layout, 'flags')).toBeGreaterThanOrEqual('next pull in 4m59s'.length);
	});

	it('cuts FLAGS after its countdown, never into it', () => {
		const row = {...rows()[0]!, flags: 'restart in 4m59s static sidecars:2', flagsLead: 'restart in 4m59s'};
		const layout = layoutOf([row], {wide: false, width: 110});
		const flagsWidth = widthOf(layout, 'flags')!;
		for (const width of [16, 18, 22]) {
			const narrower = {...layout, columns: layout.columns.map(c => (c.id === 'flags' ? {...c, width} : c))};
			expect(cell(row, narrower, 'flags')).toMatch(/^restart in 4m59s/);
		}
		expect(flagsWidth).toBeGreaterThanOrEqual(16);
	});

	it('keeps the countdown in WHY when FLAGS is off-screen', () => {
		const all = rows();
		const crash = all.find(r => r.name.startsWith('crashloop-'))!;
		expect(crash.whyNext).toMatch(/^next restart in \d+s$/);
		for (let width = 100; width <= 240; width += 4) {
			for (let offset = 0; offset < 10; offset++) {
				const layout = layoutOf(all, {wide: true, width, offset});
				if (!ids(layout).includes('why')) continue;
				const shown = cell(crash, layout, 'why');
				expect(shown.length).toBeGreaterThanOrEqual(28 - 1);
				if (!ids(layout).includes('flags')) expect(shown).toMatch(/next restart in \d+s$/);
				else expect(crash.why.startsWith(shown.replace(/…$/, ''))).toBe(true);
			}
		}
	});

	it('starts STATUS and RESTARTS wide enough for ContainerCreating and "2 (12s ago)"', () => {
		const running = rows().filter(r => r.status === 'Running' && r.restarts === '0');
		const layout = layoutOf(running, {wide: false, width: 196});
		expect(widthOf(layout, 'status')).toBeGreaterThanOrEqual('ContainerCreating'.length);
		expect(widthOf(layout, 'restarts')).toBeGreaterThanOrEqual('2 (12s ago)'.length);
	});

	it('scrolls: → shows the columns off-screen on the right, NAMESPACE and NAME stay, ← comes back', () => {
		const all = rows();
		let layout = layoutOf(all, {wide: true, width: 116});
		const pinned = layout.columns.slice(0, 2);
		const seen = new Set(ids(layout));
		expect(layout.prevOffset).toBeNull();
		while (layout.nextOffset !== null) {
			const before = layout.hiddenRight;
			layout = layoutOf(all, {wide: true, width: 116, offset: layout.nextOffset});
			expect(layout.columns.slice(0, 2)).toEqual(pinned);
			expect(ids(layout).some(id => before.includes(id))).toBe(true);
			for (const id of ids(layout)) seen.add(id);
		}
		expect(seen.size).toBe(11);
		expect(layout.hiddenRight).toEqual([]);
		expect(layout.hiddenLeft.length).toBeGreaterThan(0);
		while (layout.prevOffset !== null) layout = layoutOf(all, {wide: true, width: 116, offset: layout.prevOffset});
		expect(layout.offset).toBe(0);
		expect(ids(layout).slice(2, 6)).toEqual(['ready', 'status', 'restarts', 'age']);
	});

	it('takes the scroll back when the terminal is wide enough for every column', () => {
		const layout = layoutOf(rows(), {wide: false, width: 196, offset: 3});
		expect(layout.offset).toBe(0);
		expect(layout.hiddenLeft).toEqual([]);
		expect(layout.nextOffset).toBeNull();
	});
});

describe('table widths across frames', () => {
	it('never shrinks a column while the rows change under it, at one terminal width', () => {
		const all = rows();
		const widths = new TableWidths();
		for (const columns of [80, 120, 200]) {
			let before: TableLayout | null = null;
			// Frames of a few rows each, as a scrolling screen shows them, long and short values mixed.
			for (let start = 0; start < all.length; start += 3) {
				const layout = widths.layout(all.slice(start, start + 4), {wide: false, width: columns - 4});
				for (const c of layout.columns) {
					const earlier = before?.columns.find(b => b.id === c.id);
					if (earlier && c.id !== 'flags') expect(c.width, `${c.id} at ${columns}`).toBeGreaterThanOrEqual(earlier.width);
				}
				before = layout;
			}
		}
	});

	it('keeps NAME as wide as it was when a wider value later takes room', () => {
		const all = rows();
		const widths = new TableWidths();
		const first = widths.layout(
			all.filter(r => r.status === 'Running'),
			{wide: false, width: 76},
		);
		const later = widths.layout([{...all[0]!, status: 'Init:CrashLoopBackOff', restarts: '12 (4m59s ago)'}], {wide: false, width: 76});
		expect(widthOf(later, 'name')).toBe(widthOf(first, 'name'));
		expect(widthOf(later, 'namespace')).toBe(widthOf(first, 'namespace'));
		// What gives way is on the right: AGE goes off-screen, → shows it.
		expect(later.hiddenRight).toContain('age');
	});
});
