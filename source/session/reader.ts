// Reads a session file (SESSION-FORMAT.md) as a stream of entries. openSession
// reads and checks the header only; entryBatches() streams the rest one read
// chunk (64 KB) at a time, so a session of any size costs memory for one chunk's
// lines; entries() hands the same out one by one.
//
// Bad input (the "Reading bad input" rules):
// - strict (default): the first bad line stops the read with a SessionError
//   `<file>:<line>: <problem>`;
// - lenient: bad lines are skipped, counted in `skipped` and described in
//   `warnings` (the first MAX_LISTED, then one summary line).
// - A last line cut off in the middle (no final "\n" and not JSON), or a gzip
//   stream that stops early, is how a killed recording looks: not an error, the
//   session ends at the last whole line with a warning, in both modes.
// - Blank lines: blank (or whitespace-only) lines at the end of the file are
//   ignored, since an editor may add them; a blank line followed by more entries
//   is a bad line ("empty line is not JSON"), as any other non-JSON line.
// - The header is never skipped: a bad header is an error in both modes.
// - A line longer than maxLineBytes (MAX_LINE_BYTES) is a bad line, dropped unread.
// - An entry of a type this reader does not know (one a later recorder adds) is skipped without a word, as
//   the contract says ("Container logs"); its `t` still has to be in order.

import type {SessionEntry, SessionHeader} from './format.js';
import {byteSize, MAX_LINE_BYTES, openLineSource, StreamProblem, type LineBatch, type LineSource} from './line-source.js';
import {SessionError} from './session-error.js';
import {parseHeaderLine, parseSessionLine} from './validate.js';

export {SessionError} from './session-error.js';

export interface ReadOptions {
	/** Skip bad lines (counting and describing them) instead of stopping at the first. */
	lenient?: boolean;
	/** Lines longer than this many bytes are bad lines (default MAX_LINE_BYTES; tests shrink it). */
	maxLineBytes?: number;
}

export interface SessionReader {
	header: SessionHeader;
	file: string;
	/**
	 * Streams the entries after the header with their line numbers and their
	 * line's text as read (JSON.parse(text) gives the entry again: a reader that
	 * keeps entries as text need not serialise them anew). Each call starts a new
	 * pass from the top of the file (and resets warnings/skipped).
	 */
	entries(): AsyncGenerator<SessionLine>;
	/**
	 * The same pass as entries(), a read chunk's entries at a time (never an empty array): one
	 * await per 64 KB instead of one per entry, for callers that apply thousands of entries.
	 * A bad line (strict mode) ends the pass after the batch of the good lines before it.
	 */
	entryBatches(): AsyncGenerator<SessionLine[]>;
	/** Warnings of the current pass: cut-off last line, skipped lines (lenient). */
	readonly warnings: string[];
	/**
	 * The warnings of the current pass about lines up to `line`: what a reader that stopped after
	 * that line would have been told, for a caller that stops inside a batch (replay up to a moment).
	 */
	warningsThrough(line: number): string[];
	/** Bad lines skipped in the current pass (lenient mode). */
	readonly skipped: number;
	/** Bytes read from the file so far in the current pass (compressed bytes for gzip). */
	readonly bytesRead: number;
	/** Releases the file when a pass is abandoned early. Safe to call at any time. */
	close(): Promise<void>;
}

/** One entry of a session as entries() yields it. */
export interface SessionLine {
	entry: SessionEntry;
	/** 1-based line number in the file (the header is line 1). */
	line: number;
	/** The line's text, without its line ending. */
	text: string;
}

/** How many skipped lines lenient mode describes one by one. */
export const MAX_LISTED = 20;

async function nextBatch(file: string, source: LineSource, line: number): Promise<IteratorResult<LineBatch>> {
	try {
		return await source.batches.next();
	} catch (error) {
		if (error instanceof StreamProblem) throw new SessionError(file, error.atLine ? line : undefined, error.problem);
		throw error;
	}
}

/** A source past its header line, with the lines read along with the header. */
interface OpenedSource {
	source: LineSource;
	/** The lines of the header's chunk after the header; null when there are none. */
	rest: LineBatch | null;
}

function tooLongProblem(maxLineBytes: number): string {
	return `line is longer than ${byteSize(maxLineBytes)}, more than any API object takes: not a session entry`;
}

/** What to do about a file that is no session at all (a kubectl manifest, a log): what podlife reads, and where samples are. */
const NOT_A_SESSION_HINT = '; podlife reads the files `podlife record` writes (`podlife demo --list` lists sample ones)';

async function openPastHeader(file: string, maxLineBytes: number): Promise<OpenedSource & {header: SessionHeader}> {
	const source = await openLineSource(file, maxLineBytes);
	try {
		const first = await nextBatch(file, source, 1);
		if (first.done) {
			if (source.truncated) throw new SessionError(file, undefined, 'gzip stream is cut off before the session header');
			throw new SessionError(file, undefined, `empty file, not a session (line 1 must be the session header)${NOT_A_SESSION_HINT}`);
		}
		if (first.value.tooLong?.includes(0))
			throw new SessionError(file, 1, `not a podlife session: line 1 is longer than ${byteSize(maxLineBytes)}${NOT_A_SESSION_HINT}`);
		const header = parseHeaderLine(first.value.lines[0]!);
		// A header of another version or with a bad field is a session still: its problem says what podlife reads.
		if (!header.ok) throw new SessionError(file, 1, header.problem.startsWith('not a podlife session') ? header.problem + NOT_A_SESSION_HINT : header.problem);
		const tooLong = first.value.tooLong?.map(index => index - 1);
		const rest = first.value.lines.length > 1 ? {lines: first.value.lines.slice(1), terminated: first.value.terminated, tooLong} : null;
		return {source, rest, header: header.value};
	} catch (error) {
		source.close();
		throw error;
	}
}

class SessionFileReader implements SessionReader {
	readonly warnings: string[] = [];
	/** The line each warning is about (Infinity for those about the whole pass). */
	private readonly warningLines: number[] = [];
	private skippedLines = 0;
	private source: LineSource | undefined;
	/** The source opened by openSession, handed to the first pass. */
	private fresh: OpenedSource | undefined;

	constructor(
		readonly file: string,
		readonly header: SessionHeader,
		opened: OpenedSource,
		private readonly lenient: boolean,
		private readonly maxLineBytes: number,
	) {
		this.source = opened.source;
		this.fresh = opened;
	}

	get skipped(): number {
		return this.skippedLines;
	}

	get bytesRead(): number {
		return this.source?.bytesRead ?? 0;
	}

	async close(): Promise<void> {
		this.source?.close();
		this.fresh = undefined;
	}

	warningsThrough(line: number): string[] {
		return this.warnings.filter((_, index) => this.warningLines[index]! <= line);
	}

	async *entries(): AsyncGenerator<SessionLine> {
		for await (const batch of this.entryBatches()) yield* batch;
	}

	async *entryBatches(): AsyncGenerator<SessionLine[]> {
		const {file, lenient} = this;
		let opened = this.fresh;
		this.fresh = undefined;
		if (opened === undefined) {
			this.source?.close();
			// A later pass: open again and step over the header, checked already.
			opened = await openPastHeader(file, this.maxLineBytes);
			this.source = opened.source;
		}
		const {source} = opened;
		let pendingBatch = opened.rest;
		this.warnings.length = 0;
		this.warningLines.length = 0;
		this.skippedLines = 0;
		const warn = (line: number, warning: string): void => {
			this.warnings.push(warning);
			this.warningLines.push(line);
		};
		/** Lenient: count and describe the bad line; strict: the problem that ends the pass. */
		const bad = (line: number, problem: string): SessionError | null => {
			if (!lenient) return new SessionError(file, line, problem);
			this.skippedLines++;
			if (this.skippedLines <= MAX_LISTED) warn(line, `${file}:${line}: ${problem} (skipped)`);
			return null;
		};

		let line = 1;
		let lastWhole = 1;
		let previousT = 0;
		let cutOff = false;
		let ended = false;
		const blanks: number[] = [];
		try {
			while (!ended) {
				let batch = pendingBatch;
				pendingBatch = null;
				if (batch === null) {
					const next = await nextBatch(file, source, line + 1);
					if (next.done) break;
					batch = next.value;
				}
				const {lines, terminated, tooLong = []} = batch;
				const out: SessionLine[] = [];
				let failure: SessionError | null = null;
				for (let index = 0; index < lines.length; index++) {
					const text = lines[index]!;
					line++;
					const whole = terminated || index < lines.length - 1;
					if (!whole && source.truncated) {
						// The gzip stream stopped inside this line: drop it, whatever it holds.
						ended = true;
						break;
					}
					if (tooLong.length > 0 && tooLong.includes(index)) {
						failure = bad(line, tooLongProblem(this.maxLineBytes));
						if (failure) break;
						continue;
					}
					if (text.trim() === '') {
						if (whole) blanks.push(line);
						continue;
					}
					if (blanks.length > 0) {
						for (const blank of blanks.splice(0)) {
							failure = bad(blank, 'empty line is not JSON');
							if (failure) break;
						}
						if (failure) break;
					}
					const parsed = parseSessionLine(text, previousT);
					if (!parsed.ok) {
						if (!whole && parsed.notJson) {
							warn(line, `${file}:${line}: last line is cut off (recording was interrupted); the session ends at line ${lastWhole}`);
							cutOff = true;
							ended = true;
							break;
						}
						failure = bad(line, parsed.problem);
						if (failure) break;
						continue;
					}
					lastWhole = line;
					if (parsed.value === null) {
						// A type this reader does not know: skipped, its t kept for the order check.
						previousT = parsed.t;
						continue;
					}
					previousT = parsed.value.t;
					out.push({entry: parsed.value, line, text});
				}
				// The good lines before a bad one are delivered before the error, as one by one.
				if (out.length > 0) yield out;
				if (failure) throw failure;
			}
			if (source.truncated && !cutOff) {
				warn(Infinity, `${file}:${lastWhole + 1}: gzip stream is cut off (recording was interrupted); the session ends at line ${lastWhole}`);
			}
			if (this.skippedLines > MAX_LISTED) {
				warn(Infinity, `${file}: ${this.skippedLines} bad lines skipped in all; only the first ${MAX_LISTED} are listed`);
			}
		} finally {
			source.close();
		}
	}
}

/** Opens a session and checks its header; throws SessionError for a missing, unreadable or non-session file. */
export async function openSession(path: string, options: ReadOptions = {}): Promise<SessionReader> {
	const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
	const {header, ...opened} = await openPastHeader(path, maxLineBytes);
	return new SessionFileReader(path, header, opened, options.lenient ?? false, maxLineBytes);
}

/** Reads a whole session into memory: for small files and tests. */
export async function readSession(
	path: string,
	options: ReadOptions = {},
): Promise<{header: SessionHeader; entries: SessionEntry[]; warnings: string[]; skipped: number}> {
	const session = await openSession(path, options);
	const entries: SessionEntry[] = [];
	for await (const batch of session.entryBatches()) for (const {entry} of batch) entries.push(entry);
	return {header: session.header, entries, warnings: [...session.warnings], skipped: session.skipped};
}
