// Wall time and peak RSS of one command run to its end, its output thrown away: `podlife -A -o
// table` and `kubectl get pods -A` on the bench's cluster. The peak RSS is GNU time's (%M, from
// wait4's rusage) when /usr/bin/time is there, else null.

import {spawn} from 'node:child_process';
import {existsSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ROOT} from './dist.js';

const GNU_TIME = '/usr/bin/time';

/** Whether `command` is on the PATH (kubectl beside podlife when present). */
export function onPath(command) {
	return (process.env.PATH ?? '').split(path.delimiter).some(dir => dir !== '' && existsSync(path.join(dir, command)));
}

/** {ms, peakRssMb} of `argv` (its exit status must be 0). */
export function commandUsage(argv, env = {}) {
	const timed = existsSync(GNU_TIME);
	const usageFile = path.join(os.tmpdir(), `podlife-bench-usage-${process.pid}-${Math.random().toString(36).slice(2)}`);
	const full = timed ? [GNU_TIME, '-f', '%M', '-o', usageFile, ...argv] : argv;
	return new Promise((resolve, reject) => {
		const childEnv = {...process.env, NODE_ENV: 'production', ...env};
		delete childEnv.CI;
		const started = performance.now();
		const child = spawn(full[0], full.slice(1), {cwd: ROOT, env: childEnv, stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', chunk => {
			stderr += chunk.toString('utf8');
		});
		child.on('error', reject);
		child.on('exit', code => {
			const ms = performance.now() - started;
			let peakRssMb = null;
			if (timed) {
				const kb = Number(readFileSync(usageFile, 'utf8').trim().split('\n').at(-1));
				rmSync(usageFile, {force: true});
				if (Number.isFinite(kb)) peakRssMb = kb / 1024;
			}
			if (code === 0) resolve({ms, peakRssMb});
			else reject(new Error(`${argv.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
		});
	});
}
