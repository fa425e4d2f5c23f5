// Ingest: entries per second that headless replay applies to a PodStore (read + parse + apply,
// output/replay-store.ts replayInto), and beside it, in the same process and alternating run by
// run, the floor any reader has: the same file streamed, split into lines and JSON.parse'd, nothing
// else. Run as a child of bench/run.js: node bench/lib/ingest.js FILE RUNS

import {createReadStream} from 'node:fs';
import {distImport, report} from './dist.js';
import {median} from './stats.js';

const [file, runsText = '3'] = process.argv.slice(2);
const runs = Number(runsText);
const {replayInto} = await distImport('output/replay-store.js');

/** Stream the file, split on "\n", JSON.parse each line: what reading costs at the least. */
async function rawParse() {
	let lines = 0;
	let pending = [];
	const started = performance.now();
	for await (const chunk of createReadStream(file, {highWaterMark: 64 * 1024})) {
		let start = 0;
		let newline = chunk.indexOf(0x0a, start);
		while (newline !== -1) {
			const piece = chunk.subarray(start, newline);
			const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
			pending = [];
			JSON.parse(line.toString('utf8'));
			lines++;
			start = newline + 1;
			newline = chunk.indexOf(0x0a, start);
		}
		if (start < chunk.length) pending.push(chunk.subarray(start));
	}
	const seconds = (performance.now() - started) / 1000;
	// Line 1 is the header: entries are the lines after it.
	return {entries: lines - 1, seconds};
}

async function ingest() {
	const started = performance.now();
	const {store} = await replayInto(file, 'end', {warn: () => {}});
	const seconds = (performance.now() - started) / 1000;
	return {seconds, pods: store.view().pods.size};
}

const raw = [];
const applied = [];
const ratios = [];
let entries = 0;
let pods = 0;
for (let run = 0; run < runs; run++) {
	const r = await rawParse();
	const a = await ingest();
	entries = r.entries;
	pods = a.pods;
	const rawRate = r.entries / r.seconds;
	const ingestRate = r.entries / a.seconds;
	raw.push(rawRate);
	applied.push(ingestRate);
	ratios.push(ingestRate / rawRate);
	process.stderr.write(
		`  ingest run ${run + 1}/${runs}: raw parse ${Math.round(rawRate)} entries/s (${r.seconds.toFixed(1)} s), headless replay ${Math.round(ingestRate)} entries/s (${a.seconds.toFixed(1)} s)\n`,
	);
}
report({entries, pods, rawPerSec: median(raw), ingestPerSec: median(applied), ratio: median(ratios), runs});
