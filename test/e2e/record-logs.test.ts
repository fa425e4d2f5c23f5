// `podlife record` capturing container logs as a user runs it (the built CLI, spawned, --no-ui)
// against the fake API server stepping through the test fixture with LOG entries: it says first that logs
// can hold secrets, counts the logs in its progress line and its last line, and the file holds
// the session's logs; with --logs none it asks for none and says nothing of them.
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {kubeconfigFor} from '../../source/serve/kubeconfig.js';
import {readSession} from '../../source/session/reader.js';
import {isLogEntry, isWatchEntry, type LogEntry, type SessionEntry, type SessionHeader} from '../../source/session/format.js';
import {waitUntil} from '../sources/live/helpers.js';
import {tempDir} from '../sources/live/kubeconfig-fixture.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRETS = "podlife: recording ended containers' logs: they can hold secrets (--logs none)";

let server: FakeApiServer | undefined;
let dir: string | undefined;
afterEach(async () => {
	await server?.close();
	if (dir) fs.rmSync(dir, {recursive: true, force: true});
	server = undefined;
	dir = undefined;
});

function fixture(): {header: SessionHeader; entries: SessionEntry[]} {
	const [head, ...rest] = fs.readFileSync(path.join(root, 'test/fixtures/logs/mixed-with-logs.ndjson'), 'utf8').trim().split('\n');
	return {header: JSON.parse(head!) as SessionHeader, entries: rest.map(line => JSON.parse(line) as SessionEntry)};
}

async function serve(entries: SessionEntry[], header: SessionHeader): Promise<string> {
	// Where the session's initial lists are complete: the recording's initial lists are the same.
	const startAt = entries.findLast(entry => entry.type === 'SYNCED')!.t;
	server = new FakeApiServer({header, entries, startAt});
	const url = await server.start();
	dir = tempDir();
	const kubeconfig = path.join(dir, 'kubeconfig');
	fs.writeFileSync(kubeconfig, kubeconfigFor(url, {name: 'fake'}));
	return kubeconfig;
}

function startRecording(file: string, kubeconfig: string, extra: string[] = []): {child: ChildProcess; stderr(): string; exited: Promise<number | null>} {
	const child = spawn(process.execPath, ['dist/bundle/cli.js', 'record', file, '--kubeconfig', kubeconfig, '-A', '--no-ui', ...extra], {
		cwd: root,
		env: {...process.env, NO_COLOR: '1'},
	});
	let stderr = '';
	child.stderr!.on('data', chunk => (stderr += chunk));
	const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
	return {child, stderr: () => stderr, exited};
}

function fileEntries(file: string): SessionEntry[] {
	if (!fs.existsSync(file)) return [];
	const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1, -1);
	return lines.map(line => JSON.parse(line) as SessionEntry);
}

const withoutT = ({t: _t, ...log}: LogEntry) => log;

describe('podlife record with container logs', () => {
	it('says logs can hold secrets, counts them as it records, and writes the session’s logs', async () => {
		const {header, entries} = fixture();
		const kubeconfig = await serve(entries, header);
		const file = path.join(dir!, 'logs.ndjson');
		const recording = startRecording(file, kubeconfig);
		await waitUntil(() => /^recording: .*, 0 logs, /m.test(recording.stderr()), 'the first progress line', 20_000);
		// The session moves on entry time by entry time, each once the file holds the logs the original has before it.
		const logs = entries.filter(isLogEntry);
		const times = [...new Set(entries.filter(isWatchEntry).map(entry => entry.t))].filter(t => t > server!.now);
		for (const [index, t] of times.entries()) {
			server!.advanceTo(t);
			const before = logs.filter(log => log.t < (times[index + 1] ?? Infinity)).length;
			await waitUntil(() => fileEntries(file).filter(isLogEntry).length >= before, `the logs the original has by t=${t}`, 20_000);
		}
		await waitUntil(() => /^recording: .*, 8 logs, /m.test(recording.stderr()), 'the progress line counting the logs', 20_000);
		recording.child.kill('SIGINT');
		expect(await recording.exited).toBe(0);

		const lines = recording.stderr().trimEnd().split('\n');
		expect(lines[0]).toBe(SECRETS);
		const session = await readSession(file);
		expect(lines.at(-1)).toMatch(new RegExp(`^podlife: recorded ${session.entries.length} entries \\(\\d+ pods, 8 logs, \\d+s\\) to ${file}$`));
		expect(session.header.logs).toBe('crashes');
		expect(session.entries.filter(isLogEntry).map(withoutT)).toEqual(logs.map(withoutT));
	}, 60_000);

	it('asks for no log with --logs none and says nothing of logs', async () => {
		const {header, entries} = fixture();
		const kubeconfig = await serve(entries, header);
		const file = path.join(dir!, 'none.ndjson');
		const recording = startRecording(file, kubeconfig, ['--logs', 'none']);
		await waitUntil(() => /^recording: /m.test(recording.stderr()), 'the first progress line', 20_000);
		server!.advanceToEnd();
		const changes = (list: SessionEntry[], after: number) => list.slice(after + 1).filter(isWatchEntry).length;
		const expected = changes(
			entries,
			entries.findLastIndex(entry => entry.type === 'SYNCED'),
		);
		await waitUntil(
			() => {
				const recorded = fileEntries(file);
				return (
					changes(
						recorded,
						recorded.findLastIndex(entry => entry.type === 'SYNCED'),
					) === expected
				);
			},
			'every change',
			20_000,
		);
		recording.child.kill('SIGINT');
		expect(await recording.exited).toBe(0);

		expect(recording.stderr()).not.toMatch(/logs/);
		const session = await readSession(file);
		expect(session.header.logs).toBe('none');
		expect(session.entries.filter(isLogEntry)).toEqual([]);
		expect(server!.count({resource: 'pods/log'})).toBe(0);
	}, 60_000);
});
