// Where an ended pod (model/store/ended-pods.ts) goes among the workloads: its workload and part, and
// what orders it among their pods (view/sort.ts compareOwnerOrder), worked out once per pod and
// owner objects. The store keeps thousands of them, unchanged, which the grouped list places each
// frame (the Lanes view's ended rows) and the headings' members index.

import type {PodState} from '../../model/pod-state.js';
import type {OwnerObjects} from '../../model/workloads/owner-objects.js';
import {workloadOf} from '../../model/workloads/workload-of.js';
import {ownerSortKey} from '../index-entry.js';
import type {PodPlace} from './grouped-list.js';

const places = new WeakMap<PodState, {owners: OwnerObjects; place: PodPlace}>();

/** The ended pod's place, placed with `owners`: the same object while they stay. */
export function endedPlace(pod: PodState, owners: OwnerObjects): PodPlace {
	const known = places.get(pod);
	if (known?.owners === owners) return known.place;
	const workload = workloadOf(pod, owners);
	const place: PodPlace = {
		workload: workload.id,
		part: workload.part?.name ?? null,
		owner: ownerSortKey(workload),
		createdMs: pod.columns.createdMs,
		namespace: pod.namespace,
		name: pod.name,
	};
	places.set(pod, {owners, place});
	return place;
}
