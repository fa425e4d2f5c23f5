import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {isWatchEntry, type WatchEntry} from '../../../source/session/format.js';
import {SPEED_LADDER} from '../../../source/sources/replay/speed.js';
import {StraightReplay, fingerprint, openLoaded} from './replay-fixture.js';

const CRASHLOOP = join(import.meta.dirname, '..', '..', 'fixtures', 'captures', 'crashloop.ndjson');
const reference = new StraightReplay(CRASHLOOP);
const recordedAtMs = Date.parse(reference.capture.header.recordedAt);
const firstT = reference.capture.entries[0]!.t;
const lastT = reference.capture.entries.at(-1)!.t;

describe('replay playback', () => {
	it('starts at the first entry and plays at real speed once started, applying every entry whose t has passed', async () => {
		const {player, scheduler} = await openLoaded(CRASHLOOP, {paused: false});
		expect(player.positionMs).toBe(firstT);
		expect(player.startMs).toBe(firstT);
		expect(player.endMs).toBe(lastT);
		expect(player.durationMs).toBe(lastT - firstT);
		scheduler.advance(3_000);
		expect(player.positionMs, 'nothing moves before start()').toBe(firstT);
		player.start();
		scheduler.advance(7_000);
		expect(player.positionMs).toBe(firstT + 7_000);
		expect(player.now()).toBe(recordedAtMs + firstT + 7_000);
		expect(fingerprint(player.store.view())).toEqual(reference.at(firstT + 7_000));
		player.dispose();
	});

	it('covers session time at speed × real time', async () => {
		const {player, scheduler} = await openLoaded(CRASHLOOP, {paused: false, speed: 4});
		player.start();
		scheduler.advance(2_000);
		expect(player.positionMs).toBe(firstT + 8_000);
		player.setSpeed(0.5);
		scheduler.advance(2_000);
		expect(player.positionMs).toBe(firstT + 9_000);
		expect(fingerprint(player.store.view())).toEqual(reference.at(firstT + 9_000));
		player.dispose();
	});

	it('walks the speed ladder with faster and slower, stopping at both ends', async () => {
		const {player} = await openLoaded(CRASHLOOP);
		const seen = [player.speed];
		for (let press = 0; press < SPEED_LADDER.length + 2; press++) {
			player.faster();
			seen.push(player.speed);
		}
		expect(seen).toEqual([1, 2, 4, 8, 16, 32, 64, 64, 64, 64, 64, 64]);
		const down: number[] = [];
		for (let press = 0; press < SPEED_LADDER.length + 1; press++) {
			player.slower();
			down.push(player.speed);
		}
		expect(down).toEqual([32, 16, 8, 4, 2, 1, 0.5, 0.25, 0.25, 0.25]);
		player.setSpeed(3);
		player.faster();
		expect(player.speed).toBe(4);
		expect(() => player.setSpeed(0)).toThrow(/positive/);
		player.dispose();
	});

	it('keeps the time played when paused and stands still until played again', async () => {
		const {player, scheduler} = await openLoaded(CRASHLOOP, {paused: false});
		player.start();
		scheduler.advance(1_250);
		player.pause();
		expect(player.paused).toBe(true);
		expect(player.positionMs).toBe(firstT + 1_250);
		scheduler.advance(10_000);
		expect(player.positionMs).toBe(firstT + 1_250);
		player.toggle();
		expect(player.paused).toBe(false);
		scheduler.advance(1_000);
		expect(player.positionMs).toBe(firstT + 2_250);
		player.dispose();
	});

	it('stops honestly at the last entry, and plays again from the start', async () => {
		const {player, scheduler} = await openLoaded(CRASHLOOP, {paused: false, speed: 64});
		player.start();
		scheduler.advance(Math.ceil(lastT / 64) + 1_000);
		expect(player.ended).toBe(true);
		expect(player.paused).toBe(true);
		expect(player.positionMs).toBe(lastT);
		expect(player.appliedEntries).toBe(reference.capture.entries.length);
		expect(fingerprint(player.store.view())).toEqual(reference.at(lastT));
		player.play();
		expect(player.ended).toBe(false);
		expect(player.positionMs).toBe(firstT);
		scheduler.advance(1_000);
		expect(player.positionMs).toBe(firstT + 64_000);
		player.dispose();
	});

	it('loops back to the start and keeps playing when loop is on', async () => {
		const {player, scheduler} = await openLoaded(CRASHLOOP, {paused: false, speed: 64, loop: true});
		player.start();
		let wrapped = false;
		let previous = player.positionMs;
		for (let tick = 0; tick < 30; tick++) {
			scheduler.advance(100);
			if (player.positionMs < previous) wrapped = true;
			previous = player.positionMs;
		}
		expect(wrapped).toBe(true);
		expect(player.paused).toBe(false);
		expect(player.ended).toBe(false);
		expect(fingerprint(player.store.view())).toEqual(reference.at(player.positionMs));
		player.dispose();
	});

	it('opens at atMs, paused, or at the end', async () => {
		const paused = await openLoaded(CRASHLOOP, {atMs: 20_000, paused: true});
		paused.player.start();
		paused.scheduler.advance(5_000);
		expect(paused.player.positionMs).toBe(20_000);
		expect(fingerprint(paused.player.store.view())).toEqual(reference.at(20_000));
		paused.player.dispose();
		const atEnd = await openLoaded(CRASHLOOP, {atMs: 'end'});
		expect(atEnd.player.positionMs).toBe(lastT);
		expect(atEnd.player.ended).toBe(true);
		atEnd.player.dispose();
	});

	it('stepping pauses playback', async () => {
		const {player, scheduler} = await openLoaded(CRASHLOOP, {paused: false});
		player.start();
		scheduler.advance(2_500);
		const applied = player.appliedEntries;
		player.step(-1);
		expect(player.paused).toBe(true);
		expect(player.appliedEntries).toBe(applied - 1);
		scheduler.advance(5_000);
		expect(player.appliedEntries).toBe(applied - 1);
		player.dispose();
	});

	it('notifies about ten times a second while playing, and at once on a user action', async () => {
		const {player, scheduler} = await openLoaded(CRASHLOOP, {paused: false});
		let notified = 0;
		const unsubscribe = player.subscribe(() => notified++);
		player.start();
		scheduler.advance(3_000);
		expect(notified).toBeGreaterThanOrEqual(25);
		expect(notified).toBeLessThanOrEqual(31);
		const before = notified;
		player.seek(40_000);
		expect(notified).toBe(before + 1);
		unsubscribe();
		scheduler.advance(1_000);
		expect(notified).toBe(before + 1);
		player.dispose();
	});

	it('stops its timers when disposed', async () => {
		const {player, scheduler} = await openLoaded(CRASHLOOP, {paused: false});
		player.start();
		scheduler.advance(500);
		player.dispose();
		expect(scheduler.pending).toBe(0);
		const position = player.positionMs;
		scheduler.advance(5_000);
		expect(player.positionMs).toBe(position);
	});
});

describe('replay timeline bar data', () => {
	const podEntries = reference.capture.entries.filter(
		(entry): entry is WatchEntry => isWatchEntry(entry) && entry.object.kind === 'Pod' && entry.object.metadata?.namespace === 'default',
	);
	const key = `default/${podEntries[0]!.object.metadata!.name}`;

	it('jumps from change to change of one pod, forward and back, hitting every STATUS change', async () => {
		const {player} = await openLoaded(CRASHLOOP);
		player.seekToStart();
		expect(player.nextChangeOf(key, -1)).toBeNull();
		const forward: number[] = [];
		for (let t = player.nextChangeOf(key, 1); t !== null; t = player.nextChangeOf(key, 1)) {
			forward.push(t);
			player.seek(t);
		}
		const podTimes = new Set(podEntries.map(entry => entry.t));
		expect(forward.every(t => podTimes.has(t))).toBe(true);
		expect([...forward].sort((a, b) => a - b)).toEqual(forward);
		let previousStatus: string | null = null;
		for (const entry of podEntries) {
			const status = entry.row?.status ?? null;
			if (status !== previousStatus) expect(forward, `STATUS ${status} at ${entry.t}`).toContain(entry.t);
			previousStatus = status;
		}
		const backward: number[] = [];
		for (let t = player.nextChangeOf(key, -1); t !== null; t = player.nextChangeOf(key, -1)) {
			backward.push(t);
			player.seek(t);
		}
		expect(backward).toEqual(forward.slice(0, -1).reverse());
		player.dispose();
	});

	it('marks every moment a pod entered a failing STATUS', async () => {
		const {player} = await openLoaded(CRASHLOOP);
		const failing = new Set(['Error', 'CrashLoopBackOff']);
		const expected: number[] = [];
		let previous = '';
		for (const entry of podEntries) {
			const status = entry.row!.status;
			if (failing.has(status) && !failing.has(previous)) expected.push(entry.t);
			previous = status;
		}
		expect(expected.length).toBeGreaterThan(2);
		expect(player.failureMarks()).toEqual(expected);
		player.dispose();
	});

	it('counts entries per time bucket over the whole session', async () => {
		const {player} = await openLoaded(CRASHLOOP);
		const density = player.density(20);
		expect(density).toHaveLength(20);
		expect(density.reduce((sum, count) => sum + count, 0)).toBe(reference.capture.entries.length);
		const span = lastT - firstT;
		const inFirst = reference.capture.entries.filter(entry => entry.t - firstT < span / 20).length;
		expect(density[0]).toBe(inFirst);
		player.dispose();
	});
});
