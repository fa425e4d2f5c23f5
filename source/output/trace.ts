// `--output trace`: the pods' lives as a Chrome trace-event JSON file (the format of chrome://tracing
// and Perfetto UI's JSON import, "Trace Event Format"): one process per workload (pid; its name in a
// process_name metadata event), one thread per pod (tid; thread_name), one complete event ("X",
// ts and dur in microseconds) per stretch of one printed STATUS and READY, instant events ("i",
// thread scope) for restarts, the pod's deletion and its Kubernetes Events, and for a Deployment a
// thread of its rollouts; before a pod's first seen slice, what its object told of its life before
// podlife saw it (category "before-sight"). A pod's slices follow one another without overlapping:
// Perfetto drops a slice that overlaps another on its thread. Times are Unix epoch microseconds, so
// the file lines up with other traces taken on wall-clock time (and a life reconstructed from before
// the session's start needs no shift of the origin to stay positive).
//
// Ids follow Perfetto's reading, which is Linux's: a tid names one thread across the whole trace and
// the thread whose tid is its process's pid is that process's main thread, and 0 is the kernel's. So
// pids count from 1, a process's own metadata sits on tid = pid, and threads count on from past the
// last pid. No displayTimeUnit: "ms" is the default anyway, and Perfetto before 2022 read it as the
// unit of ts.

import type {KubeEvent} from '../kube/objects.js';
import type {PodState, StoreView} from '../model/pod-state.js';
import {podLane, printedMoments, statusClass, type PodLane} from '../model/status-lane.js';
import {eventTime, podEvents} from '../model/store/pod-events.js';
import {deploymentRollouts} from '../model/workloads/rollouts.js';
import {revisionStep} from '../view/workloads/workload-summary.js';
import {groupPods, workloadTitle, type WorkloadGroup} from '../model/workloads/workload-groups.js';
import {podsAndEnded} from '../model/store/ended-pods.js';

export interface TraceEvent {
	name: string;
	ph: 'X' | 'i' | 'M';
	pid: number;
	tid: number;
	/** Microseconds (the format's unit); metadata events carry 0. */
	ts: number;
	dur?: number;
	cat?: string;
	/** An instant's scope: 't', the thread. */
	s?: 't';
	args?: Record<string, unknown>;
}

export interface TraceFile {
	traceEvents: TraceEvent[];
	otherData: Record<string, string>;
}

const µs = (ms: number): number => Math.round(ms * 1000);

/** A name as one line of printable text: Perfetto's tokenizer refuses control characters in a name. */
const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f]+/g, ' ');

/** The metadata events that name a track and set its place. */
function names(pid: number, tid: number | null, name: string, index: number): TraceEvent[] {
	if (tid === null)
		return [
			{name: 'process_name', ph: 'M', pid, tid: pid, ts: 0, args: {name: printable(name)}},
			{name: 'process_sort_index', ph: 'M', pid, tid: pid, ts: 0, args: {sort_index: index}},
		];
	return [
		{name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: {name: printable(name)}},
		{name: 'thread_sort_index', ph: 'M', pid, tid, ts: 0, args: {sort_index: index}},
	];
}

/**
 * A pod's life before it was first seen, as its object told it (model/before-sight.ts): one slice per
 * reconstructed stretch, in a category of its own and named so that no one takes it for a STATUS the
 * server printed. It ends where the first seen slice begins.
 */
function beforeSightSlices(pod: PodState, lane: PodLane, pid: number, tid: number): TraceEvent[] {
	const restarts = pod.beforeSight?.restarts ?? 0;
	return lane.before.map(({from, to, cls}) => ({
		name: `${cls} (before podlife watched: from the object, not seen)`,
		cat: 'before-sight',
		ph: 'X' as const,
		pid,
		tid,
		ts: µs(from),
		dur: µs(to) - µs(from),
		args: {class: cls, seen: false, ...(cls === 'restarting' && {restarts})},
	}));
}

/** A pod's slices, restarts, deletion and events on its thread, up to `now`. */
function podTrack(pod: PodState, events: readonly KubeEvent[], pid: number, tid: number, now: number): TraceEvent[] {
	const lane = podLane(pod);
	const out: TraceEvent[] = beforeSightSlices(pod, lane, pid, tid);
	const end = Math.min(lane.end ?? now, now);
	// Read once: each read of a pod's history builds its transitions afresh.
	const history = pod.history;
	const moments = printedMoments(history, pod.columns.ready);
	for (let index = 0; index < moments.length; index++) {
		const moment = moments[index]!;
		// A run of one row is one slice.
		let next = index + 1;
		while (next < moments.length && moments[next]!.status === moment.status && moments[next]!.ready === moment.ready) next++;
		const to = Math.min(moments[next]?.at ?? end, end);
		index = next - 1;
		// The row printed at the trace's last moment (the recording's or the pod's end) lasted no time
		// that the trace holds, yet it is what the pod became: a slice of no duration, not nothing.
		const last = next === moments.length && moment.at === end;
		if (moment.at > now || (to <= moment.at && !last)) continue;
		const cls = statusClass(moment.status, moment.ready);
		out.push({
			name: printable(`${moment.status} ${moment.ready}`),
			cat: cls,
			ph: 'X',
			pid,
			tid,
			ts: µs(moment.at),
			dur: µs(to) - µs(moment.at),
			args: {status: moment.status, ready: moment.ready, class: cls},
		});
	}
	for (const transition of history) {
		if (transition.at > now) break;
		if (transition.kind === 'restart')
			out.push({
				name: printable(`restart ${transition.subject}`),
				cat: 'restart',
				ph: 'i',
				s: 't',
				pid,
				tid,
				ts: µs(transition.at),
				args: {restarts: transition.to, ...(transition.detail && {ended: transition.detail})},
			});
		if (transition.kind === 'deleted')
			out.push({name: 'deleted', cat: 'deleted', ph: 'i', s: 't', pid, tid, ts: µs(transition.at), args: {status: transition.statusAfter}});
	}
	for (const event of events) {
		const at = eventTime(event);
		if (at > now || at === 0) continue;
		out.push({
			name: printable(event.reason || 'Event'),
			cat: printable(`event,${event.type ?? 'Normal'}`),
			ph: 'i',
			s: 't',
			pid,
			tid,
			ts: µs(at),
			args: {type: event.type ?? null, message: event.message ?? null, count: event.count ?? event.series?.count ?? 1},
		});
	}
	return out;
}

/** A Deployment's rollouts as slices on a thread of their own. */
function rolloutTrack(group: WorkloadGroup, pid: number, tid: number, now: number, observedFrom: number, view: StoreView): TraceEvent[] {
	const {rollouts} = deploymentRollouts(group, now, observedFrom, view.owners);
	return rollouts
		.filter(rollout => (rollout.end ?? now) > rollout.start)
		.map(rollout => ({
			name: `rollout ${revisionStep(rollout.from, rollout.to)}`,
			cat: 'rollout',
			ph: 'X' as const,
			pid,
			tid,
			ts: µs(rollout.start),
			dur: µs(rollout.end ?? now) - µs(rollout.start),
			args: {
				from: rollout.from?.replicaSet ?? null,
				to: rollout.to.replicaSet,
				outcome: rollout.outcome,
				...(rollout.stalled && {stalled: `${rollout.stalled.pod} not ready since ${new Date(rollout.stalled.since).toISOString()}`}),
			},
		}));
}

/**
 * The trace of every pod the view holds (tombstones and ended pods included), as of `now`. `observedFrom`: when
 * the session (or the watch) began, which tells whether a Deployment's revisions can be counted.
 */
export function podTrace(view: StoreView, now: number, observedFrom: number, about: Record<string, string> = {}): TraceFile {
	const traceEvents: TraceEvent[] = [];
	// The pods the store let go of too (ended-pods.ts): a name's earlier lives each get a track.
	const pods = podsAndEnded(view);
	const groups = groupPods(pods, view.owners);
	const namespaces = new Set(pods.map(pod => pod.namespace));
	// Threads count on from past the last pid (see the top of this file).
	let tid = groups.length;
	groups.forEach((group, index) => {
		const pid = index + 1;
		const {workload} = group;
		const title =
			workload.kind === 'Node' || workload.kind === 'Pod' ? workloadTitle(workload, true) : `${workload.kind} ${workloadTitle(workload, namespaces.size > 1)}`;
		traceEvents.push(...names(pid, null, title, index));
		if (workload.kind === 'Deployment') {
			const rollouts = ++tid;
			traceEvents.push(...names(pid, rollouts, 'rollouts', 0), ...rolloutTrack(group, pid, rollouts, now, observedFrom, view));
		}
		group.pods.forEach((pod, order) => {
			const podTid = ++tid;
			const name = workload.kind === 'Node' && namespaces.size > 1 ? pod.key : pod.name;
			traceEvents.push(...names(pid, podTid, name, order + 1), ...podTrack(pod, podEvents(view, pod), pid, podTid, now));
		});
	});
	return {traceEvents, otherData: {producer: 'podlife', ...about}};
}

/** The trace file's text: one event per line, so that a large one can still be read and diffed. */
export function renderTrace(trace: TraceFile): string {
	const lines = trace.traceEvents.map(event => JSON.stringify(event));
	return `{"otherData":${JSON.stringify(trace.otherData)},"traceEvents":[\n${lines.join(',\n')}\n]}\n`;
}
