// A name that lives twice, as a user meets it: the StatefulSet's db-0, deleted and made again by its
// controller with a new uid (a real capture, with a made-up log of the first life's postgres:
// fixtures/logs/README.md). Each life's detail, Events, why and logs are its own; the Lanes view
// lists the first life as an ended row after the table's rows.

import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {FrameSource} from '../../source/ui/frame-source.js';
import {realScheduler} from '../../source/sources/replay/scheduler.js';
import {captureStore} from './helpers/capture-store.js';
import {FakeLogs} from './helpers/fake-logs.js';
import {closeReplayApps, openReplayApp, openReplayFile, type ReplayApp} from './helpers/replay-app.js';
import {KEY, renderAtSize, type Rendered} from './helpers/render-at-size.js';

let live: Rendered | null = null;
afterEach(() => {
	live?.instance.unmount();
	live = null;
	closeReplayApps();
});

const SIZE = {columns: 120, rows: 60};

/** The session at its end, filtered to db-0: the table's row is the second life. */
async function openTwice(): Promise<ReplayApp> {
	const opened = await openReplayApp('statefulset', {atEnd: true, folder: 'logs', size: SIZE, logs: 'captured'});
	await opened.app.press('/', ...'db-0', KEY.enter);
	await opened.app.waitFor('filter: "db-0"');
	return opened;
}

/** From the table: the Lanes view with the cursor on the first life's ended row (the list's last). */
async function onEndedLife({app}: ReplayApp): Promise<void> {
	await app.press('L');
	await app.waitFor(' a screen ');
	await app.press('G');
	await app.waitFor('Completed (deleted)');
}

/** The line over the footer: the selected pod's, or the answer to the last key. */
function statusLine(frame: string): string {
	const lines = frame.split('\n');
	const footer = lines.findIndex(line => line.includes('Esc back') || line.includes('Esc table'));
	return lines[footer - 1] ?? '';
}

/**
 * The StatefulSet capture's store shown as a live cluster would be (its store keeps an ended pod
 * without its object, as the live store does), the cursor on db-0's first life in the Lanes view.
 */
async function liveOnEndedLife(logs = new FakeLogs()): Promise<Rendered> {
	const data = captureStore('statefulset', Number.POSITIVE_INFINITY, 'captures-full');
	const frames = new FrameSource([listener => data.store.subscribe(listener)], realScheduler, 0, 0);
	live = renderAtSize(
		<App store={data.store} clock={data.clock} info={{...data.info, kind: 'live', title: 'kind-kind', context: 'kind-kind'}} frames={frames} logs={logs} />,
		SIZE,
	);
	await live.waitFor('NAMESPACE');
	await live.press('/', ...'db-0', KEY.enter, 'L');
	await live.waitFor(' a screen ');
	await live.press('G');
	await live.waitFor('Completed (deleted)');
	return live;
}

/** The detail's `section` of the row under the cursor. */
async function sectionOfSelected(app: Rendered, section: string): Promise<string> {
	// Enter in the Lanes view opens the Timeline; Tab goes round the sections.
	await app.press(KEY.enter);
	await app.waitFor(/\[(Overview|Containers|Timeline|Scheduling|Events|YAML)\]/);
	for (let tries = 0; tries < 6 && !app.lastFrame().includes(`[${section}]`); tries++) await app.press(KEY.tab);
	return app.waitFor(`[${section}]`);
}

describe('a pod name that lives twice', () => {
	it("shows in the new life's Events only its own: not its predecessor's pull and kill", async () => {
		const opened = await openTwice();
		const frame = await sectionOfSelected(opened.app, 'Events');
		expect(frame).toContain('Events: 4, 0 warnings');
		expect(frame).toContain('already present on machine');
		expect(frame).not.toContain('Killing');
		expect(frame).not.toContain('Successfully pulled image');
	});

	it("shows in the ended life's Events only its own: not those of the pod made after it", async () => {
		const opened = await openTwice();
		await onEndedLife(opened);
		const frame = await sectionOfSelected(opened.app, 'Events');
		expect(frame).toContain('Events: 6, 0 warnings');
		expect(frame).toContain('Killing');
		expect(frame).not.toContain('already present on machine');
	});

	it("leaves the predecessor's events out of the new life's Timeline", async () => {
		const opened = await openTwice();
		await opened.app.press(KEY.enter);
		await opened.app.waitFor('[Overview]');
		await opened.app.press(KEY.tab, KEY.tab);
		const frame = await opened.app.waitFor('[Timeline]');
		expect(frame).toContain('event Pulled: Container image "postgres:17.2" already present');
		expect(frame).not.toContain('event Killing');
		expect(frame).not.toContain('event Pulling');
	});
});

describe('the logs of a pod name that lives twice (l, p)', () => {
	it("opens on the ended life the log captured of its own last run, under that life's status", async () => {
		const opened = await openTwice();
		await onEndedLife(opened);
		await opened.app.press('l');
		// The feed answers a frame after the view opens: wait for its answer, not the title.
		const frame = await opened.app.waitFor('shutting down');
		expect(frame).toContain(' log default/db-0 postgres');
		expect(frame).toContain('db-0 (uid c8f0236f…) postgres: shutting down (run 0)');
		expect(frame).toContain('this db-0 was deleted at 15:50:22');
		expect(statusLine(frame)).toMatch(/^default\/db-0 +Completed \(deleted\)/);
	});

	it("says of the ended life's previous run that it has none, not of the new life's", async () => {
		const opened = await openTwice();
		await onEndedLife(opened);
		await opened.app.press('p');
		const frame = await opened.app.waitFor('has no previous run');
		expect(frame).toContain(' log default/db-0 postgres (previous)');
		// The ended life's container ended: its one run is the one l shows (the new life's still runs: "l shows its log").
		expect(frame).toContain('postgres has no previous run: it has not restarted (l shows the log of its one run)');
		expect(statusLine(frame)).toMatch(/Completed \(deleted\)/);
	});

	it("never shows the earlier life's log for the new one, which has no run that ended", async () => {
		const opened = await openTwice();
		await opened.app.press('l');
		const frame = await opened.app.waitFor('no log of the running postgres');
		expect(frame).toContain(' log default/db-0 postgres');
		expect(frame).toContain('no log of the running postgres in the session');
		expect(frame).not.toContain('shutting down');
		expect(statusLine(frame)).toMatch(/^default\/db-0 +Running/);
	});

	it('live, says in one line that a deleted life took its logs with it, and asks the cluster nothing', async () => {
		const logs = new FakeLogs();
		const live = await liveOnEndedLife(logs);
		await live.press('l');
		const frame = await live.waitFor('its logs went with it');
		expect(statusLine(frame)).toBe('default/db-0 was deleted at 15:50:22: its logs went with it (podlife record keeps the logs of containers that end)');
		expect(logs.feeds).toHaveLength(0);
	});
});

describe("an ended life's object", () => {
	it('shows in YAML the last object the replay read of that life, not the new pod of its name', async () => {
		const opened = await openTwice();
		await onEndedLife(opened);
		const frame = await sectionOfSelected(opened.app, 'YAML');
		expect(frame).toContain('uid: c8f0236f-a560-4b79-ae11-dc018836a754');
		expect(frame).toContain('resourceVersion: "1344"');
	});

	it('live, says in YAML that the object was not kept, instead of showing a stand-in as the object', async () => {
		const app = await liveOnEndedLife();
		const frame = await sectionOfSelected(app, 'YAML');
		expect(frame).toContain("⚠ this deleted pod's object is no longer kept");
		expect(frame).not.toContain('apiVersion: v1');
		expect(frame).not.toContain('containers: []');
	});

	it('live, says in Overview which fields went with the object, never "<none>" for an IP it had', async () => {
		const app = await liveOnEndedLife();
		const frame = await sectionOfSelected(app, 'Overview');
		expect(frame).toContain("⚠ this deleted pod's object is no longer kept");
		expect(frame).toMatch(/pod IPs: +<not kept>/);
		expect(frame).toMatch(/host IP: +<not kept>/);
		expect(frame).toMatch(/QoS class: +<not kept>/);
		expect(frame).toMatch(/node: +kind-worker/);
	});

	it('live, does not read the rules and tolerations it no longer has as "none" in Scheduling', async () => {
		const app = await liveOnEndedLife();
		const frame = await sectionOfSelected(app, 'Scheduling');
		expect(frame).toMatch(/node: +kind-worker/);
		expect(frame).toContain("⚠ this deleted pod's object is no longer kept");
		expect(frame).not.toContain('Tolerations');
		expect(frame).not.toContain('avoids every tainted node');
	});
});

describe('Enter on an ended life in a replay', () => {
	it('goes back to when it lived, and Esc brings the Lanes view back with the cursor on it, under its name', async () => {
		const opened = await openReplayApp('statefulset', {atEnd: true, folder: 'logs', size: SIZE});
		const {app} = opened;
		await onEndedLife(opened);
		// The time cursor back into the first life (db-0 was ready from 15:50:03 to its deletion at 15:50:20).
		for (let step = 0; step < 60 && !/▼ 15:50:1\d {2}Running 1\/1/.test(app.lastFrame()); step++) await app.press(KEY.left);
		await app.waitFor(/▼ 15:50:1\d {2}Running 1\/1/);
		await app.press(KEY.enter);
		await app.waitFor('[Timeline]');
		expect(opened.player.positionMs).toBeLessThan(28_000);
		await app.press(KEY.escape);
		const frame = await app.waitFor(' a screen ');
		const selected = frame.split('\n').find(line => line.startsWith('›'));
		expect(selected).toMatch(/^› default\/db-0 /);
	});
});

describe('the detail of an ended life', () => {
	it('says in its title that it is an earlier life of its name', async () => {
		const opened = await openReplayApp('statefulset', {atEnd: true, folder: 'logs', size: {columns: 160, rows: 40}});
		await opened.app.press('/', ...'db-0', KEY.enter);
		await onEndedLife(opened);
		const frame = await sectionOfSelected(opened.app, 'Events');
		expect(frame).toMatch(/\[Events\] YAML +default\/db-0 \(an earlier life\)/);
	});

	it('says its events were let go once the store no longer holds it, not that none were recorded', async () => {
		// rollout-undo, then ten quiet minutes: every deleted pod is pruned from the store by then.
		const rollout = fileURLToPath(new URL('../fixtures/captures-full/rollout-undo.ndjson', import.meta.url));
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'podlife-lives-')), 'rollout-late.ndjson');
		const bookmark = {t: 700_000, type: 'BOOKMARK', object: {kind: 'Pod', apiVersion: 'v1', metadata: {resourceVersion: '99999'}}};
		writeFileSync(file, `${readFileSync(rollout, 'utf8').trimEnd()}\n${JSON.stringify(bookmark)}\n`);
		const {app, player} = await openReplayFile(file, {size: SIZE});
		await player.whenLoaded();
		player.seekToEnd();
		await app.press('L');
		await app.waitFor(/11:40\/11:40[^]* a screen /);
		await app.press('G');
		await app.waitFor(f => /^› default\/api-(784845b95f|86c99489f4)-/m.test(f));
		const frame = await sectionOfSelected(app, 'Events');
		expect(frame).toContain("none kept: podlife lets a deleted pod's events go 5 min after its deletion");
		expect(frame).not.toContain('no events recorded');
	});
});
