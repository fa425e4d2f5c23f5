// A generated session of any size, for the loading tests and the step-back measurement:
// `pods` pods cycling through ContainerCreating → Running → Error → CrashLoopBackOff, with
// deletions and re-creations and an event now and then. Deterministic for a given seed.

import {createWriteStream} from 'node:fs';
import {once} from 'node:events';
import {createGzip} from 'node:zlib';
import type {Writable} from 'node:stream';
import {seededRandom} from './seeded-random.js';

export interface SyntheticOptions {
	entries: number;
	pods: number;
	seed?: number;
	gzip?: boolean;
	/** Filler bytes per pod object (annotations), to reach a realistic ~1 KB per entry. */
	padding?: number;
}

const RECORDED_AT = Date.parse('2026-11-25T03:00:00.000Z');

export async function writeSyntheticSession(file: string, options: SyntheticOptions): Promise<void> {
	const random = seededRandom(options.seed ?? 1);
	const out = createWriteStream(file);
	const sink: Writable = options.gzip ? createGzip({level: 1}) : out;
	if (options.gzip) sink.pipe(out);
	const write = async (value: unknown): Promise<void> => {
		if (!sink.write(JSON.stringify(value) + '\n')) await once(sink, 'drain');
	};
	await write({podlife: 'session', version: 1, recordedAt: new Date(RECORDED_AT).toISOString(), serverVersion: 'v1.32.13', title: 'synthetic'});
	const phaseOf = new Array<number>(options.pods).fill(-1);
	const generation = new Array<number>(options.pods).fill(0);
	const filler = 'x'.repeat(options.padding ?? 0);
	let t = 0;
	let resourceVersion = 1000;
	for (let written = 0; written < options.entries; written++) {
		t += Math.floor(random() * 20);
		const index = Math.floor(random() * options.pods);
		const name = `pod-${index}`;
		if (random() < 0.05 && phaseOf[index]! >= 0) {
			await write({
				t,
				type: 'ADDED',
				object: {
					apiVersion: 'v1',
					kind: 'Event',
					metadata: {name: `${name}.${written}`, namespace: 'default', uid: `event-${written}`, resourceVersion: String(resourceVersion++)},
					involvedObject: {kind: 'Pod', namespace: 'default', name},
					reason: 'BackOff',
					message: 'Back-off restarting failed container',
					lastTimestamp: new Date(RECORDED_AT + t).toISOString(),
				},
			});
			continue;
		}
		const deleting = phaseOf[index]! >= 3 && random() < 0.3;
		const step = deleting ? phaseOf[index]! : phaseOf[index]! + 1;
		const type = phaseOf[index]! < 0 ? 'ADDED' : deleting ? 'DELETED' : 'MODIFIED';
		await write({t, type, object: podObject(name, generation[index]!, step, String(resourceVersion++), t, filler)});
		if (deleting) {
			phaseOf[index] = -1;
			generation[index]!++;
		} else {
			phaseOf[index] = step;
		}
	}
	sink.end();
	await once(out, 'finish');
}

function podObject(name: string, generation: number, step: number, resourceVersion: string, t: number, filler: string): unknown {
	const stage = step % 4;
	const restarts = Math.floor(step / 4) + (stage >= 2 ? 1 : 0);
	const state =
		stage === 0
			? {waiting: {reason: 'ContainerCreating'}}
			: stage === 1
				? {running: {startedAt: new Date(RECORDED_AT + t).toISOString()}}
				: stage === 2
					? {terminated: {exitCode: 1, reason: 'Error', finishedAt: new Date(RECORDED_AT + t).toISOString()}}
					: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=app'}};
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name,
			namespace: 'default',
			uid: `${name}-uid-${generation}`,
			resourceVersion,
			creationTimestamp: new Date(RECORDED_AT).toISOString(),
			labels: {app: 'synthetic'},
			annotations: filler ? {filler} : {},
		},
		spec: {nodeName: 'node-1', containers: [{name: 'app', image: 'example/app:1'}]},
		status: {
			phase: stage === 0 ? 'Pending' : 'Running',
			conditions: [{type: 'Ready', status: stage === 1 ? 'True' : 'False'}],
			containerStatuses: [{name: 'app', image: 'example/app:1', ready: stage === 1, restartCount: restarts, state}],
		},
	};
}
