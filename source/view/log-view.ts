// The log view, derived: which of a container's log lines show, cut or wrapped to the width, with
// the search's matches marked and the server's timestamps shown or hidden, and where the view is
// (following the end, or held where the user scrolled). Pure: the frame calls logFrame with the
// feed's snapshot (sources/log-feed.ts); the keys act on what it returns (LogLimits).
//
// The view scrolls by log lines, not by screen rows: a wrapped line moves as one, so the position
// ("120–140 of 200") counts what the container wrote, as `less -N` and k9s count it.

import stringWidth from 'string-width';
import {splitTimestamp} from '../model/log-buffer.js';
import {printableLogText} from '../model/log-text.js';
import {logTargetText, type LogSnapshot, type LogTarget} from '../sources/log-feed.js';
import {span, wrapLine, type Line, type Tone} from './detail/lines.js';

export interface LogViewState {
	target: LogTarget;
	/** The first log line shown; null: following the end (new lines scroll in). */
	top: number | null;
	/** The search applied with `/` ('' for none). */
	search: string;
	/** The line of the match the view went to last (n/N go on from it). */
	match: number | null;
}

export function openLogView(target: LogTarget): LogViewState {
	return {target, top: null, search: '', match: null};
}

/** What the log view shows. */
export interface LogBody {
	kind: 'log';
	/** "log default/web-1 app (previous)". */
	title: string;
	/** What the view is doing: "following", "held · 120–140 of 200", "ended", "wrap", the search's count. */
	marks: string;
	/** The rows on screen, top first (at most `height`). */
	rows: readonly Line[];
	height: number;
}

/** What the log view's keys act within (ui/key-actions.ts). */
export interface LogLimits {
	/** The lines of the feed (search runs over them, as shown: with or without timestamps). */
	lines: readonly string[];
	/** Their text as shown and searched. */
	textOf: (index: number) => string;
	/** The first line on screen, and how many lines show from it. */
	top: number;
	shown: number;
	/** The top of the last page: scrolling to it or past it follows the end again. */
	endTop: number;
	following: boolean;
}

export interface LogFrameInput {
	log: LogViewState;
	/** The feed's snapshot; null when no feed could be opened (no provider). */
	snapshot: LogSnapshot | null;
	/** The search being typed (the `/` prompt open), else the applied one. */
	search: string;
	wrap: boolean;
	timestamps: boolean;
	width: number;
	height: number;
	/** The previous run asked for, and the pod's status has none (view/log-target.ts noPreviousRun): said in place of the source's refusal. */
	noPreviousRun?: string | null;
}

export interface LogFrame {
	body: LogBody;
	limits: LogLimits;
}

const NO_LINES: readonly string[] = [];

export function logFrame({log, snapshot, search, wrap, timestamps, width, height, noPreviousRun = null}: LogFrameInput): LogFrame {
	const lines = snapshot?.lines ?? NO_LINES;
	const stamped = snapshot?.timestamps ?? false;
	const textOf = (index: number): string => displayText(lines[index] ?? '', stamped, timestamps);
	const rowsOf = (index: number): number => (wrap ? wrappedCount(textOf(index), width) : 1);
	const endTop = topOfLastPage(lines.length, height, rowsOf);
	const following = log.top === null || log.top >= endTop;
	const top = following ? endTop : Math.max(0, log.top!);

	const rows: Line[] = [];
	let shown = 0;
	const needle = searchNeedle(search);
	for (let index = top; index < lines.length && rows.length < height; index++) {
		const text = textOf(index);
		const stampWidth = stamped && timestamps ? (splitTimestamp(lines[index]!).time?.length ?? 0) : 0;
		const tones = charTones(text, stampWidth, needle, index === log.match);
		rows.push(...(wrap ? wrapRows(text, tones, width) : [cutRow(text, tones, width)]).slice(0, height - rows.length));
		shown++;
	}
	const empty = emptyLine(snapshot, noPreviousRun);
	// Said whole, over the lines it needs ("no log of the running api in the session: …" is longer than 80 columns).
	if (rows.length === 0 && empty) rows.push(...wrapLine(empty, width, 0).slice(0, height));

	const marks = marksText({snapshot, following, top, shown, count: lines.length, wrap, timestamps, stamped, search, needle, textOf});
	return {
		body: {kind: 'log', title: `log ${logTargetText(log.target)}`, marks, rows, height},
		limits: {lines, textOf, top, shown, endTop, following},
	};
}

/** The search as matched: case-insensitive unless it has a capital (smartcase, as less -i and vim). */
interface Needle {
	text: string;
	fold: boolean;
}

function searchNeedle(search: string): Needle | null {
	if (search === '') return null;
	const fold = search === search.toLowerCase();
	return {text: fold ? search.toLowerCase() : search, fold};
}

function matches(text: string, needle: Needle): boolean {
	return (needle.fold ? text.toLowerCase() : text).includes(needle.text);
}

/** The lines that match `search`, in order (what n/N step through). */
export function matchingLines(limits: Pick<LogLimits, 'lines' | 'textOf'>, search: string): number[] {
	const needle = searchNeedle(search);
	if (!needle) return [];
	const out: number[] = [];
	for (let index = 0; index < limits.lines.length; index++) if (matches(limits.textOf(index), needle)) out.push(index);
	return out;
}

/**
 * The match to go to from line `from`: the first at or after it (direction 1) or before it (-1),
 * going round the ends as less does; null when nothing matches.
 */
export function nextMatch(found: readonly number[], from: number, direction: 1 | -1, inclusive = false): number | null {
	if (found.length === 0) return null;
	if (direction === 1) return found.find(line => (inclusive ? line >= from : line > from)) ?? found[0]!;
	return [...found].reverse().find(line => line < from) ?? found.at(-1)!;
}

/**
 * Where to put the top so that `line` shows, a few lines of context above it (as less does with
 * its jump target), never before the first line.
 */
export function topShowing(line: number, height: number): number {
	return Math.max(0, line - Math.min(3, Math.floor(height / 4)));
}

/** A log line as the view shows it: the timestamp kept or cut, tabs as spaces, no escape sequences. */
export function displayText(line: string, stamped: boolean, timestamps: boolean): string {
	const text = stamped && !timestamps ? splitTimestamp(line).text : line;
	return printableLogText(text);
}

function isAscii(text: string): boolean {
	return /^[\u0020-\u007E]*$/.test(text);
}

function wrappedCount(text: string, width: number): number {
	if (width <= 0) return 1;
	const w = isAscii(text) ? text.length : stringWidth(text);
	return Math.max(1, Math.ceil(w / width));
}

/** The first line of the last screenful. */
function topOfLastPage(count: number, height: number, rowsOf: (index: number) => number): number {
	let used = 0;
	let top = count;
	while (top > 0) {
		const rows = rowsOf(top - 1);
		if (used + rows > height && top < count) break;
		used += rows;
		top--;
		if (used >= height) break;
	}
	return Math.min(top, Math.max(0, count - 1));
}

/** One tone per character: the timestamp dimmed, the search's matches marked (the current match's line stronger). */
function charTones(text: string, stampWidth: number, needle: Needle | null, current: boolean): Tone[] {
	const chars = [...text];
	const tones: Tone[] = chars.map((_, at) => (at < stampWidth ? 'dim' : 'plain'));
	if (!needle) return tones;
	const haystack = needle.fold ? text.toLowerCase() : text;
	// Offsets in UTF-16 units → character positions.
	const positions: number[] = [];
	let unit = 0;
	for (const character of chars) {
		positions.push(unit);
		unit += character.length;
	}
	let from = haystack.indexOf(needle.text);
	while (from !== -1 && needle.text.length > 0) {
		for (let at = 0; at < chars.length; at++) {
			if (positions[at]! >= from && positions[at]! < from + needle.text.length) tones[at] = current ? 'current' : 'match';
		}
		from = haystack.indexOf(needle.text, from + needle.text.length);
	}
	return tones;
}

/** Characters and their tones → spans, consecutive characters of one tone in one span. */
function spansOf(chars: readonly string[], tones: readonly Tone[]): Line {
	const out: Line = [];
	chars.forEach((character, at) => {
		const tone = tones[at]!;
		const last = out.at(-1);
		if (last && last.tone === tone) last.text += character;
		else out.push(span(character, tone));
	});
	return out;
}

function cutRow(text: string, tones: readonly Tone[], width: number): Line {
	const chars = [...text];
	if ((isAscii(text) ? text.length : stringWidth(text)) <= width) return chars.length === 0 ? [] : spansOf(chars, tones);
	const kept: string[] = [];
	let used = 0;
	for (const character of chars) {
		const w = stringWidth(character);
		if (used + w > width - 1) break;
		kept.push(character);
		used += w;
	}
	return [...spansOf(kept, tones.slice(0, kept.length)), span('…', 'dim')];
}

/** Hard wrap at the width: a log line is read whole, every character kept (kubectl's terminal wraps so). */
function wrapRows(text: string, tones: readonly Tone[], width: number): Line[] {
	const chars = [...text];
	if (chars.length === 0) return [[]];
	const rows: Line[] = [];
	let start = 0;
	let used = 0;
	for (let at = 0; at < chars.length; at++) {
		const w = stringWidth(chars[at]!);
		if (used + w > width && at > start) {
			rows.push(spansOf(chars.slice(start, at), tones.slice(start, at)));
			start = at;
			used = 0;
		}
		used += w;
	}
	rows.push(spansOf(chars.slice(start), tones.slice(start)));
	return rows;
}

/** What shows when there is no line: why, or that the log is empty. */
function emptyLine(snapshot: LogSnapshot | null, noPreviousRun: string | null): Line | null {
	if (!snapshot) return [span('logs are not available here', 'warn')];
	if (snapshot.lines.length > 0) return null;
	if (snapshot.state === 'unavailable' && noPreviousRun) return [span(noPreviousRun, 'warn')];
	switch (snapshot.state) {
		case 'opening':
			return [span('asking for the log…', 'dim')];
		case 'unavailable':
			return [span(snapshot.message ?? 'the log is not available', 'bad')];
		case 'following':
			return [span('(nothing written yet; new lines show as they come)', 'dim')];
		case 'ended':
			return [span('(the log is empty)', 'dim')];
	}
}

interface MarksInput {
	snapshot: LogSnapshot | null;
	following: boolean;
	top: number;
	shown: number;
	count: number;
	wrap: boolean;
	timestamps: boolean;
	stamped: boolean;
	search: string;
	needle: Needle | null;
	textOf: (index: number) => string;
}

function marksText(input: MarksInput): string {
	const {snapshot, following, top, shown, count} = input;
	const out: string[] = [];
	if (snapshot?.state === 'following') out.push(following ? 'following' : 'held (G follows)');
	else if (snapshot?.state === 'ended') out.push('ended');
	if (count > shown) out.push(`${top + 1}–${top + shown} of ${count}`);
	if (snapshot?.message && snapshot.state !== 'unavailable') out.push(snapshot.message);
	if (snapshot?.truncated) out.push('older lines not captured');
	if (input.wrap) out.push('wrap');
	if (input.timestamps) out.push(input.stamped ? 'timestamps' : 'no timestamps captured');
	if (input.needle) {
		let hits = 0;
		for (let index = 0; index < count; index++) if (matches(input.textOf(index), input.needle)) hits++;
		out.push(`/${input.search}: ${hits === 0 ? 'no match' : hits === 1 ? '1 line' : `${hits} lines`}`);
	}
	return out.join(' · ');
}
