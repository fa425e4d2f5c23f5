import {basename, dirname} from 'node:path';
import {describe, expect, it} from 'vitest';
import {UserError} from '../../source/errors.js';
import {formatOffset, renderTimeline, runTimeline} from '../../source/output/timeline.js';
import {isWatchEntry, type WatchEntry} from '../../source/session/format.js';
import {loadCapture} from '../helpers/load-capture.js';
import {CAPTURE_FILES} from '../sources/replay/replay-fixture.js';
import {podKeyOf} from '../../source/model/pod-key.js';

const label = (file: string): string => `${basename(dirname(file))}/${basename(file)}`;

/** The scenario's pods (all pods in kind-boot, which has no scenario) with their entries. */
function scenarioPods(file: string): Map<string, WatchEntry[]> {
	const pods = new Map<string, WatchEntry[]>();
	const entries = loadCapture(file).entries.filter((entry): entry is WatchEntry => isWatchEntry(entry) && entry.object.kind === 'Pod');
	const labelled = entries.some(entry => entry.object.metadata?.labels?.['sim.kubelet/scenario']);
	for (const entry of entries) {
		if (labelled && !entry.object.metadata?.labels?.['sim.kubelet/scenario']) continue;
		const key = podKeyOf(entry.object.metadata);
		pods.set(key, [...(pods.get(key) ?? []), entry]);
	}
	return pods;
}

function withoutRepeats(values: readonly string[]): string[] {
	return values.filter((value, index) => index === 0 || value !== values[index - 1]);
}

/** The STATUS cells of a rendered timeline, read by the column's position in its header row. */
function statusColumn(text: string): string[] {
	const lines = text.trimEnd().split('\n');
	const header = lines[1]!;
	const start = header.indexOf('STATUS');
	const end = header.indexOf('DETAIL');
	return lines.slice(2).map(line => line.slice(start, end).trim());
}

describe.each(CAPTURE_FILES.map(file => [label(file), file]))('the headless timeline of %s', (_name, file) => {
	for (const [key, entries] of scenarioPods(file)) {
		it(`lists the server's STATUS values of ${key} in order`, async () => {
			const text = await runTimeline(file, key);
			const expected = withoutRepeats(entries.map(entry => entry.row!.status));
			expect(expected.length).toBeGreaterThan(0);
			expect(withoutRepeats(statusColumn(text))).toEqual(expected);
		});
	}
});

describe('timeline text', () => {
	const crashloop = CAPTURE_FILES.find(file => file.endsWith('captures/crashloop.ndjson'))!;

	it('gives each change its time from the session start and its UTC clock time', async () => {
		const text = await runTimeline(crashloop, 'default/crashloop-g6z5t');
		const capture = loadCapture(crashloop);
		const recordedAt = Date.parse(capture.header.recordedAt);
		const firstPod = capture.entries.find(entry => isWatchEntry(entry) && entry.object.metadata?.name === 'crashloop-g6z5t')!;
		const firstRow = text.split('\n')[2]!;
		expect(firstRow).toContain(formatOffset(firstPod.t));
		expect(firstRow).toContain(new Date(recordedAt + firstPod.t).toISOString().slice(11, 23));
		expect(text.split('\n')[0]).toContain('default/crashloop-g6z5t');
		expect(text).toMatch(/STATUS\s+Running → Error\s+Error/);
	});

	it('says in each row what changed, not a bare "0 → 1" under a name', async () => {
		const lines = (await runTimeline(crashloop, 'default/crashloop-g6z5t')).split('\n');
		expect(lines.some(line => /\scontainer api\s+restart count 0 → 1\s/.test(line))).toBe(true);
		expect(lines.some(line => /\scontainer api\s+state running → terminated\(Error, exit 1\)\s/.test(line))).toBe(true);
		expect(lines.some(line => /\spod\s+condition Ready True → False\s/.test(line))).toBe(true);
		expect(lines.some(line => /\spod\s+READY 1\/1 → 0\/1\s/.test(line))).toBe(true);
		expect(lines.some(line => /\spod\s+created, STATUS Pending\s/.test(line))).toBe(true);
		// No change column is just two values with an arrow.
		const header = lines[1]!;
		const change = lines.slice(2, -1).map(line => line.slice(header.indexOf('CHANGE'), header.indexOf('STATUS')).trim());
		for (const cell of change) expect(cell).not.toMatch(/^\S+ → \S+$/);
	});

	it('finds a pod by its name alone when only one namespace has it', async () => {
		expect(await runTimeline(crashloop, 'crashloop-g6z5t')).toBe(await runTimeline(crashloop, 'default/crashloop-g6z5t'));
	});

	it('says the pod never appears, and names the closest pods', async () => {
		const attempt = runTimeline(crashloop, 'default/crashloop-x');
		await expect(attempt).rejects.toBeInstanceOf(UserError);
		await expect(attempt).rejects.toThrow(/^pod "default\/crashloop-x" never appears in .*crashloop\.ndjson; close names: default\/crashloop-g6z5t/);
	});

	it('renders one line per transition under a heading and a column header', async () => {
		const text = await runTimeline(crashloop, 'default/crashloop-g6z5t');
		const lines = text.trimEnd().split('\n');
		const count = Number(/(\d+) changes/.exec(lines[0]!)![1]);
		expect(lines).toHaveLength(count + 2);
		expect(lines[1]).toMatch(/^\s*AT\s+CLOCK \(UTC\)\s+WHAT\s+CHANGE\s+STATUS\s+DETAIL$/);
	});

	it('prints under each end of a run the last lines of its log, when the session captured them', async () => {
		const withLogs = new URL('../fixtures/logs/crashloop.ndjson', import.meta.url).pathname;
		const lines = (await runTimeline(withLogs, 'default/crashloop-g6z5t')).trimEnd().split('\n');
		const ends = lines.flatMap((line, index) => (/\scontainer api\s+(state running → terminated|restart count)/.test(line) ? [index] : []));
		expect(ends.length).toBeGreaterThan(0);
		// Run 0's log: its last line under the first end, behind the bar, from the WHAT column.
		const first = lines.findIndex(line => /state running → terminated\(Error, exit 1\)/.test(line));
		const below = lines.slice(first + 1, first + 5);
		const what = lines[1]!.indexOf('WHAT');
		expect(below).toContain(' '.repeat(what) + '│ ConnectionRefusedError: [Errno 111] Connection refused (run 0)');
		// Run 2's fetch was refused; run 3 has none: each says so in its place, once.
		expect(lines.filter(line => line.trim().startsWith('log not captured:'))).toHaveLength(1);
		expect(lines.filter(line => line.trim() === 'no log captured')).toHaveLength(1);
		// Run 4's coloured line prints without its escape codes.
		expect(lines.join('\n')).not.toMatch(/\u001b|\u0007/);
		expect(lines.some(line => line.includes('(run 4)'))).toBe(true);
	});

	it('writes offsets to a tenth of a second, with minutes and hours when long', () => {
		expect(formatOffset(12_345)).toBe('+12.3s');
		expect(formatOffset(59_960)).toBe('+1m00.0s');
		expect(formatOffset(64_800)).toBe('+1m04.8s');
		expect(formatOffset(3_723_400)).toBe('+1h02m03.4s');
		expect(formatOffset(-1_500)).toBe('-1.5s');
	});

	it('keeps a multi-line container message on its row', () => {
		const text = renderTimeline(
			{
				key: 'default/p',
				uid: 'u',
				history: [
					{
						at: 1_000,
						kind: 'container',
						subject: 'container app',
						from: 'running',
						to: 'terminated(Error, exit 1)',
						statusAfter: 'Error',
						detail: 'line one\nline two',
					},
				],
				containers: [],
				deletedAt: null,
			} as unknown as Parameters<typeof renderTimeline>[0],
			0,
		);
		expect(text.trimEnd().split('\n')).toHaveLength(3);
		expect(text).toContain('line one ⏎ line two');
	});
});

describe('--output timeline of a name that lived twice', () => {
	it("prints each life of the StatefulSet's db-0 under its own heading, oldest first, with the log of its own run", async () => {
		const file = new URL('../fixtures/logs/statefulset.ndjson', import.meta.url).pathname;
		const text = await runTimeline(file, 'db-0');
		const headings = text.split('\n').filter(line => line.startsWith('Timeline of '));
		expect(headings).toEqual([
			expect.stringMatching(/^Timeline of default\/db-0 · life 1 of 2 · uid c8f0236f-a560-4b79-ae11-dc018836a754 · \d+ changes · .* · deleted at \+30\.2s$/),
			expect.stringMatching(/^Timeline of default\/db-0 · life 2 of 2 · uid a011e741-db65-4dda-9286-a45fcb09ac2e · \d+ changes · /),
		]);
		const [first, second] = text.split(/^(?=Timeline of )/m);
		expect(first).toContain('db-0 (uid c8f0236f…) postgres: shutting down (run 0)');
		expect(first).toMatch(/deleted \(last STATUS Completed\)/);
		expect(second).not.toContain('shutting down');
		expect(second).not.toContain('deleted (last STATUS');
	});
});
