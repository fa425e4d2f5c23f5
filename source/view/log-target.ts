// Whose log `l` and `p` open: the selected pod's container that the cursor is on (the Containers
// section), else the one the why line names (the one in trouble), else the first app container,
// as `kubectl logs POD` picks it. Pure: the frame offers it to the keys.

import type {PodState} from '../model/pod-state.js';
import type {Why} from '../model/why.js';
import type {LogTarget} from '../sources/log-feed.js';

/** What `l`/`p` would open: the pod and container, or why there is none. */
export type LogChoice = {ok: true; target: Omit<LogTarget, 'previous'>} | {ok: false; problem: string};

/**
 * `cursorContainer`: index into pod.containers of the container the Containers section's cursor
 * is on (or shows in full), when that section shows.
 */
export function logChoice(pod: PodState | null | undefined, why: Why | null, cursorContainer?: number): LogChoice {
	if (!pod) return {ok: false, problem: 'no pod selected'};
	const chosen =
		(cursorContainer === undefined ? undefined : pod.containers[cursorContainer]) ??
		(why?.container ? pod.containers.find(view => view.name === why.container) : undefined) ??
		pod.containers.find(view => view.kind === 'regular') ??
		pod.containers[0];
	if (!chosen) return {ok: false, problem: `${pod.key} has no containers`};
	return {ok: true, target: {namespace: pod.namespace, pod: pod.name, container: chosen.name}};
}
