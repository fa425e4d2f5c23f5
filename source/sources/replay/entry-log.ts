// The loaded session kept compactly: a session of 800 MB must not live in memory as 200k
// parsed objects, nor as its text. Two ways to keep an entry:
// - in the file: for a plain (not gzip) session, only the line's byte offset and length are
//   kept, and the line is read again from the file when the player applies it (the file is
//   there and does not change: it is a recording). Reads go through a window of a few
//   hundred KB, so replaying forward reads each byte once.
// - in memory: gzip sessions (a gzip stream cannot be re-read at an offset), and every line
//   after the first whose offset is unknown (a line skipped in lenient mode, a line whose text
//   is not the file's bytes). Lines are grouped in blocks; a full block is deflated (level 1:
//   cheap, and pod JSON, much repeated text, shrinks many times over); the last inflated blocks are cached.

import {closeSync, openSync, readSync} from 'node:fs';
import {open as openFile} from 'node:fs/promises';
import {deflateRawSync, inflateRawSync} from 'node:zlib';
import type {SessionEntry} from '../../session/format.js';
import {UserError} from '../../errors.js';
import {partitionPoint} from '../../model/partition-point.js';
import {RecentlyUsed} from '../../model/recently-used.js';

export const DEFAULT_BLOCK_SIZE = 256;
/** Bytes read from the file at a time. */
const WINDOW_BYTES = 256 * 1024;
/** Inflated blocks kept (random reads of pod objects hit a few blocks again and again). */
const CACHED_BLOCKS = 4;

/** Thrown when the session file no longer holds the line the log points at (a user error: one line, exit 1). */
export class SessionChangedError extends UserError {}

export class EntryLog {
	private times = new Float64Array(1024);
	/** Byte offset of each line in the file (entries before `firstInMemory`). */
	private offsets = new Float64Array(1024);
	private lengths = new Uint32Array(1024);
	private size = 0;
	/** Entries from here on are kept in memory (Infinity: all are in the file so far). */
	private firstInMemory = Number.POSITIVE_INFINITY;
	private readonly sealed: Buffer[] = [];
	private openLines: string[] = [];
	private readonly cachedBlocks = new RecentlyUsed<number, string[]>(CACHED_BLOCKS);
	private storedBytes = 0;
	private fd: number | null;
	private window: Buffer = Buffer.alloc(0);
	private windowStart = 0;

	/** Byte offset of the next line (appendLine), while every line so far is where it was expected. */
	private nextOffset: number | null = null;
	private nextLine = 2;

	/**
	 * `file`: the plain session file to read lines back from; null keeps every line in memory.
	 * `firstLineBytes`: the header line's length with its newline (plainFirstLineBytes), for appendLine.
	 */
	constructor(
		private readonly blockSize: number = DEFAULT_BLOCK_SIZE,
		private readonly file: string | null = null,
		firstLineBytes: number | null = null,
	) {
		this.fd = file === null ? null : openSync(file, 'r');
		if (this.fd === null) this.firstInMemory = 0;
		this.nextOffset = firstLineBytes;
	}

	/**
	 * Adds the entry read from line `line` (1-based; entries start at line 2) with text `text`.
	 * Its place in the file is known while every line has come in order and its text is the
	 * file's bytes; after a gap (a line skipped in lenient mode) or text with U+FFFD (invalid
	 * UTF-8 decoded), the rest is kept in memory.
	 */
	appendLine(text: string, t: number, line: number): void {
		const at = this.nextOffset;
		if (at === null || line !== this.nextLine || text.includes('\uFFFD')) {
			this.nextOffset = null;
			this.add(text, t, null, 0);
			return;
		}
		const bytes = Buffer.byteLength(text);
		this.nextOffset = at + bytes + 1;
		this.nextLine = line + 1;
		this.add(text, t, at, bytes);
	}

	/** Number of entries held. */
	get count(): number {
		return this.size;
	}

	/** Bytes the entry text takes in memory (deflated blocks + the open block's lines). */
	get bytes(): number {
		let open = 0;
		for (const line of this.openLines) open += line.length;
		return this.storedBytes + open;
	}

	/** Entries read back from the file rather than kept in memory. */
	get inFile(): number {
		return Math.min(this.size, this.firstInMemory);
	}

	/**
	 * Adds the next entry. `at`: the byte offset of its line in the file, or null when unknown
	 * (then it, and every entry after it, is kept in memory).
	 */
	append(line: string, t: number, at: number | null): void {
		this.add(line, t, at, at === null ? 0 : Buffer.byteLength(line));
	}

	/** `bytes`: the line's length in UTF-8 when `at` is known. */
	private add(line: string, t: number, at: number | null, bytes: number): void {
		if (this.size === this.times.length) this.grow();
		const index = this.size++;
		this.times[index] = t;
		if (index < this.firstInMemory && this.fd !== null && at !== null) {
			this.offsets[index] = at;
			this.lengths[index] = bytes;
			return;
		}
		if (index < this.firstInMemory) this.firstInMemory = index;
		this.openLines.push(line);
		if (this.openLines.length === this.blockSize) {
			const packed = deflateRawSync(Buffer.from(this.openLines.join('\n')), {level: 1});
			this.sealed.push(packed);
			this.storedBytes += packed.length;
			this.openLines = [];
		}
	}

	/** `t` of entry `index`. */
	t(index: number): number {
		return this.times[index]!;
	}

	/** How many entries have t <= tMs (entries are sorted by t). */
	countUpTo(tMs: number): number {
		return partitionPoint(this.size, index => this.times[index]! <= tMs);
	}

	/** Entry `index`, parsed anew. */
	entry(index: number): SessionEntry {
		const text = this.line(index);
		let entry: SessionEntry | undefined;
		try {
			entry = JSON.parse(text) as SessionEntry;
		} catch {
			// Reported below.
		}
		// A line read back from the file must be the one that was loaded: same place, same t.
		if (entry?.t !== this.times[index]) {
			throw new SessionChangedError(`${this.file}: the file changed while it was being replayed (entry ${index + 1} is no longer where it was); open it again`);
		}
		return entry;
	}

	/** Releases the file. */
	close(): void {
		if (this.fd !== null) closeSync(this.fd);
		this.fd = null;
	}

	private line(index: number): string {
		if (index < this.firstInMemory) return this.lineFromFile(index);
		const position = index - this.firstInMemory;
		const block = Math.floor(position / this.blockSize);
		const offset = position % this.blockSize;
		if (block === this.sealed.length) return this.openLines[offset]!;
		const lines = this.cachedBlocks.getOrMake(block, () => inflateRawSync(this.sealed[block]!).toString('utf8').split('\n'));
		return lines[offset]!;
	}

	private lineFromFile(index: number): string {
		if (this.fd === null) throw new SessionChangedError(`${this.file}: the session file is closed`);
		const at = this.offsets[index]!;
		const length = this.lengths[index]!;
		const from = at - this.windowStart;
		if (from < 0 || from + length > this.window.length) {
			// Read forward from this line: the next entries applied are usually the ones after it.
			const size = Math.max(WINDOW_BYTES, length);
			const buffer = Buffer.allocUnsafe(size);
			const read = readSync(this.fd, buffer, 0, size, at);
			this.window = buffer.subarray(0, read);
			this.windowStart = at;
			if (read < length) throw new SessionChangedError(`${this.file}: the file changed while it was being replayed (it is shorter now); open it again`);
			return this.window.toString('utf8', 0, length);
		}
		return this.window.toString('utf8', from, from + length);
	}

	private grow(): void {
		const capacity = this.times.length * 2;
		const times = new Float64Array(capacity);
		times.set(this.times);
		this.times = times;
		const offsets = new Float64Array(capacity);
		offsets.set(this.offsets);
		this.offsets = offsets;
		const lengths = new Uint32Array(capacity);
		lengths.set(this.lengths);
		this.lengths = lengths;
	}
}

/** Bytes of the first line of a plain (not gzip) file, newline included; null for gzip or when not found. */
export async function plainFirstLineBytes(file: string): Promise<number | null> {
	const handle = await openFile(file, 'r');
	try {
		const buffer = Buffer.alloc(1024 * 1024);
		const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
		if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return null;
		const newline = buffer.subarray(0, bytesRead).indexOf(0x0a);
		return newline === -1 ? null : newline + 1;
	} finally {
		await handle.close();
	}
}
