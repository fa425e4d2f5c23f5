// The one error a user meets from a session file: one line that names the file,
// the line (when there is one) and what is wrong, e.g.
// `crash.ndjson:17: t goes backwards (1200 after 1532)`. Exit code 1.

import {UserError} from '../errors.js';

export class SessionError extends UserError {
	readonly file: string;
	/** 1-based line number; undefined for problems with the file as a whole. */
	readonly line: number | undefined;
	/** The problem alone, without file and line. */
	readonly problem: string;

	constructor(file: string, line: number | undefined, problem: string) {
		super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
		this.name = 'SessionError';
		this.file = file;
		this.line = line;
		this.problem = problem;
	}
}
