import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ManualScheduler} from '../../../source/sources/replay/manual-scheduler.js';
import {ReplayPlayer} from '../../../source/sources/replay/player.js';
import {loadCapture} from '../../helpers/load-capture.js';
import {CAPTURE_FILES, StraightReplay, fingerprint, openLoaded, seededRandom, straightPrints} from './replay-fixture.js';
import {writeSyntheticSession} from './synthetic-session.js';

const dir = mkdtempSync(join(tmpdir(), 'podlife-replay-'));
const big = join(dir, 'big.ndjson');
const bigGzip = join(dir, 'big.ndjson.gz');
const ENTRIES = 20_000;

beforeAll(async () => {
	await writeSyntheticSession(big, {entries: ENTRIES, pods: 300, seed: 3});
	await writeSyntheticSession(bigGzip, {entries: ENTRIES, pods: 300, seed: 3, gzip: true});
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('loading a session in the background', () => {
	it.each([
		['plain', () => big],
		['gzip', () => bigGzip],
	])('shows the first entries before a big %s session has finished loading', async (_kind, file) => {
		const player = await ReplayPlayer.open(file(), {paused: true, scheduler: new ManualScheduler()});
		expect(player.loaded).toBe(false);
		expect(player.ended).toBe(false);
		await player.whenLoaded();
		expect(player.loaded).toBe(true);
		expect(player.loadError).toBeNull();
		expect(player.loadedEntries).toBe(ENTRIES);
		expect(player.progress).toBe(1);
		expect(player.positionMs).toBe(player.startMs);
		player.dispose();
	});

	it('follows the end while loading when asked for the end', async () => {
		const player = await ReplayPlayer.open(big, {paused: true, scheduler: new ManualScheduler()});
		player.seekToEnd();
		await player.whenLoaded();
		expect(player.appliedEntries).toBe(ENTRIES);
		expect(player.ended).toBe(true);
		player.dispose();
	});

	it('lands on the state a straight replay gives in a 20 000-entry session, plain and gzip', async () => {
		const capture = loadCapture(big);
		const end = capture.entries.at(-1)!.t;
		const random = seededRandom(42);
		const moments = Array.from({length: 10}, () => Math.floor(random() * end));
		const countAt = (moment: number): number => capture.entries.filter(entry => entry.t <= moment).length;
		const seen: Array<{count: number; print: unknown; what: string}> = [];
		for (const file of [big, bigGzip]) {
			const {player} = await openLoaded(file, {tuning: {every: 1000, trailEvery: 64}});
			for (const moment of moments) {
				player.seek(moment);
				seen.push({count: countAt(moment), print: fingerprint(player.store.view()), what: `${file} at ${moment}`});
				player.step(-1);
				player.step(-1);
				seen.push({count: player.appliedEntries, print: fingerprint(player.store.view()), what: `${file} two entries before ${moment}`});
			}
			player.dispose();
		}
		const reference = straightPrints(
			capture,
			seen.map(({count}) => count),
		);
		for (const {count, print, what} of seen) expect(print, what).toEqual(reference.get(count));
	});

	it('replays a gzip copy of a capture exactly like the plain file', async () => {
		const plain = CAPTURE_FILES.find(file => file.endsWith('init-crash.ndjson'))!;
		const gzipped = join(dir, 'init-crash.ndjson.gz');
		writeFileSync(gzipped, gzipSync(readFileSync(plain)));
		const reference = new StraightReplay(plain);
		const {player} = await openLoaded(gzipped);
		for (const moment of reference.moments()) {
			player.seek(moment);
			expect(fingerprint(player.store.view())).toEqual(reference.at(moment));
		}
		player.dispose();
	});

	it('keeps the entries it loaded when a bad line stops the load, and says why', async () => {
		const plain = CAPTURE_FILES.find(file => file.endsWith('web.ndjson'))!;
		const lines = readFileSync(plain, 'utf8').trimEnd().split('\n');
		const broken = join(dir, 'broken.ndjson');
		writeFileSync(broken, [...lines.slice(0, 10), '{not json', ...lines.slice(10)].join('\n') + '\n');
		const {player} = await openLoaded(broken);
		expect(player.loadedEntries).toBe(9);
		expect(player.loadError?.message).toMatch(/broken\.ndjson:11/);
		player.seekToEnd();
		expect(player.appliedEntries).toBe(9);
		player.dispose();
		const lenient = await openLoaded(broken, {lenient: true});
		expect(lenient.player.loadError).toBeNull();
		expect(lenient.player.loadedEntries).toBe(lines.length - 1);
		expect(lenient.player.skipped).toBe(1);
		lenient.player.dispose();
	});
});

describe('what a loaded session holds', () => {
	it('keeps a bounded number of keyframes and the entries compressed', async () => {
		const player = await ReplayPlayer.open(big, {paused: true, scheduler: new ManualScheduler(), tuning: {every: 100, max: 16, maxPinned: 1_000_000}});
		await player.whenLoaded();
		const stats = player.memoryStats;
		expect(stats.keyframes).toBeLessThanOrEqual(16);
		expect(stats.keyframeInterval).toBeGreaterThanOrEqual(ENTRIES / 16);
		expect(stats.keyframeInterval).toBeLessThanOrEqual(ENTRIES / 4);
		expect(stats.entryBytes).toBeLessThan(statSync(big).size / 4);
		player.dispose();
	});

	it('spaces keyframes wider when pod churn would make them pin too many pod states', async () => {
		const roomy = await ReplayPlayer.open(big, {paused: true, scheduler: new ManualScheduler(), tuning: {every: 100, max: 1000, maxPinned: 1_000_000}});
		const tight = await ReplayPlayer.open(big, {
			paused: true,
			scheduler: new ManualScheduler(),
			tuning: {every: 100, max: 1000, maxPinned: 3_000, maxGapMs: 1_000},
		});
		await Promise.all([roomy.whenLoaded(), tight.whenLoaded()]);
		expect(roomy.memoryStats.keyframes).toBeGreaterThan(100);
		expect(tight.memoryStats.keyframes).toBeLessThan(roomy.memoryStats.keyframes / 4);
		// Time-based keyframes thin out with the rest: the spacing stays what the budget allows.
		expect(tight.memoryStats.keyframes).toBeGreaterThanOrEqual(2);
		expect(tight.memoryStats.keyframeInterval).toBeLessThan(ENTRIES);
		roomy.dispose();
		tight.dispose();
	});
});
