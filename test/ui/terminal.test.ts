import {describe, expect, it} from 'vitest';
import {PassThrough} from 'node:stream';
import {crashLine, enterFullScreen, ENTER_FULL_SCREEN, LEAVE_FULL_SCREEN} from '../../source/ui/terminal.js';

describe('full-screen terminal', () => {
	it('enters the alternate screen with the cursor hidden and restores both exactly once', () => {
		const out = new PassThrough();
		let written = '';
		out.on('data', chunk => (written += String(chunk)));
		const screen = enterFullScreen(out);
		screen.restore();
		screen.restore();
		expect(written).toBe(ENTER_FULL_SCREEN + LEAVE_FULL_SCREEN);
		expect(ENTER_FULL_SCREEN).toContain('\u001B[?1049h');
		expect(ENTER_FULL_SCREEN).toContain('\u001B[?25l');
		expect(LEAVE_FULL_SCREEN).toContain('\u001B[?1049l');
		expect(LEAVE_FULL_SCREEN).toContain('\u001B[?25h');
		expect(process.listeners('exit')).not.toContain(screen.restore);
	});

	it('prints a crash as one line', () => {
		const line = crashLine(new Error('boom\n  at somewhere'));
		expect(line).toBe('podlife: internal error: boom at somewhere (set PODLIFE_DEBUG=1 for details)\n');
	});
});
