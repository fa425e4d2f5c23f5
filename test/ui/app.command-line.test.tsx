// The `:` command line, live and in replay, as k9s has it: :q quits, :ns NAME picks a
// namespace (Tab completes it), and in replay a time goes there. Ctrl-U clears a prompt's
// text, and the filter when no prompt is open.
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {FrameSource} from '../../source/ui/frame-source.js';
import {realScheduler} from '../../source/sources/replay/scheduler.js';
import {captureStore} from './helpers/capture-store.js';
import {KEY, renderAtSize, type Rendered} from './helpers/render-at-size.js';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';

const CTRL_U = '\u0015';
let live: Rendered | null = null;

afterEach(() => {
	live?.instance.unmount();
	live = null;
	closeReplayApps();
});

/** mixed.ndjson, watched live (no player): the pods of every namespace. */
async function renderLive(size = {columns: 120, rows: 30}) {
	const data = captureStore('mixed');
	const frames = new FrameSource([listener => data.store.subscribe(listener)], realScheduler, 0, 0);
	live = renderAtSize(<App store={data.store} clock={data.clock} info={{kind: 'live', title: 'kind-kind', context: 'kind-kind'}} frames={frames} />, size);
	await live.waitFor('crashloop');
	return live;
}

function tableNamespaces(frame: string): string[] {
	return [...new Set(frame.split('\n').flatMap(line => /^[› ][✓○✗↻–][* ] (\S+)/.exec(line)?.[1] ?? []))];
}

describe('the : command line, live', () => {
	it('is offered in the footer and the help', async () => {
		const app = await renderLive();
		expect(app.lastFrame()).toContain(': command');
		await app.press('?');
		const help = await app.waitFor('Command line (:q, :ns NAME)');
		expect(help).toContain('Tab');
		expect(help).toContain('Ctrl-U');
	});

	for (const command of ['q', 'quit']) {
		it(`quits with :${command}, once Enter runs it`, async () => {
			const app = await renderLive();
			let exited = false;
			void app.instance.waitUntilExit().then(() => (exited = true));
			await app.press(':', ...command);
			await app.waitFor(new RegExp(`^:${command} `, 'm'));
			expect(exited).toBe(false);
			await app.press(KEY.enter);
			await new Promise(resolve => setTimeout(resolve, 20));
			expect(exited).toBe(true);
		});
	}

	it('shows one namespace with :ns NAME, and all of them again with :ns all or :ns -', async () => {
		const app = await renderLive();
		await app.press(':', ...'ns kube-system', KEY.enter);
		let frame = await app.waitFor('ns: kube-system');
		// One namespace: its pods only, without the NAMESPACE column.
		expect(frame).toContain('coredns-');
		expect(frame).not.toContain('crashloop-');
		expect(frame).not.toContain('NAMESPACE');
		await app.press(':', ...'ns all', KEY.enter);
		frame = await app.waitFor('ns: all');
		expect(tableNamespaces(frame).slice(0, 2)).toEqual(['default', 'kube-system']);
		expect(frame).toContain('NAMESPACE');
		await app.press(':', ...'ns default', KEY.enter);
		await app.waitFor('ns: default');
		await app.press(':', ...'ns -', KEY.enter);
		await app.waitFor('ns: all');
	});

	it('says in one line that a namespace no pod is in is unknown, and keeps the prompt to fix it', async () => {
		const app = await renderLive({columns: 160, rows: 30});
		await app.press(':', ...'ns kube-sys', KEY.enter);
		const frame = await app.waitFor('no pod is in namespace');
		expect(frame).toContain(':ns kube-sys   no pod is in namespace "kube-sys": Tab completes a name; namespaces: default, kube-system, local-path-storage');
		expect(frame).toContain('ns: all');
	});

	it('completes the namespace with Tab', async () => {
		const app = await renderLive();
		await app.press(':', ...'ns kube-s', KEY.tab);
		await app.waitFor(':ns kube-system ');
		await app.press(KEY.enter);
		await app.waitFor('ns: kube-system');
		await app.press(':', 'n', KEY.tab, 'l', KEY.tab);
		await app.waitFor(':ns local-path-storage ');
	});

	it('shows the names Tab could complete to when several fit', async () => {
		const app = await renderLive();
		await app.press(':', ...'ns ', KEY.tab);
		await app.waitFor(':ns    default  kube-system  local-path-storage  all');
	});

	it('says that going to a time needs a replay', async () => {
		const app = await renderLive({columns: 160, rows: 30});
		await app.press(':', ...'0:20', KEY.enter);
		await app.waitFor('a time needs a replay: podlife record FILE, then podlife replay FILE');
	});

	it('clears the typed text with Ctrl-U and keeps the prompt open', async () => {
		const app = await renderLive();
		await app.press(':', ...'ns kube', CTRL_U);
		const frame = await app.waitFor(f => /^: {3}ns NAME/m.test(f));
		expect(frame).not.toContain(':ns kube');
	});
});

describe('Ctrl-U and the filter', () => {
	it('clears the filter prompt text as you type', async () => {
		const app = await renderLive();
		await app.press('/', ...'crash');
		await app.waitFor('/crash ');
		await app.press(CTRL_U);
		await app.waitFor(f => /^\/ {3}Enter apply/m.test(f));
		await app.press(...'web', KEY.enter);
		await app.waitFor('filter: "web"');
	});

	it('clears the filter in the table with no prompt open', async () => {
		const app = await renderLive();
		await app.press('/', ...'crash', KEY.enter);
		await app.waitFor('filter: "crash"');
		await app.press(CTRL_U);
		const frame = await app.waitFor(f => !f.includes('filter: "crash"'));
		expect(frame).toContain('kube-system');
	});
});

describe('the : command line in replay', () => {
	it('goes to a time, picks a namespace and quits, all from the one prompt', async () => {
		const {app, player} = await openReplayApp('crashloop');
		await app.press(':', ...'0:20', KEY.enter);
		await app.waitFor('0:20/1:35');
		expect(player.positionMs).toBe(20_000);
		await app.press(':', ...'ns kube-system', KEY.enter);
		await app.waitFor('ns: kube-system');
		let exited = false;
		void app.instance.waitUntilExit().then(() => (exited = true));
		await app.press(':', 'q');
		await app.waitFor(/^:q /m);
		await app.press(KEY.enter);
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(exited).toBe(true);
	});
});
