// Full-screen terminal handling: the alternate screen buffer (so the user's
// scrollback is left as it was) and a hidden cursor, undone exactly once on
// every way out — normal quit, Ctrl-C, SIGTERM, an uncaught crash, process exit.

export const ENTER_FULL_SCREEN = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';
export const LEAVE_FULL_SCREEN = '\u001B[?25h\u001B[?1049l';

export interface FullScreen {
	/** Leaves the alternate screen and shows the cursor; safe to call many times. */
	restore(): void;
}

export function enterFullScreen(stdout: NodeJS.WritableStream): FullScreen {
	stdout.write(ENTER_FULL_SCREEN);
	let active = true;
	const restore = () => {
		if (!active) return;
		active = false;
		process.off('exit', restore);
		stdout.write(LEAVE_FULL_SCREEN);
	};
	// The last resort: even process.exit() from elsewhere puts the screen back.
	process.on('exit', restore);
	return {restore};
}

/** One line for a crash: the terminal has just been restored, the stack is for PODLIFE_DEBUG. */
export function crashLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return `podlife: internal error: ${message.replace(/\s*\n\s*/g, ' ').trim()} (set PODLIFE_DEBUG=1 for details)\n`;
}
