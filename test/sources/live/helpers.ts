// Shared by the live and record tests: a FakeApiServer playing a recorded
// capture, a kubeconfig file pointing at it, and an entry collector that folds
// the live source's entries into "pods now" the way any consumer would.

import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {FakeApiServer, type FakeApiServerOptions} from '../../../source/serve/fake-api-server.js';
import {kubeconfigFor} from '../../../source/serve/kubeconfig.js';
import {isWatchEntry, type SessionEntry, type SessionHeader, type StatusEntry, type WatchEntry} from '../../../source/session/format.js';
import type {KubeObject} from '../../../source/kube/objects.js';
import {tempDir} from './kubeconfig-fixture.js';
import {podKeyOf} from '../../../source/model/pod-key.js';

/** Short backoffs so reconnect tests take milliseconds. */
export const FAST = {backoff: {initialMs: 10, maxMs: 50}, watchTimeoutSeconds: 60};

export function readCapture(name: string): {header: SessionHeader; entries: SessionEntry[]} {
	const file = fileURLToPath(new URL(`../../fixtures/captures/${name}.ndjson`, import.meta.url));
	const [head, ...rest] = fs.readFileSync(file, 'utf8').trim().split('\n');
	return {header: JSON.parse(head!) as SessionHeader, entries: rest.map(line => JSON.parse(line) as SessionEntry)};
}

export interface Fake {
	server: FakeApiServer;
	url: string;
	entries: SessionEntry[];
	dir: string;
	kubeconfig: string;
	/** Session time of the last entry. */
	end: number;
	close(): Promise<void>;
}

export async function startFake(name: string, options: Omit<FakeApiServerOptions, 'header' | 'entries'> & {token?: string} = {}): Promise<Fake> {
	const {header, entries} = readCapture(name);
	const server = new FakeApiServer({...options, header, entries});
	const url = await server.start();
	const dir = tempDir();
	const kubeconfig = path.join(dir, 'kubeconfig');
	fs.writeFileSync(kubeconfig, kubeconfigFor(url, {name: 'fake', token: options.token}));
	return {
		server,
		url,
		entries,
		dir,
		kubeconfig,
		end: entries.at(-1)!.t,
		close: async () => {
			await server.close();
			fs.rmSync(dir, {recursive: true, force: true});
		},
	};
}

function keyOf(object: KubeObject): string {
	return podKeyOf(object.metadata);
}

/** Pods after applying these entries: key → last object. */
export function podsFrom(entries: readonly SessionEntry[]): Map<string, KubeObject> {
	const pods = new Map<string, KubeObject>();
	for (const entry of entries) {
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') continue;
		if (entry.type === 'DELETED') pods.delete(keyOf(entry.object));
		else pods.set(keyOf(entry.object), entry.object);
	}
	return pods;
}

/** What a user sees of a pod: everything but server-assigned bookkeeping (resourceVersion differs per server). */
export function visible(pods: Map<string, KubeObject>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, object] of [...pods].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const {resourceVersion: _rv, managedFields: _mf, ...meta} = object.metadata ?? {};
		out[key] = {metadata: meta, spec: object['spec'], status: object['status']};
	}
	return out;
}

export class Collector {
	readonly entries: SessionEntry[] = [];
	readonly onEntry = (entry: SessionEntry) => {
		this.entries.push(entry);
	};

	statuses(): StatusEntry[] {
		return this.entries.filter((entry): entry is StatusEntry => entry.type === 'STATUS');
	}

	podEntries(): WatchEntry[] {
		return this.entries.filter(isWatchEntry).filter(entry => entry.object.kind === 'Pod');
	}

	pods(): Map<string, KubeObject> {
		return podsFrom(this.entries);
	}
}

/** Polls until `check` holds (watch events arrive asynchronously); no fixed sleeps. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}

/** Pod objects changed (ADDED/MODIFIED) more than once at the same resourceVersion: duplicates. */
export function duplicates(entries: readonly WatchEntry[]): string[] {
	const seen = new Set<string>();
	const dupes: string[] = [];
	for (const entry of entries) {
		if (entry.type === 'DELETED') continue;
		const id = `${keyOf(entry.object)}@${entry.object.metadata?.resourceVersion}`;
		if (seen.has(id)) dupes.push(id);
		seen.add(id);
	}
	return dupes;
}
