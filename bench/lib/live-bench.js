// The live bench: podlife against a cluster of N pods (the fake API server, live-cluster.js, in a
// process of its own), beside the floor (list-floor.js) and kubectl on the same server, in the same
// run. For each size: `runs` rounds of floor, `podlife -A -o table`, `kubectl get pods -A` (when
// on the PATH) and the TUI (first rows, listed, RSS), medians. Then, on a cluster of `updates.pods`
// with `updates.count` restarts at `updates.rate` per second, the TUI's CPU while they stream and
// its RSS once they are all in (one fresh cluster per round: the restarts are played once).
// With `baseline` (another build's dist/bundle/cli.js), each round measures that build too, right
// after this one, on the same server: before/after figures side by side.

import {fork, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {CLI, ROOT} from './dist.js';
import {commandUsage, onPath} from './command-usage.js';
import {measureLiveTui, measureLiveUpdates} from './live-tui.js';
import {median} from './stats.js';

/** Starts live-cluster.js; resolves once it serves. */
function startCluster(options, dir) {
	const args = ['--pods', String(options.pods), '--out', dir];
	if (options.restarts) args.push('--restarts', String(options.restarts), '--rate', String(options.rate));
	// The server holds every object a few times over (history, store, served copies).
	const child = fork(path.join(ROOT, 'bench', 'lib', 'live-cluster.js'), args, {
		execArgv: ['--max-old-space-size=16000'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	return new Promise((resolve, reject) => {
		const started = performance.now();
		let onPlayed = null;
		child.on('message', message => {
			if (message.ready) {
				resolve({
					...message,
					startSeconds: (performance.now() - started) / 1000,
					play: () =>
						new Promise(done => {
							onPlayed = done;
							child.send('play');
						}),
					stop: () =>
						new Promise(done => {
							child.once('exit', done);
							child.send('stop');
						}),
				});
			} else if (message.played) onPlayed?.();
		});
		child.once('exit', code => reject(new Error(`bench/lib/live-cluster.js exited ${code} before serving`)));
	});
}

/** The floor, as a child of its own; resolves with its ms. */
function floorMs(url) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'lib', 'list-floor.js'), url], {stdio: ['ignore', 'pipe', 'inherit']});
		let stdout = '';
		child.stdout.on('data', chunk => {
			stdout += chunk;
		});
		child.on('exit', code => {
			const match = /BENCH-RESULT (\{.*\})/.exec(stdout);
			if (code === 0 && match) resolve(JSON.parse(match[1]).ms);
			else reject(new Error(`bench/lib/list-floor.js exited ${code}`));
		});
	});
}

const medianOf = (samples, field) => {
	const values = samples.map(sample => sample[field]).filter(value => value !== null && value !== undefined);
	return values.length > 0 ? median(values) : null;
};

/** `podlife -A -o table` and the TUI of build `cli`, as round fields (prefixed `prefix`). */
async function measurePodlife(cli, cluster, prefix) {
	const headless = await commandUsage([process.execPath, cli, '--kubeconfig', cluster.kubeconfig, '-A', '-o', 'table']);
	const tui = await measureLiveTui(cluster.kubeconfig, cluster.firstNames, {cli});
	const fields = {tableMs: headless.ms, tablePeakRssMb: headless.peakRssMb, ...tui};
	return Object.fromEntries(Object.entries(fields).map(([key, value]) => [prefix === '' ? key : prefix + key[0].toUpperCase() + key.slice(1), value]));
}

/** Floor, podlife headless, kubectl and the TUI against a cluster of `pods` pods, `runs` rounds. */
async function measureSize(pods, runs, dir, log, baseline) {
	const cluster = await startCluster({pods}, dir);
	log(`  ${pods} pods: cluster serving after ${cluster.startSeconds.toFixed(1)} s`);
	const kubectl = onPath('kubectl');
	const rounds = [];
	try {
		for (let run = 0; run < runs; run++) {
			const round = {floorMs: await floorMs(cluster.url), ...(await measurePodlife(CLI, cluster, ''))};
			if (baseline) Object.assign(round, await measurePodlife(baseline, cluster, 'base'));
			if (kubectl) {
				const usage = await commandUsage(['kubectl', '--kubeconfig', cluster.kubeconfig, 'get', 'pods', '-A']);
				round.kubectlMs = usage.ms;
				round.kubectlPeakRssMb = usage.peakRssMb;
			}
			round.tableRatio = round.tableMs / round.floorMs;
			round.kubectlRatio = kubectl ? round.tableMs / round.kubectlMs : null;
			log(
				`    run ${run + 1}: floor ${(round.floorMs / 1000).toFixed(2)} s, podlife -o table ${(round.tableMs / 1000).toFixed(2)} s${kubectl ? `, kubectl ${(round.kubectlMs / 1000).toFixed(2)} s` : ''}; TUI first rows ${Math.round(round.firstRowsMs)} ms, listed ${(round.listedMs / 1000).toFixed(1)} s, RSS ${Math.round(round.rssMb)} MB (peak ${Math.round(round.peakRssMb)})`,
			);
			if (baseline)
				log(
					`      baseline: -o table ${(round.baseTableMs / 1000).toFixed(2)} s (peak RSS ${Math.round(round.baseTablePeakRssMb)} MB); TUI first rows ${Math.round(round.baseFirstRowsMs)} ms, RSS ${Math.round(round.baseRssMb)} MB (peak ${Math.round(round.basePeakRssMb)})`,
				);
			rounds.push(round);
		}
	} finally {
		await cluster.stop();
	}
	const baseFields = ['baseTableMs', 'baseTablePeakRssMb', 'baseFirstRowsMs', 'baseListedMs', 'basePeakRssMb', 'baseRssMb'];
	const fields = [
		...(baseline ? baseFields : []),
		'floorMs',
		'tableMs',
		'tablePeakRssMb',
		'kubectlMs',
		'kubectlPeakRssMb',
		'firstRowsMs',
		'listedMs',
		'peakRssMb',
		'rssMb',
		'tableRatio',
		'kubectlRatio',
	];
	return {pods, runs, kubectl, ...Object.fromEntries(fields.map(field => [field, medianOf(rounds, field)]))};
}

/** The TUI while `count` restarts stream at `rate`/s into `pods` pods; `runs` rounds, medians. */
async function measureUpdates({pods, count, rate, windowMs}, runs, dir, log, baseline) {
	const rounds = [];
	const builds = baseline
		? [
				['', CLI],
				['base', baseline],
			]
		: [['', CLI]];
	for (let run = 0; run < runs; run++) {
		const round = {};
		for (const [prefix, cli] of builds) {
			const cluster = await startCluster({pods, restarts: count, rate}, dir);
			try {
				const measured = await measureLiveUpdates(cluster.kubeconfig, cluster.firstNames, cluster, {cli, windowMs});
				log(
					`    run ${run + 1}${prefix ? ' (baseline)' : ''}: CPU ${Math.round(measured.cpuShare * 100)} % of a core; RSS listed ${Math.round(measured.rssListedMb)} MB, after ${count} restarts ${Math.round(measured.rssMb)} MB (peak ${Math.round(measured.peakRssMb)})`,
				);
				for (const [key, value] of Object.entries(measured)) round[prefix === '' ? key : prefix + key[0].toUpperCase() + key.slice(1)] = value;
			} finally {
				await cluster.stop();
			}
		}
		rounds.push(round);
	}
	const fields = ['cpuShare', 'rssListedMb', 'peakRssMb', 'rssMb', ...(baseline ? ['baseCpuShare', 'baseRssListedMb', 'basePeakRssMb', 'baseRssMb'] : [])];
	return {pods, count, rate, runs, ...Object.fromEntries(fields.map(field => [field, medianOf(rounds, field)]))};
}

/**
 * Every live figure: sizes (e.g. [10_000, 50_000]) each measured `runs` times, then the update
 * stream. `log` gets a progress line per round.
 */
export async function runLiveBench({sizes, runs, updates, log, baseline = null}) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'podlife-live-bench-'));
	try {
		const bySize = [];
		for (const pods of sizes) bySize.push(await measureSize(pods, pods > 50_000 ? 1 : runs, dir, log, baseline));
		log(`  updates: ${updates.count} restarts at ${updates.rate}/s into ${updates.pods} pods`);
		const streaming = await measureUpdates(updates, runs, dir, log, baseline);
		return {sizes: bySize, updates: streaming, baseline};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
