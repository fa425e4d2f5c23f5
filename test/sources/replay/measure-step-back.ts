// Not a test: measures what the brief asks of the replay player on a big session, and
// prints method and figures. Run after a build of source and test, e.g.
//   npx tsc -p test/tsconfig.json --noEmit false --outDir /tmp/podlife-build
//   node --expose-gc /tmp/podlife-build/test/sources/replay/measure-step-back.js [entries] [pods] [padding]

import {existsSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ReplayPlayer} from '../../../source/sources/replay/player.js';
import {writeSyntheticSession} from './synthetic-session.js';
import {seededRandom} from './seeded-random.js';

const entries = Number(process.argv[2] ?? 200_000);
const pods = Number(process.argv[3] ?? 10_000);
const padding = Number(process.argv[4] ?? 300);
const gzip = process.argv[5] === 'gzip';
const file = join(tmpdir(), `podlife-measure-${entries}-${pods}-${padding}.ndjson${gzip ? '.gz' : ''}`);

const gc = (globalThis as {gc?: () => void}).gc;
const heapMb = (): number => {
	gc?.();
	return Math.round(process.memoryUsage().heapUsed / 1e6);
};

if (!existsSync(file)) await writeSyntheticSession(file, {entries, pods, padding, gzip, seed: 9});
console.log(`session: ${file}, ${Math.round(statSync(file).size / 1e6)} MB, ${entries} entries, ${pods} pods`);
const heapBefore = heapMb();
let started = performance.now();
const tuning = process.env.TUNING ? (JSON.parse(process.env.TUNING) as Record<string, number>) : {};
const player = await ReplayPlayer.open(file, {paused: true, tuning});
console.log(`open() resolved (first frame possible) after ${(performance.now() - started).toFixed(0)} ms`);
await player.whenLoaded();
console.log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; heap +${heapMb() - heapBefore} MB (player and store)`);
console.log(`holds: ${JSON.stringify(player.memoryStats)}`);
if (process.env.VERBOSE) {
	for (let round = 0; round < 3; round++) {
		const target = Math.floor(Math.random() * player.endMs);
		started = performance.now();
		player.seek(target);
		console.log(`seek to ${target}: ${(performance.now() - started).toFixed(0)} ms, applied ${player.appliedEntries}`);
	}
}

const random = seededRandom(5);
const seekTimes: number[] = [];
const firstBack: number[] = [];
const laterBack: number[] = [];
for (let round = 0; round < 20; round++) {
	const target = Math.floor(random() * player.endMs);
	started = performance.now();
	player.seek(target);
	seekTimes.push(performance.now() - started);
	for (let step = 0; step < 30; step++) {
		started = performance.now();
		player.step(-1);
		(step === 0 ? firstBack : laterBack).push(performance.now() - started);
	}
}
// Stepping back right after playing forward through new ground (no trail there yet).
const coldBack: number[] = [];
for (let round = 0; round < 10; round++) {
	player.seek(Math.floor(random() * player.endMs));
	for (let step = 0; step < 200; step++) player.step(1);
	started = performance.now();
	player.step(-1);
	coldBack.push(performance.now() - started);
}
const stats = (label: string, values: number[]): void => {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (share: number): string => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!.toFixed(1);
	console.log(`${label}: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms (${values.length} runs)`);
};
stats('seek to a random moment', seekTimes);
stats('first step back after a seek', firstBack);
stats('further steps back', laterBack);
stats('step back after stepping 200 entries forward', coldBack);
console.log(`heap after seeking: +${heapMb() - heapBefore} MB`);
player.dispose();
