// Shared by the fake API server tests: start a server on a recorded capture, a
// client-node KubeConfig pointing at it, and the session's own answer to "what
// pods exist at t" computed straight from the file (not through the server's timeline).

import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {KubeConfig} from '@kubernetes/client-node';
import {replayInto} from '../../source/output/replay-store.js';
import {tableRow} from '../../source/output/table.js';
import {FakeApiServer, type FakeApiServerOptions} from '../../source/serve/fake-api-server.js';
import {isWatchEntry, type SessionEntry, type SessionHeader, type WatchEntry} from '../../source/session/format.js';
import {podKeyOf} from '../../source/model/pod-key.js';

export function capturePath(name: string): string {
	return fileURLToPath(new URL(`../fixtures/captures/${name}.ndjson`, import.meta.url));
}

export function readCapture(name: string): {header: SessionHeader; entries: SessionEntry[]} {
	const [head, ...rest] = readFileSync(capturePath(name), 'utf8').trim().split('\n');
	return {header: JSON.parse(head!) as SessionHeader, entries: rest.map(line => JSON.parse(line) as SessionEntry)};
}

export function podEntries(entries: SessionEntry[]): WatchEntry[] {
	return entries.filter(isWatchEntry).filter(entry => entry.object.kind === 'Pod');
}

/** Pods present at session time t, keyed namespace/name, with the entry that last set them. */
export function podsAt(entries: SessionEntry[], t: number): Map<string, WatchEntry> {
	const pods = new Map<string, WatchEntry>();
	for (const entry of podEntries(entries)) {
		if (entry.t > t) break;
		const key = podKeyOf(entry.object.metadata);
		if (entry.type === 'DELETED') pods.delete(key);
		else pods.set(key, entry);
	}
	return pods;
}

export async function startServer(
	name: string,
	options: Omit<FakeApiServerOptions, 'header' | 'entries'> = {},
): Promise<{server: FakeApiServer; url: string; header: SessionHeader; entries: SessionEntry[]}> {
	const {header, entries} = readCapture(name);
	const server = new FakeApiServer({...options, header, entries});
	const url = await server.start();
	return {server, url, header, entries};
}

export function kubeConfig(url: string, token?: string): KubeConfig {
	const kc = new KubeConfig();
	kc.loadFromOptions({
		clusters: [{name: 'fake', server: url, skipTLSVerify: true}],
		users: [token === undefined ? {name: 'tester'} : {name: 'tester', token}],
		contexts: [{name: 'fake', cluster: 'fake', user: 'tester'}],
		currentContext: 'fake',
	});
	return kc;
}

/** Poll until check() returns a value other than undefined (watch events arrive asynchronously). */
export async function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

/**
 * What `podlife replay FILE --output table --at t` prints for each pod present at t, keyed
 * namespace/name: NAMESPACE, NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, FLAGS, WHY.
 */
export async function replayCells(name: string, t: number): Promise<Map<string, string[]>> {
	const {store, now} = await replayInto(capturePath(name), t, {warn: () => undefined});
	const view = store.view();
	const cells = new Map<string, string[]>();
	for (const pod of view.pods.values()) if (pod.deletedAt === null) cells.set(pod.key, tableRow(pod, now, view));
	return cells;
}
