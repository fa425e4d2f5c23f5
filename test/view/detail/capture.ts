// Loads a recorded session into the real pod store, up to a moment, for the detail tests.

import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {compatForServerVersion} from '../../../source/model/compat.js';
import {PodStore} from '../../../source/model/store/pod-store.js';
import type {PodState, StoreView} from '../../../source/model/pod-state.js';
import type {SessionEntry, SessionHeader} from '../../../source/session/format.js';

export interface LoadedCapture {
	view: StoreView;
	/** Epoch ms of the last applied entry. */
	now: number;
	recordedAt: number;
	pod(name: string): PodState;
}

/** Applies the entries of test/fixtures/<dir>/<file> with t ≤ untilT (all by default). */
export function loadCapture(file: string, untilT = Number.POSITIVE_INFINITY, dir = 'captures'): LoadedCapture {
	const path = fileURLToPath(new URL(`../../fixtures/${dir}/${file}`, import.meta.url));
	const [headerLine, ...entryLines] = readFileSync(path, 'utf8')
		.split('\n')
		.filter(text => text.trim() !== '');
	const header = JSON.parse(headerLine!) as SessionHeader;
	const recordedAt = Date.parse(header.recordedAt);
	const store = new PodStore({compat: compatForServerVersion(header.serverVersion)});
	let now = recordedAt;
	for (const text of entryLines) {
		const entry = JSON.parse(text) as SessionEntry;
		if (entry.t > untilT) break;
		now = recordedAt + entry.t;
		store.apply(entry, now);
	}
	const view = store.view();
	return {
		view,
		now,
		recordedAt,
		pod(name: string): PodState {
			for (const state of view.pods.values()) if (state.name === name || state.name.startsWith(`${name}-`)) return state;
			throw new Error(`no pod ${name} in ${file}`);
		},
	};
}
