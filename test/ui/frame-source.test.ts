import {describe, expect, it} from 'vitest';
import {FrameSource, MAX_WINDOW_MS} from '../../source/ui/frame-source.js';
import {ManualScheduler} from '../../source/sources/replay/manual-scheduler.js';

function upstream() {
	const listeners = new Set<() => void>();
	return {
		subscribe: (listener: () => void) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		emit: () => {
			for (const listener of listeners) listener();
		},
		get count() {
			return listeners.size;
		},
	};
}

describe('coalescing frame source', () => {
	it('shows the first change at once, then at most one frame per interval', () => {
		const scheduler = new ManualScheduler();
		const store = upstream();
		const frames = new FrameSource([store.subscribe], scheduler, 100);
		let renders = 0;
		frames.subscribe(() => renders++);
		scheduler.advance(1000);
		store.emit();
		expect(renders).toBe(1);
		for (let i = 0; i < 1000; i++) store.emit();
		expect(renders).toBe(1);
		scheduler.advance(99);
		expect(renders).toBe(1);
		scheduler.advance(1);
		expect(renders).toBe(2);
	});

	it('always ends on the last state: a change inside the window gets a trailing frame', () => {
		const scheduler = new ManualScheduler();
		const store = upstream();
		const frames = new FrameSource([store.subscribe], scheduler, 100);
		scheduler.advance(1000);
		store.emit();
		const first = frames.getSnapshot();
		scheduler.advance(30);
		store.emit();
		expect(frames.getSnapshot()).toBe(first);
		scheduler.advance(70);
		expect(frames.getSnapshot()).toBe(first + 1);
		expect(scheduler.pending).toBe(0);
	});

	it('ticks with no change when asked (live ages), and stops on dispose', () => {
		const scheduler = new ManualScheduler();
		const store = upstream();
		const frames = new FrameSource([store.subscribe], scheduler, 100, 1000);
		const start = frames.getSnapshot();
		scheduler.advance(3000);
		expect(frames.getSnapshot()).toBe(start + 3);
		frames.dispose();
		expect(store.count).toBe(0);
		scheduler.advance(3000);
		expect(frames.getSnapshot()).toBe(start + 3);
		expect(scheduler.pending).toBe(0);
	});

	it('spaces frames by what they cost, so rendering keeps to its share of a core, and still ends on the last state', () => {
		const scheduler = new ManualScheduler();
		const store = upstream();
		const frames = new FrameSource([store.subscribe], scheduler, 100, 0, 0.2, () => 0);
		let renders = 0;
		frames.subscribe(() => renders++);
		scheduler.advance(1000);
		store.emit();
		expect(renders).toBe(1);
		// A 50 ms frame at most 20 % of a core: the next one no sooner than 250 ms later.
		frames.recordFrameCost(50);
		expect(frames.windowMs).toBe(250);
		scheduler.advance(100);
		store.emit();
		scheduler.advance(149);
		expect(renders).toBe(1);
		scheduler.advance(1);
		expect(renders).toBe(2);
		expect(scheduler.pending).toBe(0);
	});

	it('keeps its interval when frames are cheap, and at least two frames a second when they are dear', () => {
		const frames = new FrameSource([], new ManualScheduler(), 100, 0, 0.2, () => 0);
		frames.recordFrameCost(5);
		expect(frames.windowMs).toBe(100);
		for (let i = 0; i < 5; i++) frames.recordFrameCost(400);
		expect(frames.windowMs).toBe(MAX_WINDOW_MS);
	});

	it('goes by the median of the last frames: one frame with a garbage collection in it does not slow the rest', () => {
		const frames = new FrameSource([], new ManualScheduler(), 100, 0, 0.2, () => 0);
		for (const ms of [30, 30, 180, 30, 30]) frames.recordFrameCost(ms);
		expect(frames.windowMs).toBe(150);
	});

	it("shows a user's action (pause, step, seek) at once even inside a long window, and drops the trailing frame it replaces", () => {
		const scheduler = new ManualScheduler();
		const listeners = new Set<(urgent: boolean) => void>();
		const player = (listener: (urgent: boolean) => void) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		};
		const notify = (urgent: boolean) => {
			for (const listener of listeners) listener(urgent);
		};
		const frames = new FrameSource([player], scheduler, 100, 0, 0.15);
		let renders = 0;
		frames.subscribe(() => renders++);
		frames.recordFrameCost(60); // a 400 ms window
		scheduler.advance(1000);
		notify(false);
		expect(renders).toBe(1);
		notify(false);
		scheduler.advance(50);
		expect(renders).toBe(1);
		notify(true);
		expect(renders).toBe(2);
		scheduler.advance(1000);
		expect(renders).toBe(2);
	});
});
