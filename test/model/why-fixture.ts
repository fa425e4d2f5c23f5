// Builds the inputs of explainPod for the why tests: a capture replayed up to a moment, or
// hand-made pod objects applied to a store (so history and columns are the real ones).

import {compatForServerVersion, LATEST_COMPAT} from '../../source/model/compat.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import type {KubeEvent, Node, Pod} from '../../source/kube/objects.js';
import type {PodState, StoreView} from '../../source/model/pod-state.js';
import {explainPod, whyContext, type Why} from '../../source/model/why.js';
import {isWatchEntry} from '../../source/session/format.js';
import {capture} from './store/store-fixture.js';

export interface Moment {
	state: PodState;
	view: StoreView;
	now: number;
	why: Why | null;
}

/** The scenario pod (namespace default) of a capture (in `dir`, default the captures) after the entries up to session time `t`, judged at `t` + `laterMs`. */
export function captureMoment(name: string, t: number, laterMs = 0, dir?: string): Moment {
	const recorded = capture(name, dir);
	const store = new PodStore({compat: compatForServerVersion(recorded.header.serverVersion)});
	const start = Date.parse(recorded.header.recordedAt);
	let key: string | null = null;
	for (const entry of recorded.entries) {
		if (entry.t > t) break;
		store.apply(entry, start + entry.t);
		if (isWatchEntry(entry) && entry.object.kind === 'Pod' && entry.object.metadata?.namespace === 'default') key = `default/${entry.object.metadata.name}`;
	}
	const state = store.pod(key!)!;
	const view = store.view();
	const now = start + t + laterMs;
	return {state, view, now, why: explainPod(state, whyContext(view, state, now))};
}

/** The nodes of the kind cluster the captures were recorded on (kind-control-plane with its NoSchedule taint, kind-worker). */
export function kindNodes(): Node[] {
	const recorded = capture('web');
	const nodes = new Map<string, Node>();
	for (const entry of recorded.entries) {
		if (isWatchEntry(entry) && entry.object.kind === 'Node') nodes.set(entry.object.metadata!.name!, entry.object as Node);
	}
	return [...nodes.values()];
}

let version = 0;

export const T0 = Date.parse('2026-11-25T10:00:00Z');

/** ISO time `seconds` after T0. */
export function at(seconds: number): string {
	return new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** A pod object with sane defaults; `patch` replaces spec/status/metadata fields. */
export function pod(patch: {metadata?: Partial<Pod['metadata']>; spec?: Partial<Pod['spec']>; status?: Pod['status']}): Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name: 'app-7d9f', namespace: 'default', uid: 'uid-1', resourceVersion: String((version += 1)), creationTimestamp: at(0), ...patch.metadata},
		spec: {containers: [{name: 'app', image: 'registry.example/app:1.4'}], restartPolicy: 'Always', nodeName: 'kind-worker', ...patch.spec},
		status: patch.status ?? {phase: 'Pending'},
	};
}

/** Applies the objects in order (the first ADDED, then MODIFIED) at the given seconds after T0, then explains the pod at `nowSeconds`. */
export function explainObjects(
	steps: ReadonlyArray<[seconds: number, object: Pod]>,
	nowSeconds: number,
	extra: {nodes?: Node[]; events?: KubeEvent[]} = {},
): Why | null {
	const store = new PodStore({compat: LATEST_COMPAT});
	steps.forEach(([seconds, object], index) => store.apply({t: seconds * 1000, type: index === 0 ? 'ADDED' : 'MODIFIED', object}, T0 + seconds * 1000));
	for (const node of extra.nodes ?? []) store.apply({t: 0, type: 'ADDED', object: node}, T0);
	for (const event of extra.events ?? []) store.apply({t: 0, type: 'ADDED', object: event}, T0);
	const state = store.pod(`default/${steps[0]![1].metadata.name}`)!;
	return explainPod(state, whyContext(store.view(), state, T0 + nowSeconds * 1000));
}
