import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {record, type RecordProgress} from '../../source/record/recorder.js';
import {progressLine, recordedLine, recordingText} from '../../source/view/recording-text.js';
import {readSession} from '../../source/session/reader.js';
import {isWatchEntry, type SessionEntry, type SessionHeader} from '../../source/session/format.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {compatForServerVersion} from '../../source/model/compat.js';
import {Collector, FAST, podsFrom, startFake, visible, waitUntil, type Fake} from '../sources/live/helpers.js';

let fake: Fake | undefined;

afterEach(async () => {
	await fake?.close();
	fake = undefined;
});

function replay(header: SessionHeader, entries: readonly SessionEntry[]): PodStore {
	const store = new PodStore({compat: compatForServerVersion(header.serverVersion)});
	const start = Date.parse(header.recordedAt);
	for (const entry of entries) store.apply(entry, start + entry.t);
	return store;
}

/** The pods a user would see at the end: the cells podlife prints plus the pod's status. */
function finalPods(store: PodStore): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, pod] of store.view().pods) {
		if (pod.deletedAt !== null) continue;
		out[key] = {ready: pod.columns.ready, status: pod.columns.status, ip: pod.columns.ip, node: pod.columns.node, podStatus: pod.readObject().status};
	}
	return out;
}

/** Records while `during` runs; resolves with the progress record() ends with. */
async function recordWhile(file: string, options: {redact: boolean}, during: (collector: Collector) => Promise<void>): Promise<RecordProgress> {
	const controller = new AbortController();
	const collector = new Collector();
	const recording = record({
		file,
		redact: options.redact,
		kubeconfig: fake!.kubeconfig,
		namespace: null,
		...FAST,
		signal: controller.signal,
		onEntry: collector.onEntry,
	});
	await waitUntil(() => collector.entries.filter(entry => entry.type === 'SYNCED').length === 3, 'the initial lists');
	await during(collector);
	controller.abort();
	return recording;
}

describe('record', () => {
	it('records a session that replays to the same final pods as the cluster’s, with the server’s rows', async () => {
		fake = await startFake('web', {startAt: 1000});
		const file = path.join(fake.dir, 'web.ndjson');
		const last = await recordWhile(file, {redact: false}, async collector => {
			fake!.server.advanceToEnd();
			await waitUntil(() => JSON.stringify(visible(collector.pods())) === JSON.stringify(visible(podsFrom(fake!.entries))), 'the final pods');
		});

		const recorded = await readSession(file);
		expect(recorded.warnings).toEqual([]);
		expect(recorded.header).toMatchObject({
			podlife: 'session',
			version: 1,
			context: 'fake',
			server: fake.url,
			serverVersion: 'v1.32.13',
			namespace: null,
			labelSelector: null,
			resources: ['pods', 'nodes', 'events'],
		});
		expect(Number.isNaN(Date.parse(recorded.header.recordedAt))).toBe(false);

		const original = readSessionEntries(fake);
		expect(finalPods(replay(recorded.header, recorded.entries))).toEqual(finalPods(replay(original.header, original.entries)));

		const podEntries = recorded.entries.filter(isWatchEntry).filter(entry => entry.object.kind === 'Pod');
		expect(podEntries.every(entry => entry.row !== undefined)).toBe(true);
		const webRows = podEntries.filter(entry => entry.object.metadata?.name?.startsWith('web-')).map(entry => entry.row?.status);
		expect(webRows.at(-1)).toBe('Running');
		expect(recorded.entries.at(-1)).toMatchObject({type: 'STATUS', state: 'disconnected'});

		expect(last.entries).toBe(recorded.entries.length);
		expect(last.pods).toBe(Object.keys(finalPods(replay(recorded.header, recorded.entries))).length);
	});

	it('leaves a readable session on disk while still recording', async () => {
		fake = await startFake('web', {startAt: 3000});
		const file = path.join(fake.dir, 'mid.ndjson');
		await recordWhile(file, {redact: true}, async () => {
			await waitUntil(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('"SYNCED"'), 'entries on disk');
			const midway = await readSession(file);
			expect(midway.header.podlife).toBe('session');
			expect(midway.entries.some(entry => entry.type === 'ADDED')).toBe(true);
		});
	});

	it('redacts managedFields unless told not to', async () => {
		fake = await startFake('web', {startAt: 3000});
		const redacted = path.join(fake.dir, 'redacted.ndjson');
		await recordWhile(redacted, {redact: true}, async () => {});
		expect(fs.readFileSync(redacted, 'utf8')).not.toContain('managedFields');
		const plain = path.join(fake.dir, 'plain.ndjson');
		await recordWhile(plain, {redact: false}, async () => {});
		expect(fs.readFileSync(plain, 'utf8')).toContain('managedFields');
	});

	it('stops by itself after --duration', async () => {
		fake = await startFake('web', {startAt: 3000});
		const file = path.join(fake.dir, 'timed.ndjson');
		await record({file, redact: true, kubeconfig: fake.kubeconfig, namespace: null, ...FAST, durationMs: 300});
		const recorded = await readSession(file);
		expect(recorded.entries.filter(entry => entry.type === 'SYNCED')).toHaveLength(3);
	});

	it('writes no file when RBAC forbids listing pods', async () => {
		fake = await startFake('web', {startAt: 3000});
		fake.server.forbid({resource: 'pods'});
		const file = path.join(fake.dir, 'forbidden.ndjson');
		await expect(record({file, redact: true, kubeconfig: fake.kubeconfig, namespace: null, ...FAST, durationMs: 300})).rejects.toThrow(
			/RBAC forbids list pods across all namespaces/,
		);
		expect(fs.existsSync(file)).toBe(false);
	});
});

function readSessionEntries(f: Fake): {header: SessionHeader; entries: SessionEntry[]} {
	return {header: f.server.header, entries: f.entries};
}

describe('progressLine', () => {
	it('counts entries and pods and shows the elapsed time', () => {
		expect(progressLine({entries: 1234, pods: 14, elapsedMs: 65_400})).toBe('recording: 1234 entries, 14 pods, 1m05s');
	});
	it('counts the logs captured, and those that could not be read, when logs are captured', () => {
		expect(progressLine({entries: 40, pods: 3, elapsedMs: 12_000, logs: {read: 3, unreadable: 0}})).toBe('recording: 40 entries, 3 pods, 3 logs, 12s');
		expect(progressLine({entries: 40, pods: 3, elapsedMs: 12_000, logs: {read: 0, unreadable: 1}})).toBe(
			'recording: 40 entries, 3 pods, 1 log (1 unreadable), 12s',
		);
		expect(recordingText({entries: 40, pods: 3, elapsedMs: 65_000, logs: {read: 2, unreadable: 1}}, 'a.ndjson')).toBe(
			'REC 1m05s · 40 entries · 3 logs (1 unreadable) → a.ndjson',
		);
		expect(recordedLine({entries: 40, pods: 3, elapsedMs: 12_000, logs: {read: 0, unreadable: 0}}, 'a.ndjson')).toBe(
			'recorded 40 entries (3 pods, 0 logs, 12s) to a.ndjson',
		);
	});
	it('mentions a connection that is not healthy', () => {
		expect(progressLine({entries: 1, pods: 1, elapsedMs: 2000, state: 'reconnecting'})).toBe('recording: 1 entry, 1 pod, 2s, reconnecting');
	});
});
