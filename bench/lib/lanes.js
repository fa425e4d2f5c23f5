// The Lanes view (L), with Ink rendering the podlife app into a fake stdout of 160×50:
// 1. open: the big session loaded by the replay player (ReplayPlayer, as `podlife replay` runs it)
//    and shown at its end in the table; then L pressed, time to the write of the Lanes frame. Each
//    sample then goes back to the table (L again) and a page down the list (PgDn: timed too, the
//    table drawing a page of rows it never drew, beside the open), so every open draws lanes never
//    drawn before: each lane built from the history the store keeps for its pod.
// 2. frame: the whole big session replayed into a store that keeps its objects (as live does, so the
//    bench can apply updates of its own), the app following the present; one on-screen pod gets a new
//    restartCount (store.apply), time to the write of the next frame — alternating, in the same app
//    and store, a sample in the Lanes view and one in the table (L between them, not timed).
// Both again grouped by owner (o: a heading over each workload's pods): the opens on pages of the
// grouped list, and a grouped Lanes frame after one pod update as a third sample of each round.
// Run as a child of bench/run.js: node bench/lib/lanes.js FILE SAMPLES OPENS

import React from 'react';
import {render} from 'ink';
import {distImport, report} from './dist.js';
import {FakeStdin, FakeStdout, stripAnsi} from './fake-tty.js';
import {median, percentile, sleep} from './stats.js';

const [file, samplesText = '60', opensText = '10'] = process.argv.slice(2);
const samples = Number(samplesText);
const opens = Number(opensText);
const COLUMNS = 160;
const ROWS = 50;
/** Longer than the app's coalescing window (FRAME_INTERVAL_MS, 100) and Ink's throttle (33 ms): every sample starts idle. */
const GAP_MS = 130;
const PAGE_DOWN = '\u001B[6~';

const {replayInto} = await distImport('output/replay-store.js');
const {ReplayPlayer} = await distImport('sources/replay/player.js');
const {App} = await distImport('ui/app.js');
const {FrameSource, FRAME_INTERVAL_MS} = await distImport('ui/frame-source.js');
const {makeTheme, ThemeContext} = await distImport('ui/theme.js');
const {realScheduler} = await distImport('sources/replay/scheduler.js');

/** The next frame's write time; an error when none comes (a paused replay would otherwise end the process quietly). */
function drawn(stdout, what) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no frame after ${what}`)), 10_000);
	});
	return Promise.race([stdout.nextFrame(), timeout]).finally(() => clearTimeout(timer));
}

async function startProfile() {
	const {Session} = await import('node:inspector/promises');
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', {interval: 200});
	await session.post('Profiler.start');
	return session;
}

async function stopProfile(session, path) {
	const {profile} = await session.post('Profiler.stop');
	const {writeFileSync} = await import('node:fs');
	writeFileSync(path, JSON.stringify(profile));
	session.disconnect();
}

function renderApp(props, upstream) {
	const stdout = new FakeStdout(COLUMNS, ROWS);
	const stdin = new FakeStdin();
	const frames = new FrameSource([upstream], realScheduler, FRAME_INTERVAL_MS, 0);
	const instance = render(React.createElement(ThemeContext.Provider, {value: makeTheme(false)}, React.createElement(App, {...props, frames})), {
		stdout,
		stdin,
		stderr: new FakeStdout(),
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: false,
	});
	/** Types a key; resolves with the ms from the key to the write of the frame it made. */
	const press = async key => {
		const frame = drawn(stdout, `key ${JSON.stringify(key)}`);
		const started = performance.now();
		stdin.type(key);
		return (await frame) - started;
	};
	return {stdout, press, dispose: () => (instance.unmount(), frames.dispose())};
}

const lanesShown = text => / a screen /.test(text);
/** A workload's heading (▾ open) on screen. */
const groupedShown = text => /^[› ] ▾ /m.test(text);

// ── 1. open ────────────────────────────────────────────────────────────────
const loadStarted = performance.now();
const player = await ReplayPlayer.open(file, {paused: true});
await player.whenLoaded();
if (player.loadError) throw player.loadError;
player.seekToEnd();
process.stderr.write(`  player loaded ${player.loadedEntries} entries in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s\n`);
const replayInfo = {kind: 'replay', title: player.header.title ?? file, file, header: player.header};
const replayApp = renderApp({store: player.store, clock: player, info: replayInfo, player}, player.subscribe);
await sleep(500);
// Diagnostics only (LANES_PROFILE=out.cpuprofile): a CPU profile of the opens alone.
const profiler = process.env.LANES_PROFILE ? await startProfile() : null;
const openMs = [];
const closeMs = [];
const pageMs = [];
for (let i = 0; i < opens; i++) {
	await sleep(GAP_MS);
	openMs.push(await replayApp.press('L'));
	if (!lanesShown(stripAnsi(replayApp.stdout.lastFrame))) throw new Error('L did not open the Lanes view');
	await sleep(GAP_MS);
	// Back to the table: rows it drew before (Ink keeps rows it has built).
	closeMs.push(await replayApp.press('L'));
	await sleep(GAP_MS);
	// A page of the table never drawn before: what the table costs when its rows are all new.
	pageMs.push(await replayApp.press(PAGE_DOWN));
}
if (profiler) await stopProfile(profiler, process.env.LANES_PROFILE);
// Grouped by owner: the list regrouped, its headings made for the rows on screen, every lane new.
const groupedOpenMs = [];
await sleep(GAP_MS);
await replayApp.press('o');
if (!groupedShown(stripAnsi(replayApp.stdout.lastFrame))) throw new Error('o did not group the table');
for (let i = 0; i < opens; i++) {
	await sleep(GAP_MS);
	groupedOpenMs.push(await replayApp.press('L'));
	if (!lanesShown(stripAnsi(replayApp.stdout.lastFrame)) || !groupedShown(stripAnsi(replayApp.stdout.lastFrame)))
		throw new Error('L did not open the grouped Lanes view');
	await sleep(GAP_MS);
	await replayApp.press('L');
	await sleep(GAP_MS);
	await replayApp.press(PAGE_DOWN);
}
await sleep(GAP_MS);
await replayApp.press('o');
// Once drawn, a lane is kept with its pod's version: this page again, every lane already built.
await sleep(GAP_MS);
await replayApp.press('L');
await sleep(GAP_MS);
await replayApp.press('L');
const reopenMs = [];
for (let i = 0; i < 5; i++) {
	await sleep(GAP_MS);
	reopenMs.push(await replayApp.press('L'));
	await sleep(GAP_MS);
	await replayApp.press('L');
}
replayApp.dispose();
player.dispose();

// ── 2. frame after one pod update ──────────────────────────────────────────
const {store, now: endedAt} = await replayInto(file, 'end', {warn: () => {}, keepObjects: true});
const podCount = store.view().pods.size;
let nowMs = endedAt + 5_000;
const clock = {now: () => nowMs};
const liveInfo = {kind: 'live', title: 'bench', context: 'bench', namespace: null};
const app = renderApp({store, clock, info: liveInfo}, listener => store.subscribe(listener));
await sleep(300);

let restarts = 1000;
/** An update to a pod on screen now (updates move pods: a failing pod sorts up, worst first). */
function nextUpdate() {
	const lines = stripAnsi(app.stdout.lastFrame);
	// A running pod with a container: its restart shows in its lane (↻) and in the table's RESTARTS,
	// its container crashing or coming back in the lane's class. Not one being deleted: its lane
	// stays "terminating" whatever its containers do, and a column that has its ↻ already would
	// draw no new frame.
	const pods = [...store.view().pods.values()].filter(pod => {
		if (pod.deletedAt !== null || !(lines.includes(` ${pod.name} `) || lines.includes(`/${pod.name} `))) return false;
		const object = store.pod(pod.key).readObject();
		return object.metadata?.deletionTimestamp == null && object.status?.phase === 'Running' && (object.status.containerStatuses?.length ?? 0) > 0;
	});
	if (pods.length === 0) throw new Error('no pod of the store is on screen: cannot measure a frame');
	const pod = pods[restarts % pods.length];
	const object = JSON.parse(JSON.stringify(store.pod(pod.key).readObject()));
	restarts += 1;
	object.metadata.resourceVersion = String(20_000_000 + restarts);
	// A restart, and the container crashing or coming back: the lane's last column changes (a
	// restart alone in a column that has one already would change nothing on screen).
	const status = object.status.containerStatuses[0];
	status.restartCount = restarts;
	const crashed = status.state?.running === undefined;
	status.state = crashed ? {running: {startedAt: new Date(nowMs).toISOString()}} : {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 10s'}};
	status.ready = crashed;
	return {t: nowMs - endedAt, type: 'MODIFIED', object};
}

async function sampleFrame() {
	const entry = nextUpdate();
	nowMs += 1;
	const frame = drawn(app.stdout, 'a pod update');
	const started = performance.now();
	store.apply(entry, nowMs);
	return (await frame) - started;
}

const WARMUP = 10;
// Diagnostics only (LANES_FRAME_PROFILE=out.cpuprofile): a CPU profile of the frames' samples.
const frameProfiler = process.env.LANES_FRAME_PROFILE ? await startProfile() : null;
const lanes = [];
const table = [];
const grouped = [];
const ratios = [];
let lanesLines = 0;
for (let i = 0; i < WARMUP + samples; i++) {
	await sleep(GAP_MS);
	await app.press('L');
	await sleep(GAP_MS);
	const a = await sampleFrame();
	lanesLines = stripAnsi(app.stdout.lastFrame).split('\n').length;
	if (!lanesShown(stripAnsi(app.stdout.lastFrame))) throw new Error('the Lanes view is not on screen');
	await sleep(GAP_MS);
	await app.press('L');
	await sleep(GAP_MS);
	const b = await sampleFrame();
	if (lanesShown(stripAnsi(app.stdout.lastFrame))) throw new Error('the table is not on screen');
	// Grouped by owner, in the Lanes view (o and L, not timed), then back to the table as it was.
	await sleep(GAP_MS);
	await app.press('o');
	await sleep(GAP_MS);
	await app.press('L');
	await sleep(GAP_MS);
	const c = await sampleFrame();
	if (!lanesShown(stripAnsi(app.stdout.lastFrame)) || !groupedShown(stripAnsi(app.stdout.lastFrame)))
		throw new Error('the grouped Lanes view is not on screen');
	await sleep(GAP_MS);
	await app.press('L');
	await sleep(GAP_MS);
	await app.press('o');
	if (i < WARMUP) continue;
	lanes.push(a);
	table.push(b);
	grouped.push(c);
	ratios.push(a / b);
}
if (frameProfiler) await stopProfile(frameProfiler, process.env.LANES_FRAME_PROFILE);
app.dispose();
report({
	pods: podCount,
	entries: player.loadedEntries,
	lanesLines,
	openMsMedian: median(openMs),
	openMsMax: Math.max(...openMs),
	reopenMsMedian: median(reopenMs),
	closeMsMedian: median(closeMs),
	pageMsMedian: median(pageMs),
	openRatioToPage: median(openMs) / median(pageMs),
	groupedOpenMsMedian: median(groupedOpenMs),
	groupedOpenRatioToPage: median(groupedOpenMs) / median(pageMs),
	opens: openMs.length,
	lanesFrameMsMedian: median(lanes),
	lanesFrameMsP95: percentile(lanes, 95),
	tableFrameMsMedian: median(table),
	tableFrameMsP95: percentile(table, 95),
	ratioToTable: median(lanes) / median(table),
	ratioToTableMedianOfPairs: median(ratios),
	groupedFrameMsMedian: median(grouped),
	groupedFrameMsP95: percentile(grouped, 95),
	groupedRatioToTable: median(grouped) / median(table),
	samples,
});
process.exit(0);
