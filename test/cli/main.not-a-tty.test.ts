// stdout not a terminal (a pipe, a file, CI): the TUI cannot start, and the one line says so with a
// command the user can run as it is — their file, their demo — not a placeholder (FILE) or a flag
// the command refuses (`record --output`).
import {afterAll, describe, expect, it} from 'vitest';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {runMain} from '../helpers/run-main.js';

const MIXED = new URL('../fixtures/captures/mixed.ndjson', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'podlife-not-a-tty-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

async function run(...args: string[]): Promise<{code: number; message: string}> {
	const {code, message} = await runMain(args);
	return {code, message};
}

const SAID = 'stdout is not a terminal, so the TUI cannot start; for text use e.g. ';

describe('the TUI asked for with stdout not a terminal', () => {
	it('suggests the command as typed, with a text output', async () => {
		expect(await run('replay', MIXED)).toEqual({code: 2, message: `${SAID}podlife replay ${MIXED} --output table (or json, ndjson)`});
		expect(await run('demo', 'crashloop')).toEqual({code: 2, message: `${SAID}podlife demo crashloop --output table (or json, ndjson)`});
		expect(await run('demo')).toEqual({code: 2, message: `${SAID}podlife demo --output table (or json, ndjson)`});
		const spaced = path.join(dir, 'my session.ndjson');
		expect((await run('replay', spaced)).message).toContain(`podlife replay '${spaced}' --output table`);
	});

	it("keeps the user's own flags, so the text shows the same pods at the same moment", async () => {
		expect((await run('--kubeconfig', '/tmp/my kc', '-n', 'shop', '-n', 'pay', '-l', 'app=web,tier!=db', '--context', 'kind-kind')).message).toBe(
			`${SAID}podlife --kubeconfig '/tmp/my kc' -n shop -n pay -l 'app=web,tier!=db' --context kind-kind --output table (or json, ndjson)`,
		);
		expect((await run('replay', MIXED, '--at', '-30s', '--no-color')).message).toBe(
			`${SAID}podlife replay ${MIXED} --at=-30s --no-color --output table (or json, ndjson)`,
		);
	});

	it('leaves out what only the TUI reads, which the text outputs refuse, and turns --view lanes into --output lanes', async () => {
		expect((await run('replay', MIXED, '--speed', '4', '--paused', '--loop', '--at', '0:30')).message).toBe(
			`${SAID}podlife replay ${MIXED} --at 0:30 --output table (or json, ndjson)`,
		);
		expect((await run('demo', 'crashloop', '--view', 'lanes')).message).toBe(`${SAID}podlife demo crashloop --output lanes`);
		expect((await run('-A', '--view=lanes')).message).toBe(`${SAID}podlife -A --output lanes`);
		expect((await run('demo', '--view', 'table')).message).toBe(`${SAID}podlife demo --output table (or json, ndjson)`);
	});

	it('suggests --no-ui for record, which takes no --output', async () => {
		const file = path.join(dir, 'boot.ndjson');
		expect(await run('record', file)).toEqual({code: 2, message: `${SAID}podlife record ${file} --no-ui`});
		expect((await run('record', file, '-A', '--duration', '5m', '--view', 'lanes')).message).toBe(`${SAID}podlife record ${file} -A --duration 5m --no-ui`);
	});
});
