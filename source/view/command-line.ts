// The `:` command line, as k9s has it, live and in replay: `q` / `quit` quits,
// `ns NAME` shows one namespace (`ns all` or `ns -`: every one), and in replay a
// time goes there (view/goto-time.ts has the grammar). Tab completes a command
// word or a namespace name. Pure: the app runs what parseCommand returns.

import {parseTime, spanText, timeExamples, type SessionSpan, type TypedTime} from './goto-time.js';
import {cells} from './fit-text.js';

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
		if (args.length !== 1) return {kind: 'error', problem: `ns takes one name: ns NAME, or ns all; namespaces: ${namespaceList(namespaces)}`};
		const name = args[0]!;
		if (ALL.has(name.toLowerCase())) return {kind: 'namespace', namespace: null};
		if (!namespaces.includes(name))
			return {kind: 'error', problem: `no pod is in namespace "${name}": Tab completes a name; namespaces: ${namespaceList(namespaces)}`};
		return {kind: 'namespace', namespace: name};
	}
	const target = parseTime(input);
	if (target) return {kind: 'time', time: {target, text: input}};
	if (span === null) return {kind: 'error', problem: `"${input}" is not a command: use q or ns NAME`};
	const {offset, clock} = timeExamples(span);
	return {kind: 'error', problem: `"${input}" is not a command: try ${offset}, ${clock}, +10s, end, ns NAME or q`};
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

/**
 * The command line's hint in `width` cells (what is left beside the typed text): examples drawn
 * from this session (null: live, where times do not apply), whole parts left out from the end when
 * they do not all fit, never one cut in half. The session's span is not among them: replaying, it
 * has a line of its own under the prompt (sessionSpanLine).
 */
export function commandHint(span: SessionSpan | null, width = Number.POSITIVE_INFINITY): string {
	const choices: string[][] = [];
	if (span === null) choices.push(['ns NAME (Tab completes)', 'ns all', 'q quit']);
	else {
		const {offset, clock} = timeExamples(span);
		choices.push([`go to ${offset}, ${clock}, +10s or -1m`, 'ns NAME', 'q'], [`go to ${offset} or ${clock}`]);
	}
	for (const parts of choices) {
		for (let n = parts.length; n > 0; n--) {
			const text = parts.slice(0, n).join(' · ');
			if (cells(text) <= width) return text;
		}
	}
	return '';
}

/** Replaying, under the command line (on the transport keys' line, which an open prompt leaves empty): the times it takes. */
export function sessionSpanLine(span: SessionSpan): string {
	return `session ${spanText(span)}`;
}

/**
 * A problem in `width` cells: its last clauses left out when they do not fit and the first does.
 * The first says what happened and what to do; after it come what a wide line has room for: the
 * namespaces there are, the session's span (which, replaying, stands on the line under it too).
 */
export function fitProblem(problem: string, width: number): string {
	let text = problem;
	while (cells(text) > width && text.includes('; ')) text = text.slice(0, text.lastIndexOf('; '));
	return cells(text) <= width ? text : problem;
}

/** In live mode a time cannot be gone to: what to say instead. */
export const LIVE_SEEK_PROBLEM = 'a time needs a replay: podlife record FILE, then podlife replay FILE';
