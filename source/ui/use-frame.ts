// The one hook that adapts the model to React: re-render when the coalesced frame source says so,
// and derive that frame (view/frame.ts) from the store, the clock, the UI state and the terminal's
// size. Components then draw the frame; they never subscribe on their own.

import {useMemo, useRef, useSyncExternalStore} from 'react';
import type {Clock, SourceInfo} from '../sources/source-info.js';
import {deriveFrame, frameMemory, type Frame, type FrameMemory, type FrameStore, type PlayerView} from '../view/frame.js';
import type {FrameSource} from './frame-source.js';
import {helpGroups} from './help-groups.js';
import {useTerminalSize} from './use-terminal-size.js';
import type {UiStateHandle} from './use-ui-state.js';
import type {LogSnapshot} from '../sources/log-feed.js';

export interface FrameHookInput {
	frames: FrameSource;
	store: FrameStore;
	clock: Clock;
	info: SourceInfo;
	player?: PlayerView;
	ui: UiStateHandle;
	/** The open log's snapshot (undefined: no log open; null: logs cannot be shown here). */
	log?: LogSnapshot | null;
}

export function useFrame({frames, store, clock, info, player, ui, log}: FrameHookInput): Frame {
	useSyncExternalStore(frames.subscribe, frames.getSnapshot, frames.getSnapshot);
	const {columns, rows} = useTerminalSize();
	const memory = useRef<FrameMemory | null>(null);
	memory.current ??= frameMemory(ui.current());
	const replaying = player !== undefined;
	const help = useMemo(() => helpGroups(replaying), [replaying]);
	const frame = deriveFrame({store, memory: memory.current, state: ui.current(), info, player: player ?? null, now: clock.now(), columns, rows, help, log});
	ui.drawn(frame.state);
	return frame;
}
