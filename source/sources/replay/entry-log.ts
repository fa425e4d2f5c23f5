// The loaded session kept compactly: a session of 200 MB must not live in memory as
// 200k parsed objects. Each entry is kept as its raw JSON line; lines are grouped in
// blocks, and a full block is deflated (level 1: cheap, and pod JSON shrinks ~10×). The
// same scheme serves plain and gzip files alike (a gzip stream cannot be re-read at an
// offset). An entry is parsed again only when the player applies it; the last inflated
// block is cached, so replaying forward inflates each block once.

import {deflateRawSync, inflateRawSync} from 'node:zlib';
import type {SessionEntry} from '../../session/format.js';

export const DEFAULT_BLOCK_SIZE = 256;

export class EntryLog {
	private times = new Float64Array(1024);
	private size = 0;
	private readonly sealed: Buffer[] = [];
	private openLines: string[] = [];
	private cachedBlock = -1;
	private cachedLines: string[] = [];
	private storedBytes = 0;

	constructor(private readonly blockSize: number = DEFAULT_BLOCK_SIZE) {}

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

	append(line: string, t: number): void {
		if (this.size === this.times.length) {
			const grown = new Float64Array(this.times.length * 2);
			grown.set(this.times);
			this.times = grown;
		}
		this.times[this.size++] = t;
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
		let low = 0;
		let high = this.size;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.times[middle]! <= tMs) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	/** Entry `index`, parsed anew. */
	entry(index: number): SessionEntry {
		return JSON.parse(this.line(index)) as SessionEntry;
	}

	private line(index: number): string {
		const block = Math.floor(index / this.blockSize);
		const offset = index % this.blockSize;
		if (block === this.sealed.length) return this.openLines[offset]!;
		if (block !== this.cachedBlock) {
			this.cachedLines = inflateRawSync(this.sealed[block]!).toString('utf8').split('\n');
			this.cachedBlock = block;
		}
		return this.cachedLines[offset]!;
	}
}
