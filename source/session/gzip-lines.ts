// A gzip stream written a line at a time, whole up to every line it was given:
// each line's compressed bytes can be written out at once, and a file cut after
// them (a recording killed with SIGKILL) still decompresses up to that line.
//
// Node's zlib streams compress on a worker thread and hand the bytes back later,
// so a kill would lose what was in flight. Instead each line is deflated on its
// own, synchronously, ending with a sync flush (no final block), with the last
// 32 KiB of the text before it as the preset dictionary: its back-references
// then point into the text the decoder has just produced, so the pieces
// concatenate into one valid deflate stream that compresses about as well as
// one pass over the whole file. `end()` adds the final block and gzip's
// trailer (CRC-32 and length, RFC 1952).

import zlib from 'node:zlib';

/** Deflate's window: the farthest a back-reference reaches. */
const WINDOW = 32 * 1024;
/** A gzip member header: magic, deflate, no flags, no mtime, no extra flags, OS unknown. */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

export class GzipLines {
	private window: Buffer = Buffer.alloc(0);
	private crc = 0;
	private length = 0;
	private started = false;

	/** The bytes to append to the file for this text (the gzip header before the first). */
	push(text: Buffer): Buffer {
		const options: zlib.ZlibOptions = {finishFlush: zlib.constants.Z_SYNC_FLUSH};
		if (this.window.length > 0) options.dictionary = this.window;
		const body = zlib.deflateRawSync(text, options);
		this.crc = crc32(text, this.crc);
		this.length = (this.length + text.length) % 2 ** 32;
		const joined = Buffer.concat([this.window, text]);
		this.window = joined.length > WINDOW ? Buffer.from(joined.subarray(joined.length - WINDOW)) : joined;
		if (this.started) return body;
		this.started = true;
		return Buffer.concat([HEADER, body]);
	}

	/** The bytes that close the stream. */
	end(): Buffer {
		const trailer = Buffer.alloc(8);
		trailer.writeUInt32LE(this.crc >>> 0, 0);
		trailer.writeUInt32LE(this.length, 4);
		return Buffer.concat([this.started ? Buffer.alloc(0) : HEADER, FINAL_BLOCK, trailer]);
	}
}

/** zlib.crc32 (Node ≥ 20.15), or the same sum from a table on an older Node 20. */
function crc32(data: Buffer, previous: number): number {
	const native = (zlib as {crc32?: (data: Buffer, value: number) => number}).crc32;
	return native ? native(data, previous) : tableCrc32(data, previous);
}

let table: Uint32Array | null = null;

/** CRC-32 (IEEE), continuing from `previous`: the fallback for a Node without zlib.crc32. */
export function tableCrc32(data: Buffer, previous: number): number {
	table ??= Uint32Array.from({length: 256}, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	let crc = ~previous >>> 0;
	for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
	return ~crc >>> 0;
}
