// `podlife replay FILE --output lanes` as a user runs it (main(), as run.ts calls it): the picture
// of every pod's STATUS class over a window, with the cursor's column showing, for every pod, the
// class of the row the API server printed for it at that moment.

import path from 'node:path';
import {Chalk} from 'chalk';
import {describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/objects.js';
import {podKeyOf} from '../../source/model/pod-key.js';
import {statusClass} from '../../source/model/status-lane.js';
import {isWatchEntry} from '../../source/session/format.js';
import {LANE_STYLE} from '../../source/view/lanes/lane-cells.js';
import {ansiLine} from '../../source/output/lanes.js';
import {toneLook} from '../../source/ui/detail/tone-style.js';
import type {Tone} from '../../source/view/detail/lines.js';
import {TONE_LOOKS} from '../../source/view/tone-look.js';
import {loadCapture} from '../helpers/load-capture.js';
import {runMain} from '../helpers/run-main.js';

const ROLLOUT = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full', 'rollout-undo.ndjson');
const STATEFULSET = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full', 'statefulset.ndjson');

const podlife = (isTty: boolean, ...args: string[]) => runMain(args, {isTty, columns: 100});

/** Each pod's STATUS class as the server printed it at `at` (epoch ms): its last row up to then. */
function printedClasses(file: string, at: number): Map<string, string> {
	const capture = loadCapture(file);
	const recordedAt = Date.parse(capture.header.recordedAt);
	const classes = new Map<string, string>();
	for (const entry of capture.entries) {
		if (recordedAt + entry.t > at) break;
		if (!isWatchEntry(entry) || entry.object.kind !== 'Pod' || !entry.row) continue;
		const key = podKeyOf((entry.object as Pod).metadata);
		if (entry.type === 'DELETED') classes.delete(key);
		else classes.set(key, statusClass(entry.row.status, entry.row.ready));
	}
	return classes;
}

describe('--output lanes', () => {
	it('draws every pod of a rollout, and at the cursor each pod is in the class of the row the server printed then', async () => {
		for (const at of ['0:30', '0:58', '1:20', '1:40']) {
			const {code, out} = await podlife(false, 'replay', ROLLOUT, '-o', 'lanes', '--at', at, '--width', '120');
			expect(code).toBe(0);
			expect(out).not.toContain('\u001b[');
			const lines = out.split('\n');
			expect(lines[0]).toMatch(/^Lanes 15:47:44–\d\d:\d\d:\d\d UTC \(.*\) · ▼ \d\d:\d\d:\d\d · \d+ pods in \d+ workloads$/);
			const cursorColumn = lines[1]!.indexOf('▼');
			expect(cursorColumn).toBeGreaterThan(0);
			const [, minutes, seconds] = /^(\d+):(\d+)$/.exec(at)!;
			const capture = loadCapture(ROLLOUT);
			const when = Date.parse(capture.header.recordedAt) + (Number(minutes) * 60 + Number(seconds)) * 1000;
			const printed = printedClasses(ROLLOUT, when);
			let checked = 0;
			for (const [key, cls] of printed) {
				// The kube-system pods' long names are cut to the name column; the rollout's are whole.
				if (!key.startsWith('default/')) continue;
				const line = lines.find(text => text.trimStart().startsWith(`${key} `));
				expect(line, `${at} ${key}`).toBeDefined();
				const glyph = [...line!][cursorColumn];
				expect(glyph === LANE_STYLE[cls as keyof typeof LANE_STYLE].glyph || glyph === LANE_STYLE.restart.glyph, `${at} ${key}: ${glyph} for ${cls}`).toBe(
					true,
				);
				checked += 1;
			}
			expect(checked).toBeGreaterThan(1);
		}
	});

	it('keeps to the window of --since and --until: pods gone before it are left out', async () => {
		const all = await podlife(false, 'replay', ROLLOUT, '-o', 'lanes', '--width', '100');
		const late = await podlife(false, 'replay', ROLLOUT, '-o', 'lanes', '--since', '1:25', '--until', '1:40', '--width', '100');
		expect(late.code).toBe(0);
		expect(late.out.split('\n')[0]).toMatch(/^Lanes 15:49:09–15:49:24 UTC \(15s, /);
		const pods = (text: string) => text.split('\n').filter(line => /^ +default\/api-/.test(line)).length;
		expect(pods(late.out)).toBeLessThan(pods(all.out));
		expect(late.out).toContain('╵15:49:20');
	});

	it('colours the picture on a terminal, and keeps the glyphs with --no-color', async () => {
		const colour = await podlife(true, 'replay', STATEFULSET, '-o', 'lanes');
		expect(colour.out).toContain('\u001b[32m█');
		const plain = await podlife(true, 'replay', STATEFULSET, '-o', 'lanes', '--no-color');
		expect(plain.out).not.toContain('\u001b[');
		expect(plain.out).toContain('█');
		// The terminal's width, 100 columns.
		expect(Math.max(...plain.out.split('\n').map(line => [...line].length))).toBeLessThanOrEqual(100);
		expect(plain.out).toContain('░ pending  ▒ creating/init');
	});

	it('says in one line what is wrong with a window, a width, or a lanes flag without lanes', async () => {
		const cases: Array<[string[], RegExp]> = [
			// The window ends before the session (1:44): its end is the one to name.
			[['--since', '1:40', '--until', '1:00'], /^--since: 1:40 is not before the window's end \(15:48:44 UTC\); give a --since before --until or --at$/],
			[['--since', '0:50', '--at', '0:40'], /^--since: 0:50 is not before the window's end \(15:48:24 UTC\)/],
			[['--since', '9:00'], /^--since: 9:00 is after the session ends at 1:44; it spans/],
			[['--until', '1:00', '--at', '1:20'], /^--at: 1:20 is after the window's end \(15:48:44 UTC\); give an --at before --until$/],
			[['--until', '9:00'], /^--until: 9:00 is after the session ends at 1:44; it spans/],
			[['--width', '10'], /^--width must be a whole number of columns from 40 to 1000 \(got 10\)$/],
			[['--since', 'soon'], /^--since: "soon" is not a time; use an offset/],
		];
		for (const [flags, said] of cases) {
			const {code, message} = await podlife(false, 'replay', ROLLOUT, '-o', 'lanes', ...flags);
			expect(code, flags.join(' ')).toBe(2);
			expect(message).toMatch(said);
		}
		const table = await podlife(false, 'replay', ROLLOUT, '-o', 'table', '--since', '1:00');
		expect(table.message).toBe('--since is for --output lanes (got --output table)');
	});
});

describe('--output lanes grouped by workload', () => {
	it('puts each workload’s summary over its pods: a Deployment’s rollout with its revisions, ready pods and duration', async () => {
		const done = await podlife(false, 'replay', ROLLOUT, '-o', 'lanes', '--width', '120');
		const lines = done.out.split('\n');
		const summary = lines.findIndex(line => line.startsWith('  ▾ default/api  Deployment'));
		expect(lines[summary]).toMatch(/^ {2}▾ default\/api {2}Deployment {2}rev 4 {2}ready 4\/4 {2}[▁-█]{4} rev 3→4 took 18s$/);
		// Its 14 pods follow it under their three ReplicaSets, in the order they came; then the next workload.
		const next = lines.findIndex((line, index) => index > summary && line.startsWith('  ▾ '));
		const under = lines.slice(summary + 1, next);
		expect(under.filter(line => /^ {4}▾ ReplicaSet api-/.test(line))).toHaveLength(3);
		expect(under.filter(line => /^ {6}default\/api-/.test(line))).toHaveLength(14);
		expect(lines[next]).toMatch(/^ {2}▾ kube-system\/coredns {2}Deployment/);
		expect(lines.filter(line => line.startsWith('  ▾ static pods on kind-control-plane  ready 4/4'))).toHaveLength(1);

		const rolling = await podlife(false, 'replay', ROLLOUT, '-o', 'lanes', '--width', '120', '--at', '1:32');
		expect(rolling.out).toMatch(/ {2}▾ default\/api {2}Deployment {2}rev 3→4 {2}ready 1\/4 {2}[▁-█]{4} rollout 7s\n/);
		const crashing = await podlife(false, 'replay', ROLLOUT, '-o', 'lanes', '--width', '120', '--at', '1:15');
		expect(crashing.out).toMatch(/ {2}▾ default\/api {2}Deployment {2}rev 3 {2}ready 0\/4 {2}[▁-█]{4} rev 2→3 took 9s\n/);
	});

	it('puts a StatefulSet, a DaemonSet and the static pods each under its own line', async () => {
		const {out} = await podlife(false, 'replay', STATEFULSET, '-o', 'lanes', '--width', '120');
		const lines = out.split('\n');
		const under = (title: RegExp): string[] => {
			const start = lines.findIndex(line => title.test(line));
			expect(start, String(title)).toBeGreaterThan(0);
			const rest = lines.slice(start + 1);
			return rest
				.slice(
					0,
					rest.findIndex(line => !/^ +[a-z]/.test(line)),
				)
				.map(line => line.trim().split(' ')[0]!);
		};
		// db-0 twice: deleted and made again under its name, each life on its own lane.
		expect(under(/^ {2}▾ default\/db {2}StatefulSet {2}ready 2\/2$/)).toEqual(['default/db-0', 'default/db-1', 'default/db-0']);
		expect(under(/^ {2}▾ default\/node-exporter {2}DaemonSet/)).toEqual(['default/node-exporter-c5h59']);
		expect(out.split('\n')[0]).toMatch(/pods in 7 workloads$/);
	});

	it('draws every life of a name: a StatefulSet pod deleted and made again keeps its first lane, ended, beside the new one', async () => {
		for (const grouping of [[], ['--no-group']]) {
			const {out} = await podlife(false, 'replay', STATEFULSET, '-o', 'lanes', '--width', '120', ...grouping);
			const lives = out.split('\n').filter(line => /^ +default\/db-0 /.test(line));
			expect(lives).toHaveLength(2);
			// The first life: up to ready, terminating, then deleted; the second begins after it and comes up ready.
			expect(lives[0]).toMatch(/░▒+▓+█+▄+─?┤$/);
			expect(lives[1]).toMatch(/^ +default\/db-0 +░▒+▓+█$/);
			expect(lives[1]!.indexOf('░')).toBeGreaterThanOrEqual(lives[0]!.indexOf('┤'));
			expect(out.split('\n')[0]).toMatch(/ 15 pods/);
		}
	});

	it('prints one flat list with --no-group, and --no-group is for lanes only', async () => {
		const {out} = await podlife(false, 'replay', ROLLOUT, '-o', 'lanes', '--no-group');
		expect(out).not.toContain('▾');
		expect(out.split('\n')[0]).toMatch(/ \d+ pods$/);
		const table = await podlife(false, 'replay', ROLLOUT, '-o', 'table', '--no-group');
		expect(table.message).toBe('--no-group is for --output lanes (got --output table)');
	});
});

describe('ansiLine', () => {
	it('colours each tone as the TUI draws it (the same SGR attributes as chalk gives Ink’s <Text>)', () => {
		const chalk = new Chalk({level: 1});
		// The attributes a string turns on: its SGR parameters, less those that turn one off.
		const opened = (text: string): string[] =>
			[...text.matchAll(/\u001b\[([\d;]+)m/g)]
				.flatMap(match => match[1]!.split(';'))
				.filter(code => !['0', '22', '27', '39'].includes(code))
				.sort();
		for (const tone of Object.keys(TONE_LOOKS) as Tone[]) {
			const look = toneLook(tone, false);
			let tui = 'x';
			if (look.dimColor) tui = chalk.dim(tui);
			if (look.color) tui = chalk[look.color](tui);
			if (look.bold) tui = chalk.bold(tui);
			if (look.inverse) tui = chalk.inverse(tui);
			expect(opened(ansiLine([{text: 'x', tone}], true)), tone).toEqual(opened(tui));
		}
		expect(ansiLine([{text: 'x', tone: 'bad'}], false)).toBe('x');
	});
});
