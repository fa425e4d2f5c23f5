// `kubectl logs` against the fake API server playing a session with LOG entries: the reference
// client reads the crashed run's log, --previous, -c and --tail, and shows the server's refusal
// in its own one line.
import {execFile, execFileSync} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {kubeconfigFor} from '../../source/serve/kubeconfig.js';
import {runLines, withTerminationLogs} from '../helpers/with-logs.js';
import {readCapture} from '../serve/helpers.js';

function findKubectl(): string | undefined {
	try {
		return execFileSync('which', ['kubectl'], {encoding: 'utf8'}).trim() || undefined;
	} catch {
		return undefined;
	}
}

const kubectl = findKubectl();
const POD = 'crashloop-g6z5t';
let server: FakeApiServer | undefined;
let dir: string | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
	if (dir) await rm(dir, {recursive: true, force: true});
	dir = undefined;
});

/** kubectl's arguments for a server playing crashloop.ndjson (with a log per crash) at session time t. */
async function setup(t: number): Promise<string[]> {
	const {header, entries} = readCapture('crashloop');
	server = new FakeApiServer({header, entries: withTerminationLogs(entries)});
	const url = await server.start();
	server.advanceTo(t);
	dir = await mkdtemp(join(tmpdir(), 'podlife-kubectl-logs-'));
	const config = join(dir, 'config');
	await writeFile(config, kubeconfigFor(url));
	return ['--kubeconfig', config, '--cache-dir', join(dir, 'cache'), '-n', 'default'];
}

async function run(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	try {
		const {stdout, stderr} = await promisify(execFile)(kubectl!, args);
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

const text = (lines: string[]): string => lines.map(line => `${line}\n`).join('');

describe('kubectl logs against podlife serve', () => {
	it("finds kubectl on PATH (.ci/run installs Debian's kubernetes-client)", () => {
		expect(kubectl, 'kubectl is not installed: apt-get install kubernetes-client').toBeTruthy();
	});

	it("prints the last crash's log with --previous, -c and --tail, as of the served moment", async () => {
		const args = await setup(60_000);
		expect(await run([...args, 'logs', POD, '--previous'])).toEqual({code: 0, stdout: text(runLines('api', 3)), stderr: ''});
		expect((await run([...args, 'logs', POD, '-c', 'api', '--tail', '2'])).stdout).toBe(text(runLines('api', 3).slice(-2)));
		expect((await run([...args, 'logs', `pod/${POD}`, '-p', '--tail=1', '--timestamps'])).stdout).toBe('2026-11-25T04:17:55.000000000Z \n');
	});

	it('says in one line that there is no previous container before the first restart', async () => {
		const args = await setup(8000);
		const result = await run([...args, 'logs', POD, '--previous']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim()).toBe(`Error from server (BadRequest): previous terminated container "api" in pod "${POD}" not found`);
	});
});
