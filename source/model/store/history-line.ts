// The transitions of every version of one pod, in one line: a version's history is a prefix of the
// next one's, so versions share the line and keep only their length. A replay's snapshots hold
// every version of every pod, so this is what a store keeps of histories.
//
// Compact: a transition is four numbers in one array of doubles (stored unboxed): its time, then
// its subject, from, to, statusAfter and detail as numbers in a table of words (WordTable, one per
// store or family of stores), two to a double, and its kind beside the detail — four doubles where
// a Transition object takes a boxed time and a field per part. One plain array sized to fit when
// the line starts: most pods have a handful of transitions, and a typed array's buffer, or a second
// array, or the room a growing array keeps, would cost more than they do. history() gives the
// objects to whoever reads a history (a screen, a diagnosis); the store reads only lengths.
//
// Readers read the same few histories again and again (a frame reads those of the rows on screen,
// the detail view one pod's several times), so the objects history() builds are kept for the lines
// read last, RECENT_LINES of them: a version's transitions never change once written (a later
// version appends past its length, a branch starts another line), so the line and a length name
// them. Not per version: that would keep the objects of every pod a frame reads, and undo the
// packing. One bound for the process rather than one per store: a replay has several stores.

import type {Transition, TransitionKind} from '../pod-state.js';
import {RecentlyUsed} from '../recently-used.js';

/** Transitions kept per pod; older ones fall off (a pod in a week-long crash loop stays bounded). */
export const HISTORY_LIMIT = 500;

const KINDS: readonly TransitionKind[] = ['created', 'phase', 'status', 'ready', 'condition', 'container', 'restart', 'node', 'deleted', 'deleting'];
const KIND_CODES = new Map(KINDS.map((kind, index) => [kind, index]));
// A string's number is its index in `strings` plus 2; 1 stands for null and 0 for absent.
const NULL = 1;
const ABSENT = 0;
/** Numbers per transition in `data`. */
const WIDTH = 4;
/** Two string numbers share a double: the high one times this, plus the low one (2 × 26 bits < 53). */
const PAIR = 2 ** 26;
/** The kind shares a double with the detail: detail × KIND_SLOTS + kind. */
const KIND_SLOTS = 16;

/**
 * Numbers for the words of transitions (phases, reasons, container states, messages), most of them
 * recurring. Never shrinks: a number, once given, is in lines that snapshots may keep.
 */
export class WordTable {
	private readonly strings: string[] = [];
	private readonly numbers = new Map<string, number>();

	encode(text: string | null | undefined): number {
		if (text === null) return NULL;
		if (text === undefined) return ABSENT;
		let number = this.numbers.get(text);
		if (number === undefined) {
			number = this.strings.length + 2;
			// 67 million distinct words would take gigabytes before this: a bound, not a case to handle.
			if (number >= PAIR) throw new RangeError('podlife: too many distinct words in pod histories to number them');
			this.strings.push(text);
			this.numbers.set(text, number);
		}
		return number;
	}

	decode(number: number): string | null | undefined {
		if (number === NULL) return null;
		if (number === ABSENT) return undefined;
		return this.strings[number - 2];
	}
}

/** More than the rows of a tall terminal's table, so a frame reads its rows' histories again from here. */
const RECENT_LINES = 128;
/** Lines whose history was read last, with what was read (the length it is of). Holds the lines it names. */
const recent = new RecentlyUsed<HistoryLine, {length: number; transitions: readonly Transition[]}>(RECENT_LINES);

/** The high and low string numbers of a pair. */
function high(pair: number): number {
	return Math.floor(pair / PAIR);
}

function low(pair: number): number {
	return pair % PAIR;
}

/**
 * Room to append, by length: filler doubles, shared and never written (concat copies them). Kept for
 * good, one per size a line grows by: few, since a line never grows past 4 × HISTORY_LIMIT
 * transitions (a longer one is made anew, see append).
 */
const ROOMS: number[][] = [];

/**
 * `length` numbers of room, as doubles: concat of two arrays of doubles makes one array of doubles of
 * the exact sum, where a new Array(n) filled with doubles is made once as an array of pointers and
 * again when the first double is written — twice the garbage for every line that grows.
 */
function roomOf(length: number): number[] {
	return (ROOMS[length] ??= new Array<number>(length).fill(0.5));
}

export class HistoryLine {
	/** Room for more transitions past `used` (appends), filler until written. */
	private data: number[];
	/** Numbers written in `data`. */
	private used: number;

	/** `words`: the table the line numbers its words in (the store's). */
	constructor(
		transitions: readonly Transition[],
		private readonly words: WordTable,
	) {
		this.data = new Array<number>(transitions.length * WIDTH);
		this.used = 0;
		for (const transition of transitions) this.push(transition);
	}

	get length(): number {
		return this.used / WIDTH;
	}

	/**
	 * A version's history: the last HISTORY_LIMIT transitions of the first `length`, as prefix()
	 * gives them, shared by its readers (frozen) while the line is among the last read.
	 */
	history(length: number): readonly Transition[] {
		const read = recent.get(this);
		if (read !== undefined && read.length === length) return read.transitions;
		const transitions = Object.freeze(this.prefix(length));
		recent.set(this, {length, transitions});
		return transitions;
	}

	/** The last HISTORY_LIMIT transitions of the first `length`, built anew on each call. */
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
			for (const transition of transitions) this.push(transition);
			return {line: this, length: this.length};
		}
		// A branch (a store restored to an earlier version: the later transitions here are another
		// line's), or a long line: a new one with what the version keeps.
		const line = new HistoryLine([...this.prefix(length), ...transitions], this.words);
		return {line, length: line.length};
	}

	private push(transition: Transition): void {
		if (this.used === this.data.length) this.grow();
		this.write(this.used, transition);
		this.used += WIDTH;
	}

	/**
	 * Room for a few more transitions: an eighth again, at least two. A plain array grown by
	 * writing past its end keeps half again plus 16 numbers of room, which across 20k short lines
	 * is megabytes of holes.
	 */
	private grow(): void {
		const room = Math.max(2 * WIDTH, Math.ceil(this.used / 8 / WIDTH) * WIDTH);
		this.data = this.data.concat(roomOf(room));
	}

	private write(at: number, transition: Transition): void {
		const words = this.words;
		this.data[at] = transition.at;
		this.data[at + 1] = words.encode(transition.subject) * PAIR + words.encode(transition.from);
		this.data[at + 2] = words.encode(transition.to) * PAIR + words.encode(transition.statusAfter);
		this.data[at + 3] = words.encode(transition.detail) * KIND_SLOTS + KIND_CODES.get(transition.kind)!;
	}

	private transition(index: number): Transition {
		const at = index * WIDTH;
		const subjectFrom = this.data[at + 1]!;
		const toStatus = this.data[at + 2]!;
		const detailKind = this.data[at + 3]!;
		const words = this.words;
		const time = this.data[at]!;
		const kind = KINDS[detailKind % KIND_SLOTS]!;
		const subject = words.decode(high(subjectFrom))!;
		const from = words.decode(low(subjectFrom)) ?? null;
		const to = words.decode(high(toStatus)) ?? null;
		const statusAfter = words.decode(low(toStatus))!;
		const detail = words.decode(Math.floor(detailKind / KIND_SLOTS));
		return detail === undefined || detail === null
			? {at: time, kind, subject, from, to, statusAfter}
			: {at: time, kind, subject, from, to, statusAfter, detail};
	}
}
