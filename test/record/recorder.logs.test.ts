// `record` capturing container logs from the fake API server playing a session with LOG entries
// (test/fixtures/logs: a capture with a LOG for every container run that ended): the recording
// holds the same watch entries and the same logs, the server's refusals become LOG entries with
// `error` while the recording goes on, no more than a few log requests are in flight, and
// `logs: 'none'` asks for none.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/objects.js';
import {record, type RecordOptions} from '../../source/record/recorder.js';
import {FakeApiServer, type RequestRecord} from '../../source/serve/fake-api-server.js';
import {kubeconfigFor} from '../../source/serve/kubeconfig.js';
import {readSession} from '../../source/session/reader.js';
import {isLogEntry, isWatchEntry, type LogEntry, type SessionEntry, type SessionHeader, type WatchEntry} from '../../source/session/format.js';
import {Collector, FAST, waitUntil} from '../sources/live/helpers.js';
import {tempDir} from '../sources/live/kubeconfig-fixture.js';

interface Served {
	server: FakeApiServer;
	header: SessionHeader;
	entries: SessionEntry[];
	dir: string;
	kubeconfig: string;
}

let served: Served | undefined;
afterEach(async () => {
	await served?.server.close();
	if (served) fs.rmSync(served.dir, {recursive: true, force: true});
	served = undefined;
});

function readFixture(file: string): {header: SessionHeader; entries: SessionEntry[]} {
	const [head, ...rest] = fs
		.readFileSync(fileURLToPath(new URL(`../fixtures/${file}`, import.meta.url)), 'utf8')
		.trim()
		.split('\n');
	return {header: JSON.parse(head!) as SessionHeader, entries: rest.map(line => JSON.parse(line) as SessionEntry)};
}

/** The t of the pods' SYNCED marker: the server starts there, so its initial list is the session's. */
function syncedAt(entries: readonly SessionEntry[]): number {
	return entries.find(entry => entry.type === 'SYNCED' && entry.resource === 'pods')!.t;
}

async function serve(session: {header: SessionHeader; entries: SessionEntry[]}): Promise<Served> {
	const server = new FakeApiServer({...session, startAt: syncedAt(session.entries)});
	const url = await server.start();
	const dir = tempDir();
	const kubeconfig = path.join(dir, 'kubeconfig');
	fs.writeFileSync(kubeconfig, kubeconfigFor(url, {name: 'fake'}));
	served = {server, ...session, dir, kubeconfig};
	return served;
}

function startRecording(options: Partial<RecordOptions> = {}) {
	const controller = new AbortController();
	const collector = new Collector();
	const file = path.join(served!.dir, `recorded-${Math.random().toString(36).slice(2)}.ndjson`);
	const done = record({
		file,
		redact: false,
		kubeconfig: served!.kubeconfig,
		namespace: null,
		...FAST,
		signal: controller.signal,
		onEntry: collector.onEntry,
		...options,
	});
	return {file, collector, done, stop: () => controller.abort()};
}

const watchEntries = (entries: readonly SessionEntry[]) => entries.filter(isWatchEntry);
const logEntries = (entries: readonly SessionEntry[]) => entries.filter(isLogEntry);

/** A watch entry as a user would compare it: its type, whose it is, and a digest of its object less the server's own resourceVersion. */
function comparable(entry: WatchEntry): string {
	const {resourceVersion: _rv, ...metadata} = entry.object.metadata ?? {};
	const digest = createHash('sha1')
		.update(JSON.stringify({...entry.object, metadata}))
		.digest('hex')
		.slice(0, 12);
	return `${entry.type} ${entry.object.kind} ${metadata.namespace ?? ''}/${metadata.name} ${digest}`;
}

/**
 * The watch entries after the initial lists, what happened while recording, in order for each
 * kind: pods, nodes and events come by watches of their own, so entries of the same moment
 * interleave as their connections deliver them.
 */
function changes(entries: readonly SessionEntry[]): Record<string, string[]> {
	const lastSynced = entries.findLastIndex(entry => entry.type === 'SYNCED');
	const byKind: Record<string, string[]> = {};
	for (const entry of watchEntries(entries.slice(lastSynced + 1))) (byKind[entry.object.kind ?? ''] ??= []).push(comparable(entry));
	return byKind;
}

const changeCount = (entries: readonly SessionEntry[]) => Object.values(changes(entries)).reduce((sum, list) => sum + list.length, 0);

const withoutT = ({t: _t, ...log}: LogEntry) => log;

/** Plays the session entry time by entry time, each once the recording has what the original had before it. */
async function stepThrough(collector: Collector): Promise<void> {
	const {entries, server} = served!;
	const times = [...new Set(watchEntries(entries).map(entry => entry.t))].filter(t => t > server.now);
	for (const [index, t] of times.entries()) {
		const next = times[index + 1] ?? Infinity;
		server.advanceTo(t);
		const upTo = watchEntries(entries).filter(entry => entry.t <= t && entry.t > syncedAt(entries)).length;
		const logsBefore = logEntries(entries).filter(entry => entry.t < next).length;
		await waitUntil(() => changeCount(collector.entries) >= upTo, `the changes up to t=${t}`);
		await waitUntil(() => logEntries(collector.entries).length >= logsBefore, `the logs the original has before t=${next}`);
	}
}

/** Where in the entries a log's run became readable as it was read: the pod entry whose status shows it so. */
function triggerIndex(entries: readonly SessionEntry[], log: LogEntry): number {
	return entries.findIndex(entry => {
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod' || entry.object.metadata?.uid !== log.uid) return false;
		const {containerStatuses = [], initContainerStatuses = []} = (entry.object as Pod).status ?? {};
		const status = [...initContainerStatuses, ...containerStatuses].find(candidate => candidate.name === log.container);
		return (log.previous ? status?.lastState?.terminated : status?.state?.terminated)?.containerID === log.containerID;
	});
}

describe('record captures container logs', () => {
	it('records a served session with logs entry for entry: the same changes, the same logs, each read when its run ended', async () => {
		const original = readFixture('logs/mixed-with-logs.ndjson');
		await serve(original);
		const recording = startRecording();
		await waitUntil(() => recording.collector.entries.filter(entry => entry.type === 'SYNCED').length === 3, 'the initial lists');
		await stepThrough(recording.collector);
		recording.stop();
		const final = await recording.done;

		const recorded = await readSession(recording.file);
		expect(recorded.warnings).toEqual([]);
		expect(recorded.header.logs).toBe('crashes');
		expect(changes(recorded.entries)).toEqual(changes(original.entries));
		const logs = logEntries(recorded.entries);
		expect(logs.map(withoutT)).toEqual(logEntries(original.entries).map(withoutT));
		expect(logs).toHaveLength(8);
		for (const log of logs) {
			// Read after the status that made its run readable, before the pod changed again.
			const at = recorded.entries.indexOf(log);
			const trigger = triggerIndex(recorded.entries, log);
			expect(trigger).toBeGreaterThanOrEqual(0);
			expect(trigger).toBeLessThan(at);
			const podChanges = recorded.entries.slice(trigger + 1, at).filter(entry => isWatchEntry(entry) && entry.object.metadata?.uid === log.uid);
			expect(podChanges).toEqual([]);
		}
		expect(final.logs).toEqual({read: 8, unreadable: 0});
		expect(final.entries).toBe(recorded.entries.length);
	});

	it('writes an error entry for each log RBAC forbids (no pods/log grant) and records everything else', async () => {
		const original = readFixture('logs/mixed-with-logs.ndjson');
		await serve(original);
		served!.server.limitAccess([{resources: ['pods', 'events', 'nodes', 'namespaces']}]);
		const recording = startRecording();
		await waitUntil(() => recording.collector.entries.filter(entry => entry.type === 'SYNCED').length === 3, 'the initial lists');
		await stepThrough(recording.collector);
		recording.stop();
		const final = await recording.done;

		const recorded = await readSession(recording.file);
		expect(changes(recorded.entries)).toEqual(changes(original.entries));
		const logs = logEntries(recorded.entries);
		expect(logs.map(log => [log.pod, log.container, log.error, log.lines])).toEqual(
			logEntries(original.entries).map(log => [log.pod, log.container, 'forbidden', []]),
		);
		expect(served!.server.count({resource: 'pods/log', status: 403})).toBe(8);
		expect(final.logs).toEqual({read: 0, unreadable: 8});
	});

	it('writes the server’s words when it has no log (a session without LOG entries: 404) and goes on', async () => {
		const {header, entries} = readFixture('logs/mixed-with-logs.ndjson');
		await serve({header, entries: entries.filter(entry => !isLogEntry(entry))});
		const recording = startRecording();
		await waitUntil(() => recording.collector.entries.filter(entry => entry.type === 'SYNCED').length === 3, 'the initial lists');
		served!.server.advanceTo(18_000);
		// The two init containers, the first crash and the Job: their logs asked for, refused.
		await waitUntil(() => logEntries(recording.collector.entries).length === 4, 'four refused logs');
		served!.server.advanceToEnd();
		await waitUntil(() => changeCount(recording.collector.entries) === changeCount(entries), 'every change');
		recording.stop();
		await recording.done;
		const report = logEntries((await readSession(recording.file)).entries).find(log => log.container === 'report')!;
		expect(report.lines).toEqual([]);
		expect(report.error).toBe(
			`podlife serve: the session holds no log of container "report" in pod "${report.pod}" as of now (a recording captures the logs of containers that terminate or restart)`,
		);
	});

	it('keeps the last 50 lines (and says the log had more) of a long log', async () => {
		const {header, entries} = readFixture('logs/mixed-with-logs.ndjson');
		const long = Array.from({length: 80}, (_, index) => `line ${index + 1}`);
		const session = entries.map(entry => (isLogEntry(entry) && entry.container === 'report' ? {...entry, lines: long} : entry));
		await serve({header, entries: session});
		const recording = startRecording();
		await waitUntil(() => recording.collector.entries.filter(entry => entry.type === 'SYNCED').length === 3, 'the initial lists');
		served!.server.advanceTo(17_510);
		await waitUntil(() => logEntries(recording.collector.entries).some(log => log.container === 'report'), 'the Job’s log');
		recording.stop();
		await recording.done;
		const report = logEntries((await readSession(recording.file)).entries).find(log => log.container === 'report')!;
		expect(report).toMatchObject({previous: false, restartCount: 0, lines: long.slice(-50), truncated: true});
	});

	it('has at most 4 log requests in flight, and records every watch entry while they wait', async () => {
		const {header, entries} = manyJobs(10);
		await serve({header, entries});
		const release = served!.server.holdRequests({resource: 'pods/log'});
		const recording = startRecording();
		await waitUntil(() => recording.collector.entries.filter(entry => entry.type === 'SYNCED').length === 3, 'the initial lists');
		served!.server.advanceToEnd();
		// Every change is recorded while the logs wait.
		await waitUntil(() => changeCount(recording.collector.entries) === changeCount(entries), 'every change while the logs are held');
		await waitUntil(() => logRequests().length === 4, 'four log requests');
		expect(logEntries(recording.collector.entries)).toEqual([]);
		release();
		await waitUntil(() => logEntries(recording.collector.entries).length === 10, 'the ten logs');
		recording.stop();
		await recording.done;

		expect(maxOverlap(logRequests())).toBe(4);
		const logs = logEntries((await readSession(recording.file)).entries);
		expect(logs.map(log => `${log.pod}: ${log.lines.join(' | ')}`).sort()).toEqual(
			logEntries(entries)
				.map(log => `${log.pod}: ${log.lines.join(' | ')}`)
				.sort(),
		);
	});

	it('asks for no log with logs: none, and says so in the header', async () => {
		const original = readFixture('logs/mixed-with-logs.ndjson');
		await serve(original);
		const recording = startRecording({logs: 'none'});
		await waitUntil(() => recording.collector.entries.filter(entry => entry.type === 'SYNCED').length === 3, 'the initial lists');
		served!.server.advanceToEnd();
		await waitUntil(() => changeCount(recording.collector.entries) === changeCount(original.entries), 'every change');
		recording.stop();
		const final = await recording.done;
		const recorded = await readSession(recording.file);
		expect(recorded.header.logs).toBe('none');
		expect(logEntries(recorded.entries)).toEqual([]);
		expect(served!.server.count({resource: 'pods/log'})).toBe(0);
		expect(final.logs).toBeUndefined();
	});
});

function logRequests(): RequestRecord[] {
	return served!.server.requests.filter(request => request.resource === 'pods/log');
}

/** The most requests that were being answered at once, as the server saw them. */
function maxOverlap(requests: readonly RequestRecord[]): number {
	const edges = requests.flatMap(request => [
		{at: request.at, step: 1},
		{at: request.answeredAt ?? Infinity, step: -1},
	]);
	// An answer and a request at the same ms: the answer came first (the client sends the next one on it).
	edges.sort((a, b) => a.at - b.at || a.step - b.step);
	let open = 0;
	let most = 0;
	for (const edge of edges) most = Math.max(most, (open += edge.step));
	return most;
}

/** The job capture with its Job pod made `count` pods whose containers all complete at the same moment, each with its LOG. */
function manyJobs(count: number): {header: SessionHeader; entries: SessionEntry[]} {
	const {header, entries} = readFixture('captures/job.ndjson');
	const out: SessionEntry[] = [];
	const logged = new Set<string>();
	for (const entry of entries) {
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod' || !entry.object.metadata?.name?.startsWith('report-')) {
			out.push(entry);
			continue;
		}
		for (let index = 0; index < count; index++) {
			const pod = JSON.parse(JSON.stringify(entry.object).replaceAll('report-s887j-mm6rx', `report-${index}`)) as Pod;
			pod.metadata.uid = `${pod.metadata.uid}-${index}`;
			const status = pod.status?.containerStatuses?.[0];
			const ended = status?.state?.terminated;
			if (ended?.containerID) ended.containerID = `${ended.containerID}-${index}`;
			if (status?.containerID) status.containerID = `${status.containerID}-${index}`;
			out.push({...entry, object: pod});
			if (ended?.containerID && !logged.has(ended.containerID)) {
				logged.add(ended.containerID);
				const lines = [`report ${index}: done`];
				out.push({t: entry.t, type: 'LOG', namespace: 'default', pod: `report-${index}`, uid: pod.metadata.uid, container: 'report', previous: false, lines});
			}
		}
	}
	return {header, entries: out};
}
