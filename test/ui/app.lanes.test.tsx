// The Lanes view as a user meets it: L from the table, the same list and cursor as the table, zoom,
// time cursor, follow, and Enter into the pod's detail at the moment under the cursor.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {FrameSource} from '../../source/ui/frame-source.js';
import {makeTheme, ThemeContext} from '../../source/ui/theme.js';
import {realScheduler} from '../../source/sources/replay/scheduler.js';
import {INITIAL_LANES} from '../../source/view/lanes/lane-time.js';
import {formatClock, positionText} from '../../source/view/goto-time.js';
import {captureStore, type CaptureStore} from './helpers/capture-store.js';
import {KEY, renderAtSize, type Rendered} from './helpers/render-at-size.js';
import {closeReplayApps, openReplayApp, openReplayFile} from './helpers/replay-app.js';

const ROLLOUT_UNDO = fileURLToPath(new URL('../fixtures/captures-full/rollout-undo.ndjson', import.meta.url));

let live: Rendered | null = null;
afterEach(() => {
	live?.instance.unmount();
	live = null;
	closeReplayApps();
});

/** A capture's store shown as a live cluster (kind-kind) would be, frames as they come. */
function renderLive(data: CaptureStore, size: {columns: number; rows: number}, initial?: React.ComponentProps<typeof App>['initial']): Rendered {
	const frames = new FrameSource([listener => data.store.subscribe(listener)], realScheduler, 0, 0);
	return renderAtSize(
		<ThemeContext.Provider value={makeTheme(true)}>
			<App
				store={data.store}
				clock={data.clock}
				info={{...data.info, kind: 'live', title: 'kind-kind', context: 'kind-kind'}}
				frames={frames}
				initial={initial}
			/>
		</ThemeContext.Provider>,
		size,
	);
}

/** The lane rows: the lines under the axis line ("  2m a screen  ╵04:21:00 …"), up to the blank before the legend. */
function laneLines(frame: string): string[] {
	const lines = frame.split('\n');
	const axis = lines.findIndex(line => / a screen /.test(line));
	if (axis === -1) return [];
	const rows: string[] = [];
	for (const line of lines.slice(axis + 1)) {
		if (!/^[› ] \S/.test(line)) break;
		rows.push(line);
	}
	return rows;
}

/** "› default/crashloop-4wqpg   ▒▒█↻xx" → "crashloop-4wqpg" (the name column, without its namespace). */
function laneName(line: string | undefined): string {
	return (line?.slice(2).split(/\s+/)[0] ?? '').split('/').at(-1)!;
}

function selectedLane(frame: string): string {
	return laneName(laneLines(frame).find(line => line.startsWith('›')));
}

function tableRows(frame: string): string[] {
	return frame.split('\n').filter(line => /^[› ][✓○✗↻⇣–][* ] \S/.test(line));
}

function tableName(row: string | undefined): string {
	return row?.slice(4).trim().split(/\s+/)[1] ?? '';
}

function selectedRow(frame: string): string {
	return tableName(tableRows(frame).find(line => line.startsWith('›')));
}

/** The line about the selected pod, over the footer: it starts with the pod's namespace/name. */
function statusLine(frame: string): string {
	return frame.split('\n').find(line => /^[\w-]+\/[\w-]+ {2}/.test(line)) ?? '';
}

describe('the Lanes view', () => {
	it('opens with L from the table: a lane per pod of the table, in its order, under a time axis, with the legend', async () => {
		// Wide enough for whole names: the table and the lanes cut long ones alike, but not to the same width.
		const {app} = await openReplayApp('mixed', {atEnd: true, size: {columns: 200, rows: 40}});
		const table = await app.waitFor('NAMESPACE');
		expect(table).toContain('L lanes');
		const names = tableRows(table).map(tableName);
		await app.press('L');
		const frame = await app.waitFor(' a screen ');
		expect(laneLines(frame).map(laneName)).toEqual(names);
		// The session (1:39) fits one screen; the axis has clock labels and the cursor ▼ at the replay's moment.
		expect(frame).toMatch(/ {2}2m a screen +.*╵04:21:00.*╵04:22:00.*▼/);
		expect(frame).toContain('░ pending  ▒ creating/init  ▓ running, not ready  █ ready  ▄ terminating  ─ succeeded  x failed');
		// A crash loop: failed stretches and restarts; a job: it ran, then succeeded.
		const crashloop = laneLines(frame).find(line => line.includes('crashloop'))!;
		expect(crashloop).toMatch(/█.*↻.*x/);
		expect(crashloop.match(/↻/g)!.length).toBeGreaterThanOrEqual(3);
		expect(laneLines(frame).find(line => line.includes('report-'))).toMatch(/─+$/);
		expect(frame).toContain('following replay · Enter open at ▼/fold  Esc table  ←/→ time  +/- zoom  f follow');
		// Esc goes back to the table.
		await app.press(KEY.escape);
		expect(await app.waitFor('NAMESPACE')).not.toContain(' a screen ');
	});

	it('shares the table’s cursor both ways, and its filter', async () => {
		const {app} = await openReplayApp('mixed', {atEnd: true});
		await app.waitFor('NAMESPACE');
		await app.press('j', 'j', 'j');
		const inTable = selectedRow(app.lastFrame());
		await app.press('L');
		let frame = await app.waitFor(' a screen ');
		expect(selectedLane(frame)).toBe(inTable);
		await app.press('j', 'j');
		frame = app.lastFrame();
		const inLanes = selectedLane(frame);
		expect(inLanes).not.toBe(inTable);
		expect(statusLine(frame)).toContain(inLanes);
		await app.press(KEY.escape);
		expect(selectedRow(await app.waitFor('NAMESPACE'))).toBe(inLanes);
		// The filter typed in the Lanes view is the table's.
		await app.press('L', '/', ...'kube-proxy', KEY.enter);
		frame = await app.waitFor('filter: "kube-proxy"');
		expect(laneLines(frame).map(laneName)).toEqual([expect.stringMatching(/^kube-proxy-/), expect.stringMatching(/^kube-proxy-/)]);
		await app.press(KEY.escape);
		expect(tableRows(await app.waitFor('NAMESPACE')).map(tableName)).toEqual(laneLines(frame).map(laneName));
	});

	it('zooms with +/- and z/Z, from seconds to hours a screen', async () => {
		const {app} = await openReplayApp('mixed', {atEnd: true});
		await app.press('L');
		await app.waitFor('2m a screen');
		await app.press('+');
		await app.waitFor('1m a screen');
		await app.press('z', 'z', 'z', 'z');
		await app.waitFor('10s a screen');
		await app.press('-', 'Z');
		await app.waitFor('1m a screen');
		for (let i = 0; i < 12; i++) await app.press('Z');
		const frame = await app.waitFor('24h a screen');
		// At a day a screen the whole session is a column or two, the crash loop's failure still in it.
		expect(laneLines(frame).find(line => line.includes('crashloop'))).toMatch(/[x↻]/);
	});

	it('moves the time cursor with ←: the footer says it stopped following, the status line says what the pod was then; f follows again', async () => {
		const {app, player} = await openReplayApp('crashloop', {atEnd: true});
		await app.press('L');
		await app.waitFor(' a screen ');
		for (let i = 0; i < 20; i++) await app.press(KEY.left);
		const frame = app.lastFrame();
		const footer = /▼ (\d\d:\d\d:\d\d), f follows · Enter open at ▼\/fold/.exec(frame);
		expect(footer).not.toBeNull();
		const at = Date.parse(`${new Date(player.recordedAtMs).toISOString().slice(0, 11)}${footer![1]}Z`);
		expect(at).toBeLessThan(player.recordedAtMs + player.endMs - 20_000);
		// What the server printed for the pod then: its row before the latest ones.
		expect(statusLine(frame)).toMatch(new RegExp(`^default/crashloop-\\w+ +▼ ${footer![1]} +(Running|Error|CrashLoopBackOff) [01]/1 \\(`));
		// The replay did not move.
		expect(player.positionMs).toBe(player.endMs);
		await app.press('f');
		await app.waitFor('following replay · ');
	});

	it('Enter opens the pod at the time under the cursor: the replay goes there, paused, the Timeline on that moment', async () => {
		const {app, player} = await openReplayApp('crashloop', {atEnd: true});
		await app.press('L');
		await app.waitFor(' a screen ');
		for (let i = 0; i < 40; i++) await app.press(KEY.left);
		const cursor = /▼ (\d\d:\d\d:\d\d), f follows/.exec(app.lastFrame())![1]!;
		await app.press(KEY.enter);
		const frame = await app.waitFor('[Timeline]');
		expect(player.paused).toBe(true);
		expect(formatClock(player.recordedAtMs + player.positionMs)).toBe(cursor);
		expect(frame).toContain(`${cursor} UTC  ${positionText(player.positionMs, player.recordedAtMs)}/1:35`);
		// The transition marked is the last one at or before that moment.
		const marked = frame.split('\n').find(line => line.startsWith('›'));
		expect(marked).toBeDefined();
		const key = [...player.store.view().pods.keys()].find(k => k.includes('crashloop'))!;
		const history = player.store.view().pods.get(key)!.history;
		const last = history.filter(t => t.at <= player.recordedAtMs + player.positionMs).at(-1)!;
		expect(frame).toContain(formatClock(last.at));
		// Esc goes back to the lanes, which now end at that moment.
		await app.press(KEY.escape);
		expect(await app.waitFor(' a screen ')).toContain('▼');
	});

	it('Enter on a lane before its pod was there opens the pod at its first sight, not where the pod is not yet', async () => {
		const {app, player} = await openReplayApp('crashloop', {atEnd: true});
		await app.press('L');
		const opened = await app.waitFor(' a screen ');
		// Worst first: the crash-looping pod is the first row, made 2.3 s into the recording.
		expect(laneName(laneLines(opened)[0])).toBe('crashloop-g6z5t');
		// S-← as far as it goes: before the recording began, where the system pods were made.
		for (let i = 0; i < 6; i++) await app.press('\u001B[1;2D');
		expect(app.lastFrame()).toMatch(/crashloop-g6z5t +▼ \d\d:\d\d:\d\d +not created yet/);
		await app.press(KEY.enter);
		const frame = await app.waitFor('[Timeline]');
		expect(frame).not.toContain('no longer in the store');
		expect(player.positionMs).toBe(2293);
		// The transition marked is the pod's first.
		const marked = frame.split('\n').find(line => line.startsWith('›'));
		expect(marked).toContain(formatClock(player.recordedAtMs + 2293));
	});

	it('starts in lanes when asked (--view lanes), live: Enter opens the Timeline, Esc comes back, : and ? and q work', async () => {
		live = renderLive(captureStore('mixed'), {columns: 80, rows: 24}, {lanes: {...INITIAL_LANES, open: true}});
		let frame = await live.waitFor('5m a screen');
		expect(frame).toContain('following now · ');
		// Without colour each class still reads: its glyph.
		expect(laneLines(frame).find(line => line.includes('crashloop'))).toMatch(/█.*↻.*x/);
		await live.press(KEY.enter);
		await live.waitFor('[Timeline]');
		await live.press(KEY.escape);
		await live.waitFor('5m a screen');
		await live.press('?');
		await live.waitFor('Pod table');
		for (let n = 0; n < 5 && !live.lastFrame().includes('Lanes (L)'); n++) await live.press(KEY.pageDown);
		expect(live.lastFrame()).toMatch(/Lanes \(L\)[^]*S-← +pan earlier/);
		await live.press('?');
		await live.waitFor('5m a screen');
		await live.press(':', ...'ns kube-system', KEY.enter);
		frame = await live.waitFor('ns: kube-system');
		expect(laneLines(frame).length).toBeGreaterThan(3);
		expect(frame).not.toContain('crashloop');
		const exited = live.instance.waitUntilExit();
		await live.press('q');
		await expect(exited).resolves.toBeUndefined();
	});

	it('live, Enter opens the pod’s Timeline on the moment under the cursor, as replaying does (the store holds the history)', async () => {
		const data = captureStore('crashloop');
		live = renderLive(data, {columns: 120, rows: 40});
		await live.waitFor('NAMESPACE');
		await live.press('L');
		await live.waitFor('5m a screen');
		for (let i = 0; i < 8; i++) await live.press(KEY.left);
		const cursor = /▼ (\d\d:\d\d:\d\d), f follows/.exec(live.lastFrame())![1]!;
		await live.press(KEY.enter);
		const frame = await live.waitFor('[Timeline]');
		// The transition marked is the last one at or before that moment, not the latest.
		const pod = [...data.store.view().pods.values()].find(p => p.name.startsWith('crashloop'))!;
		const cursorAt = Date.parse(`${new Date(data.clock.at).toISOString().slice(0, 11)}${cursor}Z`);
		const last = pod.history.filter(t => t.at < cursorAt + 1000).at(-1)!;
		expect(last.at).toBeLessThan(pod.history.at(-1)!.at);
		// The marked row, or the row of its moment above it (a moment's later rows leave its time out).
		const lines = frame.split('\n');
		const marked = lines.findIndex(line => line.startsWith('›'));
		expect(marked).toBeGreaterThan(-1);
		const moment = lines.slice(0, marked + 1).findLast(line => /\d\d:\d\d:\d\d/.test(line));
		expect(moment).toContain(formatClock(last.at));
	});

	it('live, draws a pod’s life before podlife saw it from its object, in glyphs of its own that the legend explains', async () => {
		// The kube-system pods were made five minutes before the watch began.
		const data = captureStore('mixed');
		live = renderLive(data, {columns: 120, rows: 40});
		await live.waitFor('NAMESPACE');
		await live.press('L');
		const frame = await live.waitFor('5m a screen');
		// Ready since before the watch: "=" (reconstructed) up to the first sight, then █ (seen).
		const etcd = laneLines(frame).find(line => line.includes('etcd-'))!;
		expect(etcd).toMatch(/ =+█+$/);
		expect(etcd).not.toMatch(/[░▒▓]/);
		// A pod made while watched has no such part.
		const web = /^[› ] \S+ (.*)$/.exec(laneLines(frame).find(line => line.includes('web-'))!)![1]!;
		expect(web).toMatch(/█$/);
		expect(web).not.toMatch(/[.:=~_-]/);
		expect(frame).toContain('.:-=~_ before podlife watched (from the object): pending, creating, running, ready, restarting, ended');
		// On that part the status line says what the object told, and that it was not seen.
		await live.press('/', ...'etcd', KEY.enter);
		await live.waitFor('filter: "etcd"');
		for (let i = 0; i < 30; i++) await live.press(KEY.left);
		expect(statusLine(await live.waitFor(/before podlife watched: from/))).toMatch(
			/^kube-system\/etcd-kind-control-plane {2}▼ \d\d:\d\d:\d\d {2}ready since 04:15:22 \(before podlife watched: from the object/,
		);
	});

	it('ends a deleted pod’s lane with ┤ and marks restarts: a rollout, its crashing revision, and its undo', async () => {
		const {app, player} = await openReplayFile(ROLLOUT_UNDO, {size: {columns: 160, rows: 40}});
		await player.whenLoaded();
		player.seekToEnd();
		await app.press('L');
		const frame = await app.waitFor(/1:44\/1:44[^]* a screen /);
		const lanes = laneLines(frame);
		// The crashing revision's pods: ready, crashed, restarted, failed again, then deleted by the undo.
		const crashed = lanes.filter(line => /api-784845b95f-/.test(line));
		expect(crashed.length).toBe(4);
		for (const line of crashed) expect(line).toMatch(/█+x*↻.*x+/);
		expect(crashed.filter(line => line.endsWith('┤')).length).toBe(3);
		// The first revision's pods ended terminating; the revision it was rolled back to came up ready.
		expect(lanes.filter(line => /api-f8d4ff6c9-/.test(line) && /▄+─?┤$/.test(line)).length).toBeGreaterThanOrEqual(3);
	});
});

describe('the Lanes view over pods deleted long ago', () => {
	/** rollout-undo, then ten quiet minutes: every deleted pod is then pruned from the store. */
	function rolloutThenQuiet(): string {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'podlife-lanes-')), 'rollout-late.ndjson');
		const bookmark = {t: 700_000, type: 'BOOKMARK', object: {kind: 'Pod', apiVersion: 'v1', metadata: {resourceVersion: '99999'}}};
		writeFileSync(file, `${readFileSync(ROLLOUT_UNDO, 'utf8').trimEnd()}\n${JSON.stringify(bookmark)}\n`);
		return file;
	}

	it('keeps the lanes of a rollout’s old pods after the store pruned them, in any seek order, and the cursor opens one', async () => {
		const {app, player} = await openReplayFile(rolloutThenQuiet(), {size: {columns: 160, rows: 50}});
		await player.whenLoaded();
		player.seekToEnd();
		expect([...player.store.view().pods.keys()].filter(key => /api-(784845b95f|86c99489f4)-/.test(key))).toEqual([]);
		await app.press('L');
		const frame = await app.waitFor(/11:40\/11:40[^]* a screen /);
		const old = (lines: string[]): string[] => lines.filter(line => /api-(784845b95f|86c99489f4)-/.test(line));
		// The crashing revision's four pods and the first revision's two, each ended.
		const ended = old(laneLines(frame));
		expect(ended.map(laneName).sort()).toHaveLength(6);
		expect(ended.filter(line => /api-784845b95f-/.test(line)).every(line => /↻/.test(line))).toBe(true);
		expect(ended.filter(line => /api-86c99489f4-/.test(line)).every(line => /┤$/.test(line))).toBe(true);
		// Seeking back to before their deletion and to the end again draws the same lanes.
		player.seek(30_000);
		await app.waitFor(/0:30\/11:40/);
		player.seekToEnd();
		expect(old(laneLines(await app.waitFor(/11:40\/11:40[^]* a screen /)))).toEqual(ended);
		// The cursor rests on the last of them; Enter opens its Timeline.
		await app.press('G');
		const last = selectedLane(await app.waitFor(f => /^› default\/api-(784845b95f|86c99489f4)-/m.test(f)));
		await app.press(KEY.enter);
		const detail = await app.waitFor('[Timeline]');
		expect(detail).toContain(`default/${last}`);
		expect(detail).toMatch(/Transitions and events/);
	});

	it('grouped by owner (o), puts them under their ReplicaSets and still counts the rollout from them', async () => {
		const {app, player} = await openReplayFile(rolloutThenQuiet(), {size: {columns: 160, rows: 50}});
		await player.whenLoaded();
		player.seekToEnd();
		await app.press('L', 'o');
		const lines = (await app.waitFor('sort: owner (grouped)')).split('\n');
		expect(lines.find(line => line.includes('▾ default/api'))).toMatch(/Deployment {2}rev 4 {2}ready 4\/4 .* rev 3→4 took 18s/);
		const crashing = lines.findIndex(line => /▾ ReplicaSet api-784845b95f {2}rev 3$/.test(line.trimEnd()));
		expect(crashing).toBeGreaterThan(-1);
		expect(lines.slice(crashing + 1, crashing + 5).every(line => /default\/api-784845b95f-/.test(line))).toBe(true);
		expect(lines.some(line => /▾ ReplicaSet api-86c99489f4 {2}rev 1$/.test(line.trimEnd()))).toBe(true);
	});
});

describe('the Lanes view grouped by owner', () => {
	it('puts each workload’s summary over its lanes with o, the rollout counted from the pods the store keeps, and moves the cursor over summaries and lanes', async () => {
		const {app, player} = await openReplayFile(ROLLOUT_UNDO, {size: {columns: 120, rows: 40}});
		await player.whenLoaded();
		player.seek(92_000);
		await app.press('L');
		await app.waitFor(/ a screen /);
		await app.press('o');
		const frame = await app.waitFor('sort: owner (grouped)');
		const lines = frame.split('\n');
		// The old ReplicaSet's pods left the list a minute after their deletion; the rollout is still rev 3→4.
		expect(lines.find(line => line.includes('▾ default/api'))).toMatch(/▾ default\/api {2}Deployment {2}rev 3→4 {2}ready 1\/4 {2}[▁-█]{4} rollout 7s/);
		expect(lines.filter(line => /^ {2}▾ /.test(line)).map(line => line.slice(4).split('  ')[0])).toEqual([
			'default/api',
			'kube-system/coredns',
			'kube-system/kindnet',
			'kube-system/kube-proxy',
			'local-path-storage/local-path-provisioner',
			'static pods on kind-control-plane',
		]);
		// The cursor rests on summaries as on lanes: up from the last static pod, the fourth row is their summary.
		await app.press('G');
		await app.waitFor(f => /^› {5}kube-system\/kube-scheduler/m.test(f));
		await app.press('k', 'k', 'k', 'k');
		await app.waitFor(f => /^› ▾ static pods on kind-control-plane/m.test(f));
		await app.press('k');
		await app.waitFor(f => /^› {5}local-path-storage\//m.test(f));
	});
});
