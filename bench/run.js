#!/usr/bin/env node
// `npm run bench`: podlife's performance on this machine, measured on the compiled JS in dist/.
// Prints its method first, then each figure beside its budget, and ends with one JSON line.
// Every measurement runs in a child process of its own (a fresh heap, its own peak RSS), with
// NODE_ENV=production as the CLI sets it. Sessions are made by bench/generate.js (seeded, so the
// same bytes every time) and kept in bench/out/ between runs.
//
//   node bench/run.js [--quick] [--no-50k] [--runs N] [--no-live | --live-only] [--live-150k]
//     --quick      a 2 000-pod session and fewer samples: checks that the bench works, not figures
//     --no-50k     skip the 50 000-pod figures (replay: its session is ~1 GB and takes a minute to make)
//     --no-live    skip the live bench (podlife and kubectl against the fake API server)
//     --live-only  only the live bench
//     --live-150k  the live bench with 150 000 pods too (one round; the server takes a few GB)
//     --live-baseline CLI  the live bench measures another build too (its dist/bundle/cli.js), side by side
//     --only LIST  these replay figures alone, e.g. --only frame,lanes (ingest, frame, lanes, player,
//                  first, tui): the table's frame and the Lanes view's side by side in one run

import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {writeSession} from './generate.js';
import {CLI, ROOT} from './lib/dist.js';
import {measureFirstFrames} from './lib/first-frame.js';
import {measureTuiPeakRss} from './lib/tui-memory.js';
import {stripAnsi} from './lib/fake-tty.js';
import {median, round} from './lib/stats.js';
import {runLiveBench} from './lib/live-bench.js';
import {onPath} from './lib/command-usage.js';
import {LIVE_BUDGETS, liveFigures, liveLines, liveMethod} from './lib/live-report.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const with50k = !quick && !args.includes('--no-50k');
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
const liveOnly = args.includes('--live-only');
const withLive = !args.includes('--no-live');
const withReplay = !liveOnly;
const baselineAt = args.indexOf('--live-baseline');
const onlyAt = args.indexOf('--only');
const only = onlyAt === -1 ? null : new Set(args[onlyAt + 1].split(','));
/** Whether a replay figure is measured in this run. */
const measures = name => only === null || only.has(name);
const LIVE = {
	baseline: baselineAt === -1 ? null : path.resolve(args[baselineAt + 1]),
	sizes: quick ? [2000] : [10_000, ...(with50k ? [50_000] : []), ...(args.includes('--live-150k') ? [150_000] : [])],
	updates: quick ? {pods: 2000, count: 3000, rate: 500, windowMs: 3000} : {pods: 10_000, count: 10_000, rate: 500, windowMs: 10_000},
};

const BIG = quick ? {pods: 2000, namespaces: 40, entries: 20_000, seed: 1, rate: 1000} : {pods: 10_000, namespaces: 200, entries: 200_000, seed: 1, rate: 1000};
// 50k pods: the initial list and as many changes again (its file is ~400 MB).
const HUGE = {pods: 50_000, namespaces: 200, entries: 100_000, seed: 1, rate: 1000};
const FRAME_SAMPLES = quick ? 15 : 60;
/** Opens of the Lanes view, each on a page of pods whose lanes were not drawn before. */
const LANES_OPENS = quick ? 4 : 12;
const SEEKS = quick ? 10 : 40;
const CPU_WINDOW_MS = quick ? 4000 : 10_000;
const CPU_FROM_MS = quick ? 3000 : 10_000;

const BUDGETS = {
	ingestRatio: {limit: 0.5, better: 'higher', text: '≥ 50 % of raw parse'},
	ingestPerSec: {limit: 10_000, better: 'higher', text: '≥ 10 000 entries/s'},
	frameMsMedian: {limit: 20, better: 'lower', text: '≤ 20 ms'},
	frameRatioToInk: {limit: 1.2, better: 'lower', text: '≤ 1.2× published Ink'},
	cpuAt1kEps: {limit: 0.4, better: 'lower', text: '≤ 40 % of a core'},
	rssMb: {limit: 300, better: 'lower', text: '≤ 300 MB'},
	firstFrameDemoMs: {limit: 600, better: 'lower', text: '≤ 600 ms'},
	firstFrameBigMs: {limit: 1000, better: 'lower', text: '≤ 1 s'},
	seekMsMedian: {limit: 100, better: 'lower', text: '≤ 100 ms'},
	// The Lanes view has the table's frame budget, for a frame and for opening it.
	lanesFrameMsMedian: {limit: 20, better: 'lower', text: '≤ 20 ms'},
	lanesOpenMsMedian: {limit: 20, better: 'lower', text: '≤ 20 ms'},
	lanesGroupedFrameMsMedian: {limit: 20, better: 'lower', text: '≤ 20 ms'},
	lanesGroupedOpenMsMedian: {limit: 20, better: 'lower', text: '≤ 20 ms'},
	...LIVE_BUDGETS,
};

const out = text => process.stdout.write(`${text}\n`);

function sessionFile(options) {
	return path.join(ROOT, 'bench', 'out', `session-p${options.pods}-n${options.namespaces}-e${options.entries}-s${options.seed}-r${options.rate}.ndjson`);
}

async function ensureSession(options) {
	const file = sessionFile(options);
	if (existsSync(file)) return file;
	const started = performance.now();
	const bytes = await writeSession(file, options);
	out(`  generated ${path.relative(ROOT, file)}: ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	return file;
}

/** Runs bench/lib/<script> in a child; resolves with its BENCH-RESULT. */
function child(script, childArgs, nodeFlags = []) {
	return new Promise((resolve, reject) => {
		const env = {...process.env, NODE_ENV: 'production'};
		// Ink renders only the last frame when it believes it runs in CI (is-in-ci).
		delete env.CI;
		delete env.CONTINUOUS_INTEGRATION;
		const proc = spawn(process.execPath, [...nodeFlags, path.join(ROOT, 'bench', 'lib', script), ...childArgs], {
			cwd: ROOT,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		// Progress lines pass through; terminal escapes (Ink showing the cursor on exit) do not.
		proc.stderr.on('data', chunk => process.stderr.write(stripAnsi(chunk.toString('utf8'))));
		let stdout = '';
		proc.stdout.on('data', chunk => {
			stdout += chunk.toString('utf8');
		});
		proc.on('exit', code => {
			const match = /BENCH-RESULT (\{.*\})/.exec(stdout);
			if (code === 0 && match) resolve(JSON.parse(match[1]));
			else reject(new Error(`bench/lib/${script} failed (exit ${code})\n${stdout.slice(-2000)}`));
		});
	});
}

function method(big) {
	const cpus = os.cpus();
	out('podlife bench — method');
	out(
		`  machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`,
	);
	out(
		`  date: ${new Date().toISOString()}; load average at start: ${os
			.loadavg()
			.map(n => n.toFixed(2))
			.join(' ')} (figures are only meaningful on an idle machine)`,
	);
	out(
		`  code: ${path.relative(process.cwd(), CLI) || CLI} and the rest of dist/ (compiled JS, NODE_ENV=production), each figure in a child process of its own`,
	);
	if (withLive) for (const text of liveMethod({...LIVE, runs, kubectl: onPath('kubectl')})) out(text);
	if (!withReplay) return out('');
	out(
		`  big session: bench/generate.js ${big.pods} pods, ${big.namespaces} namespaces, ${big.entries} entries, seed ${big.seed}, ~${big.rate} entries per second of session time`,
	);
	out('  ingest: headless replay (output/replay-store.ts replayInto: read + parse + apply to a PodStore) of the big session,');
	out(`          vs. the same file streamed, split and JSON.parse'd; alternating, ${runs} runs each, medians; ratio = median of per-pair ratios`);
	out('  frame: the initial list of the big session in a PodStore, the app (ui/app.tsx App) rendered by Ink into a fake 160×50 stdout;');
	out(`          one on-screen pod gets a new restartCount (store.apply), time to the write of the next frame; beside it, alternating,`);
	out(`          bare Ink rendering the same rows (the app's own visible text, one coloured <Text> per line) after one row changes, twice:`);
	out(`          with podlife's Ink (ink 6.8.0 + patches/ink+6.8.0.patch, applied by \`prepare\` and shipped in the bundle: its output stage`);
	out(`          builds only the rows whose writes changed, where published Ink rebuilds every cell of the screen each frame) and with Ink`);
	out(`          6.8.0 as published (the ink-stock alias); ${FRAME_SAMPLES} samples each after 10 warm-up. "vs bare Ink" (the budget): the app`);
	out(`          against Ink as published, the baseline the issue names ("Ink itself costs about 18 ms"); "vs podlife's Ink" (reported):`);
	out(`          against bare Ink with the same patch, i.e. what the app's own work (store, React, layout of its tree) adds to the renderer`);
	out("  lanes: the Lanes view (L) of the same app at 160×50, with the table's frame budget, the big session loaded whole;");
	out(`          open: by ReplayPlayer as \`podlife replay\` loads it, at its end, L from the table: time to the write of the Lanes frame;`);
	out(`          ${LANES_OPENS} opens, each on a page of pods whose lanes were not drawn before, median; beside it, between the opens, PgDn`);
	out('          in the table to a page of rows it never drew, median; frame: replayed into a store that keeps its objects,');
	out('          the app following the present; one on-screen pod restarts and crashes or comes back (store.apply), time to the write');
	out(`          of the next frame, alternating in the same app and store a sample in the Lanes view and one in the table (L between,`);
	out(`          untimed); ${FRAME_SAMPLES} samples each after 10 warm-up; ratio = median lanes / median table; grouped: both again`);
	out(`          grouped by owner (o): ${LANES_OPENS} opens on pages of the grouped list, and a third sample each round, in the grouped`);
	out('          Lanes view (o and L between, untimed)');
	out(
		`  memory: ReplayPlayer.open of the big session, loaded to the end, display store at the end (transitions counted from each pod's historyLength, no history built): peak RSS (process.resourceUsage().maxRSS)${with50k ? `; again with ${HUGE.pods} pods (${HUGE.entries} entries)` : ''}`,
	);
	out(
		`  seek: ReplayPlayer.seek to ${SEEKS} (or as many as fit in 60 s) seeded random moments of the loaded big session, forward and back; time of the call, median`,
	);
	out(`  CPU: the TUI (ui/run-app.ts runApp, fake 160×50 terminal) playing the big session at speed 1 (~1 000 entries/s) from t=${CPU_FROM_MS / 1000}s;`);
	out(`          process.cpuUsage over ${CPU_WINDOW_MS / 1000} s after a 2 s warm-up, as a share of one core`);
	out(
		`  first frame: spawn \`node dist/bundle/cli.js demo\` / \`replay BIG\` in a pty (script(1), 160×50) until the first frame (alt screen + header); ${runs} runs, medians;`,
	);
	out('          beside it the floor: the same pty running `node -e` that prints one byte');
	out(`  TUI memory: \`replay BIG\` in the same pty, playing from the start; once the header no longer says "loading", the peak RSS of the`);
	out(`          podlife process (/proc/PID/status VmHWM), then q; ${runs} runs, median (reported, beside the player's figure, which has the budget)`);
	out('');
}

function verdict(key, value) {
	const budget = BUDGETS[key];
	if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
	const ok = budget.better === 'higher' ? value >= budget.limit : value <= budget.limit;
	return ok ? 'within budget' : 'OVER BUDGET';
}

/** The replay figures, measured; returns them and the function that prints their lines. */
async function replayBench() {
	out('sessions');
	const bigFile = await ensureSession(BIG);
	const hugeFile = with50k && measures('player') ? await ensureSession(HUGE) : null;
	out(`  big: ${path.relative(ROOT, bigFile)}${hugeFile ? `; 50k: ${path.relative(ROOT, hugeFile)}` : ''}`);

	const ingest = measures('ingest') ? (out('ingest'), await child('ingest.js', [bigFile, String(runs)])) : null;
	const frame = measures('frame') ? (out('frame'), await child('frame.js', [bigFile, String(FRAME_SAMPLES)])) : null;
	const lanes = measures('lanes') ? (out('lanes'), await child('lanes.js', [bigFile, String(FRAME_SAMPLES), String(LANES_OPENS)])) : null;
	const player = measures('player')
		? (out('memory, seek, CPU (replay player)'),
			await child('player.js', [bigFile, '--seeks', String(SEEKS), '--window-ms', String(CPU_WINDOW_MS), '--from', String(CPU_FROM_MS)]))
		: null;
	const huge = hugeFile && measures('player') ? await child('player.js', [hugeFile, '--memory-only']) : null;
	const first = measures('first') ? (out('first frame'), await measureFirstFrames(bigFile, runs)) : null;
	const tui = [];
	if (measures('tui')) {
		out('TUI memory');
		for (let run = 0; run < runs; run++) tui.push(await measureTuiPeakRss(bigFile));
	}
	const tuiRss = tui.map(sample => sample.rssMb).filter(value => value !== null);

	const figures = {
		...(ingest && {ingestRatio: round(ingest.ratio, 3), ingestPerSec: Math.round(ingest.ingestPerSec)}),
		...(frame && {
			frameMsMedian: round(frame.frameMsMedian, 1),
			frameMsP95: round(frame.frameMsP95, 1),
			frameRatioToInk: round(frame.ratioToStock, 2),
			frameRatioToPatchedInk: round(frame.ratio, 2),
		}),
		...(lanes && {
			lanesFrameMsMedian: round(lanes.lanesFrameMsMedian, 1),
			lanesFrameMsP95: round(lanes.lanesFrameMsP95, 1),
			lanesFrameRatioToTable: round(lanes.ratioToTable, 2),
			lanesOpenMsMedian: round(lanes.openMsMedian, 1),
			lanesOpenRatioToTable: round(lanes.openRatioToPage, 2),
			lanesGroupedFrameMsMedian: round(lanes.groupedFrameMsMedian, 1),
			lanesGroupedFrameRatioToTable: round(lanes.groupedRatioToTable, 2),
			lanesGroupedOpenMsMedian: round(lanes.groupedOpenMsMedian, 1),
			lanesGroupedOpenRatioToTable: round(lanes.groupedOpenRatioToPage, 2),
		}),
		...(player && {cpuAt1kEps: round(player.cpuShare, 3), rssMb: Math.round(player.rssMb), seekMsMedian: round(player.seekMsMedian, 1)}),
		...(tui.length > 0 && {tuiRssMb: tuiRss.length > 0 ? Math.round(median(tuiRss)) : null}),
		...(first && {firstFrameDemoMs: Math.round(first.demoMs), firstFrameBigMs: Math.round(first.bigMs)}),
	};

	return {figures, print: line => printReplay(line, figures, {ingest, frame, lanes, player, tui, huge, first})};
}

function printReplay(line, figures, {ingest, frame, lanes, player, tui, huge, first}) {
	if (ingest) {
		line('ingest', `${figures.ingestPerSec}/s`, `${ingest.entries} entries, ${ingest.pods} pods at the end`, 'ingestPerSec');
		line(
			'  vs raw parse',
			`${Math.round(figures.ingestRatio * 100)} %`,
			`raw stream+split+JSON.parse: ${Math.round(ingest.rawPerSec)} entries/s`,
			'ingestRatio',
		);
	}
	if (frame) printFrame(line, figures, frame);
	if (lanes) printLanes(line, figures, lanes);
	if (player) printPlayer(line, figures, player, huge);
	if (tui.length > 0)
		line(
			'  podlife replay TUI',
			figures.tuiRssMb === null ? 'n/a' : `${figures.tuiRssMb} MB`,
			`the whole TUI process (Ink, React, Yoga, display store) replaying the big session from its start, peak once loaded (reported; /proc VmHWM, median of ${tui.length})`,
		);
	if (first) {
		line('first frame demo', `${figures.firstFrameDemoMs} ms`, `node alone in the same pty: ${Math.round(first.nodeFloorMs)} ms`, 'firstFrameDemoMs');
		line('first frame big', `${figures.firstFrameBigMs} ms`, `podlife replay of the big session`, 'firstFrameBigMs');
	}
}

function printLanes(line, figures, lanes) {
	line(
		'lanes frame median',
		`${figures.lanesFrameMsMedian} ms`,
		`p95 ${figures.lanesFrameMsP95} ms; ${lanes.pods} pods in the store after ${lanes.entries} entries, ${lanes.lanesLines} lines`,
		'lanesFrameMsMedian',
	);
	line(
		'  vs the table',
		`${figures.lanesFrameRatioToTable}×`,
		`the table's frame in the same app and store, alternating: median ${round(lanes.tableFrameMsMedian, 1)} ms, p95 ${round(lanes.tableFrameMsP95, 1)} ms`,
	);
	line(
		'lanes open median',
		`${figures.lanesOpenMsMedian} ms`,
		`L over the whole big session, lanes not drawn before; worst ${round(lanes.openMsMax, 1)} ms (the first: code not yet compiled) of ${lanes.opens}; again on a page drawn before ${round(lanes.reopenMsMedian, 1)} ms`,
		'lanesOpenMsMedian',
	);
	line(
		'  vs the table',
		`${figures.lanesOpenRatioToTable}×`,
		`PgDn in the table to a page it never drew, alternating with the opens: median ${round(lanes.pageMsMedian, 1)} ms (L back to a page drawn before: ${round(lanes.closeMsMedian, 1)} ms)`,
	);
	line(
		'lanes grouped frame',
		`${figures.lanesGroupedFrameMsMedian} ms`,
		`grouped by owner (o), the same update as the frame above, in the same rounds: p95 ${round(lanes.groupedFrameMsP95, 1)} ms; ${figures.lanesGroupedFrameRatioToTable}× the table's frame`,
		'lanesGroupedFrameMsMedian',
	);
	line(
		'lanes grouped open',
		`${figures.lanesGroupedOpenMsMedian} ms`,
		`L on pages of the grouped list, lanes not drawn before; ${figures.lanesGroupedOpenRatioToTable}× the PgDn above`,
		'lanesGroupedOpenMsMedian',
	);
}

function printFrame(line, figures, frame) {
	line(
		'frame median',
		`${figures.frameMsMedian} ms`,
		`p95 ${figures.frameMsP95} ms; ${frame.pods} pods, ${frame.visibleRows} lines; Ink string stage ${round(frame.appInkStringStageMs, 1)} ms`,
		'frameMsMedian',
	);
	line(
		'  vs bare Ink',
		`${figures.frameRatioToInk}×`,
		`bare Ink 6.8.0 as published median ${round(frame.stockMsMedian, 1)} ms, p95 ${round(frame.stockMsP95, 1)} ms (string stage ${round(frame.stockInkStringStageMs, 1)} ms)`,
		'frameRatioToInk',
	);
	line(
		"  vs podlife's Ink",
		`${figures.frameRatioToPatchedInk}×`,
		`bare Ink with podlife's patch median ${round(frame.bareMsMedian, 1)} ms, p95 ${round(frame.bareMsP95, 1)} ms (string stage ${round(frame.bareInkStringStageMs, 1)} ms; reported: the app's own work on top of the same renderer)`,
	);
}

function printPlayer(line, figures, player, huge) {
	line(
		'CPU while replaying',
		`${Math.round(figures.cpuAt1kEps * 100)} %`,
		`${Math.round(player.cpuEntriesPerSec)} entries/s applied, ${round(player.framesPerSec, 1)} writes/s, ${Math.round(player.bytesPerSec / 1000)} kB/s to the terminal`,
		'cpuAt1kEps',
	);
	line(
		'peak RSS',
		`${figures.rssMb} MB`,
		`${player.pods} pods, ${player.transitions} transitions, ${player.entries} entries loaded in ${round(player.loadSeconds, 1)} s (${Math.round(player.loadPerSec)}/s)`,
		'rssMb',
	);
	if (huge)
		line(
			'  with 50k pods',
			`${Math.round(huge.rssMb)} MB`,
			`${huge.pods} pods, ${huge.transitions} transitions, loaded in ${round(huge.loadSeconds, 1)} s (reported, no budget)`,
		);
	line(
		'seek median',
		`${figures.seekMsMedian} ms`,
		`forward ${round(player.seekForwardMsMedian, 1)} ms, back ${round(player.seekBackMsMedian, 1)} ms, worst ${round(player.seekMsMax, 1)} ms (${player.seeks} seeks)`,
		'seekMsMedian',
	);
}

async function main() {
	if (!existsSync(CLI)) throw new Error('dist/bundle/cli.js is missing: run `npm run build` first');
	method(BIG);
	const started = performance.now();
	const replay = withReplay ? await replayBench() : null;
	let live = null;
	if (withLive) {
		out('live');
		live = await runLiveBench({...LIVE, runs, log: out});
	}
	const figures = {...replay?.figures, ...(live ? liveFigures(live) : {})};

	out('');
	out('figures');
	// `measured`: the value the verdict judges (by default the figure of that key).
	const line = (label, value, detail, key, measured = figures[key]) =>
		out(`  ${label.padEnd(22)}${String(value).padEnd(16)}${key ? `${BUDGETS[key].text.padEnd(22)}${verdict(key, measured)}` : ''.padEnd(22)}  ${detail}`);
	replay?.print(line);
	if (live) liveLines(live, line);
	out(
		`  bench took ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${os
			.loadavg()
			.map(n => n.toFixed(2))
			.join(' ')}`,
	);
	out(JSON.stringify(figures));
}

main().catch(error => {
	process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
