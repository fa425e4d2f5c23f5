// What to run instead when the TUI cannot start (stdout is a pipe or a file): the user's own
// command line, with the text output in place of the TUI. Their namespaces, selectors, --at and
// kubeconfig stay (a suggestion without them would print other pods); the flags only the TUI reads
// go, since the text outputs refuse them (replay-output-flags.ts), and --view lanes becomes
// --output lanes.

import {FLAG_SPEC} from './flags.js';

type Spec = {type: string; shortFlag?: string};
const SPECS = FLAG_SPEC as Record<string, Spec>;

/** The flags only the TUI reads: how it plays and what it opens on. */
const TUI_ONLY = new Set(['view', 'speed', 'paused', 'loop']);

function camel(name: string): string {
	return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The spec name of a token that is a flag ("--speed=4", "--no-paused", "-n"), or undefined. */
function flagName(token: string): string | undefined {
	if (token.startsWith('--no-')) {
		const name = camel(token.slice(5));
		if (SPECS[name]?.type === 'boolean') return name;
	}
	if (token.startsWith('--')) {
		const name = camel(token.slice(2).split('=')[0]!);
		return name in SPECS ? name : undefined;
	}
	if (/^-[a-zA-Z]$/.test(token)) return Object.keys(SPECS).find(name => SPECS[name]!.shortFlag === token.slice(1));
	return undefined;
}

/** A word as a shell takes it: quoted when it holds anything but plain characters. */
function shellWord(text: string): string {
	return /^[\w./@:+=,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * `args`: the command line after `podlife`, as parsed (main.ts's joinNegativeAt applied).
 * `instead`: what replaces the TUI, e.g. "--output table (or json, ndjson)" or "--no-ui".
 */
export function textInstead(args: readonly string[], instead: string): string {
	const kept: string[] = [];
	let lanes = false;
	for (let i = 0; i < args.length; i++) {
		const token = args[i]!;
		const name = flagName(token);
		const takesValue = name !== undefined && SPECS[name]!.type !== 'boolean' && !token.includes('=');
		const value = takesValue ? args[i + 1] : undefined;
		if (name === 'view') lanes = (value ?? token.split('=')[1]) === 'lanes';
		if (name === undefined || !TUI_ONLY.has(name)) kept.push(token, ...(value === undefined ? [] : [value]));
		if (takesValue) i++;
	}
	const replacement = lanes && instead.startsWith('--output') ? '--output lanes' : instead;
	return ['podlife', ...kept.map(shellWord), replacement].join(' ');
}
