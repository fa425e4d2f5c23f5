// Cutting one text to a number of terminal cells, three ways: from the end (most cells), from the
// middle keeping a name's distinguishing tail (pod and namespace names), and keeping a countdown
// ("next restart in 12s") while what comes before it is cut.

import stringWidth from 'string-width';

/** Cells of a text; plain ASCII (most names) without string-width's scan. */
export function cells(text: string): number {
	return /^[\u0020-\u007e]*$/.test(text) ? text.length : stringWidth(text);
}

/** The longest start of `text` that fits in `width` cells. */
export function head(text: string, width: number): string {
	let out = '';
	let used = 0;
	for (const char of text) {
		const w = cells(char);
		if (used + w > width) break;
		out += char;
		used += w;
	}
	return out;
}

/** The longest end of `text` that fits in `width` cells. */
export function tail(text: string, width: number): string {
	const chars = [...text];
	let out = '';
	let used = 0;
	for (let i = chars.length - 1; i >= 0; i--) {
		const w = cells(chars[i]!);
		if (used + w > width) break;
		out = chars[i]! + out;
		used += w;
	}
	return out;
}

/** `text` in `width` cells, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (cells(text) <= width) return text;
	return head(text, width - 1) + '…';
}

/** The head a middle cut keeps at least, so that the name still says what it is. */
const MIN_HEAD = 3;

/**
 * `text` in `width` cells, cut in the middle: the start (what the pod is) and the last dash-separated
 * part (which one it is) stay. Generated names differ only at the end — `coredns-668d6bf9bc-cdzwd` and
 * `coredns-668d6bf9bc-ppj8n` — and static pods end with their node, so neither a head nor a tail alone
 * tells two of them apart: `coredns-66…-cdzwd`, `kube-apise…-plane`.
 */
export function cutMiddle(text: string, width: number): string {
	if (width <= 0) return '';
	if (cells(text) <= width) return text;
	if (width < MIN_HEAD + 2) return truncate(text, width);
	const dash = text.lastIndexOf('-');
	const part = dash > 0 ? text.slice(dash) : '';
	let end: string;
	if (part !== '' && cells(part) <= width - 1 - MIN_HEAD) end = part;
	else if (part.length > 1 && cells(part) - 1 <= width - 1 - MIN_HEAD) end = part.slice(1);
	else end = tail(text, Math.floor((width - 1) / 2));
	return head(text, width - 1 - cells(end)) + '…' + end;
}

/**
 * `text` in `width` cells, keeping `keep` (a part of it: the countdown) whole for as long as it fits:
 * what follows `keep` is cut first, then what comes before it ("crash-loop: container api exi… next
 * restart in 12s"). Without `keep` in the text, a plain cut from the end.
 */
export function fitKeeping(text: string, keep: string, width: number): string {
	if (cells(text) <= width) return text;
	const at = keep === '' ? -1 : text.indexOf(keep);
	if (at === -1) return truncate(text, width);
	const through = text.slice(0, at + keep.length);
	if (cells(through) + 1 <= width) return through + '…';
	const room = width - cells(keep) - 1;
	if (room < 2) return truncate(keep, width);
	return truncate(text.slice(0, at).trimEnd(), room) + ' ' + keep;
}

/** Below this many cells a why line keeps its start and countdown alone: a log cut to a few cells says nothing. */
export const WHY_LOG_MIN_WIDTH = 60;

/**
 * A why line in `width` cells when it ends with "; last log: …" (`lastLog`, '' for none): the line
 * before the log gets at least half the room, cut keeping its countdown (fitKeeping), and the log
 * what is left, cut at its end — so a crash shows both when the next restart is and what the
 * container said last. In fewer than WHY_LOG_MIN_WIDTH cells, fitKeeping alone.
 */
export function fitWhy(text: string, next: string, lastLog: string, width: number): string {
	if (cells(text) <= width) return text;
	const logPart = lastLog === '' ? '' : `; last log: ${lastLog}`;
	if (logPart === '' || width < WHY_LOG_MIN_WIDTH || !text.endsWith(logPart)) return fitKeeping(text, next, width);
	const base = text.slice(0, text.length - logPart.length);
	const baseRoom = Math.max(width - cells(logPart), Math.min(cells(base), Math.ceil(width / 2)));
	const shown = fitKeeping(base, next, baseRoom);
	return shown + truncate(logPart, width - cells(shown));
}
