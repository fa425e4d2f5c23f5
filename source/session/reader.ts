// Reads a session file (SESSION-FORMAT.md) as a stream of entries. openSession
// reads and checks the header only; entries() streams the rest one line at a
// time, so a session of any size costs memory for one line.
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

import type {SessionEntry, SessionHeader} from './format.js';
import {openLineSource, StreamProblem, type LineSource, type RawLine} from './line-source.js';
import {SessionError} from './session-error.js';
import {parseHeaderLine, parseSessionLine} from './validate.js';

export {SessionError} from './session-error.js';

export interface ReadOptions {
	/** Skip bad lines (counting and describing them) instead of stopping at the first. */
	lenient?: boolean;
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
	/** Warnings of the current pass: cut-off last line, skipped lines (lenient). */
	readonly warnings: string[];
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

async function nextLine(file: string, source: LineSource, line: number): Promise<IteratorResult<RawLine>> {
	try {
		return await source.lines.next();
	} catch (error) {
		if (error instanceof StreamProblem) throw new SessionError(file, error.atLine ? line : undefined, error.problem);
		throw error;
	}
}

async function openAndReadHeader(file: string): Promise<{source: LineSource; header: SessionHeader}> {
	const source = await openLineSource(file);
	try {
		const first = await nextLine(file, source, 1);
		if (first.done) {
			if (source.truncated) throw new SessionError(file, undefined, 'gzip stream is cut off before the session header');
			throw new SessionError(file, undefined, 'empty file, not a session (line 1 must be the session header)');
		}
		const header = parseHeaderLine(first.value.text);
		if (!header.ok) throw new SessionError(file, 1, header.problem);
		return {source, header: header.value};
	} catch (error) {
		source.close();
		throw error;
	}
}

class SessionFileReader implements SessionReader {
	readonly warnings: string[] = [];
	private skippedLines = 0;
	private source: LineSource | undefined;
	/** The source opened by openSession, handed to the first pass. */
	private fresh: LineSource | undefined;

	constructor(
		readonly file: string,
		readonly header: SessionHeader,
		source: LineSource,
		private readonly lenient: boolean,
	) {
		this.source = source;
		this.fresh = source;
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

	async *entries(): AsyncGenerator<SessionLine> {
		const {file} = this;
		let source = this.fresh;
		this.fresh = undefined;
		if (source === undefined) {
			this.source?.close();
			// A later pass: open again and step over the header, checked already.
			source = await openLineSource(file);
			this.source = source;
			await nextLine(file, source, 1);
		}
		this.warnings.length = 0;
		this.skippedLines = 0;
		const bad = (line: number, problem: string): void => {
			if (!this.lenient) throw new SessionError(file, line, problem);
			this.skippedLines++;
			if (this.skippedLines <= MAX_LISTED) this.warnings.push(`${file}:${line}: ${problem} (skipped)`);
		};

		let line = 1;
		let lastWhole = 1;
		let previousT = 0;
		let cutOff = false;
		const blanks: number[] = [];
		try {
			while (true) {
				const next = await nextLine(file, source, line + 1);
				if (next.done) break;
				line++;
				const raw = next.value;
				if (!raw.terminated && source.truncated) {
					// The gzip stream stopped inside this line: drop it, whatever it holds.
					break;
				}
				if (raw.text.trim() === '') {
					if (raw.terminated) blanks.push(line);
					continue;
				}
				for (const blank of blanks.splice(0)) bad(blank, 'empty line is not JSON');
				const parsed = parseSessionLine(raw.text, previousT);
				if (!parsed.ok) {
					if (!raw.terminated && parsed.notJson) {
						this.warnings.push(
							`${file}:${line}: last line is cut off (recording was interrupted); the session ends at line ${lastWhole}`,
						);
						cutOff = true;
						break;
					}
					bad(line, parsed.problem);
					continue;
				}
				previousT = parsed.value.t;
				lastWhole = line;
				yield {entry: parsed.value, line, text: raw.text};
			}
			if (source.truncated && !cutOff) {
				this.warnings.push(
					`${file}:${lastWhole + 1}: gzip stream is cut off (recording was interrupted); the session ends at line ${lastWhole}`,
				);
			}
			if (this.skippedLines > MAX_LISTED) {
				this.warnings.push(`${file}: ${this.skippedLines} bad lines skipped in all; only the first ${MAX_LISTED} are listed`);
			}
		} finally {
			source.close();
		}
	}
}

/** Opens a session and checks its header; throws SessionError for a missing, unreadable or non-session file. */
export async function openSession(path: string, options: ReadOptions = {}): Promise<SessionReader> {
	const {source, header} = await openAndReadHeader(path);
	return new SessionFileReader(path, header, source, options.lenient ?? false);
}

/** Reads a whole session into memory: for small files and tests. */
export async function readSession(
	path: string,
	options: ReadOptions = {},
): Promise<{header: SessionHeader; entries: SessionEntry[]; warnings: string[]; skipped: number}> {
	const session = await openSession(path, options);
	const entries: SessionEntry[] = [];
	for await (const {entry} of session.entries()) entries.push(entry);
	return {header: session.header, entries, warnings: [...session.warnings], skipped: session.skipped};
}
