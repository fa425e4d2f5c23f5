// Where a store reads pod objects, rows and events back from, for a store that keeps them out of
// memory: the replay player and headless replay of a plain file keep a session's entries where
// they are (the file, or a compressed log) and pass each entry's ref to apply(); a pod version
// then keeps the ref, and reading its object (readObject) reads the entry again.

import type {KubeEvent, Pod} from '../../kube/objects.js';
import type {PrintedRow} from '../../session/format.js';

/** How a store that keeps pod objects out of memory gets them back, by the ref given to apply(). */
export interface ObjectSource {
	/** The pod object of entry `ref`, managedFields dropped. */
	object(ref: number): Pod;
	/** The `row` of entry `ref`, or null when it has none. */
	row(ref: number): PrintedRow | null;
	/** The event of entry `ref`, slimmed as the store keeps events (slimEvent). */
	event(ref: number): KubeEvent;
}

/** The object without metadata.managedFields (a shallow copy only when it has them): nothing shows them. */
export function withoutManagedFields<T extends {metadata?: {managedFields?: unknown[]}}>(object: T): T {
	if (object.metadata?.managedFields === undefined) return object;
	const {managedFields: _managedFields, ...metadata} = object.metadata;
	return {...object, metadata};
}
