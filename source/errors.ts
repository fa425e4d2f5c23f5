// Every failure a user can cause or meet becomes a UserError: one line on stderr
// that says what happened and what to do, and an exit code. The CLI prints
// `podlife: <message>` and never a stack trace for these.

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** `podlife check`: some pods are failing or crash-looping. */
export const EXIT_UNHEALTHY = 3;

export class UserError extends Error {
	readonly exitCode: number;

	constructor(message: string, exitCode: number = EXIT_FAILURE) {
		super(message);
		this.name = 'UserError';
		this.exitCode = exitCode;
	}
}

export class UsageError extends UserError {
	constructor(message: string) {
		super(message, EXIT_USAGE);
		this.name = 'UsageError';
	}
}
