// Pod objects kept as the text of the watch events they came in, for a store read once and then
// dropped (`podlife -o table|wide|json` and `podlife check` right after the list). Holding a big
// cluster's parsed pods until the print keeps the garbage collector copying and marking every one
// of their objects all the while; a string per pod is one object to it. A pod's object is parsed
// again only when read back — the WHY of a pod in trouble (a healthy pod is judged from its state)
// — and the last one read stays parsed for the reads of the same pod that follow.

import type {KubeEvent, Pod} from '../../kube/objects.js';
import {withoutManagedFields, type ObjectSource} from '../../model/store/object-source.js';
import type {PrintedRow} from '../../session/format.js';

export class EventTexts implements ObjectSource {
	private readonly texts: string[] = [];
	private last: {ref: number; object: Pod} | null = null;

	/** Keeps the text of a watch event of a pod (`{"type":…,"object":<the pod>}`); its ref for PodStore.apply. */
	add(eventText: string): number {
		this.texts.push(eventText);
		return this.texts.length - 1;
	}

	object(ref: number): Pod {
		if (this.last?.ref === ref) return this.last.object;
		const object = (JSON.parse(this.texts[ref]!) as {object: Pod}).object;
		// As the reflector hands objects on (its withKind): a watch event's object names its kind.
		const named = object.kind && object.apiVersion ? object : {...object, apiVersion: object.apiVersion ?? 'v1', kind: object.kind ?? 'Pod'};
		this.last = {ref, object: withoutManagedFields(named)};
		return this.last.object;
	}

	/** Only a recording asks for the server's printed rows, and it keeps its objects parsed. */
	row(): PrintedRow | null {
		return null;
	}

	event(): KubeEvent {
		throw new Error('podlife: events are kept as objects, never by ref');
	}
}
