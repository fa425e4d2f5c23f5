// The Lanes view grouped by owner (o) as a user reads it, beside `--output lanes` of the same
// session: the same order of ReplicaSets and pods (by creation, the ended lives among the listed), a
// stalled rollout's why whole under its heading.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import {whyLine} from '../../source/model/why.js';
import {STALL_START, stalledRolloutSession} from '../helpers/stalled-rollout.js';
import {closeReplayApps, openReplayFile} from './helpers/replay-app.js';

const ROLLOUT_UNDO = fileURLToPath(new URL('../fixtures/captures-full/rollout-undo.ndjson', import.meta.url));

afterEach(() => closeReplayApps());

/** rollout-undo, then ten quiet minutes: the rollout's deleted pods are then ended lives the table no longer lists. */
function rolloutThenQuiet(): string {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'podlife-lanes-')), 'rollout-late.ndjson');
	const bookmark = {t: 700_000, type: 'BOOKMARK', object: {kind: 'Pod', apiVersion: 'v1', metadata: {resourceVersion: '99999'}}};
	writeFileSync(file, `${readFileSync(ROLLOUT_UNDO, 'utf8').trimEnd()}\n${JSON.stringify(bookmark)}\n`);
	return file;
}

async function lanesOutput(file: string, ...flags: string[]): Promise<string> {
	let out = '';
	const code = await main(['replay', file, '-o', 'lanes', ...flags], {write: text => void (out += text), warn: () => undefined, isTty: false});
	expect(code).toBe(0);
	return out;
}

/**
 * The rows of Deployment default/api, in order, as a reader names them: "ReplicaSet api-… rev N"
 * for a heading, the pod's name for a lane. `lines`: a screen or the output, from its heading on.
 */
function apiRows(lines: readonly string[]): string[] {
	const from = lines.findIndex(line => /^[› ] ▾ default\/api {2}Deployment/.test(line));
	expect(from).toBeGreaterThan(-1);
	const rows: string[] = [];
	for (const line of lines.slice(from + 1)) {
		if (/^[› ] [▾▸] /.test(line) || !/^[› ] {3}/.test(line)) break;
		const heading = /[▾▸] (ReplicaSet \S+ {2}rev .*?)\s*$/.exec(line);
		rows.push(heading ? heading[1]! : line.slice(2).trim().split(/\s+/)[0]!);
	}
	return rows;
}

describe('the grouped Lanes view beside --output lanes', () => {
	it('orders each ReplicaSet’s pods by creation, the ended lives among those the table lists, as the output does', async () => {
		const file = rolloutThenQuiet();
		const {app, player} = await openReplayFile(file, {size: {columns: 160, rows: 50}});
		await player.whenLoaded();
		player.seekToEnd();
		await app.press('L', 'o');
		const screen = apiRows((await app.waitFor('sort: owner (grouped)')).split('\n'));
		const printed = apiRows((await lanesOutput(file, '--width', '160')).split('\n'));
		expect(screen).toEqual(printed);
		// The first revision first, each ReplicaSet's pods oldest first: the rolled-back-to one's first
		// pods (deleted long ago) before the ones it made after the undo (still listed).
		const headings = screen.filter(row => row.startsWith('ReplicaSet '));
		// The one rolled back to took revision 4, its first pods were made as revision 2: both said.
		expect(headings).toEqual(['ReplicaSet api-86c99489f4  rev 1', 'ReplicaSet api-f8d4ff6c9  rev 4 (was 2)', 'ReplicaSet api-784845b95f  rev 3']);
		const rolledBack = screen.slice(screen.indexOf(headings[1]!) + 1, screen.indexOf(headings[2]!));
		expect(rolledBack).toHaveLength(8);
		expect(rolledBack.slice(0, 2).map(name => name.slice(-5))).toEqual(['xnz4n', 'fhbhp']);
		expect(rolledBack.slice(4).map(name => name.slice(-5))).toEqual(['hkdqj', 'xcvrw', 'q694l', 'zw4st']);
	});
});

describe('the grouped Lanes view of a stalled rollout', () => {
	it('shows the stall’s why whole under its Deployment’s heading at 80 columns, and keeps the cursor’s row on screen', async () => {
		const {app, player} = await openReplayFile(stalledRolloutSession(), {size: {columns: 80, rows: 24}});
		await player.whenLoaded();
		player.seekToEnd();
		await app.press('L', 'o');
		const lines = (await app.waitFor('sort: owner (grouped)')).split('\n');
		expect(lines.every(line => [...line].length <= 80)).toBe(true);
		const heading = lines.findIndex(line => /^[› ] ▾ shop\/web {2}Deployment {2}rev 1→2/.test(line));
		const firstPart = lines.findIndex(line => /^ {4}▾ ReplicaSet web-aaa {2}rev 1/.test(line));
		expect(heading).toBeGreaterThan(0);
		expect(firstPart).toBeGreaterThan(heading + 1);
		const words = (text: string) => text.replace(/\s+/g, ' ').trim();
		const view = player.store.view();
		const why = whyLine(view.pods.get('shop/web-bbb-1')!, view, STALL_START + 12 * 60_000);
		const text = words(lines.slice(heading, firstPart).join(' '));
		expect(text).toMatch(/ stalled ✗ rollout rev 1→2 stalled: shop\/web-bbb-1 not ready for 11m — crash-loop: /);
		expect(text.endsWith(words(why!))).toBe(true);
		// The last row, under the heading's extra lines, is the cursor's and on screen.
		await app.press('G');
		await app.waitFor(f => /^› {5}shop\/web-bbb-1 /m.test(f));
	});
});

describe('the Lanes view on a narrow terminal', () => {
	/** Each lane's label on screen: the name column's text, from the axis line to the blank line over the legend. */
	const labels = (frame: string): string[] => {
		const lines = frame.split('\n');
		const axis = lines.findIndex(line => / a screen /.test(line));
		const end = lines.findIndex((line, at) => at > axis && line.trim() === '');
		return (
			lines
				.slice(axis + 1, end)
				// A lane has its glyphs; a heading's further lines have words.
				.filter(line => /^[› ] +[^\s▾▸]/.test(line) && /[░▒▓█▄─↻┤]/.test(line))
				.map(line => line.slice(2).trim().split(/\s+/)[0]!)
		);
	};

	it('tells every pod’s lane apart at 60 columns, grouped or not: no two labels alike', async () => {
		const {app, player} = await openReplayFile(ROLLOUT_UNDO, {size: {columns: 60, rows: 50}});
		await player.whenLoaded();
		player.seekToEnd();
		await app.press('L');
		const flat = labels(await app.waitFor(/1:44\/1:44[^]* a screen /));
		await app.press('o');
		const grouped = labels(await app.waitFor('sort: owner (grouped)'));
		for (const shown of [flat, grouped]) {
			// Every pod of the session: 15 listed, 10 deleted.
			expect(shown).toHaveLength(25);
			expect(new Set(shown).size).toBe(shown.length);
		}
		// The static pods, alike at both ends (kube-system/…-kind-control-plane), read by their names.
		expect(grouped.filter(label => /^kube-(apis|cont|sche)/.test(label))).toHaveLength(3);
	});
});
