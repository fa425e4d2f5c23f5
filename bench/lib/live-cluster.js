// A cluster for the live bench: podlife's fake API server (dist/serve) in a process of its own,
// serving the initial list of a bench/generate.js session (seeded: the same pods every run), each
// pod with the row a server prints for it (model/print-pod.ts printedRow, so `kubectl get pods`
// gets filled cells that the server re-ages per request, as a real one prints them), times moved
// to now. With `--restarts K --rate R` it also holds K restarts (a pod's first container exits and
// its restartCount goes up, pods in turn) at R per second, played when the parent says "play".
//
// Run by bench/lib/live-bench.js (node --max-old-space-size=… live-cluster.js --pods N --out DIR
// [--restarts K --rate R]); talks over the IPC channel: sends {ready, url, kubeconfig, firstNames}
// once serving, then {played} when the restarts are all out; "play" starts them, "stop" ends it.

import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {sessionLines, RECORDED_AT} from '../generate.js';
import {distImport} from './dist.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
	const at = args.indexOf(name);
	return at === -1 ? fallback : args[at + 1];
};
const pods = Number(flag('--pods', 10_000));
const restarts = Number(flag('--restarts', 0));
const rate = Number(flag('--rate', 500));
const outDir = flag('--out', '.');

const {FakeApiServer, kubeconfigFor} = await distImport('serve/index.js');
const {offsetToStartAt} = await distImport('serve/shift-times.js');
const {printedRow} = await distImport('model/print-pod.js');
const {compatForServerVersion} = await distImport('model/compat.js');

const PODS_PER_NODE = 110;
const nodes = Math.max(2, Math.ceil(pods / PODS_PER_NODE));
// Exactly the initial list: the pods, their SYNCED, the nodes, SYNCED nodes and events.
const lines = sessionLines({pods, namespaces: 200, entries: pods + nodes + 3, seed: 1, rate: 1000});
const header = JSON.parse(lines.next().value);
const compat = compatForServerVersion(header.serverVersion);
const recordedAtMs = Date.parse(RECORDED_AT);
const entries = [];
for (const line of lines) {
	const entry = JSON.parse(line);
	if (entry.object?.kind === 'Pod') entry.row = printedRow(entry.object, recordedAtMs + entry.t, compat);
	entries.push(entry);
}
const listedUntil = entries.at(-1).t;

// The restarts: pod after pod (in list order), each a copy of its last state one restart on.
const latest = entries.filter(entry => entry.object?.kind === 'Pod').map(entry => entry.object);
const gapMs = 1000 / rate;
for (let i = 0; i < restarts; i++) {
	const slot = i % latest.length;
	const pod = structuredClone(latest[slot]);
	latest[slot] = pod;
	const t = listedUntil + 1 + Math.floor(i * gapMs);
	const at = new Date(recordedAtMs + t).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const container = pod.status?.containerStatuses?.[0];
	if (container) {
		container.restartCount = (container.restartCount ?? 0) + 1;
		container.lastState = {terminated: {exitCode: 1, reason: 'Error', startedAt: at, finishedAt: at}};
	}
	entries.push({t, type: 'MODIFIED', object: pod, row: printedRow(pod, recordedAtMs + t, compat)});
}

const server = new FakeApiServer({header, entries, startAt: listedUntil, timeShiftMs: offsetToStartAt(recordedAtMs, Date.now())});
const url = await server.start();
const kubeconfig = path.join(outDir, `kubeconfig-${process.pid}`);
await writeFile(kubeconfig, kubeconfigFor(url), {mode: 0o600});
// The pods of the list's first page (the server lists in key order): a frame holding one has rows.
const firstNames = latest
	.map(pod => `${pod.metadata.namespace}/${pod.metadata.name}`)
	.sort()
	.slice(0, 500)
	.map(key => key.slice(key.indexOf('/') + 1));

process.on('message', message => {
	if (message === 'play') {
		server.play({speed: 1});
		const poll = setInterval(() => {
			if (server.history.nextTime === undefined) {
				clearInterval(poll);
				process.send({played: true});
			}
		}, 100);
	} else if (message === 'stop') {
		void server.close().then(() => process.exit(0));
	}
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
process.send({ready: true, url, kubeconfig, firstNames, pods, restarts, rate});
