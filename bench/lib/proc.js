// What Linux says of a process (/proc): the pid a pty's `script` runs, its peak and current RSS,
// its CPU time. Linux only: each answers null elsewhere.

import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

/** The pid of the process `script` runs (the command, exec'd), or null while there is none. */
export function childPid(parent) {
	try {
		const pid = Number(
			execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent)], {encoding: 'utf8'})
				.trim()
				.split('\n')[0],
		);
		return Number.isInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

function statusField(pid, field) {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : null;
	} catch {
		return null;
	}
}

/** Peak RSS (VmHWM) of `pid` in MB (MiB, as maxRSS is reported), or null. */
export function peakRssMb(pid) {
	return statusField(pid, 'VmHWM');
}

/** RSS now (VmRSS) of `pid` in MB, or null. */
export function rssMb(pid) {
	return statusField(pid, 'VmRSS');
}

let ticksPerSecond = null;

/** CPU time (user + system) `pid` has used, in seconds, or null. */
export function cpuSeconds(pid) {
	try {
		ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
		// The command name (field 2) may hold spaces: count from the ")" that ends it.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
		return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
	} catch {
		return null;
	}
}
