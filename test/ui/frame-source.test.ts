import {describe, expect, it} from 'vitest';
import {FrameSource} from '../../source/ui/frame-source.js';
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
});
