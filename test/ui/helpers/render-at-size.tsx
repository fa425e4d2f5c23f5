// Renders an Ink tree into a fake terminal of a chosen size (ink-testing-library's
// stdout is always 100 columns and has no rows), after ink's own
// test/helpers/create-stdout.ts. Frames are whole (debug mode), so lastFrame()
// is the screen as the user would see it.

import {EventEmitter} from 'node:events';
import type React from 'react';
import {render, type Instance} from 'ink';

class FakeStdout extends EventEmitter {
	readonly frames: string[] = [];
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string): boolean => {
		this.frames.push(frame);
		return true;
	};
	lastFrame = (): string => this.frames.at(-1) ?? '';
	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string): void => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = (): string | null => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

export interface Rendered {
	instance: Instance;
	stdout: FakeStdout;
	stdin: FakeStdin;
	lastFrame(): string;
	/** Resolves with the frame once `test` accepts it (polls; never sleeps a fixed time). */
	waitFor(test: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
	/** Types keys one by one, waiting for a new frame after each. */
	press(...keys: string[]): Promise<void>;
}

export const KEY = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	backspace: '\u007F',
	ctrlC: '\u0003',
} as const;

export function renderAtSize(tree: React.ReactElement, size: {columns: number; rows: number}): Rendered {
	const stdout = new FakeStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const stderr = new FakeStdout(size.columns, size.rows);
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const waitFor = async (test: string | RegExp | ((frame: string) => boolean), timeoutMs = 3000): Promise<string> => {
		const accept = typeof test === 'string' ? (f: string) => f.includes(test) : test instanceof RegExp ? (f: string) => test.test(f) : test;
		const start = performance.now();
		for (;;) {
			const frame = stdout.lastFrame();
			if (accept(frame)) return frame;
			if (performance.now() - start > timeoutMs) throw new Error(`frame never matched ${String(test)}; last frame:\n${frame}`);
			await new Promise(resolve => setTimeout(resolve, 5));
		}
	};
	const press = async (...keys: string[]): Promise<void> => {
		for (const key of keys) {
			const before = stdout.frames.length;
			stdin.write(key);
			// A key that changes nothing renders nothing: wait briefly for a frame, then go on.
			const start = performance.now();
			while (stdout.frames.length === before && performance.now() - start < 200) await new Promise(resolve => setTimeout(resolve, 5));
		}
	};
	return {instance, stdout, stdin, lastFrame: stdout.lastFrame, waitFor, press};
}
