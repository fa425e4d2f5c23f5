// The replay player with a big session, in one process, in this order:
// 1. memory: open the session (ReplayPlayer.open), wait until it is all loaded, go to the end (the
//    display store then holds every pod with its full history), and read the peak RSS;
// 2. seek: ReplayPlayer.seek to seeded random moments, forward and back, timing each call (it
//    returns with the display store at the target);
// 3. CPU: the TUI (ui/run-app.ts runApp, 160×50 fake terminal) plays the session at speed 1 from
//    `--from` (the big session has ~1 000 entries per second of session time); after a warm-up,
//    process.cpuUsage over a window / wall time = share of one core.
// Run as a child of bench/run.js: node bench/lib/player.js FILE [--memory-only] [--seeks N] [--window-ms MS]

import {distImport, report} from './dist.js';
import {FakeStdin, FakeStdout} from './fake-tty.js';
import {median, sleep} from './stats.js';

const args = process.argv.slice(2);
const file = args[0];
const flag = (name, fallback) => {
	const at = args.indexOf(name);
	return at === -1 ? fallback : Number(args[at + 1]);
};
const memoryOnly = args.includes('--memory-only');
const seeks = flag('--seeks', 40);
const windowMs = flag('--window-ms', 10_000);
const fromMs = flag('--from', 10_000);

const {ReplayPlayer} = await distImport('sources/replay/player.js');

// ── 1. memory ──────────────────────────────────────────────────────────────
const opened = performance.now();
const player = await ReplayPlayer.open(file, {paused: true});
await player.whenLoaded();
const loadSeconds = (performance.now() - opened) / 1000;
if (player.loadError) throw player.loadError;
player.seekToEnd();
const pods = player.store.view().pods.size;
// The transitions the store keeps, counted from each pod's historyLength: pod.history builds a pod's
// transitions as objects (kept for the lines read last only), and building every pod's at once, which no
// screen does, added their garbage to the peak read below.
const withHistory = [...player.store.view().pods.values()].reduce((sum, pod) => sum + pod.historyLength, 0);
const rssMb = process.resourceUsage().maxRSS / 1024;
const heapMb = process.memoryUsage().heapUsed / 1e6;
const result = {
	entries: player.loadedEntries,
	pods,
	transitions: withHistory,
	loadSeconds,
	loadPerSec: player.loadedEntries / loadSeconds,
	rssMb,
	heapUsedMbAtEnd: heapMb,
};
process.stderr.write(
	`  loaded ${player.loadedEntries} entries in ${loadSeconds.toFixed(1)} s; ${pods} pods (${withHistory} transitions); peak RSS ${rssMb.toFixed(0)} MB\n`,
);
if (memoryOnly) {
	player.dispose();
	report(result);
	process.exit(0);
}

// ── 2. seek ────────────────────────────────────────────────────────────────
// mulberry32 again: the same targets every run.
let seed = 12345;
const random = () => {
	seed = (seed + 0x6d2b79f5) >>> 0;
	let z = seed;
	z = Math.imul(z ^ (z >>> 15), z | 1);
	z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
	return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
};
const forward = [];
const back = [];
// A seek can take seconds on a slow build: stop after SEEK_BUDGET_MS (at least 5 seeks) so the bench ends.
const SEEK_BUDGET_MS = 60_000;
const seeksStarted = performance.now();
for (let i = 0; i < seeks && (i < 5 || performance.now() - seeksStarted < SEEK_BUDGET_MS); i++) {
	const target = Math.floor(random() * player.endMs);
	const before = player.positionMs;
	const started = performance.now();
	player.seek(target);
	const ms = performance.now() - started;
	(target >= before ? forward : back).push(ms);
}
Object.assign(result, {
	seekMsMedian: median([...forward, ...back]),
	seekForwardMsMedian: median(forward),
	seekBackMsMedian: median(back),
	seekMsMax: Math.max(...forward, ...back),
	seeks: forward.length + back.length,
});

// ── 3. CPU while the TUI plays ~1 000 entries/s ────────────────────────────
const {runApp} = await distImport('ui/run-app.js');
player.seek(fromMs);
const stdout = new FakeStdout(160, 50);
const stdin = new FakeStdin();
const info = {kind: 'replay', title: player.header.title ?? file, file, header: player.header};
const running = runApp({store: player.store, clock: player, info, player, stdout, stdin, stderr: new FakeStdout()});
running.catch(error => process.stderr.write(`runApp failed: ${error?.stack ?? error}\n`));
player.play();
await sleep(2000);
process.stderr.write(`  TUI playing from ${player.positionMs} ms (paused: ${player.paused})\n`);
const appliedBefore = player.appliedEntries;
const writesBefore = stdout.writes;
const bytesBefore = stdout.bytes;
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
await sleep(windowMs);
const cpu = process.cpuUsage(cpuBefore);
const wall = performance.now() - wallBefore;
const entriesPerSec = ((player.appliedEntries - appliedBefore) / wall) * 1000;
Object.assign(result, {
	cpuShare: (cpu.user + cpu.system) / 1000 / wall,
	cpuEntriesPerSec: entriesPerSec,
	cpuWindowMs: wall,
	framesPerSec: ((stdout.writes - writesBefore) / wall) * 1000,
	bytesPerSec: ((stdout.bytes - bytesBefore) / wall) * 1000,
});
stdin.type('q');
await Promise.race([running, sleep(2000)]);
report(result);
process.exit(0);
