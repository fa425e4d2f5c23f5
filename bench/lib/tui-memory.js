// Peak RSS of `podlife replay BIG` as a user runs it: the TUI in a pty (160×50), playing from the
// start while the session loads. Once the header no longer says "loading" (and a second more),
// the kernel's high-water mark of the podlife process (/proc/PID/status VmHWM) is read, then "q"
// quits. Reported beside the player's own figure: the TUI adds Ink, React, Yoga's WebAssembly
// memory, the display store and what rendering allocates. Linux only (null elsewhere).

import {ptySpawn, shellQuote} from './pty.js';
import {childPid, peakRssMb} from './proc.js';
import {CLI} from './dist.js';
import {stripAnsi} from './fake-tty.js';
import {sleep} from './stats.js';

/** The last header line drawn ("podlife <title> … loading 42%"), or null before the first. */
export function lastHeader(output) {
	const lines = stripAnsi(output.slice(-50_000)).split(/\r?\n/);
	for (let at = lines.length - 1; at >= 0; at--) if (lines[at].trimStart().startsWith('podlife ')) return lines[at];
	return null;
}

export async function measureTuiPeakRss(bigFile, timeoutMs = 120_000) {
	const child = ptySpawn(`node ${shellQuote(CLI)} replay ${shellQuote(bigFile)}`);
	let output = '';
	child.stdout.on('data', chunk => {
		output += chunk.toString('utf8');
		// Only the newest frames matter.
		if (output.length > 1_000_000) output = output.slice(-100_000);
	});
	const exited = new Promise(resolve => child.on('exit', resolve));
	const started = performance.now();
	let loaded = false;
	while (!loaded && performance.now() - started < timeoutMs && child.exitCode === null) {
		await sleep(250);
		const header = lastHeader(output);
		loaded = header !== null && !header.includes('loading');
	}
	await sleep(1000);
	const pid = childPid(child.pid);
	const rssMb = loaded && pid !== null ? peakRssMb(pid) : null;
	const loadSeconds = (performance.now() - started) / 1000;
	child.stdin.write('q');
	const timer = setTimeout(() => child.kill('SIGTERM'), 5000);
	await exited;
	clearTimeout(timer);
	if (!loaded) throw new Error(`podlife replay did not finish loading within ${timeoutMs / 1000} s`);
	return {rssMb, loadSeconds};
}
