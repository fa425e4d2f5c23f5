// The detail sections are built as lines of styled spans, pure data: the Ink components only map a
// tone to a colour. So a section can be tested without Ink, its length is known for the scroll
// limit, and every line is cut to the width here (Ink would wrap it and break the scroll count).

import stringWidth from 'string-width';

/** What a span means; the theme maps it to a colour (or nothing with colour off). */
export type Tone = 'plain' | 'heading' | 'label' | 'dim' | 'good' | 'warn' | 'bad' | 'info' | 'accent' | 'match' | 'current';

export interface Span {
	text: string;
	tone?: Tone;
	/** Drawn in reverse video (the Lanes view's cursor column): reads without colour too. */
	inverse?: boolean;
}

export type Line = Span[];

export function span(text: string, tone: Tone = 'plain'): Span {
	return {text, tone};
}

/** A line of one span. */
export function line(text: string, tone: Tone = 'plain'): Line {
	return [span(text, tone)];
}

/** "  label:  value" with the label dimmed and padded to `labelWidth`. */
export function field(label: string, value: string | Span[], labelWidth = 14, indent = 2): Line {
	const values = typeof value === 'string' ? [span(value)] : value;
	return [span(' '.repeat(indent)), span((label ? `${label}:` : '').padEnd(labelWidth), 'label'), ...values];
}

export function heading(text: string): Line {
	return [span(text, 'heading')];
}

export const blank: Line = [];

/** The plain text of a line (what a user reads). */
export function lineText(spans: Line): string {
	return spans.map(part => part.text).join('');
}

/** Cut a string to `width` columns, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (stringWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const character of text) {
		const w = stringWidth(character);
		if (used + w > width - 1) break;
		out += character;
		used += w;
	}
	return `${out}…`;
}

/** Cut a line's spans so that the whole line fits in `width` columns. */
export function fitLine(spans: Line, width: number): Line {
	const out: Line = [];
	let left = width;
	for (const part of spans) {
		const w = stringWidth(part.text);
		if (w <= left) {
			out.push(part);
			left -= w;
			continue;
		}
		const cut = truncate(part.text, left);
		if (cut) out.push({...part, text: cut});
		break;
	}
	return out;
}

/** Fit every line to the width: cut (the default), or wrapped onto the lines below (the `w` toggle). */
export function fitLines(lines: readonly Line[], width: number, wrapped = false): Line[] {
	return wrapped ? lines.flatMap(spans => wrapLine(spans, width)) : lines.map(spans => fitLine(spans, width));
}

/**
 * A line too wide for `width`, broken into lines that show every character, tones kept; each
 * continuation is indented two past the line's own indent (so a YAML value reads as one block),
 * or by `hang` (a table's text column).
 * Breaks fall after a space when that carries a short word over, else where the line ends: a
 * long token (a JSON annotation, an image digest) has no better place, and k9s's wrap cuts it so.
 */
export function wrapLine(spans: Line, width: number, hang?: number): Line[] {
	if (width <= 0 || spans.reduce((sum, part) => sum + stringWidth(part.text), 0) <= width) return [spans];
	const chars = spans.flatMap((part, index) => [...part.text].map(character => ({character, index, width: stringWidth(character)})));
	const widthOf = (from: number, to: number): number => chars.slice(from, to).reduce((sum, entry) => sum + entry.width, 0);
	const lead = /^ */.exec(lineText(spans))![0].length;
	const indent = Math.min(hang ?? lead + 2, Math.floor(width / 2));
	// Where each line starts, in chars.
	const starts = [0];
	let used = 0;
	for (let at = 0; at < chars.length; at++) {
		const start = starts.at(-1)!;
		const w = chars[at]!.width;
		if (used + w > width && at > start) {
			// After the last space past the line's own indent, when the word it carries over is short
			// (a third of the line at most): a long token is cut where the line ends instead.
			let next = at;
			for (let back = at - 1; back > start + (starts.length === 1 ? lead : 0); back--) {
				if (chars[back]!.character !== ' ') continue;
				if (widthOf(back + 1, at) + w <= Math.floor(width / 3)) next = back + 1;
				break;
			}
			starts.push(next);
			used = indent + widthOf(next, at);
		}
		used += w;
	}
	return starts.map((start, n) => {
		const end = starts[n + 1] ?? chars.length;
		const out: Line = n === 0 ? [] : [span(' '.repeat(indent))];
		for (let at = start; at < end; at++) {
			const {character, index} = chars[at]!;
			// Consecutive characters of one span stay one span.
			if (at > start && chars[at - 1]!.index === index) out[out.length - 1]!.text += character;
			else out.push({...spans[index]!, text: character});
		}
		return out;
	});
}

/**
 * Wrap text to `width` columns, keeping its own line breaks; each wrapped line starts with
 * `indent`. Words longer than a line are cut hard.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
	const room = Math.max(1, width - stringWidth(indent));
	const out: string[] = [];
	for (const paragraph of text.replace(/\s+$/, '').split('\n')) {
		let current = '';
		for (const word of paragraph.split(/(\s+)/)) {
			if (word === '') continue;
			if (stringWidth(current + word) <= room) {
				current += word;
				continue;
			}
			if (current.trim() !== '') out.push(indent + current.trimEnd());
			current = /^\s+$/.test(word) ? '' : word;
			while (stringWidth(current) > room) {
				let head = '';
				for (const character of current) {
					if (stringWidth(head + character) > room) break;
					head += character;
				}
				out.push(indent + head);
				current = current.slice(head.length);
			}
		}
		out.push(indent + current.trimEnd());
	}
	return out;
}

/** "+0.5s", "+3.0s", "+12s", "+1m20s", "+2h5m": time since the previous entry, sub-second when short. */
export function formatDelta(ms: number): string {
	if (ms < 0) return `-${formatDelta(-ms).slice(1)}`;
	if (ms < 10_000) return `+${(ms / 1000).toFixed(1)}s`;
	return `+${formatSpan(ms)}`;
}

/** "12s", "1m20s", "2h5m", "3d4h": an interval, at most two units. */
export function formatSpan(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
	const days = Math.floor(hours / 24);
	return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
}
