// What the server holds for each resource it serves: the session's pods, nodes and events (the
// object history), and the namespaces they name plus the ones every cluster has, as objects
// created when the session began.

import type {SessionHeader} from '../session/format.js';
import type {ObjectHistory, StoredObject} from './object-history.js';
import type {ServedResource} from './routes.js';
import {servedTime} from './shift-times.js';

const CLUSTER_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export class ServedObjects {
	private readonly namespaceNames: string[];

	constructor(
		readonly history: ObjectHistory,
		private readonly header: SessionHeader,
		/** The resourceVersion the namespaces carry: that of the empty store. */
		private readonly firstResourceVersion: number,
	) {
		this.namespaceNames = [...new Set([...CLUSTER_NAMESPACES, ...history.namespaces()])].sort();
	}

	/** The objects of `resource` now, in the server's key order. */
	current(resource: ServedResource): readonly StoredObject[] {
		if (resource === 'namespaces') return this.namespaceNames.map(name => this.namespaceObject(name));
		return this.history.list(resource);
	}

	/** The objects of `resource` as they were at `rv`, or 'expired' (namespaces never change). */
	at(resource: ServedResource, rv: number): readonly StoredObject[] | 'expired' {
		return resource === 'namespaces' ? this.current('namespaces') : this.history.listAt(resource, rv);
	}

	get(resource: ServedResource, namespace: string | undefined, name: string): StoredObject | undefined {
		if (resource !== 'namespaces') return this.history.get(resource, namespace, name);
		return this.namespaceNames.includes(name) ? this.namespaceObject(name) : undefined;
	}

	private namespaceObject(name: string): StoredObject {
		return {
			object: {
				kind: 'Namespace',
				apiVersion: 'v1',
				metadata: {
					name,
					resourceVersion: String(this.firstResourceVersion),
					creationTimestamp: servedTime(this.header.recordedAt.replace(/\.\d+Z$/, 'Z'), this.history.clock),
					labels: {'kubernetes.io/metadata.name': name},
				},
				spec: {finalizers: ['kubernetes']},
				status: {phase: 'Active'},
			},
		};
	}
}
