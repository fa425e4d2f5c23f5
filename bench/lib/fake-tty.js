// A fake terminal for Ink: a stdout of a chosen size that records when each write happens (so a
// frame's latency can be measured to the write that carries it), and a stdin that accepts keys.
// Shaped like ink's own test helpers (ink/test/helpers/create-stdout.ts, ink-testing-library).

import {EventEmitter} from 'node:events';

export class FakeStdout extends EventEmitter {
	constructor(columns = 160, rows = 50) {
		super();
		this.columns = columns;
		this.rows = rows;
		this.isTTY = true;
		this.writes = 0;
		this.bytes = 0;
		this.lastFrame = '';
		/** Resolvers waiting for the next frame-sized write. */
		this.waiters = [];
	}

	write(chunk) {
		const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
		this.writes += 1;
		this.bytes += text.length;
		// Ink writes the synchronized-update markers separately; a frame is the long write between them.
		if (text.length > 64) {
			this.lastFrame = text;
			const at = performance.now();
			for (const resolve of this.waiters.splice(0)) resolve(at);
		}
		return true;
	}

	/** Resolves with performance.now() of the next frame write. */
	nextFrame() {
		return new Promise(resolve => this.waiters.push(resolve));
	}

	// What Ink and process-level code may call on a WriteStream.
	cork() {}
	uncork() {}
	end() {}
	getColorDepth() {
		return 8;
	}
	hasColors() {
		return true;
	}
}

export class FakeStdin extends EventEmitter {
	constructor() {
		super();
		this.isTTY = true;
		this.pending = [];
	}

	/** Types `text` as if from the keyboard. */
	type(text) {
		this.pending.push(text);
		this.emit('readable');
	}

	read() {
		return this.pending.length > 0 ? this.pending.shift() : null;
	}

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

/** ANSI escape sequences out: the visible text of a frame. */
export function stripAnsi(text) {
	return text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B\][^\u0007]*\u0007/g, '');
}
