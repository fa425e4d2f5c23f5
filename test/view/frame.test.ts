import {describe, expect, it} from 'vitest';
import {deriveFrame, frameMemory, type Frame, type FrameInput, type FrameStore, type PlayerView} from '../../source/view/frame.js';
import {initialUiState, type UiState} from '../../source/view/ui-state.js';
import type {HelpGroup} from '../../source/view/help-layout.js';
import type {SourceInfo} from '../../source/sources/source-info.js';
import {captureStore} from '../ui/helpers/capture-store.js';

const LIVE: SourceInfo = {kind: 'live', title: 'kind-kind', context: 'kind-kind'};
const HELP: HelpGroup[] = [{title: 'Pod table', entries: Array.from({length: 400}, (_, i) => ({keys: `k${i}`, label: `action ${i}`}))}];

/** mixed.ndjson at its end: 17 pods in 3 namespaces, a crash loop among them. */
const mixed = captureStore('mixed');

function frame(options: Partial<Omit<FrameInput, 'state'>> & {state?: Partial<UiState>} = {}): Frame {
	const state = {...initialUiState(), ...options.state};
	return deriveFrame({
		store: options.store ?? mixed.store,
		memory: options.memory ?? frameMemory(state),
		info: options.info ?? LIVE,
		player: options.player ?? null,
		now: options.now ?? mixed.clock.now(),
		columns: options.columns ?? 120,
		rows: options.rows ?? 30,
		help: options.help ?? HELP,
		state,
	});
}

function table(f: Frame) {
	if (f.body.kind !== 'table') throw new Error(`the body is ${f.body.kind}, not the table`);
	return f.body;
}

function detail(f: Frame) {
	if (f.body.kind !== 'detail') throw new Error(`the body is ${f.body.kind}, not the detail`);
	return f.body;
}

describe('deriveFrame', () => {
	it('makes rows of the visible window only, the cursor pinned on the first pod, and the status line about it', () => {
		const f = frame({rows: 16});
		const body = table(f);
		const pods = mixed.store.view().pods.size;
		// 16 rows: 15 the app may use, less header (2), footer (1), the column header and the status line.
		expect(f.keys.bodyLines).toBe(10);
		expect(body.lines).toHaveLength(10);
		expect(f.keys.rows.length).toBe(pods);
		expect(body.selected).toBe(0);
		expect(f.state.selectedKey).toBe(body.lines[0]!.key);
		expect(f.keys.selectedKey).toBe(body.lines[0]!.key);
		expect(body.lines[0]!.text).toContain(body.lines[0]!.key.split('/')[1]!);
		expect(f.bottom).toMatchObject({kind: 'status', text: expect.stringContaining(body.lines[0]!.key)});
		expect(f.header.counts).toMatch(new RegExp(`^${pods} pods: `));
		expect(f.header.scope).toBe('ns: all  sort: worst first');
		expect(f.header.clock).toMatch(/^live \d\d:\d\d:\d\d UTC {2}○ connecting$/);
		expect(f.footer).toEqual({view: 'table', replaying: false, section: undefined});
		expect(f.tooSmall).toBeNull();
	});

	it('applies the filter as it is typed and says how many pods it shows', () => {
		const f = frame({state: {prompt: {kind: 'filter', text: 'crash', error: null, note: null}}});
		expect(table(f).lines.map(line => line.key)).toEqual([expect.stringContaining('crashloop')]);
		expect(f.header.scope).toMatch(/filter: "crash" {2}showing 1 of \d+$/);
		expect(f.bottom).toMatchObject({kind: 'prompt', prompt: {kind: 'filter', text: 'crash'}});
		expect(f.footer.view).toBe('filter');
	});

	it('says why no row shows', () => {
		const f = frame({state: {filter: 'no-such-pod'}});
		expect(table(f).lines).toHaveLength(0);
		expect(table(f).empty).toMatch(/^No pods match/);
		expect(f.bottom).toEqual({kind: 'status', text: '', why: null});
	});

	it('gives the key handlers the column offsets that ← and → go to when columns are off-screen', () => {
		const narrow = frame({columns: 80});
		expect(table(narrow).arrows + table(narrow).header).toContain('→');
		expect(narrow.keys.columnOffsets.prev).toBeNull();
		expect(narrow.keys.columnOffsets.next).toBeGreaterThan(0);
		const scrolled = frame({columns: 80, state: {columnOffset: narrow.keys.columnOffsets.next!}});
		expect(table(scrolled).arrows).toContain('←');
		expect(scrolled.keys.columnOffsets.prev).toBeLessThan(narrow.keys.columnOffsets.next!);
	});

	it('dims the rows while the live watch reconnects, and the clock says since when', () => {
		const now = mixed.clock.now();
		const store: FrameStore = {
			get version() {
				return mixed.store.version;
			},
			view: () => mixed.store.view(),
			changedSince: version => mixed.store.changedSince(version),
			connection: {state: 'reconnecting', message: 'connection refused', since: now - 5000},
		};
		const f = frame({store});
		expect(table(f).stale).toBe(true);
		expect(f.header.clock).toMatch(/reconnecting since .* \(5s\): connection refused$/);
		expect(f.header.clockColor).toBe('yellow');
	});

	it('shows the selected pod in detail: its section lines, where they are, how far they scroll', () => {
		const key = [...mixed.store.view().pods.keys()].find(k => k.includes('crashloop'))!;
		const f = frame({rows: 20, state: {screen: 'detail', selectedKey: key, section: 'YAML', detailScroll: 3}});
		const body = detail(f);
		expect(body.title).toBe(key);
		expect(body.lines![0]!.map(span => span.text).join('')).toBe('apiVersion: v1');
		expect(body.height).toBe(f.keys.bodyLines);
		expect(f.keys.detailMax).toBe(body.lines!.length - body.height);
		expect(body.position).toBe(`4–${3 + body.height} of ${body.lines!.length}`);
		expect(f.bottom).toMatchObject({kind: 'status', text: expect.stringContaining(key), color: 'red'});
		expect(f.footer).toEqual({view: 'detail', replaying: false, section: 'YAML'});
	});

	it('gives the Containers list its blocks and count for the cursor keys', () => {
		const key = [...mixed.store.view().pods.keys()].find(k => k.includes('crashloop'))!;
		const f = frame({state: {screen: 'detail', selectedKey: key, section: 'Containers'}});
		expect(f.keys.containerCount).toBe(1);
		expect(f.keys.containerBlocks).toHaveLength(1);
		expect(f.keys.timeline).toBeNull();
	});

	it('says so when the pod in detail is gone from the store', () => {
		const f = frame({state: {screen: 'detail', selectedKey: 'default/gone-pod'}});
		expect(detail(f).lines).toBeNull();
		expect(detail(f).gone).toBe('default/gone-pod is no longer in the store.');
		expect(f.bottom).toEqual({kind: 'status', text: 'default/gone-pod is gone from the store', why: null});
		expect(f.keys.detailMax).toBe(0);
	});

	it('lays the help overlay over the body and the status line, and says how far it scrolls', () => {
		const f = frame({rows: 20, state: {help: true}});
		expect(f.body.kind).toBe('help');
		expect(f.bottom).toBeNull();
		expect(f.bodyHeight).toBe(f.keys.bodyLines + 2);
		if (f.body.kind !== 'help') return;
		const {rows, indicator} = f.body.shown;
		expect(rows).toHaveLength(f.keys.helpWindow);
		const [, shown, total] = /^▼ more below {2}1–(\d+) of (\d+)$/.exec(indicator ?? '') ?? [];
		expect(Number(shown)).toBe(f.keys.helpWindow);
		expect(f.keys.helpMax).toBe(Number(total) - f.keys.helpWindow);
	});

	it('shows a notice in place of the status line', () => {
		expect(frame({state: {notice: 'no pod selected'}}).bottom).toEqual({kind: 'notice', text: 'no pod selected'});
	});

	it('says the terminal is too small rather than draw it, and how to get out', () => {
		expect(frame({columns: 50, rows: 10}).tooSmall).toBe('terminal too small (50×10): podlife needs at least\n60×12 — enlarge it, or q quits');
		expect(frame({columns: 20, rows: 3}).tooSmall).toBe('too small (20×3): n…');
	});

	it('while replaying: the scrubber, the replay clock, the read problem and the Timeline transitions', () => {
		const player: PlayerView = {
			recordedAtMs: mixed.recordedAtMs,
			positionMs: mixed.clock.now() - mixed.recordedAtMs,
			startMs: 0,
			endMs: mixed.clock.now() - mixed.recordedAtMs,
			speed: 1,
			paused: true,
			loaded: true,
			ended: false,
			progress: 1,
			loadError: null,
			warnings: ['line 12 is cut off'],
			density: cells => Array.from({length: cells}, () => 1),
			failureMarks: () => [],
			beforeSightFrom: null,
		};
		const key = [...mixed.store.view().pods.keys()].find(k => k.includes('crashloop'))!;
		const f = frame({player, info: mixed.info, state: {screen: 'detail', selectedKey: key, section: 'Timeline'}});
		expect(f.header.clock).toMatch(/⏸ paused$/);
		expect(f.header.clockColor).toBe('yellow');
		expect(f.problem).toEqual({tone: 'warning', text: '⚠ line 12 is cut off'});
		expect(f.scrubber!.right).toBe(f.scrubber!.left);
		expect(f.scrubber!.cells.length).toBeGreaterThanOrEqual(10);
		expect(f.footer.replaying).toBe(true);
		expect(f.keys.timeline!.targets.length).toBeGreaterThan(0);
		expect(f.keys.timeline!.lineCount).toBe(detail(f).lines!.length);
	});

	it('keeps the column widths a frame showed for the next ones (the memory)', () => {
		const memory = frameMemory(initialUiState());
		const first = frame({memory, columns: 200});
		const again = frame({memory, columns: 200, state: {filter: 'coredns'}});
		expect(table(again).header).toBe(table(first).header);
	});
});
