import {afterEach, describe, expect, it} from 'vitest';
import {actionFor} from '../../source/ui/keys.js';
import {footerText} from '../../source/ui/footer.js';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';

afterEach(closeReplayApps);

/** A capture replayed to its end, paused there, with the one pod whose name starts with `pod` opened on its Containers section. */
async function containersOf(capture: string, pod: string, size = {columns: 120, rows: 40}) {
	const {app} = await openReplayApp(capture, {size, atEnd: true});
	await app.press('/', ...pod, KEY.enter);
	await app.waitFor(f => f.split('\n').some(line => line.startsWith('›') && line.includes(pod)));
	await app.press(KEY.enter);
	await app.waitFor('[Overview]');
	await app.press(KEY.tab);
	await app.waitFor('[Containers]');
	return app;
}

/** The container header line with the cursor mark. */
function markedLine(frame: string): string {
	return frame.split('\n').find(line => line.startsWith('› ▸ ')) ?? '';
}

describe('containers in the pod detail', () => {
	it('selects a container with ↓, Enter shows it in full, Esc goes back to the list on it, Esc again to the table', async () => {
		const app = await containersOf('init', 'init-demo');
		let frame = app.lastFrame();
		expect(markedLine(frame)).toMatch(/^› ▸ init-schema\s+completed \(exit 0\)/);
		expect(frame).toContain('Enter show container');
		expect(frame).toContain('↓/j next container');
		// The list shows the short form: no command.
		expect(frame).not.toContain('rendering config');

		await app.press(KEY.down);
		frame = await app.waitFor(f => markedLine(f).includes('init-config'));
		expect(frame).toMatch(/^ {2}▸ init-schema/m);

		await app.press(KEY.enter);
		frame = await app.waitFor('Init container init-config');
		expect(frame).toMatch(/image:\s+busybox:1\.36\.1/);
		expect(frame).toMatch(/state:\s+terminated Completed \(exit 0\)/);
		expect(frame).toMatch(/finished \d\d:\d\d:\d\d/);
		expect(frame).toMatch(/command:\s+sh -c echo rendering config; sleep 2/);
		expect(frame).not.toContain('init-schema');
		expect(frame).toContain('Esc back to containers');
		expect(frame).not.toContain('Enter show container');

		await app.press(KEY.escape);
		frame = await app.waitFor('Init containers (2)');
		expect(frame).toContain('[Containers]');
		expect(markedLine(frame)).toMatch(/^› ▸ init-config/);

		await app.press(KEY.escape);
		await app.waitFor('NAMESPACE');
	});

	it('goes back one level per Esc from a container in full, and stays on the table after a third (k9s): q quits', async () => {
		const app = await containersOf('init', 'init-demo');
		const exited = app.instance.waitUntilExit();
		let quit = false;
		void exited.then(() => (quit = true));
		await app.press(KEY.enter);
		await app.waitFor('Init container init-schema');
		await app.press(KEY.escape);
		await app.waitFor('Init containers (2)');
		await app.press(KEY.escape);
		// Back on the table, the filter typed to find the pod still applied.
		await app.waitFor(f => f.includes('NAMESPACE') && f.includes('filter: "init-demo"'));
		await app.press(KEY.escape);
		// The third Esc takes back the filter; a fourth has nothing left to do.
		await app.waitFor(f => f.includes('NAMESPACE') && !f.includes('filter: "init-demo"'));
		await app.press(KEY.escape);
		const frame = await app.waitFor('NAMESPACE');
		expect(frame).toContain('q quit');
		expect(quit).toBe(false);
		await app.press('q');
		await expect(exited).resolves.toBeUndefined();
	});

	it('walks init containers, then the regular one, and stops at the last', async () => {
		const app = await containersOf('init', 'init-demo');
		await app.press('j', 'j', 'j');
		const frame = await app.waitFor(f => markedLine(f).includes('app'));
		expect(markedLine(frame)).toMatch(/^› ▸ app\s+running/);
		await app.press('k');
		await app.waitFor(f => markedLine(f).includes('init-config'));
	});

	it('scrolls the list so the selected container is on screen', async () => {
		// 14 rows while replaying leave 6 body lines: the regular container starts below them.
		const app = await containersOf('init', 'init-demo', {columns: 120, rows: 14});
		expect(app.lastFrame()).not.toContain('▸ app');
		await app.press(KEY.down, KEY.down);
		const frame = await app.waitFor(f => markedLine(f).includes('app'));
		expect(frame).toContain('Containers (1)');
		expect(frame).not.toContain('init-schema');
	});

	it('shows the whole state message and the last termination message, which the list cuts or leaves out', async () => {
		const app = await containersOf('crashloop', 'crashloop');
		const fullMessage = /back-off 1m20s restarting failed container=api pod=crashloop-\S+_default\([0-9a-f-]{36}\)/;
		let frame = app.lastFrame();
		expect(markedLine(frame)).toMatch(/^› ▸ api/);
		expect(frame).toMatch(/message:\s+back-off 1m20s restarting failed container=api .*…/);
		expect(frame).not.toMatch(fullMessage);
		expect(frame).not.toContain('Connection refused');
		await app.press(KEY.enter);
		frame = await app.waitFor('Container api');
		expect(frame).toMatch(fullMessage);
		expect(frame).toMatch(/last message:/);
		expect(frame).toContain('Connection refused');
	});

	it('keeps ↑/↓ as scroll in the other sections and in the full view', () => {
		expect(actionFor('down', 'detail', false, 'Overview')).toBe('down');
		expect(actionFor('down', 'detail', false, 'Containers')).toBe('containerDown');
		expect(actionFor('k', 'detail', false, 'Containers')).toBe('containerUp');
		expect(actionFor('enter', 'detail', false, 'Containers')).toBe('openContainer');
		expect(actionFor('enter', 'detail', false, 'YAML')).toBeNull();
		expect(actionFor('down', 'container', false, 'Containers')).toBe('down');
		expect(actionFor('escape', 'container', false, 'Containers')).toBe('closeContainer');
		expect(actionFor('escape', 'detail', false, 'Containers')).toBe('back');
		expect(actionFor('tab', 'container', false, 'Containers')).toBe('nextSection');
		expect(actionFor(']', 'container', true, 'Containers')).toBe('nextChange');
		expect(footerText('detail', false, false, 'Overview')).not.toContain('container');
	});
});
