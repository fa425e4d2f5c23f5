// Whose log `l` and `p` open: the selected pod's container that the cursor is on (the Containers
// section), else the one the why line names (the one in trouble), else the first app container,
// as `kubectl logs POD` picks it — of that life of the pod's name (its uid: a Lanes row may be an
// ended life whose name another pod has taken since). Pure: the frame offers it to the keys.

import type {PodState, StoreView} from '../model/pod-state.js';
import {lifeOf} from '../model/store/ended-pods.js';
import {podKey} from '../model/pod-key.js';
import type {Why} from '../model/why.js';
import type {LogTarget} from '../sources/log-feed.js';
import {formatClock} from './goto-time.js';

/** What `l`/`p` would open: the pod and container, or why there is none. */
export type LogChoice = {ok: true; target: Omit<LogTarget, 'previous'>} | {ok: false; problem: string};

/**
 * `cursorContainer`: index into pod.containers of the container the Containers section's cursor
 * is on (or shows in full), when that section shows. `live`: the log is asked of the cluster, which
 * forgets a pod's logs with the pod — and answers for a pod made again under its name meanwhile, so a
 * deleted pod's log is never asked for by its name.
 */
export function logChoice(pod: PodState | null | undefined, why: Why | null, {cursorContainer, live}: {cursorContainer?: number; live: boolean}): LogChoice {
	if (!pod) return {ok: false, problem: 'no pod selected'};
	if (live && pod.deletedAt !== null)
		return {
			ok: false,
			problem: `${pod.key} was deleted at ${formatClock(pod.deletedAt)}: its logs went with it (podlife record keeps the logs of containers that end)`,
		};
	const chosen =
		(cursorContainer === undefined ? undefined : pod.containers[cursorContainer]) ??
		(why?.container ? pod.containers.find(view => view.name === why.container) : undefined) ??
		pod.containers.find(view => view.kind === 'regular') ??
		pod.containers[0];
	if (!chosen) return {ok: false, problem: `${pod.key} has no containers`};
	return {ok: true, target: {namespace: pod.namespace, pod: pod.name, uid: pod.uid, container: chosen.name}};
}

/**
 * Why the previous run (`p`) of the target's container has nothing to show, in podlife's words:
 * its status has no earlier run (it has not restarted), where the kubelet answers "previous
 * terminated container "api" in pod "x" not found". Null when it has one, or the pod is not known.
 */
export function noPreviousRun(view: Pick<StoreView, 'pods' | 'endedPods'>, target: Omit<LogTarget, 'previous'>): string | null {
	const pod = lifeOf(view, podKey(target.namespace, target.pod), target.uid);
	const container = pod?.containers.find(view => view.name === target.container);
	if (!container || container.lastTermination) return null;
	const current = container.state === 'terminated' ? 'the log of its one run' : 'its log';
	return `${target.container} has no previous run: it has not restarted (l shows ${current})`;
}
