// The `:` command line, as k9s has it, live and in replay: `q` / `quit` quits,
// `ns NAME` shows one namespace (`ns all` or `ns -`: every one), and in replay a
// time goes there (view/goto-time.ts has the grammar). Tab completes a command
// word or a namespace name. Pure: the app runs what parseCommand returns.

import {parseTime, spanText, timeExamples, type SessionSpan, type TypedTime} from './goto-time.js';

export type Command =
	| {kind: 'none'}
	| {kind: 'quit'}
	/** null: every namespace. */
	| {kind: 'namespace'; namespace: string | null}
	| {kind: 'time'; time: TypedTime}
	| {kind: 'error'; problem: string};

const QUIT = new Set(['q', 'q!', 'quit', 'exit']);
const NAMESPACE = new Set(['ns', 'namespace', 'namespaces']);
const ALL = new Set(['all', '-', '*']);
/** Command words Tab completes, in the order a prefix prefers them. */
const WORDS = ['ns', 'quit'];
/** How many namespaces a one-line message lists. */
const LISTED = 6;

/** "a, b, c" or "a, b, … (12 in all)": the namespaces for a one-line message. */
function namespaceList(namespaces: readonly string[]): string {
	if (namespaces.length === 0) return 'none yet';
	const shown = namespaces.slice(0, LISTED).join(', ');
	return namespaces.length > LISTED ? `${shown}, … (${namespaces.length} in all)` : shown;
}

/** What `text` asks for; `namespaces`: those of the pods in the store; `span`: the replayed session (null live). */
export function parseCommand(text: string, namespaces: readonly string[], span: SessionSpan | null): Command {
	const input = text.trim();
	if (input === '') return {kind: 'none'};
	const [word = '', ...args] = input.split(/\s+/);
	const command = word.toLowerCase();
	if (QUIT.has(command) && args.length === 0) return {kind: 'quit'};
	if (NAMESPACE.has(command)) {
		if (args.length !== 1) return {kind: 'error', problem: `ns takes one name: ns NAME, or ns all (namespaces: ${namespaceList(namespaces)})`};
		const name = args[0]!;
		if (ALL.has(name.toLowerCase())) return {kind: 'namespace', namespace: null};
		if (!namespaces.includes(name)) return {kind: 'error', problem: `unknown namespace "${name}": no pod is in it (namespaces: ${namespaceList(namespaces)})`};
		return {kind: 'namespace', namespace: name};
	}
	const target = parseTime(input);
	if (target) return {kind: 'time', time: {target, text: input}};
	if (span === null) return {kind: 'error', problem: `"${input}" is not a command: use q or ns NAME`};
	const {offset, clock} = timeExamples(span);
	return {kind: 'error', problem: `"${input}" is not a command: use q, ns NAME, or a time (${offset}, ${clock}, +10s, end)`};
}

export interface Completion {
	text: string;
	/** More than one name fits: they are shown, the text has their common start. */
	choices: readonly string[];
}

function commonPrefix(names: readonly string[]): string {
	let prefix = names[0] ?? '';
	for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}

/** Tab: completes the command word, or the namespace after `ns`. */
export function completeCommand(text: string, namespaces: readonly string[]): Completion {
	const ns = /^(\s*(?:ns|namespace|namespaces)\s+)(\S*)$/i.exec(text);
	if (ns) {
		const [, head, typed] = ns;
		const matches = [...namespaces, 'all'].filter(name => name.startsWith(typed!));
		if (matches.length === 0) return {text, choices: []};
		if (matches.length === 1) return {text: `${head}${matches[0]}`, choices: []};
		return {text: `${head}${commonPrefix(matches)}`, choices: matches};
	}
	const word = text.trim().toLowerCase();
	if (word === '' || /\s/.test(text.trimStart())) return {text, choices: []};
	const fits = WORDS.filter(w => w.startsWith(word) && w !== word);
	if (fits.length === 0) return text.trim().toLowerCase() === 'ns' ? {text: 'ns ', choices: []} : {text, choices: []};
	return {text: fits[0] === 'ns' ? 'ns ' : fits[0]!, choices: []};
}

/** The command line's hint: examples drawn from this session (null: live, where times do not apply). */
export function commandHint(span: SessionSpan | null): string {
	if (span === null) return 'ns NAME (Tab completes) · ns all · q quit';
	const {offset, clock} = timeExamples(span);
	return `go to ${offset}, ${clock}, +10s or -1m · ns NAME · q   session ${spanText(span)}`;
}

/** In live mode a time cannot be gone to: what to say instead. */
export const LIVE_SEEK_PROBLEM = 'going to a time needs a replay: record with podlife record FILE, then podlife replay FILE';
