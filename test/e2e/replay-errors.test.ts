// End to end, in a real terminal (tmux, as tui.test.ts): what `podlife replay` shows of a
// session it cannot read whole, and what it prints once the screen is gone. The TUI says what
// headless mode says, in the same words and with the same exit code.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const socket = `podlife-e2e-read-${process.pid}`;
const session = 'read';
const dir = mkdtempSync(path.join(tmpdir(), 'podlife-e2e-read-'));
const MIXED = readFileSync(path.join(root, 'test/fixtures/captures/mixed.ndjson'), 'utf8').trimEnd().split('\n');

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
}

/** The screen; with `escapes`, its colours as escape sequences too. */
function screen(escapes = false): string {
	return tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', session);
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

let runs = 0;

/**
 * Runs podlife in the pane's shell, after clearing it. Returns the words its end prints on the shell:
 * each run's are its own, so that a wait cannot take the previous run's end (on the screen until the
 * shell clears it) for this one's; and the shell computes them, so that the typed command line, also
 * on the screen until then, does not hold them either.
 */
function podlife(...args: string[]): string {
	const run = ++runs;
	const ended = `(run ${run} ended)`;
	tmux(
		'send-keys',
		'-t',
		session,
		'-l',
		`clear; env -u CI -u CONTINUOUS_INTEGRATION node dist/bundle/cli.js ${args.join(' ')}; echo "podlife exited $? (run $((${run - 1} + 1)) ended)"`,
	);
	tmux('send-keys', '-t', session, 'Enter');
	return ended;
}

function write(name: string, lines: readonly string[]): string {
	const file = path.join(dir, name);
	writeFileSync(file, lines.join('\n') + '\n');
	return file;
}

/** mixed.ndjson, then enough bookmarks that the first frame is up before the line after them is read. */
function withLateBadLine(): {file: string; line: number} {
	const filler = Array.from({length: 600}, () => '{"t":99135,"type":"BOOKMARK","object":{}}');
	const lines = [...MIXED, ...filler, 'this is not JSON', ...filler];
	return {file: write('late-bad.ndjson', lines), line: MIXED.length + filler.length + 1};
}

describe('podlife replay of a broken session, in a terminal', () => {
	beforeAll(() => {
		if (!existsSync(`${root}dist/bundle/cli.js`)) throw new Error('dist/bundle/cli.js is missing: npm run build');
		const env = {...process.env};
		delete env['CI'];
		delete env['CONTINUOUS_INTEGRATION'];
		execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', '200', '-y', '40', '-c', root, 'sh'], {env});
		tmux('set-option', '-t', session, 'escape-time', '0');
	}, 120_000);

	afterAll(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
		rmSync(dir, {recursive: true, force: true});
	});

	it('shows a read error met after the first frame in red under the header; q exits 1 with the line on the shell', async () => {
		const {file, line} = withLateBadLine();
		const message = `${file}:${line}: line is not JSON`;
		const ended = podlife('replay', file);
		await waitForScreen(text => text.includes('NAMESPACE') && text.includes(message), 'the table and the error');
		const errorLine = screen(true)
			.split('\n')
			.find(l => l.includes(message))!;
		expect(errorLine).toMatch(/\u001B\[(?:[0-9;]*;)?31m/);
		expect(errorLine).toContain('the session stops at 1:39, its last good entry');
		tmux('send-keys', '-t', session, 'q');
		const after = await waitForScreen(text => text.includes(ended), 'the shell after quitting');
		expect(after).not.toContain('NAMESPACE');
		expect(after).toContain(`podlife: ${message}; --lenient skips bad lines\npodlife exited 1`);
	}, 60_000);

	it('exits 1 before any screen with the one line headless mode prints, for a read error on the first read', async () => {
		const file = write('no-type.ndjson', [MIXED[0]!, '{"t":10,"x":1}']);
		const ended = podlife('replay', file);
		const after = await waitForScreen(text => text.includes(ended), 'the shell');
		expect(after).toContain(`podlife: ${file}:2: entry has no "type"; --lenient skips bad lines\npodlife exited 1`);
		const checked = podlife('replay', file, '-o', 'check');
		expect(await waitForScreen(text => text.includes(checked), 'the shell')).toContain(
			`podlife: ${file}:2: entry has no "type"; --lenient skips bad lines\npodlife exited 1`,
		);
	}, 60_000);

	it('shows the warning of a gzip recording cut short in yellow, and prints it on the shell after q, exit 0', async () => {
		const whole = gzipSync(Buffer.from(MIXED.join('\n') + '\n'));
		const file = path.join(dir, 'cut.ndjson.gz');
		writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
		const ended = podlife('replay', file, '--paused');
		const shown = await waitForScreen(text => text.includes('NAMESPACE') && text.includes('gzip stream is cut off'), 'the table and the warning');
		const warning = shown.split('\n').find(l => l.includes('gzip stream is cut off'))!;
		expect(warning).toMatch(
			new RegExp(`^⚠ ${file.replaceAll('.', '\\.')}:\\d+: gzip stream is cut off \\(recording was interrupted\\); the session ends at line \\d+`),
		);
		expect(
			screen(true)
				.split('\n')
				.find(l => l.includes('gzip stream is cut off')),
		).toMatch(/\u001B\[(?:[0-9;]*;)?33m/);
		tmux('send-keys', '-t', session, 'q');
		const after = await waitForScreen(text => text.includes(ended), 'the shell after quitting');
		expect(after).toContain(`podlife: ${warning.slice(2)}\npodlife exited 0`);
	}, 60_000);

	it('refuses --at past the end before any screen, naming the span', async () => {
		const ended = podlife('replay', 'test/fixtures/captures/mixed.ndjson', '--at', '99m');
		const after = await waitForScreen(text => text.includes(ended), 'the shell');
		expect(after).toContain('podlife: --at: 99m is after the session ends at 1:39; it spans 0:00–1:39 (04:20:57–04:22:36 UTC)\npodlife exited 2');
	}, 60_000);
});
