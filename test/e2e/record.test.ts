// `podlife record` as a user runs it (the built CLI, spawned) against the loopback
// fake API server: it refuses to overwrite, writes gzip for a .gz name in a way
// that survives `kill -9`, and ends with what it recorded, not "disconnected".
import {execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {gunzipSync} from 'node:zlib';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {readSession} from '../../source/session/reader.js';
import {startFake, waitUntil, type Fake} from '../sources/live/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

let fake: Fake | undefined;
afterEach(async () => {
	await fake?.close();
	fake = undefined;
});

interface Recording {
	child: ChildProcess;
	stderr(): string;
	exited: Promise<number | null>;
}

function startRecording(args: string[]): Recording {
	const child = spawn(process.execPath, ['dist/bundle/cli.js', 'record', ...args, '--kubeconfig', fake!.kubeconfig, '-A'], {
		cwd: root,
		env: {...process.env, NO_COLOR: '1'},
	});
	let stderr = '';
	child.stderr!.on('data', chunk => (stderr += chunk));
	const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
	return {child, stderr: () => stderr, exited};
}

/** The entry count of the last `recording: N entries, …` progress line. */
function reportedEntries(stderr: string): number {
	const counts = [...stderr.matchAll(/^recording: (\d+) entr/gm)].map(match => Number(match[1]));
	return counts.at(-1) ?? 0;
}

/** The line a recording ends with: "podlife: recorded 20 entries (12 pods, 2s) to FILE". */
function summary(entries: number, file: string): RegExp {
	return new RegExp(`^podlife: recorded ${entries} entries \\(\\d+ pods, 0 logs, \\d+s\\) to ${file.replace(/[.]/g, '\\.')}$`);
}

describe('podlife record', () => {
	it('refuses to overwrite an existing file, before contacting the cluster, and says to use --force', async () => {
		fake = await startFake('web', {startAt: 3000});
		const file = path.join(fake.dir, 'same.ndjson');
		fs.writeFileSync(file, 'an earlier recording\n');
		const recording = startRecording([file, '--no-ui', '--duration', '1s']);
		expect(await recording.exited).toBe(1);
		expect(recording.stderr()).toBe(`podlife: ${file}: already exists; pass --force to replace it, or record to another name\n`);
		expect(fs.readFileSync(file, 'utf8')).toBe('an earlier recording\n');
		expect(fake.server.requests).toEqual([]);

		const forced = startRecording([file, '--no-ui', '--duration', '1s', '--force']);
		expect(await forced.exited).toBe(0);
		expect((await readSession(file)).header.podlife).toBe('session');
	});

	it('writes gzip for a .gz name, readable up to its last whole line after kill -9', async () => {
		fake = await startFake('web', {startAt: 1000});
		const file = path.join(fake.dir, 'killed.ndjson.gz');
		const recording = startRecording([file, '--no-ui']);
		await waitUntil(() => reportedEntries(recording.stderr()) > 0, 'the first entries recorded', 20_000);
		// More changes while it records, so the file is more than the initial lists.
		fake.server.advanceToEnd();
		const before = reportedEntries(recording.stderr());
		await waitUntil(() => reportedEntries(recording.stderr()) > before, 'the changes recorded', 20_000);
		const recorded = reportedEntries(recording.stderr());
		recording.child.kill('SIGKILL');
		await recording.exited;

		const bytes = fs.readFileSync(file);
		expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
		const session = await readSession(file);
		expect(session.header).toMatchObject({podlife: 'session', version: 1, server: fake.url});
		// Every entry it said it had recorded is there, and nothing is made up.
		expect(session.entries.length).toBeGreaterThanOrEqual(recorded);
		expect(session.entries.filter(entry => entry.type === 'SYNCED')).toHaveLength(3);
		expect(session.entries.some(entry => entry.type === 'MODIFIED')).toBe(true);
		// No trailer: the reader says the stream was cut (the recording was interrupted) and keeps what came before.
		expect(session.warnings.join('\n')).toMatch(/gzip stream is cut off/);
	});

	it('ends a --duration gzip recording with a whole gzip file and what it recorded, not "disconnected"', async () => {
		fake = await startFake('web', {startAt: 3000});
		const file = path.join(fake.dir, 'timed.ndjson.gz');
		const recording = startRecording([file, '--no-ui', '--duration', '2s']);
		expect(await recording.exited).toBe(0);
		const lines = recording.stderr().trimEnd().split('\n');
		expect(lines.join('\n')).not.toMatch(/disconnected/);
		const session = await readSession(file);
		expect(session.warnings).toEqual([]);
		expect(lines.at(-1)).toMatch(summary(session.entries.length, file));
		// A whole gzip file: any gunzip reads it to the end.
		expect(gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n')).toHaveLength(session.entries.length + 1);
	});

	it('ends on Ctrl-C (SIGINT) with what it recorded, not "disconnected"', async () => {
		fake = await startFake('web', {startAt: 3000});
		const file = path.join(fake.dir, 'interrupted.ndjson');
		const recording = startRecording([file, '--no-ui']);
		await waitUntil(() => reportedEntries(recording.stderr()) > 0, 'the first entries recorded', 20_000);
		recording.child.kill('SIGINT');
		expect(await recording.exited).toBe(0);
		const lines = recording.stderr().trimEnd().split('\n');
		expect(lines.join('\n')).not.toMatch(/disconnected/);
		const session = await readSession(file);
		expect(lines.at(-1)).toMatch(summary(session.entries.length, file));
	});
});

describe('podlife record in a terminal', () => {
	const socket = `podlife-e2e-record-${process.pid}`;
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	afterEach(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	});

	it('shows how long it has recorded and how many entries, then says what it recorded', async () => {
		fake = await startFake('web', {startAt: 3000});
		const file = path.join(fake.dir, 'tui.ndjson');
		// Ink draws nothing interactive when it thinks it runs in CI, so the pane must not see CI.
		const env = {...process.env};
		delete env['CI'];
		delete env['CONTINUOUS_INTEGRATION'];
		const command = `node dist/bundle/cli.js record ${file} --kubeconfig ${fake.kubeconfig} -A --duration 4s; echo "podlife exited $?"; sleep 60`;
		execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'rec', '-x', '120', '-y', '30', '-c', root, command], {env});
		const screen = () => tmux('capture-pane', '-p', '-t', 'rec');
		const seen = new Set<string>();
		await waitUntil(
			() => {
				const header = /REC (\d+s) · (\d+) entries · 0 logs → (\S+)/.exec(screen());
				if (header) {
					expect(header[3]).toBe(file);
					seen.add(header[1]!);
				}
				// The clock moves while nothing else happens.
				return seen.size >= 2;
			},
			'the recording header with a moving elapsed time',
			20_000,
		);
		// Under the header, while it records them: what the logs it records may hold.
		expect(screen()).toContain("⚠ recording ended containers' logs: they can hold secrets (--logs none)");
		await waitUntil(() => screen().includes('podlife exited 0'), 'the end of the recording', 20_000);
		const session = await readSession(file);
		expect(screen()).toMatch(new RegExp(`podlife: recorded ${session.entries.length} entries \\(\\d+ pods, 0 logs, \\d+s\\) to`));
	}, 60_000);
});
