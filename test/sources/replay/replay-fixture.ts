// Helpers for the replay tests: what "the same state" means (a fingerprint of everything a
// screen shows) and the reference it is compared with (a straight replay into a new store).

import {join} from 'node:path';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import type {StoreView} from '../../../source/model/pod-state.js';
import {captureFiles, loadCapture, type Capture} from '../../helpers/load-capture.js';
import {ManualScheduler} from '../../../source/sources/replay/manual-scheduler.js';
import {ReplayPlayer, type ReplayOptions, type ReplayTuning} from '../../../source/sources/replay/player.js';

export {seededRandom} from './seeded-random.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
export const CAPTURE_FILES = [...captureFiles(join(FIXTURES, 'captures')), ...captureFiles(join(FIXTURES, 'captures-v1.36'))];

/** Tiny keyframe spacing, trail and blocks, so a 30-entry capture crosses all of them many times. */
export const SMALL_TUNING: Partial<ReplayTuning> = {
	every: 4,
	max: 5,
	maxGapMs: 5_000,
	trailEvery: 3,
	trailMax: 4,
	tailMax: 2,
	maxPinned: 120,
	blockSize: 5,
	loadBatch: 7,
};

export async function openLoaded(file: string, options: ReplayOptions = {}): Promise<{player: ReplayPlayer; scheduler: ManualScheduler}> {
	const scheduler = new ManualScheduler();
	const player = await ReplayPlayer.open(file, {paused: true, scheduler, tuning: SMALL_TUNING, ...options});
	await player.whenLoaded();
	return {player, scheduler};
}

/** Everything a screen shows of a store's state, as plain data. */
export function fingerprint(view: StoreView): unknown {
	const pods = [...view.pods.values()]
		.sort((a, b) => a.key.localeCompare(b.key))
		.map(state => ({
			key: state.key,
			uid: state.uid,
			resourceVersion: state.readObject().metadata.resourceVersion,
			columns: state.columns,
			containers: state.containers,
			history: state.history.length,
			lastTransition: state.history.at(-1) ?? null,
			deletedAt: state.deletedAt,
			serverRow: state.readServerRow(),
		}));
	const nodes = [...view.nodes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, node]) => [name, node.metadata?.resourceVersion]);
	const events = [...view.eventsByPod.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, list]) => [key, list.map(event => `${event.metadata.uid}@${event.metadata.resourceVersion}`)]);
	return {pods, nodes, events};
}

/** Fingerprints of a straight replay after each of `counts` entries, in one pass (for big sessions). */
export function straightPrints(capture: Capture, counts: readonly number[]): Map<number, unknown> {
	const wanted = [...new Set(counts)].sort((a, b) => a - b);
	const prints = new Map<number, unknown>();
	const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion)});
	const start = Date.parse(capture.header.recordedAt);
	let applied = 0;
	for (const count of wanted) {
		while (applied < count) {
			const entry = capture.entries[applied++]!;
			store.apply(entry, start + entry.t);
		}
		prints.set(count, fingerprint(store.view()));
	}
	return prints;
}

/** A reference replay of one capture: the state after the first `count` entries, computed once each. */
export class StraightReplay {
	readonly capture: Capture;
	private readonly prints: unknown[] = [];

	constructor(file: string) {
		this.capture = loadCapture(file);
		const store = new PodStore({compat: compatForServerVersion(this.capture.header.serverVersion)});
		const start = Date.parse(this.capture.header.recordedAt);
		this.prints.push(fingerprint(store.view()));
		for (const entry of this.capture.entries) {
			store.apply(entry, start + entry.t);
			this.prints.push(fingerprint(store.view()));
		}
	}

	/** State after all entries with t <= tMs. */
	at(tMs: number): unknown {
		return this.prints[this.capture.entries.filter(entry => entry.t <= tMs).length];
	}

	/** State after the first `count` entries. */
	after(count: number): unknown {
		return this.prints[count];
	}

	/** Every entry boundary, a moment just before each, one between each pair, and both ends beyond. */
	moments(): number[] {
		const times = [...new Set(this.capture.entries.map(entry => entry.t))];
		const moments = new Set<number>([0]);
		times.forEach((t, index) => {
			moments.add(t);
			if (t > 0) moments.add(t - 1);
			const next = times[index + 1];
			if (next !== undefined) moments.add(Math.floor((t + next) / 2));
		});
		moments.add(times.at(-1)! + 5_000);
		return [...moments].sort((a, b) => a - b);
	}
}
