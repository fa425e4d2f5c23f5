// End to end: the built CLI in a real terminal. tmux rather than node-pty:
// node-pty is a native module (a compiler and node-gyp on every CI machine),
// tmux is what a user has, and `capture-pane` reads the screen the terminal
// really shows — after Ink's escapes, the alternate screen and the cursor — so
// "the terminal was restored" is checked on the real thing. .ci/run installs
// tmux when it is missing.
//
// Each run uses its own tmux server (-L) so it never touches the user's sessions.

import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const socket = `podlife-e2e-${process.pid}`;
const session = 'tui';
const SHELL_MARK = 'podlife-e2e-shell-ready';

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
}

function screen(): string {
	return tmux('capture-pane', '-p', '-t', session);
}

function paneFlag(name: string): string {
	return tmux('display-message', '-p', '-t', session, `#{${name}}`).trim();
}

async function waitForScreen(test: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
	const start = Date.now();
	for (;;) {
		const text = screen();
		if (test(text)) return text;
		if (Date.now() - start > timeoutMs) throw new Error(`screen never showed ${what}; it shows:\n${text}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

const contains = (needle: string) => (text: string) => text.includes(needle);

function keys(...names: string[]): void {
	tmux('send-keys', '-t', session, ...names);
}

function type(text: string): void {
	tmux('send-keys', '-t', session, '-l', text);
}

describe('podlife demo in a terminal', () => {
	beforeAll(() => {
		// The bin users run is the bundled CLI, built once before the tests by test/build-once.ts.
		if (!existsSync(`${root}dist/bundle/cli.js`)) throw new Error('dist/bundle/cli.js is missing: npm run build');
		// Ink draws nothing interactive when it thinks it runs in CI, so the pane's shell must not see CI.
		const env = {...process.env};
		delete env['CI'];
		delete env['CONTINUOUS_INTEGRATION'];
		execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', '100', '-y', '30', '-c', root, 'sh'], {env});
		tmux('set-option', '-t', session, 'escape-time', '0');
	}, 120_000);

	afterAll(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	});

	it('filters to the crash-looping pod, opens its Timeline, goes back, quits and restores the terminal', async () => {
		type(`clear; echo ${SHELL_MARK}`);
		keys('Enter');
		await waitForScreen(text => text.split('\n').some(line => line.trim() === SHELL_MARK), 'the shell');
		type('env -u CI -u CONTINUOUS_INTEGRATION node dist/bundle/cli.js demo; echo "podlife exited $?"');
		keys('Enter');

		await waitForScreen(contains('NAMESPACE'), 'the pod table');
		expect(paneFlag('alternate_on')).toBe('1');
		expect(screen()).not.toContain(SHELL_MARK);

		keys('/');
		type('crash');
		keys('Enter');
		// The demo plays in real time: the crash-looping pod shows up a few seconds in.
		let text = await waitForScreen(t => t.includes('filter: "crash"') && /^›.*crashloop-/m.test(t), 'the crashloop pod selected');
		const podName = /crashloop-\S+/.exec(text.split('\n').find(line => line.startsWith('›'))!)![0];

		keys('Enter');
		await waitForScreen(contains('[Overview]'), 'the detail view');
		keys('Tab');
		await waitForScreen(contains('[Containers]'), 'the Containers section');
		keys('Tab');
		text = await waitForScreen(contains('[Timeline]'), 'the Timeline section');
		expect(text).toContain(`default/${podName}`);
		expect(text).not.toContain('NAMESPACE');

		keys('Escape');
		text = await waitForScreen(contains('NAMESPACE'), 'the table again');
		expect(text.split('\n').find(line => line.startsWith('›'))).toContain(podName);

		// Esc goes back one level and never quits (k9s): on the table it takes back the filter, then does nothing.
		keys('Escape');
		await waitForScreen(text => text.includes('NAMESPACE') && !text.includes('filter: "crash"'), 'the filter cleared');
		keys('Escape', 'Escape');
		// Still podlife reading keys: `s` sorts (in a shell it would be typed at the prompt).
		keys('s');
		text = await waitForScreen(contains('sort: name'), 'the table sorted by name after two more Esc');
		expect(text).not.toContain('podlife exited');

		keys('q');
		text = await waitForScreen(contains('podlife exited 0'), 'the shell after quitting');
		expect(text).toContain(SHELL_MARK);
		expect(text).not.toContain('NAMESPACE');
		expect(paneFlag('alternate_on')).toBe('0');
		expect(paneFlag('cursor_flag')).toBe('1');
	}, 90_000);
});
