// podlife live as a user of a shared cluster sees it, at 80×24: pods in two namespaces only, no
// cluster-wide list, no nodes, no events (the fake server's RBAC). The header says what is
// watched, the views that need nodes or events say in one line that they are not permitted, and
// a permission revoked mid-session shows under the header, in red, while the rest goes on.

import React from 'react';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {FrameSource} from '../../source/ui/frame-source.js';
import {realScheduler} from '../../source/sources/replay/scheduler.js';
import {startLiveStore, type LiveStore} from '../../source/sources/live/live-store.js';
import {FAST, startFake, waitUntil, type Fake} from '../sources/live/helpers.js';
import {KEY, renderAtSize, type Rendered} from './helpers/render-at-size.js';

let fake: Fake | undefined;
let live: LiveStore | undefined;
let app: Rendered | undefined;

afterEach(async () => {
	app?.instance.unmount();
	await live?.stop();
	await fake?.close();
	app = undefined;
	live = undefined;
	fake = undefined;
});

async function openAs(options: {namespace?: string | null; namespaces?: string[]}): Promise<Rendered> {
	fake = await startFake('mixed', {startAt: 60_000, token: 't'});
	fake.server.requireToken('t', 'jane');
	fake.server.limitAccess([{resources: ['pods'], namespaces: ['default', 'kube-system']}]);
	live = await startLiveStore({kubeconfig: fake.kubeconfig, ...FAST, ...options});
	await live.source.synced;
	const source = live.source;
	const frames = new FrameSource([listener => live!.store.subscribe(listener)], realScheduler, 0, 0);
	app = renderAtSize(<App store={live.store} clock={{now: () => source.now()}} info={source.info} frames={frames} />, {columns: 80, rows: 24});
	return app;
}

function lines(frame: string): string[] {
	return frame.split('\n');
}

describe('live with limited permissions, at 80×24', () => {
	it('-A without a cluster-wide list says under the header which namespace it watches, and lists its pods', async () => {
		const screen = await openAs({namespace: null});
		const frame = await screen.waitFor(f => f.includes('crashloop-'));
		expect(lines(frame)[2]).toMatch(/^⚠ watching namespace "default" only \(the context's\): RBAC forbids this user to/);
		for (const line of lines(frame)) expect(stringWidth(line)).toBeLessThanOrEqual(80);
		expect(frame).not.toContain('kube-system');
	});

	it('says in one line on Scheduling and Events that nodes and events are not permitted; the other sections work', async () => {
		const screen = await openAs({namespaces: ['default', 'kube-system']});
		const table = await screen.waitFor(f => f.includes('crashloop-'));
		// The header's scope names what is watched, not "all".
		expect(lines(table)[1]).toMatch(/ns: default, kube-system {2}sort: worst first$/);
		await screen.press('/', ...'crashloop', KEY.enter);
		await screen.waitFor(f => lines(f).some(line => line.startsWith('›') && line.includes('crashloop-')));
		await screen.press(KEY.enter);
		await screen.waitFor('[Overview]');
		const sectionFrame = async (section: string) => {
			for (let n = 0; n < 6 && !screen.lastFrame().includes(`[${section}]`); n++) await screen.press(KEY.tab);
			return screen.waitFor(`[${section}]`);
		};
		const scheduling = await sectionFrame('Scheduling');
		expect(scheduling).toContain('⚠ nodes not permitted: RBAC forbids this user to list them; no node fit shown');
		const events = await sectionFrame('Events');
		expect(events).toContain('⚠ events not permitted: RBAC forbids this user to list them; no pod events shown');
		expect(events).not.toContain('no events recorded');
		const containers = await sectionFrame('Containers');
		expect(containers).not.toContain('not permitted');
		expect(containers).toContain('crashloop');
	});

	it('shows a permission revoked mid-session under the header while the other namespace goes on, and clears it once restored', async () => {
		const screen = await openAs({namespaces: ['default', 'kube-system']});
		await screen.waitFor(f => f.includes('crashloop-') && f.includes('● connected'));
		fake!.server.revokeAccess({resources: ['pods'], namespaces: ['kube-system']});
		fake!.server.cutWatches();
		const frame = await screen.waitFor(f => f.includes('access revoked'));
		expect(lines(frame)[2]).toBe('✗ pods in "kube-system": access revoked (403); rows as last seen, retrying');
		expect(lines(frame)[0]).toContain('◌ reconnecting');
		// The rest of the table is still there.
		expect(frame).toContain('crashloop-');
		fake!.server.allowAll();
		await waitUntil(() => live!.source.status().state === 'connected', 'the watch to come back');
		await screen.waitFor(f => !f.includes('access revoked') && f.includes('● connected'));
	});
});
