// What recurs in every version of every pod, kept once per store (or per family of stores that
// exchange snapshots: the replay player's share one): strings (phases, reasons, container names
// and states, event reasons and messages), a pod's status (phase, reason, conditions: a cluster
// shows a few dozen kinds), and the words of history lines. Each parse of an object makes new
// strings; these tables make the versions share one copy.

import type {Affinity, Pod} from '../../kube/objects.js';
import {controllerReference, type PodOwner} from '../workloads/pod-owner.js';
import type {PodAffinityRules} from '../placement/affinity-terms.js';
import type {Labels} from '../placement/label-selector.js';
import type {ContainerView, PodColumns} from '../pod-state.js';
import {WordTable} from './history-line.js';

/** phase, reason and conditions (type and status only) of a pod object: one object per combination seen. */
export interface CoreStatus {
	readonly phase: string | null;
	readonly reason: string | null;
	readonly conditions: ReadonlyArray<{type: string; status: string}>;
}

/** Entries a table holds before it starts again (what is already shared stays shared). */
const INTERN_LIMIT = 50_000;
/** Longer strings are kept as they come: a long message rarely recurs to the letter. */
const INTERN_MAX_LENGTH = 512;

export class Interns {
	/** Numbers for the words of history lines; never shrinks (lines that snapshots keep use them). */
	readonly words = new WordTable();
	private texts = new Map<string, string>();
	private statuses = new Map<string, CoreStatus>();
	/** Label sets by a hash of their names and values (the rare collisions share a list). */
	private labelSets = new Map<number, Labels | Labels[]>();
	private labelSetCount = 0;
	private ruleSets = new Map<string, PodAffinityRules>();
	/** By uid (the key is the uid string the owner keeps), or kind and name for a reference without one. */
	private owners = new Map<string, PodOwner>();

	/** The copy of `text` this store keeps (an arrow: it is handed to slimEvent). */
	readonly text = <T extends string | null | undefined>(text: T): T => {
		if (typeof text !== 'string' || text.length > INTERN_MAX_LENGTH) return text;
		const known = this.texts.get(text);
		if (known !== undefined) return known as T;
		if (this.texts.size >= INTERN_LIMIT) this.texts = new Map();
		this.texts.set(text, text);
		return text;
	};

	/** The shared CoreStatus of a pod's status. */
	status(status: Pod['status']): CoreStatus {
		const phase = status?.phase || null;
		const reason = status?.reason || null;
		const conditions = status?.conditions ?? [];
		let key = `${phase ?? ''}\u0000${reason ?? ''}`;
		for (const condition of conditions) key += `\u0001${condition.type}\u0000${condition.status}`;
		let found = this.statuses.get(key);
		if (found === undefined) {
			found = Object.freeze({phase, reason, conditions: Object.freeze(conditions.map(({type, status}) => Object.freeze({type, status})))});
			if (this.statuses.size >= INTERN_LIMIT) this.statuses.clear();
			this.statuses.set(key, found);
		}
		return found;
	}

	/**
	 * A pod's labels, one frozen object per set of labels (the replicas of a ReplicaSet share theirs).
	 * `previous`: the labels of the pod's version before, given back when they are the same (the
	 * common case, checked without building anything).
	 */
	labels(labels: Readonly<Record<string, string>> | undefined, previous?: Labels): Labels {
		if (!labels) return NO_LABELS;
		if (previous !== undefined && sameLabels(previous, labels)) return previous;
		if (!hasLabels(labels)) return NO_LABELS;
		const hash = hashLabels(labels);
		const bucket = this.labelSets.get(hash);
		if (bucket !== undefined) {
			if (!Array.isArray(bucket)) {
				if (sameLabels(bucket, labels)) return bucket;
			} else {
				for (const known of bucket) if (sameLabels(known, labels)) return known;
			}
		}
		// Object.assign, not a spread: a spread of a parsed object gives each copy a hidden class of its own.
		const found: Labels = Object.freeze(Object.assign({}, labels));
		if (this.labelSetCount >= INTERN_LIMIT) {
			this.labelSets.clear();
			this.labelSetCount = 0;
		}
		const now = this.labelSets.get(hash);
		this.labelSets.set(hash, now === undefined ? found : Array.isArray(now) ? [...now, found] : [now, found]);
		this.labelSetCount++;
		return found;
	}

	/** spec.affinity's pod (anti-)affinity, one object per distinct rule set; null without any. `previous`: as for labels. */
	podRules(affinity: Affinity | undefined, previous?: PodAffinityRules | null): PodAffinityRules | null {
		const podAffinity = affinity?.podAffinity;
		const podAntiAffinity = affinity?.podAntiAffinity;
		if (!podAffinity && !podAntiAffinity) return null;
		if (previous && sameJson(previous.podAffinity, podAffinity) && sameJson(previous.podAntiAffinity, podAntiAffinity)) return previous;
		const key = JSON.stringify([podAffinity ?? null, podAntiAffinity ?? null]);
		let found = this.ruleSets.get(key);
		if (found === undefined) {
			found = Object.freeze({...(podAffinity && {podAffinity}), ...(podAntiAffinity && {podAntiAffinity})});
			if (this.ruleSets.size >= INTERN_LIMIT) this.ruleSets.clear();
			this.ruleSets.set(key, found);
		}
		return found;
	}

	/** The pod's controller (pod-owner.ts), one frozen object per owner; null for a pod without one. `previous`: as for labels. */
	owner(pod: Pod, previous?: PodOwner | null): PodOwner | null {
		const reference = controllerReference(pod);
		if (!reference) return null;
		const {kind, name} = reference;
		const uid = reference.uid ?? '';
		if (previous && previous.uid === uid && previous.name === name && previous.kind === kind) return previous;
		const key = uid !== '' ? uid : `${kind}\u0000${name}`;
		const found = this.owners.get(key);
		if (found !== undefined && found.kind === kind && found.name === name) return found;
		const made: PodOwner = Object.freeze({kind: this.text(kind), name, uid: uid !== '' ? key : ''});
		if (this.owners.size >= INTERN_LIMIT) this.owners.clear();
		this.owners.set(key, made);
		return made;
	}

	/** `columns` with its strings interned (in place: a fresh object from podColumns). */
	columns(columns: PodColumns): PodColumns {
		const text = this.text;
		columns.ready = text(columns.ready);
		columns.status = text(columns.status);
		columns.ip = text(columns.ip);
		columns.node = text(columns.node);
		columns.nominatedNode = text(columns.nominatedNode);
		columns.readinessGates = text(columns.readinessGates);
		return columns;
	}

	/** `view` with its strings interned (in place: a fresh object from containerViews). */
	container(view: ContainerView): ContainerView {
		const text = this.text;
		view.name = text(view.name);
		view.image = text(view.image);
		view.imagePullPolicy = text(view.imagePullPolicy);
		view.reason = text(view.reason);
		view.message = text(view.message);
		if (view.lastTermination) {
			view.lastTermination.reason = text(view.lastTermination.reason);
			view.lastTermination.message = text(view.lastTermination.message);
		}
		return view;
	}
}

const NO_LABELS: Labels = Object.freeze({});

/** Same names with the same values (in any order). */
function sameLabels(known: Labels, labels: Readonly<Record<string, string>>): boolean {
	let count = 0;
	for (const name in labels) {
		if (known[name] !== labels[name] || !Object.hasOwn(known, name)) return false;
		count++;
	}
	for (const _name in known) if (--count < 0) return false;
	return count === 0;
}

/** A hash of names and values that does not depend on their order (what sameLabels compares), kept a small integer. */
function hashLabels(labels: Readonly<Record<string, string>>): number {
	let hash = 0;
	for (const name in labels) {
		const value = labels[name]!;
		let pair = 0x811c9dc5;
		for (let index = 0; index < name.length; index++) pair = Math.imul(pair ^ name.charCodeAt(index), 0x01000193);
		pair = Math.imul(pair ^ 0xff, 0x01000193);
		for (let index = 0; index < value.length; index++) pair = Math.imul(pair ^ value.charCodeAt(index), 0x01000193);
		hash = (hash + pair) | 0;
	}
	return hash & 0x3fffffff;
}

function hasLabels(labels: Readonly<Record<string, string>>): boolean {
	for (const _name in labels) return true;
	return false;
}

/** Deep equality of two values parsed from JSON (objects, arrays, strings, numbers, booleans, null). */
function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
		return true;
	}
	if (Array.isArray(b)) return false;
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	let count = 0;
	for (const name in left) {
		if (!Object.hasOwn(right, name) || !sameJson(left[name], right[name])) return false;
		count++;
	}
	for (const _name in right) if (--count < 0) return false;
	return count === 0;
}
