// A big cluster's pods stream in: the table shows the first page's rows while the rest of the list
// is still coming, and the header says how many pods are being listed until the list completes.

import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {startLiveStore, type LiveStore} from '../../source/sources/live/live-store.js';
import {App} from '../../source/ui/app.js';
import {FrameSource} from '../../source/ui/frame-source.js';
import {realScheduler} from '../../source/sources/replay/scheduler.js';
import {FAST, podsFrom, startFake, type Fake} from '../sources/live/helpers.js';
import {renderAtSize, type Rendered} from './helpers/render-at-size.js';

let fake: Fake | null = null;
let live: LiveStore | null = null;
let app: Rendered | null = null;

afterEach(async () => {
	app?.instance.unmount();
	await live?.stop();
	await fake?.close();
	app = null;
	live = null;
	fake = null;
});

const START_AT = 60_000;

/** A live store on the 'mixed' capture's fake server, listed 5 pods a page; `prepare` runs before it connects. */
async function renderLive(prepare: (server: Fake['server']) => void, watchList = false): Promise<{app: Rendered; pods: number}> {
	fake = await startFake('mixed', {startAt: START_AT});
	prepare(fake.server);
	const pods = podsFrom(fake.entries.filter(entry => entry.t <= START_AT)).size;
	live = await startLiveStore({kubeconfig: fake.kubeconfig, namespace: null, ...FAST, pageSize: 5, watchList});
	const frames = new FrameSource([listener => live!.store.subscribe(listener)], realScheduler, 0, 0);
	const {store, source} = live;
	app = renderAtSize(<App store={store} clock={{now: () => source.now()}} info={source.info} frames={frames} />, {columns: 120, rows: 40});
	return {app, pods};
}

describe('a live table while the pods are listed', () => {
	it('shows the first page of pods at once and says how many are being listed until the list completes', async () => {
		let release = () => {};
		// The first page is answered; the rest of the list waits until released.
		const {app: screen, pods} = await renderLive(server => {
			release = server.holdContinuedLists();
		});
		expect(pods).toBeGreaterThan(5);
		let frame = await screen.waitFor(/^5 pods/m);
		expect(frame).toContain(`◐ listing ${pods} pods…`);
		expect(frame).not.toContain('No pods yet');
		release();
		frame = await screen.waitFor(f => f.includes('● connected'));
		expect(frame).not.toContain('listing');
		expect(frame).toMatch(new RegExp(`^${pods} pods`, 'm'));
	});

	it('lists the pods when every watch-list of the server fails before its end, and leaves "listing" once they are in', async () => {
		// The stream's initial events come, then an ERROR event instead of the bookmark that ends them;
		// client-go's reflector lists instead for that round, "making progress is better than deadlocking".
		const {app: screen, pods} = await renderLive(server => server.failWatchLists(), true);
		const frame = await screen.waitFor(f => f.includes('● connected'));
		expect(frame).not.toContain('listing');
		expect(frame).toMatch(new RegExp(`^${pods} pods`, 'm'));
	});
});
