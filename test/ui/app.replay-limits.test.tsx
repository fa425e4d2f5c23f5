// A session recorded by a user who could not see nodes or events (its header's `resources` lack
// them) replays with the same one line on the views that need them, as live; and names the
// namespaces it was recorded in, not "all".
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {captureFile} from './helpers/capture-store.js';
import {KEY} from './helpers/render-at-size.js';
import {closeReplayApps, openReplayFile} from './helpers/replay-app.js';

afterEach(closeReplayApps);
const dir = mkdtempSync(path.join(tmpdir(), 'podlife-replay-limits-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** mixed.ndjson as a limited user records it: pods of two namespaces only. */
function limitedSession(): string {
	const [head, ...rest] = readFileSync(captureFile('mixed'), 'utf8').trimEnd().split('\n');
	const header = {...JSON.parse(head!), namespace: 'default,kube-system', resources: ['pods']};
	const kept = rest.filter(line => {
		const entry = JSON.parse(line) as {type: string; resource?: string; object?: {kind?: string}};
		return entry.type === 'SYNCED' ? entry.resource === 'pods' : !entry.object || entry.object.kind === 'Pod';
	});
	const file = path.join(dir, 'limited.ndjson');
	writeFileSync(file, [JSON.stringify(header), ...kept].join('\n') + '\n');
	return file;
}

describe('replaying a session recorded without nodes or events', () => {
	it('says so in one line on Scheduling and Events, and names the namespaces recorded', async () => {
		const {app} = await openReplayFile(limitedSession(), {size: {columns: 80, rows: 24}, player: {atMs: 'end'}});
		const table = await app.waitFor(f => f.includes('crashloop-'));
		expect(table.split('\n')[1]).toMatch(/ns: default, kube-system {2}sort: worst first$/);
		await app.press('/', ...'crashloop', KEY.enter);
		await app.waitFor(f => f.split('\n').some(line => line.startsWith('›') && line.includes('crashloop-')));
		await app.press(KEY.enter);
		await app.waitFor('[Overview]');
		for (let n = 0; n < 6 && !app.lastFrame().includes('[Scheduling]'); n++) await app.press(KEY.tab);
		expect(await app.waitFor('[Scheduling]')).toContain('⚠ nodes were not recorded in this session; node fit is not shown');
		await app.press(KEY.tab);
		const events = await app.waitFor('[Events]');
		expect(events).toContain('⚠ events were not recorded in this session; pod events are not shown');
		expect(events).not.toContain('no events recorded');
	});
});
