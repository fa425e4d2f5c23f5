// Grouping by owner as a user meets it: o puts a heading over each workload in the table and in the
// Lanes view, the one cursor rests on headings as on pods, Enter on a heading folds it (▸, its pod
// count) and unfolds it, and the fold holds in the other view, through a filter and a sort.
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {KEY} from './helpers/render-at-size.js';
import {closeReplayApps, openReplayApp, openReplayFile} from './helpers/replay-app.js';

const ROLLOUT_UNDO = fileURLToPath(new URL('../fixtures/captures-full/rollout-undo.ndjson', import.meta.url));

afterEach(() => closeReplayApps());

/** The line the cursor is on (table or lanes): it starts with ›. */
function cursorLine(frame: string): string {
	return frame.split('\n').find(line => line.startsWith('›')) ?? '';
}

/** The lines that name a pod of Deployment api (table rows and lanes alike). */
function apiPods(frame: string): string[] {
	return frame.split('\n').filter(line => /\bapi-[0-9a-f]{8,10}-[a-z0-9]{5}\b/.test(line));
}

async function grouped() {
	// 92 s in: the undo's rollout under way, the crashing revision's pods still listed.
	const {app, player} = await openReplayFile(ROLLOUT_UNDO, {size: {columns: 120, rows: 40}});
	await player.whenLoaded();
	player.seek(92_000);
	await app.waitFor('NAMESPACE');
	await app.press('o');
	await app.waitFor('sort: owner (grouped)');
	return app;
}

describe('grouping by owner', () => {
	it('reads Deployment → ReplicaSet revision → pods in the table, each level indented under the one before', async () => {
		const app = await grouped();
		const lines = app.lastFrame().split('\n');
		const top = lines.findIndex(line => line.includes('▾ default/api  Deployment'));
		expect(lines[top]).toMatch(/^[› ] ▾ default\/api {2}Deployment {2}rev 3→4 {2}ready 1\/4/);
		// Under it its two ReplicaSets with pods listed, the one the rollout returned to (revision 4, its
		// first pods made as revision 2: the controller gave it a new number) and the crashing one (3).
		expect(lines[top + 1]).toMatch(/^ {4}▾ ReplicaSet api-f8d4ff6c9 {2}rev 4 \(was 2\)$/);
		const crashing = lines.findIndex(line => /^ {4}▾ ReplicaSet api-784845b95f {2}rev 3$/.test(line));
		expect(crashing).toBeGreaterThan(top + 1);
		// Pods two steps in (after the health glyph), each under its own ReplicaSet.
		for (const line of lines.slice(top + 2, crashing)) expect(line).toMatch(/^[› ]\S[* ] {5}default {6}api-f8d4ff6c9-/);
		expect(lines[crashing + 1]).toMatch(/^[› ]\S[* ] {5}default {6}api-784845b95f-/);
		// The column titles are indented as much: NAME is over the names.
		const header = lines.find(line => line.includes('NAMESPACE'))!;
		expect(header.indexOf('NAME ')).toBe(lines[top + 2]!.indexOf('api-f8d4ff6c9-'));
	});

	it('folds a group with Enter on its heading, unfolds it with Enter again, and the Lanes view shows the same fold', async () => {
		const app = await grouped();
		const listed = apiPods(app.lastFrame()).length;
		expect(listed).toBeGreaterThan(4);
		// g: the first row, which is api's heading; the status line speaks of it.
		await app.press('g');
		let frame = await app.waitFor(f => cursorLine(f).includes('▾ default/api'));
		expect(frame).toContain(`Deployment default/api · ${listed} pods · Enter folds`);
		await app.press(KEY.enter);
		frame = await app.waitFor(f => cursorLine(f).includes('▸ default/api'));
		expect(cursorLine(frame)).toMatch(new RegExp(`^› ▸ default/api \\(${listed} pods\\) {2}Deployment {2}rev 3→4`));
		expect(apiPods(frame)).toEqual([]);
		expect(frame).toContain(`Deployment default/api · ${listed} pods folded · Enter unfolds`);
		await app.press(KEY.enter);
		frame = await app.waitFor(f => cursorLine(f).includes('▾ default/api'));
		expect(apiPods(frame).length).toBe(listed);
		// Folded again, then L: folded the same, the cursor on the same heading (the Lanes view also keeps pods deleted longer ago).
		await app.press(KEY.enter);
		await app.waitFor(f => cursorLine(f).includes('▸ default/api'));
		await app.press('L');
		frame = await app.waitFor(' a screen ');
		const inLanes = Number(/^› ▸ default\/api \((\d+) pods\) {2}Deployment/.exec(cursorLine(frame))?.[1]);
		expect(inLanes).toBeGreaterThanOrEqual(listed);
		expect(apiPods(frame)).toEqual([]);
		// Enter in the Lanes view unfolds it there (and so in the table), opening no pod.
		await app.press(KEY.enter);
		frame = await app.waitFor(f => cursorLine(f).includes('▾ default/api'));
		expect(frame).toContain(' a screen ');
		const lanes = apiPods(frame);
		expect(lanes.length).toBe(inLanes);
		// Pods' lanes are indented under their ReplicaSet's heading.
		for (const line of lanes) expect(line).toMatch(/^ {6}default\/api-/);
		await app.press(KEY.escape);
		frame = await app.waitFor('NAMESPACE');
		expect(cursorLine(frame)).toContain('▾ default/api');
		expect(apiPods(frame).length).toBe(listed);
	});

	it('moves onto a heading with ↑ from its first pod, and Enter there folds rather than opens', async () => {
		const app = await grouped();
		// The first row of coredns is its heading: put the cursor on its first pod, then go up one.
		await app.press('/', ...'coredns', KEY.enter);
		await app.waitFor('filter: "coredns"');
		await app.press('G');
		await app.press('k');
		await app.waitFor(f => cursorLine(f).includes('coredns-'));
		await app.press('k');
		await app.waitFor(f => cursorLine(f).includes('▾ kube-system/coredns'));
		await app.press(KEY.enter);
		let frame = await app.waitFor(f => cursorLine(f).includes('▸ kube-system/coredns (2 pods)'));
		expect(frame).not.toContain('Overview');
		// The fold outlives the filter, a sort (which ungroups) and grouping again.
		await app.press(KEY.escape);
		frame = await app.waitFor(f => !f.includes('filter: "coredns"'));
		expect(frame).toContain('▸ kube-system/coredns (2 pods)');
		await app.press('s');
		frame = await app.waitFor('sort: worst first');
		expect(frame).not.toContain('▸ ');
		await app.press('o');
		frame = await app.waitFor('sort: owner (grouped)');
		expect(frame).toContain('▸ kube-system/coredns (2 pods)');
	});

	it('puts the cursor on the folded heading when the pod selected before grouping is hidden under it', async () => {
		const app = await grouped();
		await app.press('g', KEY.enter);
		await app.waitFor(f => cursorLine(f).includes('▸ default/api'));
		// Ungrouped, select a pod of api, then group again: the pod is under the fold, the cursor on its heading.
		await app.press('o');
		await app.waitFor('sort: worst first');
		await app.press('/', ...'api-784845b95f', KEY.enter);
		await app.waitFor(f => cursorLine(f).includes('api-784845b95f-'));
		await app.press(KEY.escape);
		await app.waitFor(f => !f.includes('filter: "'));
		await app.press('o');
		const frame = await app.waitFor('sort: owner (grouped)');
		expect(cursorLine(frame)).toMatch(/^› ▸ default\/api \(\d+ pods\)/);
	});

	describe('on a small terminal, the indent gives way before a kubectl column', () => {
		/** The pod rows of a grouped table: a health glyph after the cursor mark. */
		const podLines = (frame: string) => frame.split('\n').filter(line => /^[› ][✓✗↻⇣○…?·] /.test(line));
		const header = (frame: string) => frame.split('\n').find(line => line.includes('NAMESPACE'))!;

		it('keeps NAME READY STATUS RESTARTS AGE on screen at 80 columns, the pods still indented under their headings', async () => {
			const {app} = await openReplayApp('mixed', {size: {columns: 80, rows: 24}, atEnd: true});
			await app.press('o');
			const frame = await app.waitFor('sort: owner (grouped)');
			expect(header(frame)).toMatch(/NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE$/);
			const pods = podLines(frame);
			expect(pods.length).toBeGreaterThan(5);
			// Every row ends with its age, and its namespace starts one cell further in than ungrouped.
			for (const line of pods) expect(line).toMatch(/ \d+[smhd]\w*$/);
			for (const line of pods) expect(line).toMatch(/^[› ]\S[* ] {2}\S/);
			expect(header(frame).indexOf('AGE')).toBe(pods[0]!.search(/\S+$/));
		});

		it('keeps AGE at 80 columns with pods two levels deep (a rollout), and STATUS at 60', async () => {
			const {app, player} = await openReplayFile(ROLLOUT_UNDO, {size: {columns: 80, rows: 24}});
			await player.whenLoaded();
			player.seek(92_000);
			await app.waitFor('NAMESPACE');
			await app.press('o');
			let frame = await app.waitFor('sort: owner (grouped)');
			expect(frame).toContain('▾ ReplicaSet api-');
			expect(header(frame)).toMatch(/NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE$/);
			for (const line of podLines(frame)) expect(line).toMatch(/ \d+[smhd]\w*$/);
			app.stdout.resize(60, 20);
			frame = await app.waitFor(f => f.split('\n')[0]!.length <= 60 && f.includes('sort: owner'));
			expect(header(frame)).toMatch(/NAMESPACE +NAME +READY +STATUS/);
			for (const line of podLines(frame)) expect(line).toMatch(/ (Running|CrashLoopBackOff|Error|Completed|Terminating|Pending|ContainerCreating)\b/);
		});
	});
});
