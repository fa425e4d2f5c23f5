// JSON.parse of an API server's answer (a watch event, a list page, a Table) with every object's
// metadata.managedFields left out: cut from the text before parsing rather than dropped after it.
// They are a third of a pod's bytes and most of its objects (a trie of one-key objects), nothing
// podlife shows reads them, and parsing them only to drop them is the largest part of a list's cost.
//
// The cut is made only where the text proves it right: a key `"managedFields"` that begins after
// `{` or `,` (so it is a key, not inside a string), its array followed by `,"x` or `},"x` where x
// cannot follow a closing quote (so that `]` is structural), and no other `]` between the two (so
// that `]` closes this array: nothing nested, no bracket inside a string). Anything else (another
// encoder's spacing or key order, a `]` in a manager's name) is left in and parsed as it is, and
// a cut text that would not parse is parsed whole: the result is always the answer's own objects,
// less their managedFields.

const KEY = '"managedFields":[';
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;

/** The characters that may follow a string's closing quote in JSON: after them a quote may be a closing one. */
function mayFollowString(code: number): boolean {
	// , : } ] and JSON whitespace.
	return code === COMMA || code === 0x3a || code === CLOSE_BRACE || code === 0x5d || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Where `"x` begins a key or a value for sure: a quote followed by what may not follow a closing one. */
function opensString(text: string, at: number): boolean {
	return text.charCodeAt(at) === QUOTE && at + 1 < text.length && !mayFollowString(text.charCodeAt(at + 1));
}

/** `text` without its objects' managedFields, as far as it can be cut safely; `text` itself when nothing was. */
export function withoutManagedFieldsText(text: string): string {
	let found = text.indexOf(KEY);
	if (found === -1) return text;
	const pieces: string[] = [];
	let kept = 0;
	while (found !== -1) {
		const before = text.charCodeAt(found - 1);
		const close = text.indexOf(']', found + KEY.length);
		if (close === -1) break;
		let from = -1;
		let to = -1;
		if (before === COMMA || before === OPEN_BRACE) {
			const next = text.charCodeAt(close + 1);
			// `],"x`: more keys follow; `]},"x`: the last key of its object.
			const structural =
				next === COMMA ? opensString(text, close + 2) : next === CLOSE_BRACE && text.charCodeAt(close + 2) === COMMA && opensString(text, close + 3);
			if (structural) {
				// The key's comma goes with it; first in its object, the comma after it does.
				from = before === COMMA ? found - 1 : found;
				to = before === COMMA || next !== COMMA ? close + 1 : close + 2;
			}
		}
		if (from !== -1) {
			pieces.push(text.slice(kept, from));
			kept = to;
		}
		found = text.indexOf(KEY, close + 1);
	}
	if (kept === 0) return text;
	pieces.push(text.slice(kept));
	return pieces.join('');
}

/** JSON.parse of `text`, its objects' managedFields left out (as far as the text lets them be cut; see above). */
export function parseWithoutManagedFields(text: string): unknown {
	const cut = withoutManagedFieldsText(text);
	if (cut === text) return JSON.parse(text) as unknown;
	try {
		return JSON.parse(cut) as unknown;
	} catch {
		// Not expected of valid JSON; the whole text still is the answer.
		return JSON.parse(text) as unknown;
	}
}
