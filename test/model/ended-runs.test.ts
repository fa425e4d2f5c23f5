import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/objects.js';
import {EndedRuns, type RunToRead} from '../../source/model/ended-runs.js';
import {isWatchEntry} from '../../source/session/format.js';
import {loadCapture} from '../helpers/load-capture.js';

interface Read extends RunToRead {
	/** The t of the entry that asked for it. */
	t: number;
}

function readsOf(name: string): {reads: Read[]; runs: EndedRuns} {
	const {entries} = loadCapture(fileURLToPath(new URL(`../fixtures/captures/${name}.ndjson`, import.meta.url)));
	const runs = new EndedRuns();
	const reads: Read[] = [];
	for (const entry of entries) {
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod') continue;
		if (entry.type === 'DELETED') runs.delete(entry.object as Pod);
		else reads.push(...runs.update(entry.object as Pod).map(read => ({...read, t: entry.t})));
	}
	return {reads, runs};
}

const short = (read: Read) => `${read.t} ${read.pod.replace(/-\w+$/, '')}/${read.container} ${read.previous ? 'previous' : 'current'} #${read.restartCount}`;

describe('EndedRuns: which runs a recording reads the log of', () => {
	it('reads each crash of a crash-looping container once, as the previous instance after its restart', () => {
		const {reads} = readsOf('crashloop');
		// The capture's restarts: 10602, 14132, 27693, 51251, 94809 (each the first status with the new lastState).
		expect(reads.map(short)).toEqual([
			'10602 crashloop/api previous #1',
			'14132 crashloop/api previous #1',
			'27693 crashloop/api previous #2',
			'51251 crashloop/api previous #3',
			'94809 crashloop/api previous #4',
		]);
		expect(new Set(reads.map(read => read.containerID)).size).toBe(5);
		expect(reads.every(read => read.containerID.startsWith('containerd://'))).toBe(true);
	});

	it('reads a Job container that completed (restartPolicy Never) as the current one, the moment it ended', () => {
		expect(readsOf('job').reads.map(short)).toEqual(['9975 report-s887j/report current #0']);
	});

	it('reads a failing init container after each restart, and the one that finally succeeds as it ends', () => {
		expect(readsOf('init-crash').reads.map(short)).toEqual([
			'5942 init-crash/wait-for-db previous #1',
			'7965 init-crash/wait-for-db previous #1',
			'20012 init-crash/wait-for-db previous #2',
			'41047 init-crash/wait-for-db current #3',
		]);
	});

	it('reads a container that a pod deletion stopped as the current one (it will not restart)', () => {
		expect(readsOf('terminating').reads.map(short)).toEqual(['16971 terminating/web current #0']);
	});

	it('reads nothing for pods that only start and run', () => {
		expect(readsOf('web').reads).toEqual([]);
		expect(readsOf('sidecar').reads).toEqual([]);
	});

	it('leaves out runs that had ended before the pod was first seen (the initial list)', () => {
		const {entries} = loadCapture(fileURLToPath(new URL('../fixtures/captures/crashloop.ndjson', import.meta.url)));
		const versions = entries.filter(isWatchEntry).filter(entry => entry.object.metadata?.name?.startsWith('crashloop-'));
		const midway = versions.findIndex(entry => entry.t === 27693);
		const runs = new EndedRuns();
		// First seen at 27693, with a lastState already: not read. The next crash is.
		const reads = versions.slice(midway).flatMap(entry => runs.update(entry.object as Pod));
		expect(reads.map(read => read.restartCount)).toEqual([3, 4]);
	});

	it('reads an ended run it awaited a restart of once the pod is deleted instead', () => {
		const {entries} = loadCapture(fileURLToPath(new URL('../fixtures/captures/crashloop.ndjson', import.meta.url)));
		const versions = entries.filter(isWatchEntry).filter(entry => entry.object.metadata?.name?.startsWith('crashloop-'));
		const runs = new EndedRuns();
		const upTo = versions.findIndex(entry => entry.t === 10077);
		for (const entry of versions.slice(0, upTo + 1)) expect(runs.update(entry.object as Pod)).toEqual([]);
		// The run ended (restartPolicy Always: awaited); then the pod is deleted before it restarts.
		const ended = versions[upTo]!.object as Pod;
		const deleting: Pod = {...ended, metadata: {...ended.metadata, deletionTimestamp: '2026-11-25T04:17:15Z'}};
		const reads = runs.update(deleting);
		expect(reads).toHaveLength(1);
		expect(reads[0]).toMatchObject({container: 'api', previous: false, restartCount: 0});
		expect(reads[0]!.containerID).toBe(ended.status?.containerStatuses?.[0]?.state?.terminated?.containerID);
	});

	it('says whether a run is still where it was asked for', () => {
		const {entries} = loadCapture(fileURLToPath(new URL('../fixtures/captures/crashloop.ndjson', import.meta.url)));
		const versions = entries.filter(isWatchEntry).filter(entry => entry.object.metadata?.name?.startsWith('crashloop-'));
		const runs = new EndedRuns();
		let first: RunToRead | undefined;
		for (const entry of versions) {
			const reads = runs.update(entry.object as Pod);
			first ??= reads[0];
			if (entry.t === 13617) expect(runs.placeOf(first!)).toBe('previous');
			// The next restart makes another run the previous one: asking previous=true now reads that one.
			if (entry.t === 14132) expect(runs.placeOf(first!)).toBe(null);
		}
		const deleted = versions.at(-1)!.object as Pod;
		const last = {namespace: 'default', pod: deleted.metadata.name!, uid: deleted.metadata.uid!, container: 'api'};
		const lastID = deleted.status?.containerStatuses?.[0]?.lastState?.terminated?.containerID ?? '';
		expect(runs.placeOf({...last, containerID: lastID})).toBe('previous');
		runs.delete(deleted);
		expect(runs.placeOf({...last, containerID: lastID})).toBe(null);
	});
});
