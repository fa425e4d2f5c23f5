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

	it('suggests --no-ui for record, which takes no --output', async () => {
		const file = path.join(dir, 'boot.ndjson');
		expect(await run('record', file)).toEqual({code: 2, message: `${SAID}podlife record ${file} --no-ui`});
	});
});
