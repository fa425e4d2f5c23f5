// A PodStore filled from a recorded capture up to a moment, and a fixed clock at
// that moment: the pods exactly as the real server showed them then.

import {fileURLToPath} from 'node:url';
import {loadCapture} from '../../helpers/load-capture.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import {compatForServerVersion} from '../../../source/model/compat.js';
import type {Clock, SourceInfo} from '../../../source/sources/source-info.js';

/** A capture of fixtures/captures, or of another fixtures folder (`logs`: the test sessions with made-up LOG entries). */
export function captureFile(name: string, folder: 'captures' | 'logs' | 'captures-full' = 'captures'): string {
	return fileURLToPath(new URL(`../../fixtures/${folder}/${name}.ndjson`, import.meta.url));
}

export interface CaptureStore {
	store: PodStore;
	clock: Clock & {at: number};
	info: SourceInfo;
	recordedAtMs: number;
}

/** The store after every entry with t <= atT (default: the whole capture). */
export function captureStore(name: string, atT = Number.POSITIVE_INFINITY, folder?: Parameters<typeof captureFile>[1]): CaptureStore {
	const capture = loadCapture(captureFile(name, folder));
	const recordedAtMs = Date.parse(capture.header.recordedAt);
	const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion)});
	let last = 0;
	for (const entry of capture.entries) {
		if (entry.t > atT) break;
		store.apply(entry, recordedAtMs + entry.t);
		last = entry.t;
	}
	const clock = {at: recordedAtMs + last, now: () => clock.at};
	const info: SourceInfo = {kind: 'replay', title: capture.header.title ?? name, file: captureFile(name, folder), header: capture.header};
	return {store, clock, info, recordedAtMs};
}
