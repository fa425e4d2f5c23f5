// A live table whose watch is down: the rows are the last ones seen, so they are dimmed, and the
// header says since when. Colour is forced for this file (Ink writes no styles to a stream it
// thinks has no colour), before Ink loads.

import React from 'react';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';

process.env['FORCE_COLOR'] = '1';
const {App} = await import('../../source/ui/app.js');
const {FrameSource} = await import('../../source/ui/frame-source.js');
const {realScheduler} = await import('../../source/sources/replay/scheduler.js');
const {captureStore} = await import('./helpers/capture-store.js');
const {renderAtSize} = await import('./helpers/render-at-size.js');
type Rendered = import('./helpers/render-at-size.js').Rendered;

let current: Rendered | null = null;

afterEach(() => {
	current?.instance.unmount();
	current = null;
});

const plain = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, '');
const DIM = '\u001B[2m';

function renderLive(columns: number) {
	const data = captureStore('mixed');
	const frames = new FrameSource([listener => data.store.subscribe(listener)], realScheduler, 0, 0);
	const info = {...data.info, kind: 'live' as const, title: 'kind-kind', context: 'kind-kind', server: 'https://127.0.0.1:6443'};
	current = renderAtSize(<App store={data.store} clock={data.clock} info={info} frames={frames} />, {columns, rows: 30});
	return {app: current, data};
}

describe('a live table while reconnecting', () => {
	it('dims the rows while the live watch reconnects, and the header says since when', async () => {
		const {app, data} = renderLive(120);
		let frame = await app.waitFor(f => plain(f).includes('crashloop'));
		const row = (f: string) => f.split('\n').find(line => plain(line).includes('kube-proxy-4c9tl'))!;
		expect(row(frame)).toMatch(/\u001B\[32m/);
		expect(row(frame)).not.toContain(DIM);
		data.store.apply({t: 0, type: 'STATUS', state: 'reconnecting', message: 'watch closed'}, data.clock.at - 12_000);
		frame = await app.waitFor(f => plain(f).includes('reconnecting'));
		const since = new Date(data.clock.at - 12_000).toISOString().slice(11, 19);
		expect(plain(frame)).toContain(`◌ reconnecting since ${since} (12s): watch closed`);
		expect(row(frame)).toContain(DIM);
		data.store.apply({t: 0, type: 'STATUS', state: 'connected'}, data.clock.at);
		frame = await app.waitFor(f => plain(f).includes('● connected'));
		expect(row(frame)).not.toContain(DIM);
	});

	it('keeps the header on its two lines when the reconnect message is longer than the terminal', async () => {
		const {app, data} = renderLive(80);
		await app.waitFor(f => plain(f).includes('crashloop'));
		const message = 'pods: connect ECONNREFUSED 127.0.0.1:6443; retrying in 7.2s (attempt 6)';
		data.store.apply({t: 0, type: 'STATUS', state: 'reconnecting', message}, data.clock.at - 5_000);
		const frame = plain(await app.waitFor(f => plain(f).includes('reconnecting')));
		const lines = frame.split('\n');
		// A line wider than the terminal wraps there and pushes the whole screen down.
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
		expect(lines[0]).toMatch(/^podlife k… +live \d\d:\d\d:\d\d UTC {2}◌ reconnecting since \d\d:\d\d:\d\d \(5s\): pods: conn.*…$/);
		expect(lines[1]).toMatch(/^17 pods: /);
		expect(lines[2]).toMatch(/NAMESPACE +NAME/);
	});
});
