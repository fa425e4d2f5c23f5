import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {FrameSource} from '../../source/ui/frame-source.js';
import {makeTheme, ThemeContext} from '../../source/ui/theme.js';
import {realScheduler} from '../../source/sources/replay/scheduler.js';
import {whyLine} from '../../source/model/why.js';
import {captureStore} from './helpers/capture-store.js';
import {KEY, renderAtSize, type Rendered} from './helpers/render-at-size.js';

let current: Rendered | null = null;

afterEach(() => {
	current?.instance.unmount();
	current = null;
});

function renderApp(size = {columns: 100, rows: 30}, options: {noColor?: boolean; capture?: string; at?: number} = {}) {
	const data = captureStore(options.capture ?? 'mixed', options.at);
	// Interval 0: every store change is a frame at once (coalescing has its own tests).
	const frames = new FrameSource([listener => data.store.subscribe(listener)], realScheduler, 0, 0);
	current = renderAtSize(
		<ThemeContext.Provider value={makeTheme(options.noColor ?? false)}>
			<App
				store={data.store}
				clock={data.clock}
				info={{...data.info, kind: 'live', title: 'kind-kind', context: 'kind-kind', server: 'https://127.0.0.1:6443'}}
				frames={frames}
			/>
		</ThemeContext.Provider>,
		size,
	);
	return {...current, data};
}

/** The table rows of a frame: lines that start with the row prefix (health glyph, mark) and a cell. */
function tableLines(frame: string): string[] {
	return frame.split('\n').filter(line => /^[› ][✓○✗↻⇣–][* ] \S/.test(line));
}

function selectedLine(frame: string): string {
	return frame.split('\n').find(line => line.startsWith('›')) ?? '';
}

describe('pod table', () => {
	it('lists the pods worst first: failing, then progressing, then the rest by namespace and name', async () => {
		const app = renderApp();
		const frame = await app.waitFor('crashloop');
		const rows = tableLines(frame);
		expect(rows[0]).toMatch(/default\s+(bad-image|crashloop)/);
		expect(rows[1]).toMatch(/default\s+(bad-image|crashloop)/);
		const okRows = rows.filter(r => r.startsWith(' ✓') || r.startsWith('›✓'));
		const names = okRows.map(r => r.slice(4).split(/\s+/).slice(0, 2).join('/'));
		expect(names).toEqual([...names].sort());
	});

	it('shows the columns kubectl shows, and FLAGS with static pods and sidecars', async () => {
		const app = renderApp({columns: 160, rows: 50});
		const frame = await app.waitFor('crashloop');
		expect(frame).toMatch(/NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+NODE\s+FLAGS/);
		expect(frame).toMatch(/etcd-kind-control-plane .*static/);
		expect(frame).toMatch(/sidecar-demo-\S+ .*sidecars:1/);
	});

	it('marks the crash-looping pod with ↻ and says why, with its back-off, in the status line', async () => {
		const app = renderApp({columns: 160, rows: 50});
		await app.waitFor('crashloop');
		await app.press('/', ...'crashloop', KEY.enter);
		const frame = await app.waitFor(f => tableLines(f).length === 1);
		expect(tableLines(frame)[0]).toMatch(/^›↻/);
		expect(frame).toMatch(/default\/crashloop-\S+\s+CrashLoopBackOff\s+— crash-loop: container api exited 1 .*back-off/);
	});

	it('marks a pod that cannot pull its image with ⇣ and its next pull, not as a crash loop', async () => {
		// mixed.ndjson at 04:21:28: the 2nd pull of bad-image failed at 04:21:23, so the kubelet waits
		// 20 s and pulls again at 04:21:43 — in 15 s.
		const app = renderApp({columns: 200, rows: 50}, {at: 30_000});
		app.data.clock.at = Date.parse('2026-11-25T04:21:28Z');
		await app.waitFor('bad-image');
		await app.press('/', ...'bad-image', KEY.enter);
		const frame = await app.waitFor(f => tableLines(f).length === 1);
		const row = tableLines(frame)[0]!;
		expect(row).toMatch(/^›⇣/);
		expect(row).toMatch(/ImagePullBackOff\s+0\s+\S+\s+kind-worker\s+next pull in 15s$/);
		expect(frame).not.toMatch(/↻|crashloop|crash-loop/);
		expect(frame).toMatch(/— image-pull: container web cannot pull image/);
		// FLAGS and the why line (cut in the status line here) agree on when.
		const view = app.data.store.view();
		const pod = [...view.pods.values()].find(state => state.name.startsWith('bad-image-'))!;
		expect(whyLine(pod, view, app.data.clock.now())).toMatch(/2 failed pulls, next pull in about 15s$/);
	});

	it('keeps ↻ for the container that ran and died, and says which mark is which in the help legend', async () => {
		const app = renderApp({columns: 200, rows: 50}, {at: 30_000});
		const frame = await app.waitFor('bad-image');
		const rows = tableLines(frame);
		expect(rows.find(row => row.includes('crashloop-'))).toMatch(/^.↻/);
		expect(rows.find(row => row.includes('bad-image-'))).toMatch(/^.⇣/);
		await app.press('?');
		const help = await app.waitFor('Marks');
		expect(help).toContain('↻ crash loop');
		expect(help).toContain('⇣ image pull back-off');
	});

	it('moves the cursor with j/k, arrows, g/G and pages', async () => {
		const app = renderApp({columns: 160, rows: 30});
		const first = selectedLine(await app.waitFor('crashloop'));
		await app.press('j');
		const second = selectedLine(app.lastFrame());
		expect(second).not.toBe(first);
		await app.press(KEY.up);
		expect(selectedLine(app.lastFrame())).toBe(first);
		await app.press('G');
		expect(selectedLine(app.lastFrame())).toMatch(/local-path-provisioner/);
		await app.press('g');
		expect(selectedLine(app.lastFrame())).toBe(first);
		await app.press(KEY.pageDown);
		expect(selectedLine(app.lastFrame())).not.toBe(first);
		await app.press(KEY.pageUp);
		expect(selectedLine(app.lastFrame())).toBe(first);
		await app.press(KEY.down);
		expect(selectedLine(app.lastFrame())).toBe(second);
	});

	it('scrolls so the cursor stays visible in a short terminal', async () => {
		const app = renderApp({columns: 80, rows: 12});
		await app.waitFor('crashloop');
		await app.press('G');
		const frame = app.lastFrame();
		expect(selectedLine(frame)).toMatch(/local-pa/);
		expect(frame).not.toMatch(/bad-image/);
	});

	it('filters as you type with /, keeps the filter on Enter and clears it with Esc', async () => {
		const app = renderApp();
		await app.waitFor('crashloop');
		await app.press('/', ...'KUBE-PROXY');
		let frame = await app.waitFor('/KUBE-PROXY');
		expect(tableLines(frame)).toHaveLength(2);
		await app.press(KEY.enter);
		frame = await app.waitFor('filter: "KUBE-PROXY"');
		expect(tableLines(frame)).toHaveLength(2);
		expect(frame).toContain('showing 2 of');
		await app.press('/', KEY.escape);
		frame = await app.waitFor(f => !f.includes('filter:'));
		expect(tableLines(frame).length).toBeGreaterThan(10);
	});

	it('takes keys typed faster than one frame (one chunk) one by one', async () => {
		const app = renderApp();
		await app.waitFor('crashloop');
		app.stdin.write('/kube-proxy\r');
		const frame = await app.waitFor('filter: "kube-proxy"');
		expect(tableLines(frame)).toHaveLength(2);
		expect(frame).not.toContain('Enter apply');
		app.stdin.write('jG');
		await app.waitFor(f => /^›.*kube-proxy-bf4vh/m.test(f));
	});

	it('filters on STATUS and NODE too', async () => {
		const app = renderApp({columns: 160, rows: 30});
		await app.waitFor('crashloop');
		await app.press('/', ...'imagepullbackoff', KEY.enter);
		let frame = await app.waitFor('filter: "imagepullbackoff"');
		expect(tableLines(frame)).toHaveLength(1);
		expect(tableLines(frame)[0]).toContain('bad-image');
		await app.press('/', KEY.backspace);
		for (let i = 0; i < 'imagepullbackoff'.length; i++) await app.press(KEY.backspace);
		await app.press(...'kind-worker', KEY.enter);
		frame = await app.waitFor('filter: "kind-worker"');
		expect(tableLines(frame).every(line => line.includes('kind-worker'))).toBe(true);
	});

	it('shows only failing and crash-looping pods with f', async () => {
		const app = renderApp();
		await app.waitFor('crashloop');
		await app.press('f');
		const frame = await app.waitFor('faulty only');
		const rows = tableLines(frame);
		expect(rows).toHaveLength(2);
		expect(rows.every(r => /[✗↻⇣]/.test(r.slice(1, 2)))).toBe(true);
		await app.press('f');
		await app.waitFor(f => tableLines(f).length > 2);
	});

	it('cycles the namespace scope with n', async () => {
		const app = renderApp();
		await app.waitFor('crashloop');
		await app.press('n');
		let frame = await app.waitFor('ns: default');
		// Like kubectl without -A: one namespace in scope, no NAMESPACE column.
		expect(frame).not.toContain('NAMESPACE');
		expect(frame).toMatch(/NAME\s+READY\s+STATUS/);
		expect(tableLines(frame).some(r => /^crashloop\S*\s/.test(r.slice(4)))).toBe(true);
		await app.press('n');
		frame = await app.waitFor('ns: kube-system');
		expect(frame).not.toContain('NAMESPACE');
		expect(tableLines(frame).some(r => /^etcd-kind-control-plane\s/.test(r.slice(4)))).toBe(true);
		expect(frame).not.toContain('crashloop');
		await app.press('n', 'n');
		frame = await app.waitFor('ns: all');
		expect(frame).toMatch(/NAMESPACE\s+NAME\s+READY/);
		expect(tableLines(frame).some(r => /^default\s+crashloop\S*\s/.test(r.slice(4)))).toBe(true);
	});

	it('adds IP, NOMINATED NODE and WHY with w', async () => {
		const app = renderApp({columns: 220, rows: 50});
		let frame = await app.waitFor('crashloop');
		expect(frame).not.toContain('NOMINATED NODE');
		await app.press('w');
		frame = await app.waitFor('NOMINATED NODE');
		expect(frame).toMatch(/AGE\s+IP\s+NODE\s+NOMINATED NODE\s+FLAGS\s+WHY/);
		expect(frame).toMatch(/\d+\.\d+\.\d+\.\d+/);
	});

	it('groups the rows by owner with o, shows OWNER in wide mode then, and o again ungroups', async () => {
		const app = renderApp({columns: 240, rows: 30});
		await app.waitFor('sort: worst first');
		await app.press('w');
		let frame = await app.waitFor('NOMINATED NODE');
		expect(frame).not.toContain('OWNER');
		await app.press('o');
		frame = await app.waitFor('sort: owner (grouped)');
		expect(frame).toMatch(/NOMINATED NODE\s+OWNER\s+FLAGS/);
		// Each workload's pods are together: the static pods last, under their Node.
		const lines = frame.split('\n');
		const header = lines.findIndex(line => line.includes('OWNER'));
		const column = lines[header]!.indexOf('OWNER');
		const owners = lines
			.slice(header + 1)
			.map(line => line.slice(column).split(/\s+/)[0]!)
			.filter(owner => /^(\w+\/[\w.-]+|<none>)$/.test(owner));
		expect(owners.length).toBeGreaterThan(5);
		expect(owners.filter((owner, index) => owner !== owners[index - 1]).length).toBe(new Set(owners).size);
		expect(owners.at(-1)).toBe('Node/kind-control-plane');
		await app.press('o');
		frame = await app.waitFor('sort: worst first');
		expect(frame).not.toContain('OWNER');
	});

	it('cycles the sort order with s, and the order follows it', async () => {
		const app = renderApp({columns: 160, rows: 30});
		await app.waitFor('sort: worst first');
		await app.press('s');
		const frame = await app.waitFor('sort: name');
		const names = tableLines(frame).map(r => r.slice(4).split(/\s+/)[1]!);
		expect(names).toEqual([...names].sort());
	});

	it('opens the selected pod with Enter, switches sections, and Esc comes back to the same row', async () => {
		const app = renderApp();
		await app.waitFor('crashloop');
		await app.press('j', 'j');
		const selected = selectedLine(app.lastFrame());
		const name = selected.slice(4).split(/\s+/)[1]!;
		await app.press(KEY.enter);
		let frame = await app.waitFor('[Overview]');
		expect(frame).toContain(name);
		await app.press(KEY.tab);
		await app.waitFor('[Containers]');
		await app.press(KEY.right);
		await app.waitFor('[Timeline]');
		await app.press(KEY.left, KEY.shiftTab);
		await app.waitFor('[Overview]');
		await app.press(KEY.shiftTab);
		await app.waitFor('[YAML]');
		await app.press(KEY.down, KEY.down);
		await app.waitFor(f => !f.includes('[YAML]') || !f.includes('apiVersion: v1'));
		await app.press(KEY.escape);
		frame = await app.waitFor('NAMESPACE');
		expect(selectedLine(frame)).toBe(selected);
	});

	it('leaves whole counts out of a narrow header, failing last, rather than cut one mid-word', async () => {
		const app = renderApp({columns: 80, rows: 24});
		let frame = await app.waitFor('crashloop');
		expect(frame.split('\n')[1]).toMatch(/^\d+ pods: \d+ running, \d+ failing · \d+ faulty +ns: all {2}sort: worst first$/);
		await app.press('/', ...'cra', KEY.enter);
		frame = await app.waitFor('filter: "cra"');
		const counts = frame.split('\n')[1]!;
		expect(counts).toMatch(/^\d+ pods: \d+ failing +ns: all {2}sort: worst first {2}filter: "cra" {2}showing 1 of \d+$/);
		expect(counts).not.toContain('…');
	});

	it('shows the keys of the current view in the footer', async () => {
		const app = renderApp();
		let frame = await app.waitFor('crashloop');
		expect(frame).toContain('/ filter');
		expect(frame).not.toContain('sections');
		expect(frame).not.toContain('pause');
		await app.press(KEY.enter);
		frame = await app.waitFor('[Overview]');
		expect(frame).toContain('Tab/→/S-Tab/← sections');
		expect(frame).not.toContain('/ filter');
	});

	it('shows every key in the ? help overlay and closes it with ?', async () => {
		const app = renderApp({columns: 160, rows: 50});
		await app.waitFor('crashloop');
		await app.press('?');
		const frame = await app.waitFor('Pod detail');
		for (const text of ['↑/k', 'PgUp', 'g ', 'G ', 'Enter', '/ ', 'f ', 'n ', 'w ', 's ', 'Tab/→', 'S-Tab/←', 'Esc', 'q ']) expect(frame).toContain(text);
		expect(frame).not.toContain('Replay');
		await app.press('?');
		await app.waitFor('NAMESPACE');
	});

	it('quits with q', async () => {
		const app = renderApp();
		await app.waitFor('crashloop');
		const exited = app.instance.waitUntilExit();
		await app.press('q');
		await expect(exited).resolves.toBeUndefined();
	});

	it('takes back the filter with Esc, and then Esc does nothing (it never quits): q does', async () => {
		const app = renderApp();
		await app.waitFor('crashloop');
		const exited = app.instance.waitUntilExit();
		let quit = false;
		void exited.then(() => (quit = true));
		await app.press('/', ...'crashloop', KEY.enter);
		await app.waitFor('filter: "crashloop"');
		await app.press(KEY.escape);
		const frame = await app.waitFor(f => !f.includes('filter: "crashloop"'));
		expect(frame).toContain('NAMESPACE');
		await app.press(KEY.escape, KEY.escape);
		await app.waitFor(f => f.includes('NAMESPACE') && f.includes('q quit'));
		expect(quit).toBe(false);
		await app.press('q');
		await expect(exited).resolves.toBeUndefined();
	});

	it('quits with Ctrl-C', async () => {
		const app = renderApp();
		await app.waitFor('crashloop');
		const exited = app.instance.waitUntilExit();
		await app.press(KEY.ctrlC);
		await expect(exited).resolves.toBeUndefined();
	});

	it('says the terminal is too small instead of drawing a broken table, and that q quits', async () => {
		const app = renderApp({columns: 40, rows: 10});
		const frame = await app.waitFor('too small');
		expect(frame.trim().split('\n')).toEqual(['terminal too small (40×10): podlife', 'needs at least 60×12 — enlarge it, or q', 'quits']);
		const exited = app.instance.waitUntilExit();
		await app.press('q');
		await expect(exited).resolves.toBeUndefined();
		const wider = renderApp({columns: 100, rows: 8});
		expect((await wider.waitFor('too small')).trim()).toBe('terminal too small (100×8): podlife needs at least 60×12 — enlarge it, or q quits');
	});

	it('follows a resize', async () => {
		const app = renderApp({columns: 80, rows: 24});
		await app.waitFor('crashloop');
		app.stdout.resize(50, 10);
		await app.waitFor('too small (50×10)');
		app.stdout.resize(160, 50);
		await app.waitFor('crashloop');
	});

	it('stays at least one line shorter than the terminal, narrow and wide', async () => {
		for (const size of [
			{columns: 80, rows: 24},
			{columns: 160, rows: 50},
		]) {
			const app = renderApp(size);
			const frame = await app.waitFor('crashloop');
			const lines = frame.split('\n');
			expect(lines.length).toBeLessThan(size.rows);
			expect(Math.max(...lines.map(l => [...l].length))).toBeLessThanOrEqual(size.columns);
			app.instance.unmount();
		}
	});

	it('shows the source and the live connection in the header', async () => {
		const app = renderApp();
		const frame = await app.waitFor('crashloop');
		expect(frame).toContain('kind-kind (https://127.0.0.1:6443)');
		expect(frame).toMatch(/live \d\d:\d\d:\d\d UTC/);
		expect(frame).toMatch(/\d+ pods: \d+ running/);
	});

	it('draws without colour codes under NO_COLOR, the glyphs still tell health', async () => {
		const app = renderApp({columns: 100, rows: 30}, {noColor: true});
		const frame = await app.waitFor('crashloop');
		expect(frame).not.toMatch(/\u001B\[3[0-7]m/);
		expect(frame).toMatch(/↻/);
	});
});
