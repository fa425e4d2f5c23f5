// The transitions of every version of one pod, in one line: a version's history is a prefix of the
// next one's, so versions share the line and keep only their length. Used by stores that keep pod
// objects out of memory (the replay player's), whose snapshots hold every version of every pod.
//
// Compact: a transition is a time (Float64Array) and six numbers (Int32Array: its kind, and its
// subject, from, to, statusAfter and detail as numbers in a table of strings shared by all lines),
// ~32 bytes where a Transition object with a boxed time took ~100. prefix() builds the objects for
// whoever reads a history (a screen, a diagnosis); the store reads only lengths.

import type {Transition, TransitionKind} from './types.js';

/** Transitions kept per pod; older ones fall off (a pod in a week-long crash loop stays bounded). */
export const HISTORY_LIMIT = 500;

const KINDS: readonly TransitionKind[] = ['created', 'phase', 'status', 'ready', 'condition', 'container', 'restart', 'node', 'deleted', 'deleting'];
const KIND_CODES = new Map(KINDS.map((kind, index) => [kind, index]));
const NULL = -1;
const ABSENT = -2;
/** Numbers per transition in `codes`. */
const WIDTH = 6;

// Never shrinks: a number, once given, is in lines that snapshots may keep. Its strings are the
// words of transitions (phases, reasons, container states, messages), most of them recurring.
const strings: string[] = [];
const numbers = new Map<string, number>();

function encode(text: string | null | undefined): number {
	if (text === null) return NULL;
	if (text === undefined) return ABSENT;
	let number = numbers.get(text);
	if (number === undefined) {
		number = strings.length;
		strings.push(text);
		numbers.set(text, number);
	}
	return number;
}

function decode(number: number): string | null | undefined {
	if (number === NULL) return null;
	if (number === ABSENT) return undefined;
	return strings[number];
}

export class HistoryLine {
	private times: Float64Array;
	private codes: Int32Array;
	private count = 0;

	constructor(transitions: readonly Transition[], capacity = 8) {
		const size = Math.max(capacity, transitions.length);
		this.times = new Float64Array(size);
		this.codes = new Int32Array(size * WIDTH);
		for (const transition of transitions) this.push(transition);
	}

	get length(): number {
		return this.count;
	}

	/** A version's history: the last HISTORY_LIMIT transitions of the first `length`. */
	prefix(length: number): Transition[] {
		const from = Math.max(0, length - HISTORY_LIMIT);
		const out: Transition[] = [];
		for (let index = from; index < length; index++) out.push(this.transition(index));
		return out;
	}

	/**
	 * The line, and the length in it, of the version after one with `length` transitions here
	 * that adds `transitions`.
	 */
	append(length: number, transitions: readonly Transition[]): {line: HistoryLine; length: number} {
		if (transitions.length === 0) return {line: this, length};
		if (length === this.count && this.count < 4 * HISTORY_LIMIT) {
			for (const transition of transitions) this.push(transition);
			return {line: this, length: this.count};
		}
		// A branch (a store restored to an earlier version: the later transitions here are another
		// line's), or a long line: a new one with what the version keeps.
		const line = new HistoryLine(this.prefix(length), length + transitions.length);
		for (const transition of transitions) line.push(transition);
		return {line, length: line.count};
	}

	private push(transition: Transition): void {
		if (this.count === this.times.length) {
			const times = new Float64Array(this.times.length * 2);
			times.set(this.times);
			this.times = times;
			const codes = new Int32Array(this.codes.length * 2);
			codes.set(this.codes);
			this.codes = codes;
		}
		const at = this.count * WIDTH;
		this.times[this.count] = transition.at;
		this.codes[at] = KIND_CODES.get(transition.kind)!;
		this.codes[at + 1] = encode(transition.subject);
		this.codes[at + 2] = encode(transition.from);
		this.codes[at + 3] = encode(transition.to);
		this.codes[at + 4] = encode(transition.statusAfter);
		this.codes[at + 5] = encode(transition.detail);
		this.count++;
	}

	private transition(index: number): Transition {
		const at = index * WIDTH;
		const transition: Transition = {
			at: this.times[index]!,
			kind: KINDS[this.codes[at]!]!,
			subject: decode(this.codes[at + 1]!)!,
			from: decode(this.codes[at + 2]!) ?? null,
			to: decode(this.codes[at + 3]!) ?? null,
			statusAfter: decode(this.codes[at + 4]!)!,
		};
		const detail = decode(this.codes[at + 5]!);
		if (detail !== undefined && detail !== null) transition.detail = detail;
		return transition;
	}
}
