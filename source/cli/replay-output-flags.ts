// A replay flag that the chosen way of showing the session does not read would do nothing, without
// a word: `replay -o table --speed 4` prints the same table as without it. Like a flag of another
// command (main.ts), it is a usage error that says who reads it and why this output does not.

import {UsageError} from '../errors.js';
import type {Flags} from './flags.js';

/** What each output prints of the session: why the TUI's playing flags mean nothing to it. */
const PRINTS: Record<string, string> = {
	table: 'prints one moment: --at picks it',
	wide: 'prints one moment: --at picks it',
	json: 'prints one moment: --at picks it',
	check: 'judges one moment: --at picks it',
	lanes: 'draws a window at once: --since, --until and --at pick it',
	ndjson: 'prints every pod entry up to --at at once',
	trace: 'writes every life up to --at at once',
	timeline: "prints the pod's whole history at once",
};

/** `output`: the --output given (validated), or undefined for the TUI. Throws a UsageError for a flag it would ignore. */
export function refuseFlagsTheReplayIgnores(flags: Flags, output: string | undefined): void {
	if (flags.pod !== undefined && output !== 'timeline') {
		throw new UsageError(`--pod is for --output timeline (got ${output === undefined ? 'the TUI' : `--output ${output}`})`);
	}
	if (output === undefined) return;
	if (output === 'timeline' && flags.at !== undefined) throw new UsageError(`--at is not read by --output timeline, which ${PRINTS['timeline']}`);
	const playing = [flags.speed !== undefined && '--speed', flags.paused === true && '--paused', flags.loop === true && '--loop'].find(Boolean);
	if (playing) throw new UsageError(`${playing} is for the TUI, which plays the session; --output ${output} ${PRINTS[output]}`);
}
