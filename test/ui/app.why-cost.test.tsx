// The diagnosis reads a pod's events and node: a frame must make it for the rows on
// screen only (the table can hold 10k pods). explainPod is wrapped to see which pods it was asked about.

import React from 'react';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {PodState} from '../../source/model/pod-state.js';

const asked = vi.hoisted(() => new Set<string>());

vi.mock('../../source/model/why.js', async importOriginal => {
	const original = await importOriginal<typeof import('../../source/model/why.js')>();
	return {
		...original,
		explainPod: (state: PodState, ctx: Parameters<typeof original.explainPod>[1]) => {
			asked.add(state.key);
			return original.explainPod(state, ctx);
		},
	};
});

const {App} = await import('../../source/ui/app.js');
const {FrameSource} = await import('../../source/ui/frame-source.js');
const {realScheduler} = await import('../../source/sources/replay/scheduler.js');
const {captureStore} = await import('./helpers/capture-store.js');
const {renderAtSize} = await import('./helpers/render-at-size.js');
type Rendered = import('./helpers/render-at-size.js').Rendered;

let current: Rendered | null = null;

beforeEach(() => asked.clear());

afterEach(() => {
	current?.instance.unmount();
	current = null;
});

/** mixed.ndjson has 17 pods; 16 rows of terminal leave 8 on screen. */
function renderSmall() {
	const data = captureStore('mixed');
	const frames = new FrameSource([listener => data.store.subscribe(listener)], realScheduler, 0, 0);
	current = renderAtSize(<App store={data.store} clock={data.clock} info={data.info} frames={frames} />, {columns: 160, rows: 16});
	return {app: current, total: data.store.view().pods.size};
}

function tableRows(frame: string): number {
	return frame.split('\n').filter(line => /^[› ][✓○✗↻⇣–][* ] \S/.test(line)).length;
}

describe('why cost per frame', () => {
	it('diagnoses only the selected pod in the narrow table', async () => {
		const {app} = renderSmall();
		await app.waitFor('crashloop');
		expect(asked.size).toBe(1);
	});

	it('diagnoses only the rows on screen in wide mode', async () => {
		const {app, total} = renderSmall();
		await app.waitFor('crashloop');
		await app.press('w');
		const frame = await app.waitFor(/AGE\s+IP\s/);
		const onScreen = tableRows(frame);
		expect(onScreen).toBeLessThan(total);
		expect(asked.size).toBe(onScreen);
	});
});
