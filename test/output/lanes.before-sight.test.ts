// A replayed session's pods that were there before the recording began, as `podlife replay FILE
// --output lanes` shows them: their lives from their creation, as their objects tell it
// (creationTimestamp, PodScheduled, the containers' start, Ready), in glyphs of their own,
// before what the recording saw. rollout-undo was recorded 21 s after kind's kube-system pods were made.

import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {firstSight} from '../helpers/first-sight.js';
import {runMain} from '../helpers/run-main.js';

const ROLLOUT = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full', 'rollout-undo.ndjson');
const KIND_BOOT = path.join(import.meta.dirname, '..', 'fixtures', 'captures', 'kind-boot.ndjson');
const COREDNS = 'coredns-6fc664ddd6-nmb5x';

const podlife = (...args: string[]) => runMain(args, {columns: 100});

/** "@15:47:23": a clock time as --since takes it. */
const clock = (at: number): string => `@${new Date(at).toISOString().slice(11, 19)}`;

describe('--output lanes before the recording began', () => {
	it('draws a pod there before the recording from its creation, each stretch where its object puts it, then what was seen', async () => {
		const pod = firstSight(ROLLOUT, COREDNS);
		expect(pod.seen - pod.created).toBeGreaterThan(20_000);
		const width = 100;
		const {code, out} = await podlife(
			'replay',
			ROLLOUT,
			'-o',
			'lanes',
			'--since',
			clock(pod.created),
			'--until',
			'0:20',
			'--width',
			String(width),
			'--no-group',
		);
		expect(code).toBe(0);
		const lines = out.split('\n');
		const start = pod.created;
		const end = pod.recordedAt + 20_000;
		expect(lines[0]).toMatch(/^Lanes 15:47:23–15:48:04 UTC \(41s, /);
		const line = lines.find(text => text.startsWith(`  kube-system/${COREDNS} `))!;
		expect(line).toBeDefined();
		// The lane begins after the name column; it runs to the window's end (the pod was there all along).
		const laneStart = /^ {2}\S+ +/.exec(line)![0].length;
		const cells = width - laneStart;
		expect([...line]).toHaveLength(width);
		const step = (end - start) / cells;
		// Each cell shows the pod at its right edge: pending until scheduled, creating until its container ran, running until
		// Ready, ready until the recording saw it (all reconstructed: . : - =), then the row the server printed (Running 1/1: █).
		const expected = (at: number): string => (at < pod.scheduled ? '.' : at < pod.running ? ':' : at < pod.ready ? '-' : at < pod.seen ? '=' : '█');
		const drawn = [...line].slice(laneStart).join('');
		const wanted = Array.from({length: cells}, (_, cell) => expected(start + (cell + 1) * step)).join('');
		expect(drawn).toBe(wanted);
		expect(drawn).toMatch(/^:+-+=+█+$/);
		// The axis marks where the recording began; the legend says what the marks are.
		const axis = lines[1]!;
		expect([...axis].indexOf('┊') - laneStart).toBe(Math.ceil((pod.recordedAt - start) / step) - 1);
		expect(out).toContain('.:-=~_ before podlife watched (from the object): pending,');
		expect(out).toContain('┊ recording began');
	});

	it('keeps to the session by default, and says how far back its pods’ lives go', async () => {
		const {code, out} = await podlife('replay', ROLLOUT, '-o', 'lanes', '--width', '100');
		expect(code).toBe(0);
		expect(out.split('\n')[0]).toMatch(/^Lanes 15:47:44–/);
		expect(out).not.toContain('┊');
		expect(out).toMatch(/11 pods were there before the recording began \(made from 15:47:23 UTC on\): --since @15:47:23\s+draws their lives before it/);
		// A session whose pods were all seen from their creation has nothing to say.
		const boot = await podlife('replay', KIND_BOOT, '-o', 'lanes', '--width', '100');
		expect(boot.out).not.toContain('before the recording began');
	});

	it('takes a --since before the session back to the oldest creation, and says how far back it goes past that', async () => {
		// Counted back from the window's end (1:44): two minutes is 16 s before the recording, after the creations.
		const back = await podlife('replay', ROLLOUT, '-o', 'lanes', '--since', '-2m', '--width', '100');
		expect(back.code).toBe(0);
		expect(back.out.split('\n')[0]).toMatch(/^Lanes 15:47:28–15:49:28 UTC/);
		expect(back.out).toContain('=█');
		const early = await podlife('replay', ROLLOUT, '-o', 'lanes', '--since', '@15:47:20');
		expect(early.code).toBe(2);
		expect(early.message).toBe(
			"--since: @15:47:20 is before the oldest pod's creation at 15:47:23 UTC, as far back as the session tells (from the objects); it spans 0:00–1:44 (15:47:44–15:49:28 UTC)",
		);
		// Without pods there before it, before the session is before anything it shows: the error it was.
		const boot = await podlife('replay', KIND_BOOT, '-o', 'lanes', '--since', '-1m');
		expect(boot.code).toBe(2);
		expect(boot.message).toMatch(/^--since: -1m is before the session starts at 04:15:20 UTC; it spans /);
	});
});
