import {basename, dirname} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CAPTURE_FILES, StraightReplay, fingerprint, openLoaded, seededRandom} from './replay-fixture.js';

const label = (file: string): string => `${basename(dirname(file))}/${basename(file)}`;

describe.each(CAPTURE_FILES.map(file => [label(file), file]))('seeking in %s', (_name, file) => {
	const reference = new StraightReplay(file);

	it('lands on the state a straight replay gives, from the end, from the start and from random points', async () => {
		const {player} = await openLoaded(file);
		const random = seededRandom(0x5eed ^ reference.capture.entries.length);
		const end = reference.capture.entries.at(-1)!.t;
		for (const moment of reference.moments()) {
			const expected = reference.at(moment);
			player.seekToEnd();
			player.seek(moment);
			expect(fingerprint(player.store.view()), `from the end to ${moment}`).toEqual(expected);
			expect(player.positionMs).toBe(Math.min(moment, end));
			player.seekToStart();
			player.seek(moment);
			expect(fingerprint(player.store.view()), `from the start to ${moment}`).toEqual(expected);
			player.seek(Math.floor(random() * (end + 1)));
			player.seek(moment);
			expect(fingerprint(player.store.view()), `from a random point to ${moment}`).toEqual(expected);
		}
		player.dispose();
	});

	it('lands on the same states with the default keyframe spacing', async () => {
		const {player} = await openLoaded(file, {tuning: {}});
		const random = seededRandom(7);
		const moments = reference.moments();
		for (let round = 0; round < 40; round++) {
			const moment = moments[Math.floor(random() * moments.length)]!;
			player.seek(moment);
			expect(fingerprint(player.store.view()), `to ${moment}`).toEqual(reference.at(moment));
		}
		player.dispose();
	});

	it('steps back through every entry from the end, then forward again', async () => {
		const {player} = await openLoaded(file);
		const count = reference.capture.entries.length;
		player.seekToEnd();
		expect(player.appliedEntries).toBe(count);
		for (let applied = count - 1; applied >= 0; applied--) {
			player.step(-1);
			expect(player.appliedEntries).toBe(applied);
			expect(fingerprint(player.store.view()), `back to ${applied} entries`).toEqual(reference.after(applied));
		}
		player.step(-1);
		expect(player.appliedEntries).toBe(0);
		for (let applied = 1; applied <= count; applied++) {
			player.step(1);
			expect(fingerprint(player.store.view()), `forward to ${applied} entries`).toEqual(reference.after(applied));
			expect(player.positionMs).toBe(reference.capture.entries[applied - 1]!.t);
		}
		player.step(1);
		expect(player.appliedEntries).toBe(count);
		player.dispose();
	});
});
