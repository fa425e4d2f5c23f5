import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {replayInto} from '../../source/output/replay-store.js';
import {added, HEADER, lines} from '../session/temp-files.js';

const dir = mkdtempSync(path.join(tmpdir(), 'podlife-headless-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function session(name: string, text: string): string {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	return file;
}

describe('headless replay up to a moment', () => {
	it('applies the entries up to the moment and none after', async () => {
		const file = session('at.ndjson', lines(HEADER, added(1000, 'a'), added(2000, 'b'), added(3000, 'c')) + '\n');
		const {store, now, recordedAtMs} = await replayInto(file, 2000, {warn: () => {}});
		expect([...store.view().pods.keys()].sort()).toEqual(['default/a', 'default/b']);
		expect(now - recordedAtMs).toBe(2000);
	});

	it('does not warn about bad lines after the moment, though they were read with it', async () => {
		const file = session('lenient.ndjson', lines(HEADER, 'early junk', added(1000, 'a'), added(5000, 'b'), 'late junk', added(6000, 'c')) + '\n');
		const warnings: string[] = [];
		await replayInto(file, 2000, {lenient: true, warn: text => warnings.push(text)});
		expect(warnings).toEqual([`${file}:2: line is not JSON (skipped)`]);
		const all: string[] = [];
		await replayInto(file, 'end', {lenient: true, warn: text => all.push(text)});
		expect(all).toEqual([`${file}:2: line is not JSON (skipped)`, `${file}:5: line is not JSON (skipped)`]);
	});

	it('stops before a bad line after the moment instead of failing on it (strict)', async () => {
		const file = session('strict.ndjson', lines(HEADER, added(1000, 'a'), added(5000, 'b'), 'junk') + '\n');
		const {store} = await replayInto(file, 2000, {warn: () => {}});
		expect([...store.view().pods.keys()]).toEqual(['default/a']);
		await expect(replayInto(file, 'end', {warn: () => {}})).rejects.toThrow(`${file}:4: line is not JSON`);
	});
});
