// A podlife command in a pseudo-terminal of 160×50 (util-linux `script`), as a user runs it: the
// first-frame and TUI-memory figures both start the CLI this way.

import {spawn} from 'node:child_process';
import {ROOT} from './dist.js';

export function shellQuote(word) {
	return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `command` (a shell line; exec'd, so the pty's child is the command itself) in a 160×50 pty. */
export function ptySpawn(command) {
	const env = {...process.env, TERM: 'xterm-256color', NODE_ENV: 'production'};
	// Ink renders only the last frame when it believes it runs in CI (is-in-ci).
	delete env.CI;
	delete env.CONTINUOUS_INTEGRATION;
	return spawn('script', ['-q', '-e', '-c', `stty cols 160 rows 50; exec ${command}`, '/dev/null'], {cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe']});
}
