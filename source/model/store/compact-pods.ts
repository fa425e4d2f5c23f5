// Pod objects kept as compact text, for a store that holds every pod of a big cluster live: a
// parsed pod is thousands of small heap objects and strings, most of them the same in every pod
// (field names, probes, tolerations, the service-account volume, "/dev/termination-log"). Here a
// pod is its JSON split in two: the skeleton (the text between the values: braces, brackets,
// quoted field names) and the values (each as its JSON text). Pods with the same skeleton share
// one template — the skeleton and the values of the first pod seen with it — and each keeps only
// the values where it differs from that template, as one string. Reading one back (unpack) puts
// the JSON text together and parses it: the same object JSON.parse(JSON.stringify(pod)) gives,
// key order included. The last few read are kept parsed (the rows on screen, the pod in detail).

import type {Pod} from '../../kube/objects.js';
import {RecentlyUsed} from '../recently-used.js';

/** A skeleton and the values of the first pod packed with it. */
interface Template {
	/** The text before each value, and after the last one: values.length + 1 parts. */
	readonly parts: readonly string[];
	/** Each value's JSON text. */
	readonly values: readonly string[];
}

/**
 * One pod, packed: its template and the values where it differs, each ended by SEPARATOR: "i:json"
 * (value i is this JSON), or "i=j" (value i is the same as this pod's value j, an earlier one: a
 * pod names its volume, its times and its IPs more than once).
 */
export class CompactPod {
	constructor(
		readonly template: Template,
		readonly differences: string,
	) {}
}

// JSON text never holds a raw control character (JSON.stringify escapes them), so they can
// separate the parts of a skeleton (in the templates' key) and the pairs of a difference string.
const SEPARATOR = '\u0001';
const PART_SEPARATOR = '\u0000';

/** Templates kept for new pods to share (pods keep theirs whatever this drops). */
const TEMPLATES_KEPT = 1024;
/** Pods kept parsed after being read. */
const CACHED_PODS = 512;

export class CompactPods {
	private readonly templates = new Map<string, Template>();
	private readonly cache = new RecentlyUsed<CompactPod, Pod>(CACHED_PODS);
	/** Field names as quoted in JSON, with the colon: a pod has the same hundred over and over. */
	private readonly quoted = new Map<string, string>();

	/** `pod` as compact text (JSON semantics: what JSON.stringify drops is dropped). */
	pack(pod: Pod): CompactPod {
		const values: string[] = [];
		// The skeleton, PART_SEPARATOR where each value was: built by appending (V8 keeps the pieces
		// as a rope until the lookup reads it whole), cut into parts only for a new template.
		const skeleton = this.flatten(pod, values, '');
		let template = this.templates.get(skeleton);
		if (template === undefined) {
			template = {parts: skeleton.split(PART_SEPARATOR), values};
			if (this.templates.size >= TEMPLATES_KEPT) this.templates.delete(this.templates.keys().next().value!);
			this.templates.set(skeleton, template);
			return new CompactPod(template, '');
		}
		const differences: string[] = [];
		const written = new Map<string, number>();
		for (let index = 0; index < values.length; index++) {
			const value = values[index]!;
			if (value === template.values[index]) continue;
			const earlier = written.get(value);
			if (earlier !== undefined) {
				differences.push(`${index}=${earlier}${SEPARATOR}`);
			} else {
				written.set(value, index);
				differences.push(`${index}:${value}${SEPARATOR}`);
			}
		}
		return new CompactPod(template, differences.join(''));
	}

	/** The pod again, as JSON.parse(JSON.stringify(pod)) would give it; the same object while it stays cached. */
	unpack(packed: CompactPod): Pod {
		return this.cache.getOrMake(packed, () => JSON.parse(jsonOf(packed)) as Pod);
	}

	/**
	 * `skeleton` followed by `input`'s skeleton, its values' JSON texts pushed to `values`. As
	 * JSON.stringify: toJSON first; in objects, undefined, functions and symbols are left out; in
	 * arrays they are null.
	 */
	private flatten(input: unknown, values: string[], skeleton: string): string {
		const value = hasToJson(input) ? input.toJSON() : input;
		if (value === null || typeof value !== 'object') {
			values.push(JSON.stringify(value) ?? 'null');
			return skeleton + PART_SEPARATOR;
		}
		let text = skeleton;
		if (Array.isArray(value)) {
			text += '[';
			for (let index = 0; index < value.length; index++) {
				if (index > 0) text += ',';
				text = this.flatten(omitted(value[index]) ? null : value[index], values, text);
			}
			return text + ']';
		}
		text += '{';
		let first = true;
		for (const key of Object.keys(value)) {
			const field = (value as Record<string, unknown>)[key];
			if (omitted(field)) continue;
			let name = this.quoted.get(key);
			if (name === undefined) {
				name = `${JSON.stringify(key)}:`;
				this.quoted.set(key, name);
			}
			text += first ? name : `,${name}`;
			first = false;
			text = this.flatten(field, values, text);
		}
		return text + '}';
	}
}

/** The JSON text of a packed pod: the template's parts with its values, or the pod's where they differ. */
function jsonOf({template, differences}: CompactPod): string {
	const {parts, values} = template;
	const changed = new Map<number, string>();
	for (const pair of differences.split(SEPARATOR)) {
		if (pair === '') continue;
		// The index ends at the first ':' or '=' (a JSON value may hold either).
		const end = pair.search(/[:=]/);
		const index = Number(pair.slice(0, end));
		changed.set(index, pair[end] === ':' ? pair.slice(end + 1) : changed.get(Number(pair.slice(end + 1)))!);
	}
	const text: string[] = [];
	for (let index = 0; index < values.length; index++) text.push(parts[index]!, changed.get(index) ?? values[index]!);
	text.push(parts[values.length]!);
	return text.join('');
}

function omitted(value: unknown): boolean {
	return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function hasToJson(value: unknown): value is {toJSON(): unknown} {
	return typeof value === 'object' && value !== null && typeof (value as {toJSON?: unknown}).toJSON === 'function';
}
