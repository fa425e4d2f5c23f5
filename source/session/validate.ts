// Pure validation of session lines (SESSION-FORMAT.md, "Reading bad input").
// No node imports: the reader, the writer, the replay player and a loopback
// server all check lines with the same rules and the same words. Each check
// returns the problem alone; callers add `<file>:<line>: ` in front.

import {SESSION_VERSION, type SessionEntry, type SessionHeader} from './format.js';

export type Checked<T> =
	{ok: true; value: T} | {ok: false; problem: string; /** The line is not JSON at all (a cut-off last line looks like this). */ notJson?: boolean};

/**
 * A checked entry line: an entry, or null for an entry of a type this reader does not know
 * (a `SOMEDAY` entry, say), which the contract says to skip, never to refuse ("Container logs").
 */
export type CheckedEntry = Checked<SessionEntry> | {ok: true; value: null; t: number};

export const ENTRY_TYPES = ['ADDED', 'MODIFIED', 'DELETED', 'SYNCED', 'STATUS', 'ERROR', 'BOOKMARK', 'LOG'] as const;
export const CONNECTION_STATES = ['connected', 'reconnecting', 'relisting', 'disconnected'] as const;

// RFC 3339 date-time (with a zone, as the contract needs a fixed instant).
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as it would appear in the file, short enough for a one-line message. */
export function showValue(value: unknown): string {
	const text = value === undefined ? 'undefined' : JSON.stringify(value);
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function parseJson(text: string): {ok: true; value: unknown} | {ok: false} {
	try {
		return {ok: true, value: JSON.parse(text) as unknown};
	} catch {
		return {ok: false};
	}
}

export function checkHeader(value: unknown): Checked<SessionHeader> {
	if (!isObject(value)) return {ok: false, problem: 'not a podlife session: line 1 is not a JSON object'};
	if (value.podlife !== 'session') {
		return {ok: false, problem: 'not a podlife session: line 1 has no "podlife":"session" header'};
	}
	if (!('version' in value)) {
		return {ok: false, problem: `session header has no "version" (podlife reads version ${SESSION_VERSION})`};
	}
	if (value.version !== SESSION_VERSION) {
		return {
			ok: false,
			problem: `session format version ${showValue(value.version)} is not supported (podlife reads version ${SESSION_VERSION})`,
		};
	}
	if (!('recordedAt' in value)) return {ok: false, problem: 'session header has no "recordedAt"'};
	const {recordedAt} = value;
	if (typeof recordedAt !== 'string' || !RFC3339.test(recordedAt) || !Number.isFinite(Date.parse(recordedAt))) {
		return {ok: false, problem: `session header "recordedAt" is not an RFC 3339 time: ${showValue(recordedAt)}`};
	}
	return {ok: true, value: value as SessionHeader};
}

export function parseHeaderLine(text: string): Checked<SessionHeader> {
	// A UTF-8 byte order mark written by some editors is not part of the JSON.
	const parsed = parseJson(text.startsWith('\uFEFF') ? text.slice(1) : text);
	if (!parsed.ok) return {ok: false, problem: 'not a podlife session: line 1 is not JSON', notJson: true};
	return checkHeader(parsed.value);
}

/**
 * Checks one entry. `previousT` is the `t` of the entry before it (0 for the first):
 * `t` never goes backwards.
 */
export function checkEntry(value: unknown, previousT: number): CheckedEntry {
	if (!isObject(value)) return {ok: false, problem: 'entry is not a JSON object'};
	if (!('t' in value)) return {ok: false, problem: 'entry has no "t"'};
	if (!('type' in value)) return {ok: false, problem: 'entry has no "type"'};
	const {t, type} = value;
	if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) {
		return {ok: false, problem: `"t" must be a whole number of milliseconds, 0 or more (found ${showValue(t)})`};
	}
	if (typeof type !== 'string' || type === '') {
		return {ok: false, problem: `"type" must be an entry type such as ADDED, MODIFIED, DELETED or SYNCED (found ${showValue(type)})`};
	}
	// `t` is every entry's, known type or not: its order holds for all of them.
	if (t < previousT) return {ok: false, problem: `t goes backwards (${t} after ${previousT})`};
	if (!(ENTRY_TYPES as readonly string[]).includes(type)) return {ok: true, value: null, t};
	switch (type) {
		case 'ADDED':
		case 'MODIFIED':
		case 'DELETED': {
			const {object} = value;
			if (object === undefined || object === null) return {ok: false, problem: `${type} entry has no "object"`};
			if (!isObject(object)) return {ok: false, problem: `${type} entry's "object" is not a JSON object`};
			if (typeof object.kind !== 'string' || object.kind === '') {
				return {ok: false, problem: `${type} entry's object has no "kind"`};
			}
			break;
		}
		case 'ERROR':
		case 'BOOKMARK': {
			// Passed on as sent; only the wrapper must be there for replay to skip or show it.
			if (!isObject(value.object)) return {ok: false, problem: `${type} entry has no "object"`};
			break;
		}
		case 'STATUS': {
			const {state} = value;
			const expected = '(expected connected, reconnecting, relisting or disconnected)';
			if (state === undefined) return {ok: false, problem: `STATUS entry has no "state" ${expected}`};
			if (typeof state !== 'string' || !(CONNECTION_STATES as readonly string[]).includes(state)) {
				return {ok: false, problem: `STATUS entry has unknown state ${showValue(state)} ${expected}`};
			}
			break;
		}
		case 'SYNCED': {
			if (typeof value.resource !== 'string') return {ok: false, problem: 'SYNCED entry has no "resource"'};
			break;
		}
		case 'LOG': {
			const problem = logProblem(value);
			if (problem) return {ok: false, problem};
			break;
		}
	}
	return {ok: true, value: value as SessionEntry};
}

/** What is wrong with a LOG entry's required fields ("Container logs"), or null. */
function logProblem(value: Record<string, unknown>): string | null {
	for (const field of ['namespace', 'pod', 'container'] as const) {
		if (typeof value[field] !== 'string' || value[field] === '') return `LOG entry has no "${field}"`;
	}
	if (typeof value.previous !== 'boolean') return `LOG entry's "previous" must be true or false (found ${showValue(value.previous)})`;
	const {lines} = value;
	if (!Array.isArray(lines) || !lines.every(line => typeof line === 'string')) return 'LOG entry\'s "lines" must be a list of strings';
	return null;
}

/** Parses and checks one entry line (any line after the header). */
export function parseSessionLine(text: string, previousT: number): CheckedEntry {
	if (text.trim() === '') return {ok: false, problem: 'empty line is not JSON', notJson: true};
	const parsed = parseJson(text);
	if (!parsed.ok) return {ok: false, problem: 'line is not JSON', notJson: true};
	return checkEntry(parsed.value, previousT);
}
