import {mkdtempSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {EntryLog, SessionChangedError} from '../../../source/sources/replay/entry-log.js';
import type {SessionEntry} from '../../../source/session/format.js';
import {seededRandom} from './seeded-random.js';

const dir = mkdtempSync(join(tmpdir(), 'podlife-entry-log-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const HEADER = '{"podlife":1,"recordedAt":"2026-11-25T10:00:00Z"}';

/** Entry lines with multi-byte text (Japanese, emoji, accents) in some of them. */
function lines(count: number): string[] {
	const words = ['plain', 'ünïcödé', '日本語のメッセージ', 'emoji 🚀🔥', 'mixed ä 日 🚀'];
	return Array.from({length: count}, (_, index) =>
		JSON.stringify({t: index * 10, type: 'ADDED', object: {kind: 'Event', metadata: {name: `e${index}`}, message: `${words[index % words.length]} #${index}`}}),
	);
}

/** Writes a session file of the header and `entries`; returns it with each entry's byte offset. */
function session(name: string, entries: string[]): {file: string; offsets: number[]} {
	const file = join(dir, name);
	const offsets: number[] = [];
	let at = Buffer.byteLength(HEADER) + 1;
	for (const line of entries) {
		offsets.push(at);
		at += Buffer.byteLength(line) + 1;
	}
	writeFileSync(file, [HEADER, ...entries].join('\n') + '\n');
	return {file, offsets};
}

function parsed(line: string): SessionEntry {
	return JSON.parse(line) as SessionEntry;
}

describe('EntryLog over a plain session file', () => {
	it('reads every entry back exactly from its offset, multi-byte text included, in any order', () => {
		const entries = lines(40);
		const {file, offsets} = session('plain.ndjson', entries);
		const log = new EntryLog(4, file);
		entries.forEach((line, index) => log.append(line, index * 10, offsets[index]!));
		expect(log.count).toBe(40);
		expect(log.inFile).toBe(40);
		// Nothing of the text is held: only offsets.
		expect(log.bytes).toBe(0);
		const random = seededRandom(7);
		for (let round = 0; round < 200; round++) {
			const index = Math.floor(random() * entries.length);
			expect(log.entry(index), `entry ${index}`).toEqual(parsed(entries[index]!));
		}
		entries.forEach((line, index) => expect(log.entry(index)).toEqual(parsed(line)));
		expect(log.t(39)).toBe(390);
		expect(log.countUpTo(95)).toBe(10);
		log.close();
	});

	it('keeps the entries from the first one of unknown place on in memory, and reads all back across blocks', () => {
		const entries = lines(50);
		const {file, offsets} = session('partly.ndjson', entries);
		const log = new EntryLog(4, file);
		const firstUnknown = 13;
		entries.forEach((line, index) => {
			// After the unknown one, offsets are given again but must no longer be trusted.
			const at = index === firstUnknown ? null : offsets[index]!;
			log.append(line, index * 10, at);
		});
		expect(log.count).toBe(50);
		expect(log.inFile).toBe(firstUnknown);
		expect(log.bytes).toBeGreaterThan(0);
		const random = seededRandom(11);
		for (let round = 0; round < 300; round++) {
			const index = Math.floor(random() * entries.length);
			expect(log.entry(index), `entry ${index}`).toEqual(parsed(entries[index]!));
		}
		// Memory entries do not depend on the file: they read back after close and after it is gone.
		log.close();
		rmSync(file);
		for (let index = firstUnknown; index < entries.length; index++) expect(log.entry(index)).toEqual(parsed(entries[index]!));
	});

	it('keeps every entry in memory without a file (gzip sessions), in blocks read back in any order', () => {
		const entries = lines(33);
		const log = new EntryLog(5);
		entries.forEach((line, index) => log.append(line, index * 10, null));
		expect(log.inFile).toBe(0);
		const order = entries.map((_, index) => index).sort((a, b) => ((a * 13) % 33) - ((b * 13) % 33));
		for (const index of order) expect(log.entry(index), `entry ${index}`).toEqual(parsed(entries[index]!));
		// The deflated text is smaller than the text.
		const many = new EntryLog(64);
		const repeated = lines(640);
		repeated.forEach((line, index) => many.append(line, index, null));
		expect(many.bytes).toBeLessThan(repeated.join('\n').length / 3);
	});

	it('says the session changed, in one line, when the file is overwritten after loading', () => {
		const entries = lines(30);
		const {file, offsets} = session('overwritten.ndjson', entries);
		const log = new EntryLog(4, file);
		entries.forEach((line, index) => log.append(line, index * 10, offsets[index]!));
		// Another recording written over it: the same kind of lines, shifted.
		writeFileSync(file, [HEADER, '{"t":0,"type":"SYNCED","resource":"pods"}', ...lines(30).map(line => line.replace('"e', '"other-e'))].join('\n') + '\n');
		const read = (): unknown => log.entry(20);
		expect(read).toThrow(SessionChangedError);
		expect(read).toThrow(/overwritten\.ndjson.*changed/);
		try {
			read();
		} catch (error) {
			expect((error as Error).message).not.toContain('\n');
		}
		log.close();
	});

	it('says the session changed when a rewritten file has other entries at the same offsets', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'podlife-')), 's.ndjson');
		const header = '{"podlife":1,"recordedAt":"2026-11-25T10:00:00Z"}';
		const line = (t: number): string => JSON.stringify({t, type: 'SYNCED', resource: 'pods'});
		writeFileSync(file, [header, line(10), line(20)].join('\n') + '\n');
		const log = new EntryLog(4, file);
		log.append(line(10), 10, header.length + 1);
		log.append(line(20), 20, header.length + 1 + line(10).length + 1);
		writeFileSync(file, [header, line(70), line(80)].join('\n') + '\n');
		expect(() => log.entry(1)).toThrow(SessionChangedError);
		log.close();
		rmSync(file, {force: true});
	});

	it('says the session changed when the file is cut short after loading', () => {
		const entries = lines(30);
		const {file, offsets} = session('truncated.ndjson', entries);
		const log = new EntryLog(4, file);
		entries.forEach((line, index) => log.append(line, index * 10, offsets[index]!));
		truncateSync(file, offsets[10]! + 5);
		expect(() => log.entry(25)).toThrow(SessionChangedError);
		expect(() => log.entry(10)).toThrow(SessionChangedError);
		log.close();
	});

	it('releases the file on close: entries in the file can no longer be read', () => {
		const entries = lines(5);
		const {file, offsets} = session('closed.ndjson', entries);
		const log = new EntryLog(4, file);
		entries.forEach((line, index) => log.append(line, index * 10, offsets[index]!));
		expect(log.entry(2)).toEqual(parsed(entries[2]!));
		log.close();
		expect(() => log.entry(0)).toThrow(SessionChangedError);
		// Closing twice is harmless.
		log.close();
	});
});
