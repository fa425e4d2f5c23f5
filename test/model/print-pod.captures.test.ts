// podlife's columns against the rows a real API server printed (test/fixtures/captures: v1.32.13,
// test/fixtures/captures-v1.36: v1.36.3). Every pod entry carrying `row` is compared; the printer
// behaviour is chosen from the header's serverVersion, as podlife does for a recorded session.

import {describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/objects.js';
import {podColumns, formatAge, formatRestarts} from '../../source/model/print-pod.js';
import {compatForServerVersion} from '../../source/model/compat.js';
import {isWatchEntry} from '../../source/session/format.js';
import {captureFiles, loadCapture} from '../helpers/load-capture.js';
import {podKeyOf} from '../../source/model/pod-key.js';

/**
 * AGE and the "(X ago)" of RESTARTS depend on when the server printed the row, which is a little
 * before the recorder received it (the entry's `t`). So the server's print instant lies in
 * [recordedAt + t - SERVER_LAG_MS, recordedAt + t], and the printed value is the one at either end
 * (these cells change once a second at most, and the window is far shorter than a second).
 *
 * Measured on all 381 rows of both folders: every row equals podlife's value at exactly
 * recordedAt + t (lag 0 ms needed), and the row nearest a second boundary (init-crash.ndjson of
 * captures/, t=5942) still matches with a lag of up to 25 ms. 25 ms is therefore the widest
 * window the data supports; nothing wider is accepted, so an off-by-one-second error still fails.
 */
const SERVER_LAG_MS = 25;

const folders = [
	{dir: new URL('../fixtures/captures/', import.meta.url).pathname, server: 'v1.32.13'},
	{dir: new URL('../fixtures/captures-v1.36/', import.meta.url).pathname, server: 'v1.36.3'},
];

for (const {dir, server} of folders) {
	describe(`rows printed by the ${server} API server`, () => {
		for (const file of captureFiles(dir)) {
			const name = file.slice(dir.length);
			it(`computes every READY, STATUS, RESTARTS, AGE and wide cell of ${name} exactly as the server printed it`, () => {
				const capture = loadCapture(file);
				expect(capture.header.serverVersion).toBe(server);
				const compat = compatForServerVersion(capture.header.serverVersion);
				const recordedAt = Date.parse(capture.header.recordedAt);
				const mismatches: string[] = [];
				let compared = 0;
				for (const entry of capture.entries) {
					if (!isWatchEntry(entry) || !entry.row || entry.object.kind !== 'Pod') continue;
					compared += 1;
					const pod = entry.object as Pod;
					const row = entry.row;
					const columns = podColumns(pod, compat);
					const now = recordedAt + entry.t;
					const where = `t=${entry.t} ${entry.type} ${podKeyOf(pod.metadata)}`;

					const exact: Array<[string, string, string | undefined]> = [
						['ready', columns.ready, row.ready],
						['status', columns.status, row.status],
						['restarts count', String(columns.restarts), row.restarts.split(' ')[0]],
						['ip', columns.ip, row.ip],
						['node', columns.node, row.node],
						['nominatedNode', columns.nominatedNode, row.nominatedNode],
						['readinessGates', columns.readinessGates, row.readinessGates],
					];
					for (const [cell, ours, theirs] of exact) {
						if (ours !== theirs) mismatches.push(`${where}: ${cell} ${JSON.stringify(ours)} != server ${JSON.stringify(theirs)}`);
					}

					const timed: Array<[string, (at: number) => string, string]> = [
						['age', at => formatAge(columns, at), row.age],
						['restarts', at => formatRestarts(columns, at), row.restarts],
					];
					for (const [cell, format, theirs] of timed) {
						const atReceipt = format(now);
						const atEarliestPrint = format(now - SERVER_LAG_MS);
						if (theirs !== atReceipt && theirs !== atEarliestPrint) {
							mismatches.push(`${where}: ${cell} ${JSON.stringify(atReceipt)} (or ${JSON.stringify(atEarliestPrint)}) != server ${JSON.stringify(theirs)}`);
						}
					}
				}
				expect(compared).toBeGreaterThan(0);
				expect(mismatches).toEqual([]);
			});
		}
	});
}
