// The grouped list the table and the Lanes view share with `o`: a heading per workload, a heading
// per ReplicaSet when a Deployment's listed pods have more than one, the pods under them; Enter
// folds a heading, and a pod hidden by a fold is found at its heading's row.

import {describe, expect, it} from 'vitest';
import type {RowList} from '../../../source/view/pod-index.js';
import {groupedList, groupList, headingKey, headingOf, partId, type GroupedList, type PodPlace} from '../../../source/view/workloads/grouped-list.js';

function list(...keys: string[]): RowList {
	return {length: keys.length, keyAt: i => keys[i], indexOf: k => keys.indexOf(k)};
}

const API = 'Deployment/default/api';
const DNS = 'Deployment/kube-system/coredns';
const PROXY = 'DaemonSet/kube-system/kube-proxy';

/** The owner order's key of each workload (index-entry.ts ownerSortKey: namespace, then name). */
const OWNER: Record<string, string> = {
	[API]: 'default api',
	[DNS]: 'kube-system coredns',
	[PROXY]: 'kube-system kube-proxy',
	'Pod/kube-system': 'kube-system ~',
};

/** Pod `key`'s place: in `workload` (and `part`), made at second `created`. */
function place(key: string, workload: string, part: string | null, created: number): PodPlace {
	const [namespace = '', name = ''] = key.split('/');
	return {workload, part, owner: OWNER[workload]!, createdMs: created * 1000, namespace, name};
}

// A rollout undone: api-old's pods, then api-new's, then api-old's again (the order the owner sort gives: oldest first).
const PLACES: Record<string, PodPlace> = {
	'default/api-old-1': place('default/api-old-1', API, 'api-old', 1),
	'default/api-new-1': place('default/api-new-1', API, 'api-new', 2),
	'default/api-old-2': place('default/api-old-2', API, 'api-old', 3),
	'kube-system/coredns-1': place('kube-system/coredns-1', DNS, 'coredns-6fc6', 1),
	'kube-system/coredns-2': place('kube-system/coredns-2', DNS, 'coredns-6fc6', 1),
	'kube-system/kube-proxy-1': place('kube-system/kube-proxy-1', PROXY, null, 1),
};
const KEYS = Object.keys(PLACES);
/** Groups `keys` as the index would hand them: each row's place read at its index. */
function group(keys: readonly string[], folded: ReadonlySet<string>): GroupedList {
	const pods = list(...keys);
	return groupList(pods, index => PLACES[pods.keyAt(index)!], folded);
}

/** The rows as a reader sees them: headings with their fold mark, pods indented by depth. */
function rows(grouped: GroupedList): string[] {
	const out: string[] = [];
	for (let index = 0; index < grouped.length; index++) {
		const row = grouped.rowAt(index)!;
		if (row.kind === 'pod') out.push(`${'  '.repeat(row.depth)}${row.key}`);
		else out.push(`${row.kind === 'part' ? '  ' : ''}${row.folded ? '▸' : '▾'} ${row.kind === 'part' ? row.part : row.id} (${row.pods})`);
	}
	return out;
}

describe('groupList', () => {
	it('puts each workload’s pods under its heading, a Deployment’s ReplicaSets one after the other when it has two', () => {
		const grouped = group([...KEYS], new Set());
		expect(rows(grouped)).toEqual([
			`▾ ${API} (3)`,
			'  ▾ api-old (2)',
			'    default/api-old-1',
			'    default/api-old-2',
			'  ▾ api-new (1)',
			'    default/api-new-1',
			`▾ ${DNS} (2)`,
			'  kube-system/coredns-1',
			'  kube-system/coredns-2',
			`▾ ${PROXY} (1)`,
			'  kube-system/kube-proxy-1',
		]);
		expect(grouped.depth).toBe(2);
		expect(grouped.groups).toBe(3);
		// Rows have keys like the pods’: a heading’s key says which heading it is.
		expect(grouped.keyAt(0)).toBe(headingKey(API));
		expect(headingOf(grouped.keyAt(0))).toBe(API);
		expect(headingOf(grouped.keyAt(2))).toBeNull();
		expect(grouped.indexOf('default/api-new-1')).toBe(5);
		expect(grouped.indexOf(headingKey(partId(API, 'api-new')))).toBe(4);
	});

	// The Lanes view lists the table's rows, then the ended lives the table no longer lists (newest
	// deletion first): grouped, each goes in among its workload's pods by its creation, as --output lanes has them.
	it('puts pods listed after the rest among their workload’s by creation, and a workload of those alone in the owner order', () => {
		const ended = {
			'default/api-older-1': place('default/api-older-1', API, 'api-older', 0),
			'default/api-new-0': place('default/api-new-0', API, 'api-new', 2),
			'kube-system/kube-proxy-0': place('kube-system/kube-proxy-0', PROXY, null, 0),
			'default/api-new-9': place('default/api-new-9', API, 'api-new', 2),
		};
		const places: Record<string, PodPlace> = {...PLACES, ...ended};
		const keys = [...KEYS.filter(key => !key.includes('proxy')), ...Object.keys(ended)];
		const pods = list(...keys);
		expect(rows(groupList(pods, index => places[pods.keyAt(index)!], new Set()))).toEqual([
			`▾ ${API} (6)`,
			'  ▾ api-older (1)',
			'    default/api-older-1',
			'  ▾ api-old (2)',
			'    default/api-old-1',
			'    default/api-old-2',
			'  ▾ api-new (3)',
			'    default/api-new-0',
			'    default/api-new-1',
			'    default/api-new-9',
			`▾ ${DNS} (2)`,
			'  kube-system/coredns-1',
			'  kube-system/coredns-2',
			`▾ ${PROXY} (1)`,
			'  kube-system/kube-proxy-0',
		]);
	});

	it('hides a folded workload’s pods under its heading, which then stands for them', () => {
		const grouped = group([...KEYS], new Set([API]));
		expect(rows(grouped)).toEqual([
			`▸ ${API} (3)`,
			`▾ ${DNS} (2)`,
			'  kube-system/coredns-1',
			'  kube-system/coredns-2',
			`▾ ${PROXY} (1)`,
			'  kube-system/kube-proxy-1',
		]);
		// No part headings left on screen: the pods are one step in.
		expect(grouped.depth).toBe(1);
		expect(grouped.indexOf('default/api-old-2')).toBe(0);
		expect(grouped.indexOf('default/api-new-1')).toBe(0);
	});

	it('folds a ReplicaSet alone, and counts only the pods listed (a filter leaves a folded group its matching pods)', () => {
		const grouped = group([...KEYS], new Set([partId(API, 'api-old')]));
		expect(rows(grouped).slice(0, 4)).toEqual([`▾ ${API} (3)`, '  ▸ api-old (2)', '  ▾ api-new (1)', '    default/api-new-1']);
		expect(grouped.indexOf('default/api-old-1')).toBe(1);
		const filtered = group(['default/api-old-2', 'kube-system/coredns-2'], new Set([API, DNS]));
		expect(rows(filtered)).toEqual([`▸ ${API} (1)`, `▸ ${DNS} (1)`]);
	});

	it('drops the heading of a workload none of whose pods is listed, and ignores folds of workloads not listed', () => {
		const grouped = group(['kube-system/kube-proxy-1'], new Set([API]));
		expect(rows(grouped)).toEqual([`▾ ${PROXY} (1)`, '  kube-system/kube-proxy-1']);
		expect(grouped.indexOf('default/api-old-1')).toBe(-1);
		expect(grouped.indexOf(headingKey(API))).toBe(-1);
	});

	it('groups the same list and folds once (the same objects give the same rows)', () => {
		const pods = list(...KEYS);
		const placeAt = (index: number) => PLACES[pods.keyAt(index)!];
		const folded = new Set([API]);
		const first = groupedList(pods, placeAt, folded);
		expect(groupedList(pods, placeAt, folded)).toBe(first);
		expect(groupedList(pods, placeAt, new Set([API]))).not.toBe(first);
	});

	// A pod update hands out a new list: the grouping is kept only while it still holds.
	it('gives fresh rows when a pod changes workload or ReplicaSet, or the list changes, though the keys stay', () => {
		const folded = new Set<string>();
		/** A new list, as after an update: new entry objects, one per pod. */
		const check = (keys: string[], places: Record<string, PodPlace>) => {
			const pods = list(...keys);
			const entries = keys.map(key => ({...places[key]!}));
			const grouped = groupedList(pods, index => entries[index], folded);
			expect(rows(grouped)).toEqual(rows(groupList(pods, index => places[keys[index]!], folded)));
			return grouped;
		};
		const first = check(KEYS, PLACES);
		// Same pods, same places (a pod's row changed): the same rows.
		expect(rows(check(KEYS, PLACES))).toEqual(rows(first));
		// kube-proxy-1's owner gone: a bare pod now, still in no part.
		expect(rows(check(KEYS, {...PLACES, 'kube-system/kube-proxy-1': place('kube-system/kube-proxy-1', 'Pod/kube-system', null, 1)}))).toContain(
			'▾ Pod/kube-system (1)',
		);
		// coredns-2 adopted by kube-proxy's DaemonSet: same keys, same order.
		expect(rows(check(KEYS, {...PLACES, 'kube-system/coredns-2': place('kube-system/coredns-2', PROXY, null, 1)}))).toContain(`▾ ${PROXY} (2)`);
		// api-new-1 back in the old ReplicaSet, right after the list as it was: one part, no part headings.
		check(KEYS, PLACES);
		const onePart = check(KEYS, {...PLACES, 'default/api-new-1': place('default/api-new-1', API, 'api-old', 2)});
		expect(onePart.depth).toBe(1);
		// A pod's status sorted it elsewhere, a pod left the list, another took its place.
		check([...KEYS].reverse(), PLACES);
		check(KEYS.slice(1), PLACES);
		const renamed = ['default/api-old-9', ...KEYS.slice(1)];
		const other = check(renamed, {...PLACES, 'default/api-old-9': place('default/api-old-9', API, 'api-old', 1)});
		expect(rows(other)).toContain('    default/api-old-9');
	});
});
