// The live bench's part of `npm run bench`'s output: its method, its figures beside their budgets,
// and the keys it adds to the JSON line (see live-bench.js for what is measured).

import {round} from './stats.js';

export const LIVE_BUDGETS = {
	liveFirstRowsMs: {limit: 1000, better: 'lower', text: '≤ 1 s'},
	liveTableRatio: {limit: 1.5, better: 'lower', text: '≤ 1.5× the floor'},
	liveTuiRss50kMb: {limit: 350, better: 'lower', text: '≤ 350 MB'},
	liveRssAfterRestartsMb: {limit: 200, better: 'lower', text: '≤ 200 MB'},
	liveCpuAt500: {limit: 0.25, better: 'lower', text: '≤ 25 % of a core'},
};

/** The method lines of the live bench. */
export function liveMethod({sizes, runs, updates, kubectl, baseline}) {
	return [
		`  live: the fake API server (dist/serve FakeApiServer, bench/lib/live-cluster.js) in a process of its own, on loopback, serving the initial`,
		`          list of a bench/generate.js session (seed 1, managedFields kept, each pod with a printed row) of ${sizes.join(', ')} pods, times moved`,
		`          to now; WatchList on (the server says v1.32.13). Per size, ${runs} rounds (1 above 50 000 pods), medians, each a process of its own:`,
		`          floor: GET every page of /api/v1/pods (limit 500) and JSON.parse it, nothing else (bench/lib/list-floor.js, time inside the process);`,
		`          full table: \`podlife --kubeconfig KC -A -o table\` from spawn to exit, output thrown away; peak RSS from GNU time (%M);`,
		kubectl
			? `          kubectl: \`kubectl --kubeconfig KC get pods -A\` the same way, on the same server, in the same round (ratio per round, then median);`
			: `          kubectl: not on the PATH, not measured;`,
		`          TUI: \`podlife --kubeconfig KC -A\` in a 160×50 pty: first rows = spawn to the first output (alternate screen on) holding a pod of`,
		`          the list's first page; listed = until the header no longer says "listing"; then a second later the process's RSS and peak (VmHWM).`,
		`  live updates: ${updates.pods} pods, then ${updates.count} restarts (a container's restartCount up, pods in turn) at ${updates.rate}/s played by the`,
		`          server once the TUI has listed (a fresh server each round); CPU = /proc utime+stime of the podlife process over ${updates.windowMs / 1000} s after`,
		`          a 2 s warm-up, as a share of one core; RSS and peak a second after the last restart.`,
		...(baseline
			? [
					`  baseline: ${baseline} measured the same way in every round, right after this build, on the same server (the updates: on a`,
					`          fresh server of its own): its figures beside this build's.`,
				]
			: []),
	];
}

const mb = value => (value === null || value === undefined ? 'n/a' : `${Math.round(value)} MB`);
const seconds = value => (value === null || value === undefined ? 'n/a' : `${(value / 1000).toFixed(2)} s`);

/** The figures, keyed for the JSON line; the 50k TUI RSS is the first size at or above 50 000. */
export function liveFigures(live) {
	const figures = {};
	for (const size of live.sizes) {
		const k = `${Math.round(size.pods / 1000)}k`;
		figures[`liveFirstRowsMs_${k}`] = Math.round(size.firstRowsMs);
		figures[`liveListedMs_${k}`] = Math.round(size.listedMs);
		figures[`liveTableMs_${k}`] = Math.round(size.tableMs);
		figures[`liveFloorMs_${k}`] = Math.round(size.floorMs);
		figures[`liveTableRatio_${k}`] = round(size.tableRatio, 2);
		figures[`liveKubectlRatio_${k}`] = size.kubectlRatio === null ? null : round(size.kubectlRatio, 2);
		figures[`liveTablePeakRssMb_${k}`] = size.tablePeakRssMb === null ? null : Math.round(size.tablePeakRssMb);
		figures[`liveTuiPeakRssMb_${k}`] = size.peakRssMb === null ? null : Math.round(size.peakRssMb);
	}
	figures.liveCpuAt500 = round(live.updates.cpuShare, 3);
	figures.liveRssAfterRestartsMb = live.updates.peakRssMb === null ? null : Math.round(live.updates.peakRssMb);
	return figures;
}

/** The figure lines; `line(label, value, detail, budgetKey, measured)` prints one (verdict from `measured`). */
export function liveLines(live, line) {
	for (const size of live.sizes) {
		const n = size.pods.toLocaleString('en-US').replace(/,/g, ' ');
		const big = size.pods >= 50_000 && size.pods < 100_000;
		line(`live ${n} pods`, '', `${size.runs} round${size.runs === 1 ? '' : 's'}, medians`);
		line(
			'  first rows (TUI)',
			`${Math.round(size.firstRowsMs)} ms`,
			`listed (header no longer "listing") after ${seconds(size.listedMs)}`,
			'liveFirstRowsMs',
			size.firstRowsMs,
		);
		line(
			'  full table',
			seconds(size.tableMs),
			`\`podlife -A -o table\`; floor (every page fetched and parsed) ${seconds(size.floorMs)}; peak RSS ${mb(size.tablePeakRssMb)}`,
		);
		line('    vs the floor', `${round(size.tableRatio, 2)}×`, 'median of per-round ratios', 'liveTableRatio', size.tableRatio);
		if (size.kubectl)
			line(
				'    vs kubectl',
				`${round(size.kubectlRatio, 2)}×`,
				`\`kubectl get pods -A\` ${seconds(size.kubectlMs)}, peak RSS ${mb(size.kubectlPeakRssMb)} (reported)`,
			);
		line(
			'  TUI RSS once listed',
			mb(size.peakRssMb),
			`peak (VmHWM); RSS then ${mb(size.rssMb)}${big ? '' : ' (reported)'}`,
			big ? 'liveTuiRss50kMb' : undefined,
			size.peakRssMb,
		);
		if (live.baseline)
			line(
				'    baseline build',
				mb(size.basePeakRssMb),
				`TUI peak; RSS then ${mb(size.baseRssMb)}; first rows ${Math.round(size.baseFirstRowsMs)} ms; -o table ${seconds(size.baseTableMs)}, peak RSS ${mb(size.baseTablePeakRssMb)}`,
			);
	}
	const updates = live.updates;
	line(`live ${updates.rate} updates/s`, '', `${updates.pods} pods, ${updates.count} restarts, ${updates.runs} rounds, medians`);
	line('  CPU (TUI)', `${Math.round(updates.cpuShare * 100)} %`, `of one core while the restarts stream`, 'liveCpuAt500', updates.cpuShare);
	line(
		'  RSS after restarts',
		mb(updates.peakRssMb),
		`peak (VmHWM) once all are in; RSS then ${mb(updates.rssMb)}, once listed ${mb(updates.rssListedMb)}`,
		'liveRssAfterRestartsMb',
		updates.peakRssMb,
	);
	if (live.baseline)
		line(
			'    baseline build',
			mb(updates.basePeakRssMb),
			`peak after restarts; RSS then ${mb(updates.baseRssMb)}, once listed ${mb(updates.baseRssListedMb)}; CPU ${Math.round(updates.baseCpuShare * 100)} %`,
		);
}
