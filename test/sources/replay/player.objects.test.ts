import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, describe, expect, it} from 'vitest';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import type {ReplayPlayer} from '../../../source/sources/replay/player.js';
import type {Capture} from '../../helpers/load-capture.js';
import {CAPTURE_FILES, StraightReplay, fingerprint, openLoaded, seededRandom} from './replay-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'podlife-player-objects-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** Pod objects (as JSON) after the first `count` entries of a straight replay, for every count. */
function straightObjects(capture: Capture): Array<Map<string, string>> {
	const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion)});
	const start = Date.parse(capture.header.recordedAt);
	const objects = (): Map<string, string> => new Map([...store.view().pods].map(([key, state]) => [key, JSON.stringify(state.readObject())]));
	const all = [objects()];
	for (const entry of capture.entries) {
		store.apply(entry, start + entry.t);
		all.push(objects());
	}
	return all;
}

/** The player's display store's pod objects, read through each state, as JSON. */
function playerObjects(player: ReplayPlayer): Map<string, string> {
	return new Map([...player.store.view().pods].map(([key, state]) => [key, JSON.stringify(state.readObject())]));
}

/** Seeks to every moment in a shuffled order, stepping back once after each; checks state and objects. */
function checkSeeks(player: ReplayPlayer, reference: StraightReplay, objects: Array<Map<string, string>>, seed: number): number {
	const moments = reference.moments();
	const random = seededRandom(seed);
	const order = moments
		.map(moment => ({moment, key: random()}))
		.sort((a, b) => a.key - b.key)
		.map(({moment}) => moment);
	let compared = 0;
	for (const moment of order) {
		player.seek(moment);
		const count = reference.capture.entries.filter(entry => entry.t <= moment).length;
		expect(player.appliedEntries, `at ${moment}`).toBe(count);
		expect(fingerprint(player.store.view()), `at ${moment}`).toEqual(reference.at(moment));
		expect(playerObjects(player), `objects at ${moment}`).toEqual(objects[count]);
		compared += objects[count]!.size;
		if (count > 0) {
			player.step(-1);
			expect(playerObjects(player), `objects one entry before ${moment}`).toEqual(objects[count - 1]);
		}
	}
	return compared;
}

describe('pod objects in a replay', () => {
	it.each(CAPTURE_FILES.map(file => [file.split('/').slice(-2).join('/'), file] as const))(
		'reads back the objects a straight replay holds after seeks, plain and gzip (%s)',
		async (_name, file) => {
			const gzipped = join(dir, `${file.split('/').slice(-2).join('-')}.gz`);
			writeFileSync(gzipped, gzipSync(readFileSync(file)));
			const reference = new StraightReplay(file);
			const objects = straightObjects(reference.capture);
			for (const [kind, path] of [
				['plain', file],
				['gzip', gzipped],
			] as const) {
				const {player} = await openLoaded(path);
				expect(player.loadedEntries, kind).toBe(reference.capture.entries.length);
				// A plain file's entries stay in the file (offsets only); a gzip stream's are kept deflated.
				if (kind === 'plain') expect(player.memoryStats.entryBytes).toBe(0);
				else expect(player.memoryStats.entryBytes).toBeGreaterThan(0);
				expect(checkSeeks(player, reference, objects, 5), kind).toBeGreaterThan(0);
				// The objects it shows never carry managedFields (the straight store drops them too).
				player.seekToEnd();
				for (const state of player.store.view().pods.values()) expect(state.readObject().metadata.managedFields).toBeUndefined();
				player.dispose();
			}
		},
	);

	it.each(['captures/mixed.ndjson', 'captures/crashloop.ndjson', 'captures-v1.36/init-crash.ndjson'])(
		"lands on the straight replay's states and objects after a bad line skipped in lenient mode (%s)",
		async name => {
			const file = CAPTURE_FILES.find(candidate => candidate.endsWith(name))!;
			const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
			const middle = Math.floor(lines.length / 2);
			const broken = join(dir, `broken-${basename(file)}`);
			writeFileSync(broken, [...lines.slice(0, middle), '{"t": this is not json', ...lines.slice(middle)].join('\n') + '\n');
			const reference = new StraightReplay(file);
			const objects = straightObjects(reference.capture);
			const {player} = await openLoaded(broken, {lenient: true});
			expect(player.skipped).toBe(1);
			// From the bad line on, the entries are kept in memory: their offsets are not trusted.
			expect(player.memoryStats.entryBytes).toBeGreaterThan(0);
			expect(player.loadedEntries).toBe(reference.capture.entries.length);
			expect(checkSeeks(player, reference, objects, 9)).toBeGreaterThan(0);
			// Straight through, entry by entry, across the bad line.
			player.seekToStart();
			while (player.appliedEntries > 0) player.step(-1);
			for (let count = 1; count <= reference.capture.entries.length; count++) {
				player.step(1);
				expect(player.appliedEntries).toBe(count);
				expect(fingerprint(player.store.view()), `after entry ${count}`).toEqual(reference.after(count));
				expect(playerObjects(player), `objects after entry ${count}`).toEqual(objects[count]);
			}
			player.dispose();
		},
	);
});
