// Pod lifecycles: the stages each kind of pod goes through, and step(), which moves a pod on by one
// watch event; which pod changes next (pickPod), and where the initial list catches each pod.

import {stamp} from './cluster-facts.js';
import {podObject} from './pod-object.js';

/** The stages each kind goes through, in order; the last one repeats (steady) until the pod goes. */
const STAGES = {
	deploy: ['pending', 'scheduled', 'creating', 'started', 'ready'],
	crash: ['pending', 'scheduled', 'creating', 'started', 'error', 'backoff'],
	job: ['pending', 'scheduled', 'creating', 'started', 'completed'],
	init: ['pending', 'scheduled', 'init0', 'init1', 'podinit', 'started', 'ready'],
	sidecar: ['pending', 'scheduled', 'init0', 'podinit', 'started', 'ready'],
};

/**
 * Moves `pod` one step on at `nowMs`. Returns the entries to write (objects without `t`) and
 * whether the pod is gone (then the caller puts a new one in its place).
 */
export function step(world, pod, nowMs) {
	const r = world.random;
	const out = [];
	const stages = STAGES[pod.kind];
	const at = stages.indexOf(pod.stage);
	const main = pod.containers[0].name;
	const emitPod = (type = 'MODIFIED') => {
		pod.rv = world.nextRv();
		out.push({type, object: podObject(pod, nowMs)});
	};
	const emitEvent = (type, reason, message, fieldPath = `spec.containers{${main}}`) => {
		out.push({type: 'ADDED', object: world.event(pod, nowMs, type, reason, message, fieldPath)});
	};

	if (pod.deletionMs !== null) {
		// Terminating: the kubelet stops the containers, then the grace-0 delete removes the pod.
		pod.rv = world.nextRv();
		out.push({type: 'DELETED', object: podObject(pod, nowMs)});
		return {entries: out, gone: true};
	}
	const steady = at === stages.length - 1;
	if (steady) {
		if (pod.kind === 'crash') {
			// backoff → running again (restartCount up), and on the next step Error again.
			pod.stage = 'started';
			pod.restarts += 1;
			pod.runStartMs = nowMs;
			pod.stageMs = nowMs;
			pod.containerIds[main] = r.hex(64);
			emitPod();
			if (r.chance(0.5)) emitEvent('Normal', 'Started', `Started container ${main}`);
			return {entries: out, gone: false};
		}
		if (pod.kind === 'job') {
			// Completed: the Job controller removes the finalizer, then the pod is deleted.
			emitPod();
			pod.rv = world.nextRv();
			out.push({type: 'DELETED', object: podObject(pod, nowMs)});
			return {entries: out, gone: true};
		}
		if (r.chance(0.5)) {
			// A rollout (Deployment) or a scale-down: Terminating first, DELETED on the next step.
			pod.deletionMs = nowMs;
			emitPod();
			emitEvent('Normal', 'Killing', `Stopping container ${main}`);
			if (pod.kind === 'deploy' && r.chance(0.5)) {
				const owner = pod.ownerRef;
				owner.hash = r.podTemplateHash();
			}
			return {entries: out, gone: false};
		}
		// Readiness flaps: a probe fails and recovers.
		pod.ready = !pod.ready;
		pod.stageMs = nowMs;
		emitPod();
		if (!pod.ready) emitEvent('Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503');
		return {entries: out, gone: false};
	}

	const next = stages[at + 1];
	pod.stage = next;
	pod.stageMs = nowMs;
	if (next === 'started' || next === 'init0') pod.runStartMs = nowMs;
	if (next === 'backoff') {
		// The run that just failed becomes lastState; the kubelet doubles the back-off up to 5m.
		pod.lastExit = world.exitOf(pod, nowMs - 500);
		pod.backoffS = pod.restarts === 0 ? 10 : Math.min(300, pod.backoffS * 2);
	}
	emitPod();
	if (next === 'scheduled') emitEvent('Normal', 'Scheduled', `Successfully assigned ${pod.namespace}/${pod.name} to ${pod.nodeName}`, '');
	else if (next === 'creating' || next === 'init0') emitEvent('Normal', 'Pulled', `Container image "${pod.containers[0].image}" already present on machine`);
	else if (next === 'started') emitEvent('Normal', 'Started', `Started container ${main}`);
	else if (next === 'backoff') {
		const backoff = pod.backoffEvent;
		if (backoff) {
			// The kubelet's BackOff event is one object whose count rises.
			backoff.count += 1;
			backoff.lastTimestamp = stamp(nowMs);
			backoff.metadata.resourceVersion = String(world.nextRv());
			out.push({type: 'MODIFIED', object: backoff});
		} else {
			pod.backoffEvent = world.event(
				pod,
				nowMs,
				'Warning',
				'BackOff',
				`Back-off restarting failed container ${main} in pod ${pod.name}_${pod.namespace}(${pod.uid})`,
				`spec.containers{${main}}`,
			);
			out.push({type: 'ADDED', object: pod.backoffEvent});
		}
	}
	return {entries: out, gone: false};
}

/** A pod on its way somewhere (starting, crashing, terminating, unready): it changes again soon. */
function isBusy(pod) {
	const stages = STAGES[pod.kind];
	return pod.deletionMs !== null || pod.kind === 'crash' || pod.stage !== stages[stages.length - 1] || !pod.ready;
}

export function markBusy(world, pod) {
	if (pod.listed || !isBusy(pod)) return;
	pod.listed = true;
	world.busy.push(pod);
}

/**
 * The pod that changes next: mostly one that is busy (so that, as in a real cluster, most pods sit
 * Running and the changes come from the few that are not), sometimes any pod (a steady pod is
 * rolled out or flaps its readiness).
 */
export function pickPod(world) {
	const busy = world.busy;
	while (busy.length > 0 && world.random.chance(0.85)) {
		const at = world.random.int(busy.length);
		const pod = busy[at];
		// Lazily forget pods that settled or were replaced since they were listed.
		if (world.pods[pod.slot] === pod && isBusy(pod)) return pod;
		pod.listed = false;
		busy[at] = busy[busy.length - 1];
		busy.pop();
	}
	return world.pods[world.random.int(world.pods.length)];
}

/** Initial stages: most pods steady, some caught mid-way (so the first frame shows every status). */
export function initialStage(world, kind) {
	const stages = STAGES[kind];
	if (world.random.chance(0.7)) return stages[stages.length - 1];
	return stages[1 + world.random.int(stages.length - 1)];
}
