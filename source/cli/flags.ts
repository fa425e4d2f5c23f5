// Command-line parsing with meow: kubectl's flag names for the cluster, k9s-like
// keys inside the TUI. Unknown flags, and repeated ones that take one value, are a usage error on one line
// (meow's own reports span lines or are plain Errors). --help / -h is a flag
// like any other: main.ts prints the help of the command it comes with.

import meow from 'meow';
import {UsageError} from '../errors.js';
import {isCommand} from './help.js';

export const FLAG_SPEC = {
	kubeconfig: {type: 'string'},
	context: {type: 'string'},
	// Repeatable: `-n a -n b` watches both (a user allowed in a few namespaces only).
	namespace: {type: 'string', shortFlag: 'n', isMultiple: true},
	allNamespaces: {type: 'boolean', shortFlag: 'A', default: false},
	selector: {type: 'string', shortFlag: 'l'},
	fieldSelector: {type: 'string'},
	output: {type: 'string', shortFlag: 'o'},
	at: {type: 'string'},
	since: {type: 'string'},
	until: {type: 'string'},
	width: {type: 'number'},
	group: {type: 'boolean'},
	pod: {type: 'string'},
	watchFor: {type: 'string'},
	for: {type: 'string'},
	statusCompat: {type: 'string'},
	color: {type: 'boolean', default: true},
	speed: {type: 'number'},
	paused: {type: 'boolean', default: false},
	loop: {type: 'boolean', default: false},
	lenient: {type: 'boolean', default: false},
	duration: {type: 'string'},
	ui: {type: 'boolean', default: true},
	redact: {type: 'boolean', default: true},
	force: {type: 'boolean', default: false},
	logs: {type: 'string'},
	port: {type: 'number'},
	kubeconfigOut: {type: 'string'},
	originalTimes: {type: 'boolean', default: false},
	allowNamespace: {type: 'string', isMultiple: true},
	revokeAfter: {type: 'string'},
	list: {type: 'boolean', default: false},
	view: {type: 'string'},
	help: {type: 'boolean', shortFlag: 'h', default: false},
} as const;

/** "all-namespaces": a flag's name as typed after -- (meow's are camelCase). */
function kebab(name: string): string {
	return name.replace(/[A-Z]/g, c => '-' + c.toLowerCase());
}

/** "--all-namespaces", or "-A/--all-namespaces" for a flag with a short form. */
export function dashed(name: string): string {
	const long = `--${kebab(name)}`;
	const short = (FLAG_SPEC as Record<string, {shortFlag?: string}>)[name]?.shortFlag;
	return short ? `-${short}/${long}` : long;
}

/** Where a usage error points: the command's own help when the command is known. */
function seeHelp(argv: readonly string[]): string {
	const command = argv.find(word => !word.startsWith('-'));
	return isCommand(command) ? `podlife ${command} --help` : 'podlife --help';
}

/** meow over `argv` with `flags`: unknown flags kept for our own message, booleans not given left undefined. */
function meowWith(argv: string[], flags: typeof FLAG_SPEC) {
	return meow({
		importMeta: import.meta,
		argv,
		flags,
		allowUnknownFlags: true,
		booleanDefault: undefined,
		// Help is the command's (main.ts); meow's would print the overview and exit from inside the parser.
		autoHelp: false,
	});
}

export function parseArgs(argv: string[]) {
	let cli;
	try {
		cli = meowWith(argv, FLAG_SPEC);
	} catch (error) {
		// meow throws a plain Error for a flag given twice ("The flag --output can only be set once.").
		const repeated = error instanceof Error ? /The flag --(\w+) can only be set once/.exec(error.message) : null;
		if (repeated) throw new UsageError(`${dashed(repeated[1]!)} was given more than once; give it once (see ${seeHelp(argv)})`);
		throw error;
	}
	const known = new Set<string>([...Object.keys(FLAG_SPEC), 'version']);
	const unknown = Object.keys(cli.flags).filter(name => !known.has(name));
	if (unknown.length > 0) {
		const names = unknown.map(name => (name.length === 1 ? `-${name}` : dashed(name)));
		throw new UsageError(`unknown flag ${names.join(', ')}; see ${seeHelp(argv)}`);
	}
	return cli;
}

export type Flags = ReturnType<typeof parseArgs>['flags'];

/** FLAG_SPEC without its defaults: what meow returns then is what the command line said. */
const SPEC_WITHOUT_DEFAULTS = Object.fromEntries(
	Object.entries(FLAG_SPEC).map(([name, spec]) => {
		const {default: _default, ...rest} = spec as {default?: unknown};
		return [name, rest];
	}),
) as typeof FLAG_SPEC;

/** A flag given on the command line: its FLAG_SPEC name, and how it was typed ("--no-color"). */
export interface GivenFlag {
	name: string;
	typed: string;
}

/** The flags given on the command line, defaults aside. Call after parseArgs (which reports bad ones). */
export function givenFlags(argv: string[]): GivenFlag[] {
	return Object.entries(meowWith(argv, SPEC_WITHOUT_DEFAULTS).flags)
		.filter(([name, value]) => name in FLAG_SPEC && value !== undefined && !(Array.isArray(value) && value.length === 0))
		.map(([name, value]) => ({name, typed: value === false ? `--no-${kebab(name)}` : dashed(name)}));
}
