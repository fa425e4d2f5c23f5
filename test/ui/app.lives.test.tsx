// A name that lives twice, as a user meets it: the StatefulSet's db-0, deleted and made again by its
// controller with a new uid (a real capture, with a made-up log of the first life's postgres:
// fixtures/logs/README.md). Each life's detail, Events, why and logs are its own; the Lanes view
// lists the first life as an ended row after the table's rows.

import {afterEach, describe, expect, it} from 'vitest';
import {closeReplayApps, openReplayApp, type ReplayApp} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

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

/** The detail's Events section of the row under the cursor. */
async function eventsOfSelected({app}: ReplayApp): Promise<string> {
	await app.press(KEY.enter);
	await app.waitFor('[');
	for (let tries = 0; tries < 6 && !/\[Events\]/.test(app.lastFrame()); tries++) await app.press(KEY.tab);
	return app.waitFor('[Events]');
}

describe('a pod name that lives twice', () => {
	it("shows in the new life's Events only its own: not its predecessor's pull and kill", async () => {
		const opened = await openTwice();
		const frame = await eventsOfSelected(opened);
		expect(frame).toContain('Events: 4, 0 warnings');
		expect(frame).toContain('already present on machine');
		expect(frame).not.toContain('Killing');
		expect(frame).not.toContain('Successfully pulled image');
	});

	it("shows in the ended life's Events only its own: not those of the pod made after it", async () => {
		const opened = await openTwice();
		await onEndedLife(opened);
		const frame = await eventsOfSelected(opened);
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
