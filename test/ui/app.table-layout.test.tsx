// The pod table's columns as a user meets them at 80, 120 and 200 columns: names that stay
// apart when cut, columns that hold still while a session plays, the back-off countdown kept
// whole, ←/→ for the columns that do not fit.

import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {FrameSource} from '../../source/ui/frame-source.js';
import {realScheduler} from '../../source/sources/replay/scheduler.js';
import {captureStore} from './helpers/capture-store.js';
import {KEY, renderAtSize, type Rendered} from './helpers/render-at-size.js';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';

let current: Rendered | null = null;

afterEach(() => {
	current?.instance.unmount();
	current = null;
	closeReplayApps();
});

/** mixed.ndjson at its end as a live cluster: 17 pods, a crash loop counting down, long kube-system names. */
function renderLive(columns: number, rows = 30) {
	const data = captureStore('mixed');
	const frames = new FrameSource([listener => data.store.subscribe(listener)], realScheduler, 0, 0);
	const info = {...data.info, kind: 'live' as const, title: 'kind-kind', context: 'kind-kind'};
	current = renderAtSize(<App store={data.store} clock={data.clock} info={info} frames={frames} />, {columns, rows});
	return {app: current, data};
}

const plain = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, '');

/** The table rows of a frame (colour codes removed): lines that start with the row prefix and a cell. */
function tableLines(frame: string): string[] {
	return plain(frame)
		.split('\n')
		.filter(line => /^[› ][✓○✗↻⇣–][* ] \S/.test(line));
}

function headerLine(frame: string): string {
	return (
		plain(frame)
			.split('\n')
			.find(line => /^.{4}(NAMESPACE|NAME) /.test(line)) ?? ''
	);
}

/** The column titles of the header, without the arrows and the names of the columns off-screen. */
function titles(frame: string): string {
	return headerLine(frame)
		.slice(4)
		.replace(/\s+→.*$/, '');
}

/** The line right above the footer: the status line. */
function statusLine(frame: string): string {
	const lines = plain(frame).split('\n');
	return lines[lines.findIndex(line => line.startsWith('Enter open')) - 1] ?? '';
}

function rowOf(frame: string, name: string): string {
	return tableLines(frame).find(line => line.includes(name)) ?? '';
}

describe('pod table columns', () => {
	it('at 80 columns keeps names apart: cut in the middle, their last part kept, NODE off-screen rather than cut', async () => {
		const {app} = renderLive(80);
		const frame = await app.waitFor('crashloop');
		const names = tableLines(frame).map(line => line.slice(4).split(/\s+/)[1]!);
		expect(names).toContain('coredns-66…-cdzwd');
		expect(names).toContain('coredns-66…-ppj8n');
		expect(new Set(names).size).toBe(names.length);
		expect(names.filter(name => name.includes('…')).every(name => /…-?[a-z0-9]+$/.test(name))).toBe(true);
		// NAMESPACE, NAME, READY, STATUS, RESTARTS, AGE: no NODE cell, cut or whole.
		for (const line of tableLines(frame))
			expect(
				line
					.slice(4)
					.trim()
					.split(/\s{2,}/),
			).toHaveLength(6);
		expect(titles(frame)).not.toContain('NODE');
		expect(headerLine(frame)).toMatch(/→/);
	});

	it('at 200 columns shows every name whole and every column, with nothing off-screen', async () => {
		const {app, data} = renderLive(200);
		const frame = await app.waitFor('crashloop');
		expect(headerLine(frame)).toMatch(/^ {4}NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE +NODE +FLAGS$/);
		for (const pod of data.store.view().pods.values()) expect(rowOf(frame, pod.name)).toContain(` ${pod.namespace}  `);
		expect(tableLines(frame).join('\n')).not.toContain('…');
	});

	for (const columns of [80, 120, 200]) {
		it(`holds every column in place at ${columns} columns while the session plays: no shift when ContainerCreating or "1 (6s ago)" appears`, async () => {
			const {app, player} = await openReplayApp('mixed', {size: {columns, rows: 40}});
			const where = (frame: string) => ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'].map(title => headerLine(frame).search(new RegExp(` ${title}( |$)`)));
			// While the first list comes in, a longer name may widen NAME (a value that no longer fits);
			// from the first new pod of the session on, nothing moves.
			let settled: number[] | null = null;
			let previous = where(app.lastFrame());
			const seen = new Set<string>();
			while (player.positionMs < player.endMs) {
				const before = app.stdout.frames.length;
				player.step(1);
				await app.waitFor(() => app.stdout.frames.length > before);
				const frame = app.lastFrame();
				const now = where(frame);
				for (const [i, at] of now.entries()) expect(at, `column ${i} moved left at ${player.positionMs} ms`).toBeGreaterThanOrEqual(previous[i]!);
				previous = now;
				if (tableLines(frame).some(line => line.includes(' default '))) settled ??= now;
				if (settled) expect(now, `at ${player.positionMs} ms:\n${headerLine(frame)}`).toEqual(settled);
				if (settled && frame.includes('ContainerCreating')) seen.add('ContainerCreating');
				if (settled && /\d \(\d+s ago\)/.test(frame)) seen.add('restart ago');
			}
			expect([...seen].sort()).toEqual(['ContainerCreating', 'restart ago']);
		});
	}

	it('keeps the crash-loop countdown whole at 120 columns, in FLAGS and at the end of the status line', async () => {
		const {app} = renderLive(120);
		let frame = await app.waitFor('crashloop');
		expect(rowOf(frame, 'crashloop-4wqpg')).toMatch(/ restart in \d+s$/);
		expect(rowOf(frame, 'bad-image-f9bmn')).toMatch(/ next pull in \d+s$/);
		await app.press('/', ...'crashloop', KEY.enter);
		frame = await app.waitFor(f => tableLines(f).length === 1);
		expect(statusLine(frame)).toMatch(/^default\/crashloop-4wqpg {2}CrashLoopBackOff {2}— crash-loop: container api .*… next restart in \d+s$/);
		expect(statusLine(frame).length).toBeLessThanOrEqual(120);
	});

	it('keeps the image pull countdown at the end of the status line at 80 columns', async () => {
		const {app} = renderLive(80);
		await app.waitFor('crashloop');
		await app.press('/', ...'bad-image', KEY.enter);
		const frame = await app.waitFor(f => tableLines(f).length === 1);
		expect(statusLine(frame)).toMatch(/^default\/bad-image-f9bmn {2}ImagePullBackOff {2}— image-pull:.*… next pull in about \d+s$/);
	});

	it('scrolls the columns that do not fit into view with → and back with ←, NAMESPACE and NAME staying', async () => {
		const {app} = renderLive(80);
		let frame = await app.waitFor('crashloop');
		const name = rowOf(frame, 'crashloop-4wqpg').slice(4, 33);
		for (let presses = 0; !titles(frame).includes('NODE') && presses < 4; presses++) {
			await app.press(KEY.right);
			frame = app.lastFrame();
		}
		const header = headerLine(frame);
		expect(header).toMatch(/^← +NAMESPACE +NAME +.*NODE/);
		expect(titles(frame)).not.toContain('READY');
		expect(rowOf(frame, 'crashloop-4wqpg').slice(4, 33)).toBe(name);
		expect(rowOf(frame, 'crashloop-4wqpg')).toContain('kind-worker');
		expect(rowOf(frame, 'etcd-kind')).toContain('kind-control-plane');
		expect(frame).toMatch(/FLAGS/);
		for (let presses = 0; !titles(frame).includes('READY') && presses < 6; presses++) {
			await app.press(KEY.left);
			frame = app.lastFrame();
		}
		expect(headerLine(frame)).toMatch(/^ +→? *NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE/);
	});

	it('says wide mode is on at 80 columns, where its columns all start off-screen', async () => {
		const {app} = renderLive(80);
		let frame = await app.waitFor('crashloop');
		expect(frame.split('\n')[1]).not.toMatch(/ wide$/);
		await app.press('w');
		frame = await app.waitFor(f => / wide$/.test(f.split('\n')[1]!));
		expect(frame.split('\n')[1]).toMatch(/ns: all {2}sort: worst first {2}wide$/);
		expect(headerLine(frame)).not.toContain(' IP');
		await app.press('w');
		await app.waitFor(f => !/ wide$/.test(f.split('\n')[1]!));
	});

	it('in wide mode at 120 columns shows IPs and nodes whole, and → brings the rest', async () => {
		const {app} = renderLive(120);
		await app.waitFor('crashloop');
		await app.press('w');
		let frame = await app.waitFor(f => headerLine(f).includes(' IP'));
		expect(frame).not.toMatch(/\d+\.\d+…|kind-…|NOMIN…/);
		expect(rowOf(frame, 'etcd-kind')).toContain('172.18.0.');
		expect(headerLine(frame)).toContain('→');
		expect(titles(frame)).not.toContain('WHY');
		for (let presses = 0; !titles(frame).includes('WHY') && presses < 10; presses++) {
			await app.press(KEY.right);
			frame = app.lastFrame();
			expect(frame).not.toMatch(/\d+\.\d+…|kind-…|NOMIN…/);
		}
		expect(titles(frame)).toContain('WHY');
		expect(rowOf(frame, 'crashloop-4wqpg')).toMatch(/crash-loop: container api/);
	});
});
