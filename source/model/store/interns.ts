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
	private labelSets = new Map<string, Labels>();
	private ruleSets = new Map<string, PodAffinityRules>();
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

	/** A pod's labels, one frozen object per set of labels (the replicas of a ReplicaSet share theirs). */
	labels(labels: Readonly<Record<string, string>> | undefined): Labels {
		if (!labels) return NO_LABELS;
		let key = '';
		for (const name in labels) key += `${name}\u0000${labels[name]}\u0001`;
		if (key === '') return NO_LABELS;
		let found = this.labelSets.get(key);
		if (found === undefined) {
			found = Object.freeze({...labels});
			if (this.labelSets.size >= INTERN_LIMIT) this.labelSets.clear();
			this.labelSets.set(key, found);
		}
		return found;
	}

	/** spec.affinity's pod (anti-)affinity, one object per distinct rule set; null without any. */
	podRules(affinity: Affinity | undefined): PodAffinityRules | null {
		const podAffinity = affinity?.podAffinity;
		const podAntiAffinity = affinity?.podAntiAffinity;
		if (!podAffinity && !podAntiAffinity) return null;
		const key = JSON.stringify([podAffinity ?? null, podAntiAffinity ?? null]);
		let found = this.ruleSets.get(key);
		if (found === undefined) {
			found = Object.freeze({...(podAffinity && {podAffinity}), ...(podAntiAffinity && {podAntiAffinity})});
			if (this.ruleSets.size >= INTERN_LIMIT) this.ruleSets.clear();
			this.ruleSets.set(key, found);
		}
		return found;
	}

	/** The pod's controller (pod-owner.ts), one frozen object per owner; null for a pod without one. */
	owner(pod: Pod): PodOwner | null {
		const reference = controllerReference(pod);
		if (!reference) return null;
		const uid = reference.uid ?? '';
		const key = `${reference.kind}\u0000${reference.name}\u0000${uid}`;
		let found = this.owners.get(key);
		if (found === undefined) {
			found = Object.freeze({kind: reference.kind, name: reference.name, uid});
			if (this.owners.size >= INTERN_LIMIT) this.owners.clear();
			this.owners.set(key, found);
		}
		return found;
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
