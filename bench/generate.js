#!/usr/bin/env node
// A seeded generator of large podlife sessions (../shared/SESSION-FORMAT.md, version 1) for the
// benchmark. Same options → byte-identical file: every random choice comes from one mulberry32
// stream, every time from the session clock (never Date.now), and objects are built with a fixed
// key order.
//
// What a session holds (shapes and sizes taken from test/fixtures/captures, managedFields kept,
// ~3–6 KB per pod entry):
// - the initial list: `pods` pods ADDED at t = 0 in every lifecycle stage, SYNCED pods; the
//   nodes (110 pods per node) ADDED, SYNCED nodes; SYNCED events;
// - then, at about `rate` entries per second of session time, one pod at a time moves a step on:
//   Deployment pods (ReplicaSet owned) start, become ready, and are replaced by a rollout (new
//   pod-template-hash; the old pod goes Terminating, then DELETED); crash loops (Error →
//   CrashLoopBackOff "back-off 10s…5m0s", restartCount rising); Job pods run to Completed and are
//   deleted, a new Job pod takes their place; pods with two init containers; pods with a native
//   sidecar (restartPolicy Always init container); kubelet Events (ADDED, and BackOff events
//   MODIFIED with a rising count); node heartbeats (MODIFIED).
// The number of live pods stays at `pods` (every pod that goes away is replaced).
//
// CLI: node bench/generate.js --pods 10000 --namespaces 200 --entries 200000 --seed 1 --out FILE
//      [--rate 1000]
//
// The parts, by what they generate: generate/world.js (the cluster's records and random choices),
// generate/lifecycles.js (how pods move on), generate/pod-object.js and generate/node-object.js
// (the objects as the API server serves them), generate/random.js, generate/cluster-facts.js.

import {createWriteStream} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {PODS_PER_NODE, RECORDED_AT, RECORDED_AT_MS, SERVER_VERSION} from './generate/cluster-facts.js';
import {initialStage, markBusy, pickPod, step} from './generate/lifecycles.js';
import {nodeObject} from './generate/node-object.js';
import {podObject} from './generate/pod-object.js';
import {World} from './generate/world.js';

export {RECORDED_AT};
export const DEFAULT_OPTIONS = Object.freeze({pods: 10_000, namespaces: 200, entries: 200_000, seed: 1, rate: 1000});

// ── the session ─────────────────────────────────────────────────────────────

/**
 * The session's lines (header first), without "\n". Lazy: the caller writes each as it comes.
 * @param {Partial<typeof DEFAULT_OPTIONS>} partial
 */
export function* sessionLines(partial = {}) {
	const options = {...DEFAULT_OPTIONS, ...partial};
	validate(options);
	const world = new World(options);
	yield JSON.stringify({
		podlife: 'session',
		version: 1,
		recordedAt: RECORDED_AT,
		context: 'bench',
		server: 'https://127.0.0.1:6443',
		serverVersion: SERVER_VERSION,
		namespace: null,
		labelSelector: null,
		resources: ['pods', 'nodes', 'events'],
		title: `bench: ${options.pods} pods in ${options.namespaces} namespaces, ${options.entries} entries (seed ${options.seed})`,
		generator: {name: 'podlife bench/generate.js', ...options},
	});
	let written = 0;
	const line = entry => {
		written += 1;
		return JSON.stringify(entry);
	};
	// The initial list.
	for (let i = 0; i < options.pods; i++) {
		const kind = world.pickKind();
		const pod = world.newPod(RECORDED_AT_MS, initialStage(world, kind), world.ownerFor(kind));
		pod.slot = world.pods.length;
		world.pods.push(pod);
		markBusy(world, pod);
		yield line({t: 0, type: 'ADDED', object: podObject(pod, RECORDED_AT_MS)});
	}
	yield line({t: 0, type: 'SYNCED', resource: 'pods', resourceVersion: String(world.rv)});
	for (const node of world.nodes) yield line({t: 1, type: 'ADDED', object: nodeObject(node)});
	yield line({t: 1, type: 'SYNCED', resource: 'nodes', resourceVersion: String(world.rv)});
	yield line({t: 2, type: 'SYNCED', resource: 'events', resourceVersion: String(world.rv)});

	// The changes, at about `rate` entries per second: after a step that wrote n entries the clock
	// moves on by n gaps, each uniform in [0, 2 × mean).
	const meanGapMs = 1000 / options.rate;
	let clock = 2;
	let stepStart = written;
	while (written < options.entries) {
		clock += world.random.next() * 2 * meanGapMs * Math.max(1, written - stepStart);
		stepStart = written;
		const t = Math.floor(clock);
		const nowMs = RECORDED_AT_MS + t;
		if (world.random.chance(0.01)) {
			const node = world.random.pick(world.nodes);
			node.heartbeatMs = nowMs;
			node.rv = world.nextRv();
			yield line({t, type: 'MODIFIED', object: nodeObject(node)});
			continue;
		}
		const pod = pickPod(world);
		const {entries, gone} = step(world, pod, nowMs);
		if (!gone) markBusy(world, pod);
		for (const entry of entries) {
			if (written >= options.entries) break;
			yield line({t, ...entry});
		}
		if (gone) {
			// A replacement keeps the number of live pods: a new pod of the same owner (a ReplicaSet's
			// next pod, a Job's next run) or of a new one.
			const kind = world.random.chance(0.7) ? pod.kind : world.pickKind();
			const owner = kind === pod.kind && world.random.chance(0.7) ? pod.ownerRef : world.ownerFor(kind);
			const fresh = world.newPod(nowMs, 'pending', owner);
			world.pods[pod.slot] = fresh;
			fresh.slot = pod.slot;
			markBusy(world, fresh);
			if (written < options.entries) yield line({t, type: 'ADDED', object: podObject(fresh, nowMs)});
		}
	}
}

function validate(options) {
	for (const key of ['pods', 'namespaces', 'entries', 'rate']) {
		if (!Number.isInteger(options[key]) || options[key] <= 0) throw new RangeError(`--${key} must be a positive whole number (got ${options[key]})`);
	}
	if (!Number.isInteger(options.seed) || options.seed < 0) throw new RangeError(`--seed must be a whole number >= 0 (got ${options.seed})`);
	const listed = options.pods + Math.max(2, Math.ceil(options.pods / PODS_PER_NODE)) + 3;
	if (options.entries < listed)
		throw new RangeError(`--entries must be at least ${listed} (the initial list of ${options.pods} pods, the nodes and the SYNCED markers)`);
}

/**
 * Writes a session to `file` through a stream, a chunk of lines at a time (never the whole file
 * as one string), waiting for the stream to drain. Resolves with the bytes written.
 */
export async function writeSession(file, partial = {}) {
	await mkdir(path.dirname(path.resolve(file)), {recursive: true});
	const stream = createWriteStream(file);
	const done = new Promise((resolve, reject) => {
		stream.on('finish', resolve);
		stream.on('error', reject);
	});
	let bytes = 0;
	let chunk = [];
	let chunkLength = 0;
	const flush = async () => {
		if (chunk.length === 0) return;
		const text = `${chunk.join('\n')}\n`;
		chunk = [];
		chunkLength = 0;
		bytes += Buffer.byteLength(text);
		if (!stream.write(text)) await new Promise(resolve => stream.once('drain', resolve));
	};
	for (const text of sessionLines(partial)) {
		chunk.push(text);
		chunkLength += text.length;
		if (chunkLength >= 1 << 20) await flush();
	}
	await flush();
	stream.end();
	await done;
	return bytes;
}

function parseCli(argv) {
	const options = {};
	let out = null;
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		if (flag === '--out') {
			out = value;
			i++;
		} else if (['--pods', '--namespaces', '--entries', '--seed', '--rate'].includes(flag)) {
			options[flag.slice(2)] = Number(value);
			i++;
		} else if (flag === '--help' || flag === '-h') {
			return {help: true};
		} else {
			throw new RangeError(`unknown flag "${flag}"`);
		}
	}
	if (!out) throw new RangeError('--out FILE is required');
	return {options, out};
}

const USAGE = 'usage: node bench/generate.js --out FILE [--pods 10000] [--namespaces 200] [--entries 200000] [--seed 1] [--rate 1000]\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const cli = parseCli(process.argv.slice(2));
		if (cli.help) {
			process.stdout.write(USAGE);
		} else {
			const started = performance.now();
			const bytes = await writeSession(cli.out, cli.options);
			process.stderr.write(`wrote ${cli.out}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
		}
	} catch (error) {
		process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
		process.exitCode = 2;
	}
}
