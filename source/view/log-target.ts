// Whose log `l` and `p` open: the selected pod's container that the cursor is on (the Containers
// section), else the one the why line names (the one in trouble), else the first app container,
// as `kubectl logs POD` picks it — of that life of the pod's name (its uid: a Lanes row may be an
// ended life whose name another pod has taken since). Pure: the frame offers it to the keys.

import type {PodState} from '../model/pod-state.js';
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
