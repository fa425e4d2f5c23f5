// A transition in words that say what changed: "restart count 0 → 1", "condition Ready True →
// False", "state running → terminated(Error, exit 1)", never a bare "0 → 1" under a name. One
// wording for the Timeline section and the headless `--output timeline`, so the two read alike.

import type {Transition} from './pod-state.js';

export interface TransitionWords {
	/** Whose field changed: "pod", or the container's subject ("container api", "init container setup"). */
	owner: string;
	/** The field and its change: "restart count 0 → 1", "STATUS Running → Error", "created, STATUS Pending". */
	change: string;
}

/** "a → b", with "–" for a side that was not there. */
export function arrow(from: string | null, to: string | null): string {
	return `${from ?? '–'} → ${to ?? '–'}`;
}

export function transitionWords(transition: Transition): TransitionWords {
	const {from, to} = transition;
	switch (transition.kind) {
		case 'created':
			return {owner: 'pod', change: `created, STATUS ${transition.statusAfter}`};
		case 'deleting':
			return {owner: 'pod', change: `deletion requested (deletionTimestamp ${to ?? '–'})`};
		case 'deleted':
			return {owner: 'pod', change: `deleted (last STATUS ${from ?? transition.statusAfter})`};
		case 'node':
			return {owner: 'pod', change: from === null ? `scheduled to node ${to ?? '–'}` : `node ${arrow(from, to)}`};
		case 'phase':
			return {owner: 'pod', change: `phase ${arrow(from, to)}`};
		case 'status':
			return {owner: 'pod', change: `STATUS ${arrow(from, to)}`};
		case 'ready':
			return {owner: 'pod', change: `READY ${arrow(from, to)}`};
		case 'condition':
			return {
				owner: 'pod',
				change: to === null ? `condition ${transition.subject} removed (was ${from ?? '–'})` : `condition ${transition.subject} ${arrow(from, to)}`,
			};
		case 'container':
			return {owner: transition.subject, change: `state ${arrow(from, to)}`};
		case 'restart':
			return {owner: transition.subject, change: `restart count ${arrow(from, to)}`};
	}
}
