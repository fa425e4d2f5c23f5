import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {whyLine} from '../../source/model/why.js';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

/** crashloop.ndjson replayed to its end: default/crashloop-… in CrashLoopBackOff, the kube-system pods healthy. */
async function renderAtEnd(size: {columns: number; rows: number}) {
	const {app, player} = await openReplayApp('crashloop', {size, atEnd: true});
	const view = player.store.view();
	const pod = [...view.pods.values()].find(p => p.name.startsWith('crashloop-'))!;
	const why = whyLine(pod, view, player.now())!;
	return {app, player, pod, why};
}

/** The line right above the footer: the status line. */
function statusLine(frame: string): string {
	const lines = frame.split('\n');
	const footer = lines.findIndex(line => line.startsWith('Enter open') || line.startsWith('Tab/→'));
	return lines[footer - 1] ?? '';
}

function selectedLine(frame: string): string {
	return frame.split('\n').find(line => line.startsWith('›')) ?? '';
}

/** The first line of the detail body, under the section tabs. */
function firstDetailLine(frame: string): string {
	const lines = frame.split('\n');
	return lines[lines.findIndex(line => line.startsWith('[Overview]')) + 1] ?? '';
}

describe('why in the TUI', () => {
	it('says why the selected crash-looping pod is failing on the status line, cut to one line', async () => {
		const {app, why} = await renderAtEnd({columns: 100, rows: 30});
		const frame = await app.waitFor(f => selectedLine(f).includes('crashloop-'));
		const status = statusLine(frame);
		expect(status).toMatch(/^default\/crashloop-\S+ {2}CrashLoopBackOff {2}— crash-loop: container api exited 1/);
		expect(why).toContain('crash-loop: container api');
		expect(status).toContain(why.slice(0, 20));
		// The whole diagnosis is longer than the screen: the status line stays one line, cut with "…".
		expect(stringWidth(`  — ${why}`)).toBeGreaterThan(100);
		expect(stringWidth(status)).toBeLessThanOrEqual(100);
		expect(status).toMatch(/…/);
	});

	it('shows no why when a healthy pod is selected', async () => {
		const {app} = await renderAtEnd({columns: 160, rows: 30});
		await app.waitFor(f => selectedLine(f).includes('crashloop-'));
		await app.press('j');
		const frame = await app.waitFor(f => selectedLine(f).includes('coredns-'));
		const status = statusLine(frame);
		expect(status).toMatch(/^kube-system\/coredns-\S+ {2}Running\s*$/);
		expect(status).not.toContain('—');
		await app.press(KEY.enter);
		const detail = await app.waitFor('[Overview]');
		expect(firstDetailLine(detail)).toMatch(/^\s+STATUS:\s+Running/);
		expect(detail).not.toContain('why:');
	});

	it('adds a WHY column in wide mode with the diagnosis of each failing row', async () => {
		const {app, why} = await renderAtEnd({columns: 200, rows: 30});
		let frame = await app.waitFor(f => selectedLine(f).includes('crashloop-'));
		expect(frame).not.toMatch(/FLAGS\s+WHY/);
		await app.press('w');
		frame = await app.waitFor(/FLAGS\s+WHY/);
		const header = frame.split('\n').find(line => line.includes('NAMESPACE'))!;
		const column = header.indexOf('WHY');
		const crashRow = selectedLine(frame);
		expect(crashRow.slice(column)).toMatch(/^crash-loop: container api/);
		expect(why.startsWith(crashRow.slice(column).replace(/…$/, ''))).toBe(true);
		expect(stringWidth(crashRow)).toBeLessThanOrEqual(200);
		// Healthy rows have nothing under WHY.
		const healthy = frame.split('\n').filter(line => /^ ✓/.test(line));
		expect(healthy.length).toBeGreaterThan(0);
		for (const line of healthy) expect(line.slice(column).trim()).toBe('');
	});

	it('opens the Overview of a failing pod with its why', async () => {
		const {app, why} = await renderAtEnd({columns: 200, rows: 40});
		await app.waitFor(f => selectedLine(f).includes('crashloop-'));
		await app.press(KEY.enter);
		const frame = await app.waitFor('[Overview]');
		const first = firstDetailLine(frame);
		expect(first).toMatch(/^why: crash-loop: container api exited 1/);
		expect(why.startsWith(first.slice('why: '.length).replace(/…$/, ''))).toBe(true);
	});
});
