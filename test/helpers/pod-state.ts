// A pod state with some of its fields replaced, for a test that varies one. States are instances
// (model/store/pod-version.ts) whose fields are getters: a spread would drop them, so the copy
// delegates to the state for everything it does not replace.

import type {PodState} from '../../source/model/pod-state.js';

export function podStateWith(state: PodState, changes: Partial<PodState>): PodState {
	return Object.assign(Object.create(state) as PodState, changes);
}
