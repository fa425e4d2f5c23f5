// `podlife ARGS` run in-process as the CLI runs it: what it printed, its exit code, and the one line a
// usage or user error says (UserError's message; '' when it ended without one).
import {main} from '../../source/cli/main.js';
import {UserError} from '../../source/errors.js';

export interface MainRun {
	code: number;
	message: string;
	out: string;
}

/** Runs `podlife …args` with stdout a terminal `columns` wide when `isTty`; an error other than a UserError is thrown. */
export async function runMain(args: readonly string[], {isTty = false, columns}: {isTty?: boolean; columns?: number} = {}): Promise<MainRun> {
	let out = '';
	try {
		const code = await main([...args], {write: text => void (out += text), warn: () => {}, isTty, columns});
		return {code, message: '', out};
	} catch (error) {
		if (error instanceof UserError) return {code: error.exitCode, message: error.message, out};
		throw error;
	}
}
