// Streams the lines of a session file, plain or gzip, without ever holding the
// whole file: a 200 MB session costs one read buffer and the lines of one chunk at a time.
// Gzip is detected by the magic bytes 1f 8b, whatever the file is called
// (SESSION-FORMAT.md, "File"); the first bytes are taken from the stream itself
// rather than a positioned read, so a pipe or FIFO works too.

import {open, type FileHandle} from 'node:fs/promises';
import {Readable, pipeline} from 'node:stream';
import {createGunzip} from 'node:zlib';
import {SessionError} from './session-error.js';

/**
 * The whole lines of one read chunk (64 KB): the reader checks them in one synchronous loop, so a
 * session costs one await per chunk, not one per line.
 */
export interface LineBatch {
	lines: string[];
	/** False only when the last of `lines` is the file's last line and the file does not end with "\n". */
	terminated: boolean;
	/** Indices in `lines` of lines longer than the limit: their text was dropped unread ('' stands in). */
	tooLong?: readonly number[];
}

/**
 * The longest line a session may hold. A line is one API object, and the API server stores objects
 * of at most about 1.5 MiB (etcd's request limit): a line ten times that is not a session entry,
 * and holding it (a file with one 640 MB line) would cost its size in memory, past what a string can be.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** "16 MiB": the limit as a message says it. */
export function byteSize(bytes: number): string {
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
	if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
	return `${bytes} bytes`;
}

/** A problem met while streaming; the reader adds the line it happened at. */
export class StreamProblem extends Error {
	constructor(
		readonly problem: string,
		readonly atLine: boolean,
	) {
		super(problem);
	}
}

export interface LineSource {
	/** Never yields an empty batch. */
	batches: AsyncGenerator<LineBatch>;
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
	// Each says what to do too: a newcomer who typed a path wrong learns where sessions are.
	if (code === 'ENOENT')
		return new SessionError(file, undefined, 'file not found; check the path (`podlife demo --list` lists the sessions podlife comes with)');
	if (code === 'EACCES' || code === 'EPERM') return new SessionError(file, undefined, 'cannot read the file (permission denied); check its permissions');
	if (code === 'EISDIR') return new SessionError(file, undefined, 'is a directory, not a session file; name a file `podlife record` wrote');
	const message = error instanceof Error ? error.message : String(error);
	return new SessionError(file, undefined, `cannot read the file (${message})`);
}

const ZLIB_CODES = new Set(['Z_DATA_ERROR', 'Z_BUF_ERROR', 'Z_STREAM_ERROR', 'Z_NEED_DICT', 'Z_MEM_ERROR']);

export async function openLineSource(file: string, maxLineBytes = MAX_LINE_BYTES): Promise<LineSource> {
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

	async function* splitLines(): AsyncGenerator<LineBatch> {
		// Split on the byte 0x0a: it never occurs inside a multi-byte UTF-8 sequence, so each line can
		// be decoded on its own. Each line is decoded into a string of its own (not a slice of the
		// chunk's string): a caller that keeps a line's text must not pin its whole chunk.
		// A line past maxLineBytes is dropped as it streams by (`dropping`), never held.
		let pending: Buffer[] = [];
		let pendingBytes = 0;
		let dropping = false;
		try {
			for await (const chunk of chunks) {
				const lines: string[] = [];
				const tooLong: number[] = [];
				let start = 0;
				let newline = chunk.indexOf(0x0a, start);
				while (newline !== -1) {
					if (dropping || pendingBytes + newline - start > maxLineBytes) {
						tooLong.push(lines.length);
						lines.push('');
					} else if (pending.length === 0) {
						lines.push(chunk.toString('utf8', start, newline));
					} else {
						pending.push(chunk.subarray(start, newline));
						lines.push(Buffer.concat(pending).toString('utf8'));
					}
					pending = [];
					pendingBytes = 0;
					dropping = false;
					start = newline + 1;
					newline = chunk.indexOf(0x0a, start);
				}
				if (start < chunk.length) {
					pendingBytes += chunk.length - start;
					if (pendingBytes > maxLineBytes) {
						dropping = true;
						pending = [];
					} else {
						pending.push(chunk.subarray(start));
					}
				}
				if (lines.length > 0) yield tooLong.length > 0 ? {lines, terminated: true, tooLong} : {lines, terminated: true};
			}
			if (dropping) yield {lines: [''], terminated: false, tooLong: [0]};
			else if (pending.length > 0) yield {lines: [Buffer.concat(pending).toString('utf8')], terminated: false};
		} finally {
			stream.destroy();
		}
	}

	return {
		batches: splitLines(),
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
