// The bench's session generator (bench/generate.js): the same seed gives the same bytes, and what
// it writes is a valid session (SESSION-FORMAT.md) in which the lifecycles the bench relies on
// really happen, as podlife's own reader and store see them.

import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {sessionLines, writeSession, RECORDED_AT, type GenerateOptions} from '../../bench/generate.js';
import {readSession} from '../../source/session/reader.js';
import {isWatchEntry, type SessionEntry, type WatchEntry} from '../../source/session/format.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {compatForServerVersion} from '../../source/model/compat.js';
import type {Pod} from '../../source/kube/objects.js';
import {podKeyOf} from '../../source/model/pod-key.js';

const OPTIONS: GenerateOptions = {pods: 300, namespaces: 12, entries: 6000, seed: 7, rate: 1000};
const dir = mkdtempSync(path.join(tmpdir(), 'podlife-bench-'));
const file = path.join(dir, 'session.ndjson');
let entries: SessionEntry[] = [];
let warnings: string[] = [];

beforeAll(async () => {
	await writeSession(file, OPTIONS);
	({entries, warnings} = await readSession(file));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const podEntries = (): WatchEntry[] => entries.filter((entry): entry is WatchEntry => isWatchEntry(entry) && entry.object.kind === 'Pod');

describe('bench session generator', () => {
	it('writes the same bytes for the same seed, and other bytes for another seed', () => {
		const again = [...sessionLines(OPTIONS)].join('\n') + '\n';
		expect(readFileSync(file, 'utf8')).toBe(again);
		const other = [...sessionLines({...OPTIONS, seed: 8})].join('\n') + '\n';
		expect(other).not.toBe(again);
	});

	it('writes a session the strict reader accepts, with the number of entries asked for and time never going back', () => {
		expect(warnings).toEqual([]);
		expect(entries).toHaveLength(OPTIONS.entries);
		for (let i = 1; i < entries.length; i++) expect(entries[i]!.t).toBeGreaterThanOrEqual(entries[i - 1]!.t);
		const header = JSON.parse(readFileSync(file, 'utf8').split('\n', 1)[0]!) as {podlife: string; version: number; recordedAt: string};
		expect(header).toMatchObject({podlife: 'session', version: 1, recordedAt: RECORDED_AT});
	});

	it('lists every pod first, then marks pods, nodes and events as synced', () => {
		const initial = entries.slice(0, OPTIONS.pods);
		expect(initial.every(entry => entry.type === 'ADDED' && entry.t === 0)).toBe(true);
		const synced = entries.filter(entry => entry.type === 'SYNCED').map(entry => (entry as {resource: string}).resource);
		expect(synced).toEqual(['pods', 'nodes', 'events']);
		const namespaces = new Set(podEntries().map(entry => entry.object.metadata?.namespace));
		expect(namespaces.size).toBe(OPTIONS.namespaces);
	});

	it('keeps about `rate` entries per second of session time after the list', () => {
		const seconds = entries.at(-1)!.t / 1000;
		const changes = OPTIONS.entries - OPTIONS.pods;
		expect(changes / seconds).toBeGreaterThan(OPTIONS.rate * 0.8);
		expect(changes / seconds).toBeLessThan(OPTIONS.rate * 1.25);
	});

	it('writes pods shaped like the captured ones: managedFields, owner references, node, init and sidecar containers', () => {
		const pods = podEntries().map(entry => entry.object as Pod);
		expect(pods.every(pod => Array.isArray(pod.metadata.managedFields) && pod.metadata.managedFields.length > 0)).toBe(true);
		expect(pods.some(pod => pod.metadata.ownerReferences?.[0]?.kind === 'ReplicaSet')).toBe(true);
		expect(pods.some(pod => pod.metadata.ownerReferences?.[0]?.kind === 'Job')).toBe(true);
		expect(pods.some(pod => (pod.spec?.initContainers?.length ?? 0) === 2)).toBe(true);
		expect(pods.some(pod => pod.spec?.initContainers?.some(container => container.restartPolicy === 'Always'))).toBe(true);
		const sizes = podEntries().map(entry => JSON.stringify(entry).length);
		const average = sizes.reduce((a, b) => a + b, 0) / sizes.length;
		// The captures' pod entries are 2.4–8.8 KB.
		expect(average).toBeGreaterThan(2400);
		expect(average).toBeLessThan(8800);
		expect(entries.some(entry => isWatchEntry(entry) && entry.object.kind === 'Node' && entry.type === 'MODIFIED')).toBe(true);
		expect(entries.some(entry => isWatchEntry(entry) && entry.object.kind === 'Event' && entry.type === 'MODIFIED')).toBe(true);
	});

	it('plays rollouts, crash loops, jobs, init containers and deletions that podlife prints with the server statuses', () => {
		const recordedAt = Date.parse(RECORDED_AT);
		const store = new PodStore({compat: compatForServerVersion('v1.32.13')});
		const statuses = new Set<string>();
		const restarts = new Map<string, number>();
		let rising = 0;
		let deleted = 0;
		for (const entry of entries) {
			store.apply(entry, recordedAt + entry.t);
			if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') continue;
			if (entry.type === 'DELETED') deleted++;
			const key = podKeyOf(entry.object.metadata);
			const state = store.pod(key)!;
			statuses.add(state.columns.status);
			const count = (entry.object as Pod).status?.containerStatuses?.[0]?.restartCount ?? 0;
			if (count > (restarts.get(key) ?? Infinity)) rising++;
			restarts.set(key, count);
		}
		for (const status of [
			'Pending',
			'ContainerCreating',
			'Running',
			'Init:0/2',
			'Init:1/2',
			'Init:0/1',
			'PodInitializing',
			'Error',
			'CrashLoopBackOff',
			'Completed',
			'Terminating',
		]) {
			expect(statuses).toContain(status);
		}
		expect(rising).toBeGreaterThan(0);
		expect(deleted).toBeGreaterThan(0);
		// Every pod that went was replaced: the live pods stay at the number asked for.
		const live = [...store.view().pods.values()].filter(pod => pod.deletedAt === null);
		expect(live.length).toBe(OPTIONS.pods);
		const backOff = podEntries()
			.flatMap(entry => (entry.object as Pod).status?.containerStatuses ?? [])
			.map(status => status.state?.waiting?.message ?? '')
			.filter(message => message.startsWith('back-off '));
		expect(backOff.some(message => message.startsWith('back-off 10s restarting failed container='))).toBe(true);
		expect(backOff.some(message => message.startsWith('back-off 5m0s restarting failed container='))).toBe(true);
	});

	it('refuses fewer entries than the initial list needs', () => {
		expect(() => [...sessionLines({...OPTIONS, entries: 10})]).toThrow(/--entries must be at least/);
	});
});
