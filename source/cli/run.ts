// Maps every outcome to an exit code and every failure to one line on stderr:
// UserError messages as they are; anything else as "podlife: internal error: …"
// (with the stack only when PODLIFE_DEBUG is set).

import {EXIT_FAILURE, UserError} from '../errors.js';
import {main} from './main.js';

function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').trim();
}

export async function run(argv: string[]): Promise<number> {
	// `podlife … | head` closes stdout early: that is not an error.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
	});
	try {
		return await main(argv, {
			write: text => void process.stdout.write(text),
			warn: text => void process.stderr.write(`podlife: ${oneLine(text)}\n`),
			isTty: Boolean(process.stdout.isTTY),
			columns: process.stdout.columns,
		});
	} catch (error) {
		if (error instanceof UserError) {
			process.stderr.write(`podlife: ${oneLine(error.message)}\n`);
			return error.exitCode;
		}
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`podlife: internal error: ${oneLine(message)} (set PODLIFE_DEBUG=1 for details)\n`);
		if (process.env['PODLIFE_DEBUG']) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
		return EXIT_FAILURE;
	}
}
