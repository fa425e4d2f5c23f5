// The one hook that adapts the model to React: re-render when the coalesced
// frame source says so. Components then read the store and the clock for that
// frame; they never subscribe on their own.

import {useSyncExternalStore} from 'react';
import type {FrameSource} from './frame-source.js';

export function useFrame(source: FrameSource): number {
	return useSyncExternalStore(source.subscribe, source.getSnapshot, source.getSnapshot);
}
