// The footer as a newcomer meets it on a small terminal: whole entries only, and always the way
// out and to help, in the table, the Lanes view, the detail and a log, replaying or live.
import {afterEach, describe, expect, it} from 'vitest';
import {footerText} from '../../source/ui/footer.js';
import {KEY} from './helpers/render-at-size.js';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';

afterEach(() => closeReplayApps());

/** The footer's two lines (keys, then the replay's): the last two lines of the frame. */
function footerLines(frame: string): string[] {
	return frame.split('\n').slice(-2);
}

describe('footer', () => {
	for (const size of [
		{columns: 80, rows: 24},
		{columns: 60, rows: 20},
	])
		it(`keeps ? help and q quit and cuts no entry in half at ${size.columns}×${size.rows}`, async () => {
			const {app} = await openReplayApp('mixed', {size, atEnd: true});
			const views: Array<[string, string[], RegExp]> = [
				['table', [], /^Enter open\/fold {2}/],
				['lanes', ['L'], /^(following|▼).* · (Enter open at ▼\/fold {2})?Esc table {2}/],
				['detail', ['L', KEY.escape, KEY.enter], /^Tab\/→\/S-Tab\/← sections {2}Esc back {2}/],
				['log', ['l'], /^Esc back {2}/],
			];
			for (const [name, keys, start] of views) {
				await app.press(...keys);
				const frame = await app.waitFor(f => start.test(footerLines(f)[0]!));
				const [keysLine, replayLine] = footerLines(frame) as [string, string];
				expect(keysLine, name).toMatch(/ {2}\? help {2}q quit\b/);
				// The detail's w (wrap the lines cut at the edge) fits beside them at 80 columns.
				if (name === 'detail' && size.columns === 80) expect(keysLine).toContain('  w wrap lines  ');
				for (const line of [keysLine, replayLine]) {
					expect(line, name).not.toContain('…');
					expect([...line].length, name).toBeLessThanOrEqual(size.columns);
				}
				expect(replayLine, name).toMatch(/^replay: Space pause\/play {2}\. step/);
			}
		});

	it('shows every entry when they fit, in the key table order', () => {
		expect(footerText('table', true, false)).toBe(
			'Enter open/fold  / filter  f faulty only  n namespace  s sort  w wide  : command  ? help  q quit  L lanes  l logs  p previous logs',
		);
		// Narrower: later entries that fit stay, those that do not are left out whole.
		expect(footerText('table', true, false, undefined, 80)).toBe('Enter open/fold  / filter  f faulty only  n namespace  s sort  ? help  q quit');
		expect(footerText('table', true, false, undefined, 60)).toBe('Enter open/fold  / filter  f faulty only  ? help  q quit');
	});
});
