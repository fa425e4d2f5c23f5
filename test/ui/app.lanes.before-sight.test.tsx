// The Lanes view of a replay whose pods were there before the recording began: the time cursor and
// the window go back to their creation, where each lane shows what its object told of that time in
// glyphs of its own, the axis marks where the recording began, and the status line says it was not seen.
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {formatClock} from '../../source/view/goto-time.js';
import {firstSight} from '../helpers/first-sight.js';
import {KEY} from './helpers/render-at-size.js';
import {closeReplayApps, openReplayFile} from './helpers/replay-app.js';

const ROLLOUT_UNDO = fileURLToPath(new URL('../fixtures/captures-full/rollout-undo.ndjson', import.meta.url));
const COREDNS = 'coredns-6fc664ddd6-nmb5x';
const SHIFT_LEFT = '\u001B[1;2D';

afterEach(() => closeReplayApps());

/** The coredns pod's lane line: "› kube-system/coredns-6fc66…-nmb5x  :-===█████" (the name cut in the middle on a narrow screen). */
function corednsLane(frame: string): string {
	return frame.split('\n').find(line => /^[› ] kube-system\/coredns-\S*-nmb5x /.test(line)) ?? '';
}

describe('the Lanes view before the recording began', () => {
	for (const size of [
		{columns: 80, rows: 24},
		{columns: 200, rows: 50},
	])
		it(`goes back to the pods’ creation, drawn from their objects, with the recording’s start on the axis (${size.columns}×${size.rows})`, async () => {
			const pod = firstSight(ROLLOUT_UNDO, COREDNS);
			const {app, player} = await openReplayFile(ROLLOUT_UNDO, {size});
			await player.whenLoaded();
			player.seekToEnd();
			await app.press('L');
			await app.waitFor(/1:44\/1:44[^]* a screen /);
			await app.press('/', ...COREDNS, KEY.enter);
			await app.waitFor(`filter: "${COREDNS}"`);
			// Half a screen back at a time, then a column at a time: the cursor stops at the oldest creation.
			for (let i = 0; i < 6; i++) await app.press(SHIFT_LEFT);
			for (let i = 0; i < 3; i++) await app.press(KEY.left);
			const frame = await app.waitFor(`▼ ${formatClock(pod.created)}, f follows`);
			// The status line: what the object said of that moment, and that podlife did not see it.
			const words = `creating since ${formatClock(pod.created)} (before podlife watched: from the object, not seen)`;
			const status = frame.split('\n').find(line => line.startsWith(`kube-system/${COREDNS}  ▼ ${formatClock(pod.created)}  `))!;
			expect(status).toBeDefined();
			// Cut to the screen's width (…) at 80 columns, whole at 200.
			const said = status.slice(status.indexOf('creating')).replace(/…$/, '');
			expect(said.length).toBeGreaterThan(5);
			expect(words.startsWith(said)).toBe(true);
			if (size.columns >= 200) expect(said).toBe(words);
			// The lane: creating, ready (reconstructed) up to the recording, then what was seen, which the axis marks.
			const lane = corednsLane(frame);
			expect(lane).toMatch(/ :[-:]*=+█*$/);
			expect(frame).toMatch(/ a screen .*┊/);
			// The legend, wrapped to the screen.
			const legend = frame.replace(/\s+/g, ' ');
			expect(legend).toContain('.:-=~_ before podlife watched (from the object): pending, creating, running, ready, restarting, ended');
			expect(legend).toContain('┊ recording began');
			// f follows the replay again: the window is the session's, and nothing before it shows.
			await app.press('f');
			const following = await app.waitFor('following replay');
			expect(corednsLane(following)).toMatch(/ █+/);
			expect(corednsLane(following)).not.toMatch(/[.:=]/);
		});
});
