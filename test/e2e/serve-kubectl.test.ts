// kubectl is the reference client for the Table protocol. .ci/run installs it
// (Debian's kubernetes-client) where it is missing, so this always runs.
import {spawn, execFileSync, execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import type {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {kubeconfigFor} from '../../source/serve/kubeconfig.js';
import {podEntries, replayCells, startServer, waitFor} from '../serve/helpers.js';

function findKubectl(): string | undefined {
	try {
		return execFileSync('which', ['kubectl'], {encoding: 'utf8'}).trim() || undefined;
	} catch {
		return undefined;
	}
}

const kubectl = findKubectl();
let server: FakeApiServer | undefined;
let dir: string | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
	if (dir) await rm(dir, {recursive: true, force: true});
	dir = undefined;
});

async function setup(name: string, t: number, options: Parameters<typeof startServer>[1] = {}) {
	const started = await startServer(name, options);
	server = started.server;
	server.advanceTo(t);
	dir = await mkdtemp(join(tmpdir(), 'podlife-kubectl-'));
	const config = join(dir, 'config');
	await writeFile(config, kubeconfigFor(started.url));
	// Own discovery cache, so nothing is read from or written to the user's ~/.kube.
	return {...started, args: ['--kubeconfig', config, '--cache-dir', join(dir, 'cache')]};
}

describe('kubectl against FakeApiServer', () => {
	it("finds kubectl on PATH (.ci/run installs Debian's kubernetes-client)", () => {
		expect(kubectl, 'kubectl is not installed: apt-get install kubernetes-client').toBeTruthy();
	});

	it('prints the recorded row cells in `get pods -o wide`, AGE and RESTARTS as of the moment it answers', async () => {
		const {args, entries} = await setup('crashloop', 60_000);
		const {stdout} = await promisify(execFile)(kubectl!, [...args, 'get', 'pods', '-n', 'default', '-o', 'wide']);
		const last = podEntries(entries)
			.filter(entry => entry.t <= 60_000 && entry.object.metadata?.namespace === 'default')
			.at(-1)!;
		const replayed = (await replayCells('crashloop', 60_000)).get(`default/${last.object.metadata?.name}`)!;
		const cells = stdout.split('\n')[1]!.split(/\s{2,}/);
		expect(cells).toEqual([
			last.object.metadata?.name,
			last.row!.ready,
			last.row!.status,
			replayed[4],
			replayed[5],
			last.row!.ip,
			last.row!.node,
			'<none>',
			'<none>',
		]);
	});

	// mixed.ndjson was recorded on 2026-11-25; served as if it started 9 days and a bit later.
	for (const t of [25_000, 70_000]) {
		it(`shows the AGE and RESTARTS the replay shows at ${t / 1000}s, with the session moved to now`, async () => {
			const {args} = await setup('mixed', t, {timeShiftMs: 9 * 86_400_000 + 37_000});
			const {stdout} = await promisify(execFile)(kubectl!, [...args, 'get', 'pods', '-A', '--no-headers']);
			const replayed = await replayCells('mixed', t);
			const rows = stdout
				.trim()
				.split('\n')
				.map(line => line.split(/\s{2,}/));
			expect(rows.length).toBe(replayed.size);
			for (const row of rows) expect(row).toEqual(replayed.get(`${row[0]}/${row[1]}`)!.slice(0, 6));
		});
	}

	it('follows the session with `get pods -w`', async () => {
		const {args} = await setup('web', 3000);
		const child = spawn(kubectl!, [...args, 'get', 'pods', '-n', 'default', '-w']);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		try {
			await waitFor(() => (output.includes('ContainerCreating') ? true : undefined), 'the first rows', 15_000);
			server!.advanceToEnd();
			await waitFor(() => (/web-fjmnw\s+1\/1\s+Running/.test(output) ? true : undefined), 'the Running row', 15_000);
		} finally {
			child.kill();
		}
		const statuses = output
			.trim()
			.split('\n')
			.slice(1)
			.map(line => line.split(/\s+/).slice(1, 3).join(' '));
		expect(statuses).toEqual(['0/1 ContainerCreating', '0/1 ContainerCreating', '0/1 Running', '1/1 Running']);
	});
});
