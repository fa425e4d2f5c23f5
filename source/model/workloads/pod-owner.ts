// The controller of a pod as its own object names it: the ownerReference with `controller: true`
// (the one a controller sets on the pods it makes; garbage-collection-only owners are not it). A
// mirror pod's controller is its Node. Read once per pod version at ingest and shared by the pods
// of one owner (store/interns.ts), so grouping pods never reads their objects back.

import type {OwnerReference, Pod} from '../../kube/objects.js';

export interface PodOwner {
	readonly kind: string;
	readonly name: string;
	/** The owner's uid, '' when the reference gave none. */
	readonly uid: string;
}

/** The controlling owner reference of `pod`, else its only owner reference, else null. */
export function controllerReference(pod: Pod): OwnerReference | null {
	const references = pod.metadata?.ownerReferences ?? [];
	return references.find(reference => reference.controller === true) ?? (references.length === 1 ? references[0]! : null);
}
