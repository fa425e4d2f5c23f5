import {afterEach, describe, expect, it} from 'vitest';
import {closeReplayApps, openReplayApp} from './helpers/replay-app.js';
import {KEY} from './helpers/render-at-size.js';
import {FakeLogs, stamped} from './helpers/fake-logs.js';

afterEach(closeReplayApps);

/** A capture replayed to its end, the cursor on the pod whose name starts with `pod` (filtered to it). */
async function onPod(capture: string, pod: string, logs: FakeLogs, size = {columns: 100, rows: 30}) {
	const {app} = await openReplayApp(capture, {size, atEnd: true, logs});
	await app.press('/', ...pod, KEY.enter);
	await app.waitFor(f => f.split('\n').some(line => line.startsWith('›') && line.includes(pod)));
	return app;
}

/** The log's title line and the rows under it, up to the status line. */
function logRows(frame: string): string[] {
	const lines = frame.split('\n');
	const title = lines.findIndex(line => line.startsWith(' log '));
	return lines.slice(title + 1);
}

describe('container logs in the TUI', () => {
	it('opens the log of the container the why line names with l, following its tail, and Esc closes it and its request', async () => {
		const logs = new FakeLogs();
		logs.onOpen = feed =>
			feed.push(
				stamped(1, 'starting api'),
				stamped(2, 'Traceback (most recent call last):'),
				stamped(3, 'ConnectionRefusedError: [Errno 111] Connection refused'),
			);
		const app = await onPod('crashloop', 'crashloop-', logs);
		await app.press('l');
		let frame = await app.waitFor('ConnectionRefusedError');
		expect(logs.feeds).toHaveLength(1);
		expect(logs.last.target).toMatchObject({namespace: 'default', container: 'api', previous: false});
		expect(logs.last.target.pod).toMatch(/^crashloop-/);
		expect(frame).toMatch(/ log default\/crashloop-\S+ api\s+following/);
		// Timestamps are hidden until t shows them.
		expect(frame).not.toContain('2026-12-04T20:11:03');
		expect(frame).toContain('Esc back');

		// New lines scroll in while following.
		logs.last.push(stamped(4, 'exiting with 1'));
		await app.waitFor('exiting with 1');

		await app.press(KEY.escape);
		frame = await app.waitFor('NAMESPACE');
		expect(frame).not.toContain('ConnectionRefusedError');
		// The request ends with the view (React runs the feed's cleanup right after the frame).
		await expect.poll(() => logs.last.closed).toBe(true);
	});

	it('opens the previous instance with p, and switches to the current one with l', async () => {
		const logs = new FakeLogs();
		logs.onOpen = feed => feed.push(feed.target.previous ? stamped(1, 'the crashed one') : stamped(1, 'the running one'));
		const app = await onPod('crashloop', 'crashloop-', logs);
		await app.press('p');
		let frame = await app.waitFor('the crashed one');
		expect(frame).toMatch(/ log default\/crashloop-\S+ api \(previous\)/);
		await app.press('l');
		frame = await app.waitFor('the running one');
		expect(logs.feeds.map(feed => feed.target.previous)).toEqual([true, false]);
		await expect.poll(() => logs.feeds[0]!.closed).toBe(true);
		expect(frame).not.toContain('(previous)');
	});

	it('says in one line why the log is not available', async () => {
		const logs = new FakeLogs();
		logs.onOpen = feed => feed.refuse('RBAC forbids reading logs (get pods/log) in namespace "default" for this user; ask for a Role with get on pods/log');
		const app = await onPod('crashloop', 'crashloop-', logs);
		await app.press('l');
		const frame = await app.waitFor('RBAC forbids reading logs');
		const rows = logRows(frame);
		expect(rows[0]).toMatch(/^RBAC forbids reading logs \(get pods\/log\) in namespace "default"/);
		// Said whole, what to do included, over the rows it needs rather than cut at the width.
		expect(rows.slice(0, 2).map(row => row.trim())).toEqual([
			'RBAC forbids reading logs (get pods/log) in namespace "default" for this user; ask for a Role with',
			'get on pods/log',
		]);
	});

	it("says in podlife's words that p has no run before a container's first, where the server refuses it in the kubelet's", async () => {
		const logs = new FakeLogs();
		logs.onOpen = feed => feed.refuse(`previous terminated container "${feed.target.container}" in pod "${feed.target.pod}" not found`);
		const app = await onPod('crashloop', 'local-path', logs, {columns: 80, rows: 24});
		await app.press('p');
		let frame = await app.waitFor('has no previous run');
		expect(logRows(frame).slice(0, 2)).toEqual(['local-path-provisioner has no previous run: it has not restarted (l shows its', 'log)']);
		expect(frame).not.toContain('previous terminated container');
		// l shows the run there is.
		logs.onOpen = feed => feed.push(stamped(1, 'provisioning'));
		await app.press('l');
		frame = await app.waitFor('provisioning');
		expect(frame).not.toContain('has no previous run');
	});

	it('toggles timestamps with t and wrapping with w', async () => {
		const logs = new FakeLogs();
		const long = `payload ${'x'.repeat(150)} END`;
		logs.onOpen = feed => feed.push(stamped(7, long));
		const app = await onPod('crashloop', 'crashloop-', logs);
		await app.press('l');
		let frame = await app.waitFor('payload');
		// Wrapped by default: the end of a long line shows on the rows under it.
		expect(frame).toContain('xx END');
		expect(frame).toMatch(/following · wrap/);
		await app.press('w');
		frame = await app.waitFor(f => !f.includes('xx END') && f.includes('payload'));
		expect(logRows(frame)[0]).toMatch(/^payload x+…$/);
		await app.press('t');
		frame = await app.waitFor('2026-12-04T20:11:07.000000000Z payload');
		expect(frame).toContain('timestamps');
	});

	it('searches with /, marks where it is, and n/N step through the matches', async () => {
		const logs = new FakeLogs();
		const lines = Array.from({length: 100}, (_, n) => stamped(n % 60, n % 30 === 5 ? `line ${n} ERROR boom` : `line ${n} fine`));
		logs.onOpen = feed => feed.push(...lines);
		const app = await onPod('crashloop', 'crashloop-', logs, {columns: 100, rows: 24});
		await app.press('l');
		await app.waitFor('line 99 fine');
		await app.press('g');
		let frame = await app.waitFor(f => logRows(f)[0] === 'line 0 fine');
		expect(frame).toContain('held (G follows)');
		await app.press('/', ...'error', KEY.enter);
		// Smartcase: lower case finds ERROR; the first match from the top, shown near the top.
		frame = await app.waitFor(f => f.includes('/error: 4 lines'));
		expect(logRows(frame).slice(0, 5)).toContain('line 5 ERROR boom');
		await app.press('n');
		await app.waitFor(f => logRows(f).slice(0, 5).includes('line 35 ERROR boom'));
		await app.press('N');
		await app.waitFor(f => logRows(f).slice(0, 5).includes('line 5 ERROR boom'));
		// Round the start to the last match, on the last page: the view follows the end again.
		await app.press('N');
		await app.waitFor(f => logRows(f).includes('line 95 ERROR boom') && f.includes('following'));
		// A search that finds nothing says so.
		await app.press('/', '\u0015', ...'nowhere', KEY.enter);
		await app.waitFor('no line matches "nowhere"');
		// Esc takes the search back first, then closes the log.
		await app.press(KEY.escape);
		frame = await app.waitFor(f => !f.includes('/nowhere'));
		expect(frame).toContain(' log default/crashloop-');
		await app.press('G');
		await app.waitFor(f => f.includes('line 99 fine') && f.includes('following'));
	});

	it('opens the log of the container under the Containers cursor', async () => {
		const logs = new FakeLogs();
		logs.onOpen = feed => feed.push(stamped(1, `log of ${feed.target.container}`));
		const app = await onPod('sidecar', 'sidecar', logs, {columns: 120, rows: 40});
		await app.press(KEY.enter);
		await app.waitFor('[Overview]');
		await app.press(KEY.tab);
		await app.waitFor('[Containers]');
		const marked = (f: string) => f.split('\n').find(line => line.startsWith('› ▸ ')) ?? '';
		await app.press(KEY.down);
		const frame = await app.waitFor(f => marked(f) !== '' && !marked(f).includes(logs.feeds[0]?.target.container ?? '\u0000'));
		const name = /› ▸ (\S+)/.exec(marked(frame))![1]!;
		await app.press('l');
		await app.waitFor(`log of ${name}`);
		expect(logs.last.target.container).toBe(name);
		await app.press(KEY.escape);
		// Back in the detail, on the same section.
		await app.waitFor('[Containers]');
	});

	it('says so when logs cannot be shown at all', async () => {
		const {app} = await openReplayApp('crashloop', {size: {columns: 100, rows: 30}, atEnd: true});
		await app.press('/', ...'crashloop-', KEY.enter);
		await app.press('l');
		await app.waitFor('logs are not available here');
	});
});
