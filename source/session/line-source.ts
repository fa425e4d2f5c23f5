// Streams the lines of a session file, plain or gzip, without ever holding the
// whole file: a 200 MB session costs one read buffer and one line at a time.
// Gzip is detected by the magic bytes 1f 8b, whatever the file is called
// (SESSION-FORMAT.md, "File"); the first bytes are taken from the stream itself
// rather than a positioned read, so a pipe or FIFO works too.

import {open, type FileHandle} from 'node:fs/promises';
import {Readable, pipeline} from 'node:stream';
import {createGunzip} from 'node:zlib';
import {SessionError} from './session-error.js';

export interface RawLine {
	text: string;
	/** False only for a last line that the file does not end with "\n". */
	terminated: boolean;
}

/** A problem met while streaming; the reader adds the line it happened at. */
export class StreamProblem extends Error {
	constructor(readonly problem: string, readonly atLine: boolean) {
		super(problem);
	}
}

export interface LineSource {
	lines: AsyncGenerator<RawLine>;
	/** Bytes read from the file so far (compressed bytes for gzip). */
	readonly bytesRead: number;
	readonly gzip: boolean;
	/** The gzip stream ended before its end (a compressed recording that was killed). */
	readonly truncated: boolean;
	close(): void;
}

const READ_CHUNK = 64 * 1024;

function describeFsError(file: string, error: unknown): SessionError {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'ENOENT') return new SessionError(file, undefined, 'file not found');
	if (code === 'EACCES' || code === 'EPERM') return new SessionError(file, undefined, 'cannot read the file (permission denied)');
	if (code === 'EISDIR') return new SessionError(file, undefined, 'is a directory, not a session file');
	const message = error instanceof Error ? error.message : String(error);
	return new SessionError(file, undefined, `cannot read the file (${message})`);
}

const ZLIB_CODES = new Set(['Z_DATA_ERROR', 'Z_BUF_ERROR', 'Z_STREAM_ERROR', 'Z_NEED_DICT', 'Z_MEM_ERROR']);

export async function openLineSource(file: string): Promise<LineSource> {
	let handle: FileHandle;
	try {
		handle = await open(file, 'r');
	} catch (error) {
		throw describeFsError(file, error);
	}
	const stream = handle.createReadStream({highWaterMark: READ_CHUNK});
	const raw = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;

	// Gather at least two bytes to look for the gzip magic.
	let head = Buffer.alloc(0);
	let rawDone = false;
	try {
		while (head.length < 2) {
			const next = await raw.next();
			if (next.done) {
				rawDone = true;
				break;
			}
			head = Buffer.concat([head, next.value]);
		}
	} catch (error) {
		stream.destroy();
		throw describeFsError(file, error);
	}
	const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

	async function* fileChunks(): AsyncGenerator<Buffer> {
		if (head.length > 0) yield head;
		if (rawDone) return;
		while (true) {
			let next: IteratorResult<Buffer>;
			try {
				next = await raw.next();
			} catch (error) {
				throw describeFsError(file, error);
			}
			if (next.done) return;
			yield next.value;
		}
	}

	let truncated = false;
	let chunks: AsyncGenerator<Buffer>;
	if (gzip) {
		const gunzip = createGunzip();
		const compressed = Readable.from(fileChunks(), {objectMode: false});
		// pipeline passes a read error on to gunzip, whose iterator then throws it.
		pipeline(compressed, gunzip, () => {});
		chunks = (async function* () {
			try {
				for await (const chunk of gunzip) yield chunk as Buffer;
			} catch (error) {
				if (error instanceof SessionError) throw error;
				const code = (error as NodeJS.ErrnoException).code ?? '';
				if (code === 'Z_BUF_ERROR') {
					// "unexpected end of file": the data before the cut has been delivered.
					truncated = true;
					return;
				}
				if (ZLIB_CODES.has(code)) throw new StreamProblem(`gzip data is corrupt (${(error as Error).message})`, true);
				throw describeFsError(file, error);
			}
		})();
	} else {
		chunks = fileChunks();
	}

	async function* splitLines(): AsyncGenerator<RawLine> {
		// Split on the byte 0x0a: it never occurs inside a multi-byte UTF-8
		// sequence, so each line can be decoded on its own.
		let pending: Buffer[] = [];
		try {
			for await (const chunk of chunks) {
				let start = 0;
				let newline = chunk.indexOf(0x0a, start);
				while (newline !== -1) {
					const piece = chunk.subarray(start, newline);
					const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
					pending = [];
					yield {text: line.toString('utf8'), terminated: true};
					start = newline + 1;
					newline = chunk.indexOf(0x0a, start);
				}
				if (start < chunk.length) pending.push(chunk.subarray(start));
			}
			if (pending.length > 0) yield {text: Buffer.concat(pending).toString('utf8'), terminated: false};
		} finally {
			stream.destroy();
		}
	}

	return {
		lines: splitLines(),
		get bytesRead() {
			return stream.bytesRead;
		},
		gzip,
		get truncated() {
			return truncated;
		},
		close() {
			stream.destroy();
		},
	};
}
