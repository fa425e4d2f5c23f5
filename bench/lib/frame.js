// Frame: time from one pod update in a store of 10k pods to the write of the next frame, with Ink
// rendering the podlife app into a fake stdout of 160×50; beside it, in the same process and
// alternating sample by sample, bare Ink rendering the same number of rows and columns as plain
// coloured text (one <Text> per line, the app's own visible text), updated one row at a time —
// twice: with the Ink podlife runs (node_modules/ink, its output stage patched by
// patches/ink+6.8.0.patch: the strict baseline, the same renderer as the app's) and with Ink as
// published (the `ink-stock` alias of the same version: the baseline the budget was set against).
// Run as a child of bench/run.js: node bench/lib/frame.js FILE SAMPLES

import React from 'react';
import * as patchedInk from 'ink';
import * as stockInk from 'ink-stock';
import {useSyncExternalStore} from 'react';
import {distImport, report} from './dist.js';
import {FakeStdin, FakeStdout, stripAnsi} from './fake-tty.js';
import {median, percentile, sleep} from './stats.js';

const [file, samplesText = '60'] = process.argv.slice(2);
const samples = Number(samplesText);
const COLUMNS = 160;
const ROWS = 50;
/** Longer than the app's coalescing window (FRAME_INTERVAL_MS, 100) and Ink's throttle (33 ms): every sample starts idle. */
const GAP_MS = 130;

const {replayInto} = await distImport('output/replay-store.js');
const {App} = await distImport('ui/app.js');
const {FrameSource, FRAME_INTERVAL_MS} = await distImport('ui/frame-source.js');
const {makeTheme, ThemeContext} = await distImport('ui/theme.js');
const {realScheduler} = await distImport('sources/replay/scheduler.js');

// The store: the session's initial list (t = 0), i.e. every pod of the big session once.
// The bench applies updates of its own afterwards: a store that keeps its objects (as live does).
const {store, now: listedAt} = await replayInto(file, 0, {warn: () => {}, keepObjects: true});
const podCount = store.view().pods.size;
let nowMs = listedAt + 5_000;
const clock = {now: () => nowMs};

// ── the podlife app ────────────────────────────────────────────────────────
const appOut = new FakeStdout(COLUMNS, ROWS);
const frames = new FrameSource([listener => store.subscribe(listener)], realScheduler, FRAME_INTERVAL_MS, 0);
const info = {kind: 'live', title: 'bench', context: 'bench', namespace: null};
const appTimes = [];
const appInk = patchedInk.render(
	React.createElement(ThemeContext.Provider, {value: makeTheme(false)}, React.createElement(App, {store, clock, info, frames})),
	{
		stdout: appOut,
		stdin: new FakeStdin(),
		stderr: new FakeStdout(),
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: false,
		onRender: ({renderTime}) => appTimes.push(renderTime),
	},
);
await sleep(300);
const appLines = stripAnsi(appOut.lastFrame).replace(/\n$/, '').split('\n');

// The pods on screen: an update to one of them changes what the frame shows.
const visible = [];
for (const pod of store.view().pods.values()) {
	if (appLines.some(line => line.includes(` ${pod.name} `))) visible.push(pod);
}
if (visible.length === 0) throw new Error('no pod of the store is on screen: cannot measure a frame');

let restarts = 1000;
function nextUpdate() {
	// A pod on screen now: updates move pods (a rising restart count sorts a pod up), and an update
	// to a pod off screen changes no frame.
	const lines = stripAnsi(appOut.lastFrame);
	const pods = [...store.view().pods.values()].filter(pod => lines.includes(` ${pod.name} `));
	if (pods.length === 0) throw new Error('no pod of the store is on screen: cannot measure a frame');
	const pod = pods[restarts % pods.length];
	const object = JSON.parse(JSON.stringify(store.pod(pod.key).readObject()));
	restarts += 1;
	object.metadata.resourceVersion = String(10_000_000 + restarts);
	const status = object.status.containerStatuses?.[0];
	if (status) status.restartCount = restarts;
	return {t: 5_000, type: 'MODIFIED', object};
}

// ── bare Ink: the same rows as plain coloured text ─────────────────────────
const COLOURS = ['green', 'yellow', 'red', 'cyan', undefined];
/** One bare Ink of its own (store, stdout, render times) drawn by `ink`'s render, Box and Text. */
async function bareInk(ink) {
	const stdout = new FakeStdout(COLUMNS, ROWS);
	let rows = appLines.map(line => line.padEnd(COLUMNS - 1).slice(0, COLUMNS - 1));
	let version = 0;
	const listeners = new Set();
	const subscribe = listener => {
		listeners.add(listener);
		return () => listeners.delete(listener);
	};
	const snapshot = () => version;
	function Bare() {
		useSyncExternalStore(subscribe, snapshot);
		return React.createElement(
			ink.Box,
			{flexDirection: 'column', width: COLUMNS},
			rows.map((line, index) => React.createElement(ink.Text, {key: index, color: COLOURS[index % COLOURS.length], wrap: 'truncate-end'}, line)),
		);
	}
	const times = [];
	const instance = ink.render(React.createElement(Bare), {
		stdout,
		stdin: new FakeStdin(),
		stderr: new FakeStdout(),
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: false,
		onRender: ({renderTime}) => times.push(renderTime),
	});
	await sleep(200);
	let counter = 0;
	function update() {
		counter += 1;
		const row = 5 + (counter % Math.max(1, rows.length - 8));
		rows = rows.slice();
		rows[row] = `${String(counter).padStart(6)}${rows[row].slice(6)}`;
		version += 1;
		for (const listener of listeners) listener();
	}
	async function sample() {
		const frame = stdout.nextFrame();
		const started = performance.now();
		update();
		return (await frame) - started;
	}
	return {sample, times, instance};
}
const barePatched = await bareInk(patchedInk);
const bareStock = await bareInk(stockInk);

// ── samples, alternating ───────────────────────────────────────────────────
async function sampleApp() {
	const entry = nextUpdate();
	nowMs += 1;
	const frame = appOut.nextFrame();
	const started = performance.now();
	store.apply(entry, nowMs);
	return (await frame) - started;
}

const WARMUP = 10;
// Diagnostics only (FRAME_PROFILE=out.cpuprofile): a CPU profile of the sampling loop alone, without the store load;
// FRAME_ONLY=app (or bare, or stock) samples that one alone, so that the profile holds its frames only.
const profilePath = process.env.FRAME_PROFILE;
const only = process.env.FRAME_ONLY;
let profiler = null;
if (profilePath) {
	const {Session} = await import('node:inspector/promises');
	profiler = new Session();
	profiler.connect();
	await profiler.post('Profiler.enable');
	await profiler.post('Profiler.setSamplingInterval', {interval: 200});
	await profiler.post('Profiler.start');
}
const app = [];
const bare = [];
const stock = [];
const ratios = [];
const stockRatios = [];
const alone = {app: sampleApp, bare: barePatched.sample, stock: bareStock.sample}[only];
const aloneTimes = {app, bare, stock}[only];
for (let i = 0; i < WARMUP + samples; i++) {
	if (alone) {
		await sleep(GAP_MS);
		const time = await alone();
		if (i >= WARMUP) aloneTimes.push(time);
		continue;
	}
	await sleep(GAP_MS);
	const a = await sampleApp();
	await sleep(GAP_MS);
	const b = await barePatched.sample();
	await sleep(GAP_MS);
	const c = await bareStock.sample();
	if (i < WARMUP) continue;
	app.push(a);
	bare.push(b);
	stock.push(c);
	ratios.push(a / b);
	stockRatios.push(a / c);
}
if (profiler) {
	const {profile} = await profiler.post('Profiler.stop');
	const {writeFileSync} = await import('node:fs');
	writeFileSync(profilePath, JSON.stringify(profile));
	profiler.disconnect();
}
const appStage = median(appTimes.slice(-samples));
const bareStage = median(barePatched.times.slice(-samples));
const stockStage = median(bareStock.times.slice(-samples));
appInk.unmount();
barePatched.instance.unmount();
bareStock.instance.unmount();
frames.dispose();
report({
	pods: podCount,
	visibleRows: appLines.length,
	frameMsMedian: median(app),
	frameMsP95: percentile(app, 95),
	// bare*: bare Ink with podlife's patched output stage (the app's own renderer).
	bareMsMedian: median(bare),
	bareMsP95: percentile(bare, 95),
	ratio: median(app) / median(bare),
	ratioMedianOfPairs: median(ratios),
	// stock*: bare Ink 6.8.0 as published.
	stockMsMedian: median(stock),
	stockMsP95: percentile(stock, 95),
	ratioToStock: median(app) / median(stock),
	ratioToStockMedianOfPairs: median(stockRatios),
	appInkStringStageMs: appStage,
	bareInkStringStageMs: bareStage,
	stockInkStringStageMs: stockStage,
	samples,
});
process.exit(0);
