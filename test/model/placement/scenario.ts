// Placement scenarios built from the objects of a real control plane (test/fixtures/captures-full/
// placement.ndjson): its two kind nodes (kind-control-plane with the NoSchedule control-plane
// taint, kind-worker) and a copy of its `ha` pod, with the labels, rules and node each case needs.
// The expected verdicts in the tests come from the scheduler's code, step by step, in comments.

import {join} from 'node:path';
import type {Affinity, KubeObject, Node, Pod, PodCondition, Taint, Toleration, TopologySpreadConstraint} from '../../../source/kube/objects.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import type {PodState, StoreView} from '../../../source/model/pod-state.js';
import {isWatchEntry, type SessionEntry, type SessionHeader} from '../../../source/session/format.js';
import {loadCapture} from '../../helpers/load-capture.js';

export const PLACEMENT_CAPTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'captures-full', 'placement.ndjson');

const recorded = loadCapture(PLACEMENT_CAPTURE);
export const RECORDED_AT = Date.parse(recorded.header.recordedAt);

function objects<T extends KubeObject>(kind: string): T[] {
	const byName = new Map<string, T>();
	for (const entry of recorded.entries) if (isWatchEntry(entry) && entry.object.kind === kind) byName.set(entry.object.metadata!.name!, entry.object as T);
	return [...byName.values()];
}

/** kind-control-plane (tainted node-role.kubernetes.io/control-plane:NoSchedule) and kind-worker, as recorded. */
export function kindNodes(): Node[] {
	return structuredClone(objects<Node>('Node'));
}

/** A node like the recorded kind-worker, with another name and extra labels or taints. */
export function workerLike(name: string, labels: Record<string, string> = {}, taints?: Taint[]): Node {
	const worker = kindNodes().find(node => node.metadata.name === 'kind-worker')!;
	return {
		...worker,
		metadata: {...worker.metadata, name, uid: `uid-${name}`, labels: {...worker.metadata.labels, 'kubernetes.io/hostname': name, ...labels}},
		spec: {...worker.spec, taints},
	};
}

/** The recorded Pending `ha` pod, the template every scenario pod is copied from. */
const template = objects<Pod>('Pod').find(pod => pod.metadata.name === 'ha-66757c68df-5fklm')!;

export interface PodCase {
	name: string;
	namespace?: string;
	labels?: Record<string, string>;
	/** Bound to this node (Running), else Pending. */
	node?: string;
	affinity?: Affinity;
	tolerations?: Toleration[];
	spread?: TopologySpreadConstraint[];
	/** metadata.deletionTimestamp set. */
	deleting?: boolean;
	phase?: string;
	/** PodScheduled=False with this message (the scheduler's). */
	unschedulable?: string;
}

let uid = 0;

export function podOf(spec: PodCase): Pod {
	const conditions: PodCondition[] = spec.unschedulable
		? [{type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: spec.unschedulable, lastTransitionTime: '2026-12-04T15:50:45Z'}]
		: spec.node
			? [{type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-12-04T15:50:45Z'}]
			: [];
	return {
		...template,
		metadata: {
			name: spec.name,
			namespace: spec.namespace ?? 'default',
			uid: `uid-${spec.name}-${(uid += 1)}`,
			resourceVersion: String(2000 + uid),
			creationTimestamp: '2026-12-04T15:50:45Z',
			labels: spec.labels ?? {},
			...(spec.deleting && {deletionTimestamp: '2026-12-04T15:50:47Z', deletionGracePeriodSeconds: 30}),
		},
		spec: {
			...template.spec,
			nodeName: spec.node,
			affinity: spec.affinity,
			tolerations: [...(spec.tolerations ?? []), ...(template.spec.tolerations ?? [])],
			topologySpreadConstraints: spec.spread,
		},
		status: {phase: spec.phase ?? (spec.node ? 'Running' : 'Pending'), conditions},
	};
}

/** The control-plane taint's toleration, as near-front carries it. */
export const TOLERATE_CONTROL_PLANE: Toleration = {key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule'};

export interface Scenario {
	store: PodStore;
	view: StoreView;
	now: number;
	state(name: string): PodState;
	/** The session: header and entries, as a file would hold them. */
	header: SessionHeader;
	entries: SessionEntry[];
}

/** A store (and its session) holding the nodes, then the pods and any other objects, in order. */
export function scenario(pods: readonly PodCase[], options: {nodes?: Node[]; objects?: KubeObject[]; namespacesSynced?: boolean} = {}): Scenario {
	const entries: SessionEntry[] = [];
	let t = 0;
	for (const node of options.nodes ?? kindNodes()) entries.push({t, type: 'ADDED', object: node});
	entries.push({t, type: 'SYNCED', resource: 'nodes', resourceVersion: '1'});
	for (const object of options.objects ?? []) entries.push({t, type: 'ADDED', object});
	if (options.namespacesSynced) entries.push({t, type: 'SYNCED', resource: 'namespaces', resourceVersion: '1'});
	for (const spec of pods) entries.push({t: (t += 10), type: 'ADDED', object: podOf(spec)});
	entries.push({t, type: 'SYNCED', resource: 'pods', resourceVersion: '2'});
	const header: SessionHeader = {...recorded.header, title: 'placement scenario'};
	const store = new PodStore({compat: compatForServerVersion(header.serverVersion)});
	for (const entry of entries) store.apply(entry, RECORDED_AT + entry.t);
	const view = store.view();
	return {
		store,
		view,
		now: RECORDED_AT + t,
		state: name => {
			const found = [...view.pods.values()].find(state => state.name === name);
			if (!found) throw new Error(`no pod ${name} in the scenario`);
			return found;
		},
		header,
		entries,
	};
}

/** Required anti-affinity to pods `selector` over `topologyKey`. */
export function antiAffinity(selector: Record<string, string>, topologyKey = 'kubernetes.io/hostname'): Affinity {
	return {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: selector}, topologyKey}]}};
}

/** Required affinity to pods `selector` over `topologyKey`. */
export function affinity(selector: Record<string, string>, topologyKey = 'kubernetes.io/hostname'): Affinity {
	return {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: selector}, topologyKey}]}};
}
