// Server-side printing (meta.k8s.io Table) as kubectl and podlife's recorder ask
// for it with `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. Pod rows are
// the recorded cells of the real server's printer; the caller may print their time
// cells again for the moment it serves them (aged-row.ts). Column definitions follow pkg/printers/internalversion
// printers.go (podColumnDefinitions); resources without recorded rows get the
// generic table the real server gives resources it has no printer for
// (apiserver registry/rest/table.go: Name, Created At).

import type {KubeObject} from '../kube/objects.js';
import type {PrintedRow} from '../session/format.js';
import type {ResourceName, StoredObject} from './object-history.js';

export interface ColumnDefinition {
	name: string;
	type: string;
	format: string;
	description: string;
	priority: number;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableRowCondition {
	type: string;
	status: string;
	reason: string;
	message: string;
}

export interface TableRow {
	cells: unknown[];
	/** A finished pod's (printPod: podSuccessConditions, podFailedConditions). */
	conditions?: TableRowCondition[];
	object?: KubeObject;
}

/** What printPod marks a pod that has finished with: kubectl's printer reads it to tell finished pods. */
function podConditions(object: KubeObject): TableRowCondition[] | undefined {
	const phase = (object['status'] as {phase?: string} | undefined)?.phase;
	if (phase === 'Succeeded') return [{type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.'}];
	if (phase === 'Failed') return [{type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.'}];
	return undefined;
}

export interface Table {
	kind: 'Table';
	apiVersion: string;
	metadata: {resourceVersion?: string; continue?: string; remainingItemCount?: number};
	columnDefinitions: ColumnDefinition[] | null;
	rows: TableRow[];
}

const nameDescription =
	'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
const creationDescription =
	'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

function column(name: string, description: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition {
	return {name, type: 'string', format: '', description, priority: 0, ...extra};
}

export const podColumns: ColumnDefinition[] = [
	column('Name', nameDescription, {format: 'name'}),
	column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
	column('Status', 'The aggregate status of the containers in this pod.'),
	column('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
	column('Age', creationDescription),
	column('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', {priority: 1}),
	column(
		'Node',
		'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod.',
		{priority: 1},
	),
	column(
		'Nominated Node',
		'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.',
		{priority: 1},
	),
	column('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', {priority: 1}),
];

export const genericColumns: ColumnDefinition[] = [
	column('Name', nameDescription, {format: 'name'}),
	column('Created At', creationDescription, {type: 'date'}),
];

export function columnsFor(resource: ResourceName): ColumnDefinition[] {
	return resource === 'pods' ? podColumns : genericColumns;
}

/** A recorded row's cells in column order; a hand-written session without `row` gets empty cells. */
function podCells(name: string, row: PrintedRow | undefined): string[] {
	return [
		name,
		row?.ready ?? '',
		row?.status ?? '',
		row?.restarts ?? '',
		row?.age ?? '',
		row?.ip ?? '',
		row?.node ?? '',
		row?.nominatedNode ?? '',
		row?.readinessGates ?? '',
	];
}

/** What printPod prints for an object with nothing set (a BOOKMARK's): pkg/printers/internalversion printers.go printPod. */
export const EMPTY_POD_ROW: PrintedRow = {
	ready: '0/0',
	status: '',
	restarts: '0',
	age: '<unknown>',
	ip: '<none>',
	node: '<none>',
	nominatedNode: '<none>',
	readinessGates: '<none>',
};

/** The row's object (handlers/response.go asTable): the PartialObjectMetadata is of the Table's own group version. */
function rowObject(object: KubeObject, include: IncludeObject, groupVersion: string): KubeObject | undefined {
	if (include === 'None') return undefined;
	if (include === 'Object') return object;
	return {kind: 'PartialObjectMetadata', apiVersion: groupVersion, metadata: object.metadata ?? {}};
}

/** The pod row to serve for a stored object, printed at `atMs` (epoch ms; default: now); the recorded one by default. */
export type RowPrinter = (stored: StoredObject, atMs?: number) => PrintedRow | undefined;

const recordedRow: RowPrinter = stored => stored.row;

export function tableRow(
	resource: ResourceName,
	stored: StoredObject,
	include: IncludeObject,
	printRow: RowPrinter = recordedRow,
	atMs?: number,
	groupVersion = 'meta.k8s.io/v1',
): TableRow {
	const name = stored.object.metadata?.name ?? '';
	const cells = resource === 'pods' ? podCells(name, printRow(stored, atMs)) : [name, stored.object.metadata?.creationTimestamp ?? null];
	const conditions = resource === 'pods' ? podConditions(stored.object) : undefined;
	const object = rowObject(stored.object, include, groupVersion);
	return {cells, ...(conditions ? {conditions} : {}), ...(object ? {object} : {})};
}

export function table(
	resource: ResourceName,
	items: StoredObject[],
	options: {groupVersion: string; include: IncludeObject; resourceVersion?: string; noHeaders?: boolean; printRow?: RowPrinter; atMs?: number},
): Table {
	const metadata: Table['metadata'] = {};
	if (options.resourceVersion !== undefined) metadata.resourceVersion = options.resourceVersion;
	return {
		kind: 'Table',
		apiVersion: options.groupVersion,
		metadata,
		// On a watch the real server sends column definitions with the first event only
		// (handlers/watch.go serveWatch: tableOptions.NoHeaders = true after the first).
		columnDefinitions: options.noHeaders ? null : columnsFor(resource),
		rows: items.map(item => tableRow(resource, item, options.include, options.printRow, options.atMs, options.groupVersion)),
	};
}
