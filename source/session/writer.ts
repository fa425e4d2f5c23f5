// Writes a session file (SESSION-FORMAT.md, "Writing"). Each entry is one
// writeSync of one whole line straight to the file descriptor, with no buffer
// in this process: a recording killed at any moment leaves a valid session up
// to its last whole line (at worst a cut-off last line, which readers accept).
// A name ending in .gz is written gzip-compressed the same way: each line's
// compressed bytes go out with the line (gzip-lines.ts), so a killed
// recording decompresses up to its last whole line too.
// No fsync: surviving a process kill needs the kernel to have the bytes, not the disk.

import {closeSync, openSync, writeSync} from 'node:fs';
import type {SessionEntry, SessionHeader} from './format.js';
import {GzipLines} from './gzip-lines.js';
import {redactObject} from './redact.js';
import {SessionError} from './session-error.js';
import {checkEntry, checkHeader} from './validate.js';

export interface SessionWriterOptions {
	/** Redact env values, last-applied annotations and managedFields (default true). */
	redact?: boolean;
	/** Write gzip (default: when the name ends in .gz). */
	gzip?: boolean;
	/** Replace an existing file (default false: an existing file is an error). */
	overwrite?: boolean;
}

/** True when `path` names a file a writer would compress. */
export function isGzipName(path: string): boolean {
	return path.toLowerCase().endsWith('.gz');
}

function describeOpenError(file: string, error: unknown): SessionError {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'EEXIST') return existsError(file);
	if (code === 'ENOENT') return new SessionError(file, undefined, 'cannot write the session (the folder does not exist)');
	if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
		return new SessionError(file, undefined, 'cannot write the session (permission denied)');
	}
	if (code === 'EISDIR') return new SessionError(file, undefined, 'cannot write the session (it is a directory)');
	const message = error instanceof Error ? error.message : String(error);
	return new SessionError(file, undefined, `cannot write the session (${message})`);
}

/** What a user reads when the session file is already there: how to replace it, or not to. */
export function existsError(file: string): SessionError {
	return new SessionError(file, undefined, 'already exists; pass --force to replace it, or record to another name');
}

export class SessionWriter {
	private fd: number | undefined;
	private written = 0;
	private previousT = 0;

	private constructor(
		readonly file: string,
		fd: number,
		private readonly redact: boolean,
		private readonly gzip: GzipLines | null,
	) {
		this.fd = fd;
	}

	/** Creates `path` (or truncates it, with `overwrite`) and writes the header line. */
	static open(path: string, header: SessionHeader, options: SessionWriterOptions = {}): SessionWriter {
		const checked = checkHeader(header);
		// A bad header is a bug in podlife, not something the user did.
		if (!checked.ok) throw new Error(`SessionWriter: invalid header: ${checked.problem}`);
		let fd: number;
		try {
			fd = openSync(path, options.overwrite ? 'w' : 'wx');
		} catch (error) {
			throw describeOpenError(path, error);
		}
		const gzip = (options.gzip ?? isGzipName(path)) ? new GzipLines() : null;
		const writer = new SessionWriter(path, fd, options.redact ?? true, gzip);
		writer.writeLine(header);
		return writer;
	}

	get entriesWritten(): number {
		return this.written;
	}

	write(entry: SessionEntry): void {
		if (this.fd === undefined) throw new Error(`SessionWriter: write after close (${this.file})`);
		// Never write what a reader would refuse; t order is the recorder's duty.
		const checked = checkEntry(entry, this.previousT);
		if (!checked.ok) throw new Error(`SessionWriter: entry ${this.written + 1} of ${this.file}: ${checked.problem}`);
		this.writeLine(this.redact ? redactObject(entry) : entry);
		this.previousT = entry.t;
		this.written++;
	}

	close(): void {
		if (this.fd === undefined) return;
		if (this.gzip) this.writeBytes(this.gzip.end());
		closeSync(this.fd);
		this.fd = undefined;
	}

	private writeLine(value: unknown): void {
		if (this.fd === undefined) return;
		// JSON.stringify escapes every newline inside strings, so this is one line.
		const line = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
		this.writeBytes(this.gzip ? this.gzip.push(line) : line);
	}

	private writeBytes(bytes: Buffer): void {
		let offset = 0;
		while (offset < bytes.length) offset += writeSync(this.fd!, bytes, offset, bytes.length - offset);
	}
}
