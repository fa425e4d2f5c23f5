// Command-line parsing with meow: kubectl's flag names for the cluster, k9s-like
// keys inside the TUI. Unknown flags are a usage error on one line (meow's own
// report spans lines).

import meow from 'meow';
import {UsageError} from '../errors.js';
import {HELP} from './help.js';

export const FLAG_SPEC = {
	kubeconfig: {type: 'string'},
	context: {type: 'string'},
	namespace: {type: 'string', shortFlag: 'n'},
	allNamespaces: {type: 'boolean', shortFlag: 'A', default: false},
	selector: {type: 'string', shortFlag: 'l'},
	fieldSelector: {type: 'string'},
	output: {type: 'string', shortFlag: 'o'},
	at: {type: 'string'},
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
	port: {type: 'number'},
	kubeconfigOut: {type: 'string'},
	list: {type: 'boolean', default: false},
} as const;

export function parseArgs(argv: string[]) {
	const cli = meow(HELP, {
		importMeta: import.meta,
		argv,
		flags: FLAG_SPEC,
		allowUnknownFlags: true,
		booleanDefault: undefined,
	});
	const known = new Set<string>([...Object.keys(FLAG_SPEC), 'help', 'version']);
	const unknown = Object.keys(cli.flags).filter(name => !known.has(name));
	if (unknown.length > 0) {
		const dashed = unknown.map(name => (name.length === 1 ? `-${name}` : `--${name.replace(/[A-Z]/g, c => '-' + c.toLowerCase())}`));
		throw new UsageError(`unknown flag ${dashed.join(', ')}; see podlife --help`);
	}
	return cli;
}

export type Flags = ReturnType<typeof parseArgs>['flags'];
