// First frame: from spawning `podlife …` in a pseudo-terminal (util-linux `script`, 160×50) to the
// first frame on it: the first output, after the switch to the alternate screen, that holds the
// header's "podlife". Then "q" quits the app (SIGTERM after 5 s if it does not). Beside it, the
// floor: the same pty and shell running `node -e` that prints one byte.

import {ptySpawn, shellQuote} from './pty.js';
import {CLI} from './dist.js';
import {median} from './stats.js';

const ALT_SCREEN = '\u001B[?1049h';

/** ms from spawn to the first output for which `done(output)` holds. */
function timeToOutput(command, done, timeoutMs = 30_000) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = ptySpawn(command);
		let output = '';
		let seen = null;
		const timer = setTimeout(() => {
			child.kill('SIGTERM');
			if (seen === null) reject(new Error(`no first frame within ${timeoutMs} ms: ${command}\n${output.slice(-500)}`));
		}, timeoutMs);
		child.stdout.on('data', chunk => {
			if (seen !== null) return;
			output += chunk.toString('utf8');
			if (done(output)) {
				seen = performance.now() - started;
				// Quit like a user; keep a SIGTERM as the fallback.
				child.stdin.write('q');
				setTimeout(() => child.kill('SIGTERM'), 5000).unref();
			}
		});
		child.on('exit', () => {
			clearTimeout(timer);
			if (seen !== null) resolve(seen);
			else reject(new Error(`exited before the first frame: ${command}\n${output.slice(-500)}`));
		});
	});
}

const firstFrame = output => {
	const at = output.indexOf(ALT_SCREEN);
	return at !== -1 && output.indexOf('podlife', at) !== -1;
};

/** Medians over `runs` of: node's floor, `podlife demo`, `podlife replay BIG`. */
export async function measureFirstFrames(bigFile, runs) {
	const floor = [];
	const demo = [];
	const big = [];
	for (let run = 0; run < runs; run++) {
		floor.push(await timeToOutput(`node -e "process.stdout.write('x')"`, output => output.includes('x')));
		demo.push(await timeToOutput(`node ${shellQuote(CLI)} demo`, firstFrame));
		big.push(await timeToOutput(`node ${shellQuote(CLI)} replay ${shellQuote(bigFile)}`, firstFrame));
	}
	return {nodeFloorMs: median(floor), demoMs: median(demo), bigMs: median(big), runs};
}
