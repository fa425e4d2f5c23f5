// The transitions of every version of one pod, in one line: a version's history is a prefix of the
// next one's, so versions share the line and keep only their length. Used by stores that keep pod
// objects out of memory (the replay player's), whose snapshots hold every version of every pod.
//
// Compact: a transition is seven numbers in one array of doubles (stored unboxed): its time, its
// kind, and its subject, from, to, statusAfter and detail as numbers in a table of strings shared
// by all lines — 56 bytes where a Transition object with a boxed time took ~110. One plain array
// sized to fit when the line starts: most pods have a handful of transitions, and a typed array's
// buffer, or a second array, or the room a growing array keeps, costs more than they do (at 50k
// pods, tens of MB). prefix() builds the objects for whoever reads a history (a screen, a
// diagnosis); the store reads only lengths.

import type {Transition, TransitionKind} from './types.js';

/** Transitions kept per pod; older ones fall off (a pod in a week-long crash loop stays bounded). */
export const HISTORY_LIMIT = 500;

const KINDS: readonly TransitionKind[] = ['created', 'phase', 'status', 'ready', 'condition', 'container', 'restart', 'node', 'deleted', 'deleting'];
const KIND_CODES = new Map(KINDS.map((kind, index) => [kind, index]));
const NULL = -1;
const ABSENT = -2;
/** Numbers per transition in `data`. */
const WIDTH = 7;

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
	private readonly data: number[];

	constructor(transitions: readonly Transition[]) {
		this.data = new Array<number>(transitions.length * WIDTH);
		transitions.forEach((transition, index) => this.write(index * WIDTH, transition));
	}

	get length(): number {
		return this.data.length / WIDTH;
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
		if (length === this.length && length < 4 * HISTORY_LIMIT) {
			for (const transition of transitions) this.write(this.data.length, transition);
			return {line: this, length: this.length};
		}
		// A branch (a store restored to an earlier version: the later transitions here are another
		// line's), or a long line: a new one with what the version keeps.
		const line = new HistoryLine([...this.prefix(length), ...transitions]);
		return {line, length: line.length};
	}

	private write(at: number, transition: Transition): void {
		this.data[at] = transition.at;
		this.data[at + 1] = KIND_CODES.get(transition.kind)!;
		this.data[at + 2] = encode(transition.subject);
		this.data[at + 3] = encode(transition.from);
		this.data[at + 4] = encode(transition.to);
		this.data[at + 5] = encode(transition.statusAfter);
		this.data[at + 6] = encode(transition.detail);
	}

	private transition(index: number): Transition {
		const at = index * WIDTH;
		const transition: Transition = {
			at: this.data[at]!,
			kind: KINDS[this.data[at + 1]!]!,
			subject: decode(this.data[at + 2]!)!,
			from: decode(this.data[at + 3]!) ?? null,
			to: decode(this.data[at + 4]!) ?? null,
			statusAfter: decode(this.data[at + 5]!)!,
		};
		const detail = decode(this.data[at + 6]!);
		if (detail !== undefined && detail !== null) transition.detail = detail;
		return transition;
	}
}
