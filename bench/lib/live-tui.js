// The live TUI as a user runs it: `podlife --kubeconfig KC -A` in a pty (160×50, pty.js) against
// the bench's fake cluster (live-cluster.js), watched from outside: what its terminal shows, and
// what /proc says of its process.

import {ptySpawn, shellQuote} from './pty.js';
import {childPid, cpuSeconds, peakRssMb, rssMb} from './proc.js';
import {CLI} from './dist.js';
import {stripAnsi} from './fake-tty.js';
import {sleep} from './stats.js';
import {lastHeader} from './tui-memory.js';

const ALT_SCREEN = '\u001B[?1049h';
/** A name on screen may be cut to its column: a row is recognised by its name's first characters. */
const NAME_PREFIX = 14;

/** The TUI in a pty, its output kept (the newest part), and what it has shown so far. */
function startTui(kubeconfig, firstNames, cli) {
	const started = performance.now();
	const child = ptySpawn(`node ${shellQuote(cli)} --kubeconfig ${shellQuote(kubeconfig)} -A`);
	const prefixes = [...new Set(firstNames.map(name => name.slice(0, NAME_PREFIX)))];
	const tui = {child, output: '', firstRowsMs: null, exited: new Promise(resolve => child.on('exit', resolve))};
	let screen = false;
	child.stdout.on('data', chunk => {
		const text = chunk.toString('utf8');
		tui.output += text;
		if (tui.output.length > 2_000_000) tui.output = tui.output.slice(-200_000);
		if (tui.firstRowsMs !== null) return;
		screen ||= tui.output.includes(ALT_SCREEN);
		if (!screen) return;
		const visible = stripAnsi(text);
		if (prefixes.some(prefix => visible.includes(prefix))) tui.firstRowsMs = performance.now() - started;
	});
	return tui;
}

async function quit(tui) {
	tui.child.stdin.write('q');
	const timer = setTimeout(() => tui.child.kill('SIGTERM'), 5000);
	await tui.exited;
	clearTimeout(timer);
}

/** Waits until the header says the list is complete (no "listing … pods"); ms since start, or null on timeout. */
async function untilListed(tui, started, timeoutMs) {
	while (performance.now() - started < timeoutMs && tui.child.exitCode === null) {
		await sleep(100);
		const header = lastHeader(tui.output);
		if (tui.firstRowsMs !== null && header !== null && !header.includes('listing')) return performance.now() - started;
	}
	return null;
}

/**
 * Time to the first pod rows on screen, time until the header no longer says "listing", then (a
 * second later) the process's peak and current RSS. `cli`: the build to run (default this one's).
 */
export async function measureLiveTui(kubeconfig, firstNames, {cli = CLI, timeoutMs = 300_000} = {}) {
	const started = performance.now();
	const tui = startTui(kubeconfig, firstNames, cli);
	const listedMs = await untilListed(tui, started, timeoutMs);
	await sleep(1000);
	const pid = childPid(tui.child.pid);
	const result = {firstRowsMs: tui.firstRowsMs, listedMs, peakRssMb: pid === null ? null : peakRssMb(pid), rssMb: pid === null ? null : rssMb(pid)};
	await quit(tui);
	if (listedMs === null) throw new Error(`podlife did not finish listing within ${timeoutMs / 1000} s\n${stripAnsi(tui.output.slice(-1500))}`);
	return result;
}

/**
 * CPU under a stream of updates: once listed, `play()` starts the cluster's restarts; after a
 * `warmupMs` warm-up, the process's CPU time over `windowMs` as a share of one core. Once every
 * update is out (`played`) and a second more: peak and current RSS.
 */
export async function measureLiveUpdates(kubeconfig, firstNames, cluster, {cli = CLI, warmupMs = 2000, windowMs = 10_000, timeoutMs = 300_000} = {}) {
	const started = performance.now();
	const tui = startTui(kubeconfig, firstNames, cli);
	const listedMs = await untilListed(tui, started, timeoutMs);
	if (listedMs === null) {
		await quit(tui);
		throw new Error(`podlife did not finish listing within ${timeoutMs / 1000} s`);
	}
	const pid = childPid(tui.child.pid);
	const rssListedMb = pid === null ? null : rssMb(pid);
	const played = cluster.play();
	await sleep(warmupMs);
	const cpuBefore = pid === null ? null : cpuSeconds(pid);
	const windowStart = performance.now();
	await sleep(windowMs);
	const cpuAfter = pid === null ? null : cpuSeconds(pid);
	const cpuShare = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / ((performance.now() - windowStart) / 1000);
	await played;
	await sleep(1000);
	const result = {cpuShare, rssListedMb, peakRssMb: pid === null ? null : peakRssMb(pid), rssMb: pid === null ? null : rssMb(pid)};
	await quit(tui);
	return result;
}
