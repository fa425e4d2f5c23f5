// What a Reflector knows of the objects it has emitted: enough to turn a (re)list into the watch
// events that bring a consumer from what it had to what the server has now (client-go's
// DeltaFIFO Replace does the same), item by item as pages or initial events arrive, and to say
// which objects vanished once the list is complete. It keeps each object's uid and
// resourceVersion, not the object: a consumer that keeps objects (the pod store) gives the last
// one back for a DELETED (`recall`); without one, the identifying fields are kept (a slim copy),
// which is what a DELETED of a node or an event needs.

import type {KubeObject} from '../../kube/objects.js';
import type {PrintedRow, WatchType} from '../../session/format.js';

export interface KnownItem {
	object: KubeObject;
	row?: PrintedRow;
	/** The text of the watch event it came in (`{"type":…,"object":…}`), handed on with it; not kept. */
	eventText?: string;
}

interface Known {
	uid: string | undefined;
	resourceVersion: string | undefined;
	/** Identifying fields only (no recall), for a DELETED when the object vanishes. */
	slim?: KubeObject;
	/** The server's printed row (recording only). */
	row?: PrintedRow;
}

/** The last object emitted under `key` with this uid, as the consumer keeps it; undefined when it has none. */
export type Recall = (key: string, uid: string | undefined) => KubeObject | undefined;

export type Emit = (event: {type: WatchType; object: KubeObject; row?: PrintedRow; eventText?: string}) => void;

export function keyOf(object: KubeObject): string {
	const meta = object.metadata ?? {};
	return `${meta.namespace ?? ''}/${meta.name ?? ''}`;
}

/** The fields a DELETED of this object needs downstream: its identity, and for an event the object it is about. */
function slimOf(object: KubeObject): KubeObject {
	const {namespace, name, uid, resourceVersion} = object.metadata ?? {};
	const slim: KubeObject = {apiVersion: object.apiVersion, kind: object.kind, metadata: {namespace, name, uid, resourceVersion}};
	if (object['involvedObject'] !== undefined) slim['involvedObject'] = object['involvedObject'];
	return slim;
}

export class KnownObjects {
	private known = new Map<string, Known>();

	constructor(
		private readonly emit: Emit,
		private readonly recall: Recall | undefined,
	) {}

	get size(): number {
		return this.known.size;
	}

	/**
	 * One object of a list or of a watch-list's initial events: emitted as ADDED when new (a new uid
	 * under a known name: DELETED of the old one first), MODIFIED when its resourceVersion moved,
	 * nothing when it is the version already known. `seen` collects the keys of the list.
	 */
	listed(item: KnownItem, seen: Set<string>): void {
		const key = keyOf(item.object);
		seen.add(key);
		const meta = item.object.metadata ?? {};
		let before = this.known.get(key);
		if (before && before.uid !== meta.uid) {
			this.emitDeleted(key, before);
			before = undefined;
		}
		if (before && before.resourceVersion === meta.resourceVersion) return;
		this.remember(key, item);
		this.emit({
			type: before ? 'MODIFIED' : 'ADDED',
			object: item.object,
			...(item.row ? {row: item.row} : {}),
			...(item.eventText !== undefined && {eventText: item.eventText}),
		});
	}

	/** After a complete list: every object known but not in it was deleted meanwhile. */
	dropUnseen(seen: ReadonlySet<string>): void {
		for (const [key, before] of [...this.known]) {
			if (seen.has(key)) continue;
			this.known.delete(key);
			this.emitDeleted(key, before);
		}
	}

	/** A watch event; false when it repeats the version already known (a resumed watch's replay). */
	watched(type: WatchType, item: KnownItem): boolean {
		const key = keyOf(item.object);
		const meta = item.object.metadata ?? {};
		if (type === 'DELETED') {
			this.known.delete(key);
			return true;
		}
		const before = this.known.get(key);
		if (before && before.uid === meta.uid && before.resourceVersion === meta.resourceVersion) return false;
		this.remember(key, item);
		return true;
	}

	private remember(key: string, item: KnownItem): void {
		const meta = item.object.metadata ?? {};
		this.known.set(key, {
			uid: meta.uid,
			resourceVersion: meta.resourceVersion,
			...(this.recall ? {} : {slim: slimOf(item.object)}),
			...(item.row ? {row: item.row} : {}),
		});
	}

	private emitDeleted(key: string, before: Known): void {
		const [namespace, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
		const object = this.recall?.(key, before.uid) ??
			before.slim ?? {metadata: {...(namespace ? {namespace} : {}), name, uid: before.uid, resourceVersion: before.resourceVersion}};
		this.emit({type: 'DELETED', object, ...(before.row ? {row: before.row} : {})});
	}
}
