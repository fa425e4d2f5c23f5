// The UI state (view/ui-state.ts) as React holds it: in a ref, advanced by the pure uiReducer, so
// keys that arrive before React re-renders (fast typing, pasted text) each see the state the key
// before them left; a change asks for a new render.

import {useReducer, useRef} from 'react';
import {initialUiState, uiReducer, type UiAction, type UiState} from '../view/ui-state.js';

export interface UiStateHandle {
	/** The state now: the last key's effect included, rendered or not. */
	current(): UiState;
	dispatch(action: UiAction): void;
	/**
	 * The state a frame was drawn for (view/frame.ts pins the pod under the table's cursor) becomes
	 * the current one: the frame already shows it, so it needs no new render.
	 */
	drawn(state: UiState): void;
}

export function useUiState(initial: Partial<UiState> | undefined): UiStateHandle {
	const ref = useRef<UiState | null>(null);
	ref.current ??= {...initialUiState(), ...initial};
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	const handle = useRef<UiStateHandle | null>(null);
	handle.current ??= {
		current: () => ref.current!,
		dispatch: action => {
			const next = uiReducer(ref.current!, action);
			if (next === ref.current) return;
			ref.current = next;
			rerender();
		},
		drawn: state => {
			ref.current = state;
		},
	};
	return handle.current;
}
