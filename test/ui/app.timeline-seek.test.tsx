import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {FrameSource} from '../../source/ui/frame-source.js';
import {footerText} from '../../source/ui/footer.js';
import {actionFor} from '../../source/ui/keys.js';
import {ReplayPlayer} from '../../source/sources/replay/player.js';
import {realScheduler} from '../../source/sources/replay/scheduler.js';
import {formatClock, positionText} from '../../source/view/goto-time.js';
import {captureStore} from './helpers/capture-store.js';
import {KEY, renderAtSize, type Rendered} from './helpers/render-at-size.js';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';

let current: {app: Rendered; player?: ReplayPlayer} | null = null;

afterEach(() => {
	current?.app.instance.unmount();
	current?.player?.dispose();
	current = null;
	closeReplayApps();
});

async function renderReplay() {
	return openReplayApp('crashloop');
}

/** Filters to the crashloop pod, opens it and goes to its Timeline. */
async function openTimeline(app: Rendered): Promise<void> {
	await app.press('/', ...'crashloop', KEY.enter);
	await app.waitFor('filter: "crashloop"');
	await app.press(KEY.enter);
	await app.waitFor('[Overview]');
	await app.press(KEY.tab, KEY.tab);
	await app.waitFor('[Timeline]');
}

function markedLine(frame: string): string {
	return frame.split('\n').find(line => line.startsWith('›')) ?? '';
}

function statusLine(frame: string, podName: string): string {
	return frame.split('\n').find(line => line.startsWith(`default/${podName}  `)) ?? '';
}

describe('Timeline: Enter on a transition moves the replay there', () => {
	it('goes back to the first crash of the pod, paused, with the detail still on the pod', async () => {
		const {app, player} = await renderReplay();
		await app.press(KEY.end);
		await app.waitFor('1:35/1:35');
		const key = [...player.store.view().pods.keys()].find(k => k.startsWith('default/crashloop'))!;
		const podName = key.slice('default/'.length);
		const firstError = player.store
			.view()
			.pods.get(key)!
			.history.find(t => t.kind === 'status' && t.to === 'Error')!;
		const offset = firstError.at - player.recordedAtMs;
		await openTimeline(app);
		expect(statusLine(app.lastFrame(), podName)).toContain('CrashLoopBackOff');
		expect(app.lastFrame()).toContain('Enter go to transition');

		for (let i = 0; i < 60 && !markedLine(app.lastFrame()).includes('STATUS Running → Error'); i++) await app.press('j');
		expect(markedLine(app.lastFrame())).toContain('STATUS Running → Error');
		await app.press(KEY.enter);

		const frame = await app.waitFor(f => f.includes(`${positionText(offset, player.recordedAtMs)}/1:35`));
		expect(player.positionMs).toBe(offset);
		expect(player.paused).toBe(true);
		expect(frame).toContain(`${formatClock(firstError.at)} UTC  ${positionText(offset, player.recordedAtMs)}/1:35  1×  ⏸ paused`);
		expect(frame).toContain('[Timeline]');
		// At that moment the pod had just crashed the first time: no back-off yet, and no later transition listed.
		const status = statusLine(frame, podName);
		expect(status).toMatch(/ Error\b/);
		expect(status).not.toContain('CrashLoopBackOff');
		expect(markedLine(frame)).toContain('STATUS Running → Error');
		expect(frame).not.toContain('STATUS Error → CrashLoopBackOff');
	});

	it('walks back up with k and seeks to an earlier transition', async () => {
		const {app, player} = await renderReplay();
		await app.press(KEY.end);
		await openTimeline(app);
		await app.press('k');
		const last = markedLine(app.lastFrame());
		expect(last).not.toBe('');
		await app.press('k', 'k');
		const picked = markedLine(app.lastFrame());
		expect(picked).not.toBe(last);
		await app.press(KEY.enter);
		await app.waitFor(() => player.positionMs < player.endMs);
		const frame = await app.waitFor(f => markedLine(f) === picked);
		expect(frame).toContain('[Timeline]');
	});
});

describe('Timeline in live mode', () => {
	it('has no transition cursor: ↓ scrolls and Enter is not offered', async () => {
		const {store, clock, info} = captureStore('crashloop');
		const frames = new FrameSource([], realScheduler, 0, 0);
		const app = renderAtSize(<App store={store} clock={clock} info={info} frames={frames} />, {columns: 120, rows: 40});
		current = {app};
		await app.waitFor('crashloop');
		await openTimeline(app);
		await app.press('j', KEY.enter);
		const frame = app.lastFrame();
		expect(markedLine(frame)).toBe('');
		expect(frame).toContain('[Timeline]');
		expect(frame).not.toContain('go to transition');
		expect(actionFor('enter', 'detail', false, 'Timeline')).toBeNull();
		expect(actionFor('j', 'detail', false, 'Timeline')).toBe('down');
		expect(footerText('detail', false, false, 'Timeline')).not.toContain('transition');
	});
});
