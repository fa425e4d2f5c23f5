import {describe, expect, it} from 'vitest';
import {transitionWords} from '../../source/model/transition-words.js';
import type {Transition, TransitionKind} from '../../source/model/pod-state.js';

function transition(kind: TransitionKind, subject: string, from: string | null, to: string | null): Transition {
	return {at: 0, kind, subject, from, to, statusAfter: 'Running'};
}

describe('transition words', () => {
	// One case per kind the history writes (model/history.ts diffPod): each says which field changed.
	const cases: Array<[string, Transition, string, string]> = [
		['created', transition('created', 'pod', null, 'Pending'), 'pod', 'created, STATUS Running'],
		[
			'deletion requested',
			transition('deleting', 'deletion', null, '2026-11-25T04:21:15Z'),
			'pod',
			'deletion requested (deletionTimestamp 2026-11-25T04:21:15Z)',
		],
		['deleted', transition('deleted', 'pod', 'Completed', null), 'pod', 'deleted (last STATUS Completed)'],
		['scheduled', transition('node', 'node', null, 'kind-worker'), 'pod', 'scheduled to node kind-worker'],
		['moved node', transition('node', 'node', 'a', 'b'), 'pod', 'node a → b'],
		['phase', transition('phase', 'phase', 'Pending', 'Running'), 'pod', 'phase Pending → Running'],
		['STATUS', transition('status', 'STATUS', 'Running', 'Error'), 'pod', 'STATUS Running → Error'],
		['READY', transition('ready', 'READY', '0/1', '1/1'), 'pod', 'READY 0/1 → 1/1'],
		['condition', transition('condition', 'Ready', null, 'True'), 'pod', 'condition Ready – → True'],
		['condition removed', transition('condition', 'Ready', 'True', null), 'pod', 'condition Ready removed (was True)'],
		[
			'container state',
			transition('container', 'init container setup', 'running', 'terminated(Completed, exit 0)'),
			'init container setup',
			'state running → terminated(Completed, exit 0)',
		],
		['restart count', transition('restart', 'container api', '0', '1'), 'container api', 'restart count 0 → 1'],
	];
	it.each(cases)('%s', (_name, t, owner, change) => {
		expect(transitionWords(t)).toEqual({owner, change});
	});
});
