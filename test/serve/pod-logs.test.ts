// GET pods/{name}/log against the fake API server, from the session's LOG entries as of the
// served moment, with the real server's options and refusals.
import {afterEach, describe, expect, it} from 'vitest';
import type {Pod} from '../../source/kube/objects.js';
import {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {isWatchEntry, type SessionEntry} from '../../source/session/format.js';
import {runLines, withTerminationLogs} from '../helpers/with-logs.js';
import {readCapture} from './helpers.js';

const POD = 'crashloop-g6z5t';
const LOG = `/api/v1/namespaces/default/pods/${POD}/log`;
// crashloop.ndjson: run 3 of `api` ends at t 50 729 (finishedAt 04:17:55Z); its log is fetched 100 ms later.
const RUN3_ENDED = 50_729;

let server: FakeApiServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function serve(t: number, change: (entries: SessionEntry[]) => SessionEntry[] = entries => entries): Promise<string> {
	const {header, entries} = readCapture('crashloop');
	server = new FakeApiServer({header, entries: change(withTerminationLogs(entries))});
	const url = await server.start();
	server.advanceTo(t);
	return url;
}

async function get(url: string, path: string): Promise<{status: number; type: string | null; text: string}> {
	const response = await fetch(url + path);
	return {status: response.status, type: response.headers.get('content-type'), text: await response.text()};
}

const text = (lines: string[]): string => lines.map(line => `${line}\n`).join('');

describe('GET pods/{name}/log', () => {
	it("answers the crashed run's log as text/plain, with and without previous, while the container backs off", async () => {
		const url = await serve(60_000);
		for (const query of ['?previous=true', '', '?container=api&previous=1']) {
			const answer = await get(url, LOG + query);
			expect(answer).toEqual({status: 200, type: 'text/plain', text: text(runLines('api', 3))});
		}
	});

	it('answers --previous with the run before the running one, not the newest log', async () => {
		const url = await serve(RUN3_ENDED - 1000);
		expect((await get(url, `${LOG}?previous=true`)).text).toBe(text(runLines('api', 2)));
	});

	it('answers a run that has ended with the log captured of it, even when the capture came a moment later', async () => {
		// Run 3 ended at RUN3_ENDED; the session's log of it was fetched 100 ms later. A recorder
		// of the served session asks as soon as the run ends, and must read what the original did.
		const url = await serve(RUN3_ENDED + 50);
		expect(await get(url, LOG)).toEqual({status: 200, type: 'text/plain', text: text(runLines('api', 3))});
	});

	it('holds no log of a run that is still running, even one the session captured once it ended', async () => {
		const url = await serve(RUN3_ENDED - 1000);
		const running = await get(url, LOG);
		expect(running.status).toBe(404);
		expect(JSON.parse(running.text)).toMatchObject({kind: 'Status', code: 404, reason: 'NotFound'});
		expect(JSON.parse(running.text).message).toContain(`no log of container "api" in pod "${POD}"`);
		server!.advanceTo(RUN3_ENDED);
		expect((await get(url, LOG)).text).toBe(text(runLines('api', 3)));
	});

	it("refuses --previous before the first restart in the kubelet's words", async () => {
		const url = await serve(8000);
		const answer = await get(url, `${LOG}?previous=true`);
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.text)).toMatchObject({
			kind: 'Status',
			reason: 'BadRequest',
			code: 400,
			message: `previous terminated container "api" in pod "${POD}" not found`,
		});
	});

	it('cuts the log by tailLines and limitBytes and stamps each line with the time its container ended', async () => {
		const url = await serve(60_000);
		expect((await get(url, `${LOG}?tailLines=2`)).text).toBe(text(runLines('api', 3).slice(-2)));
		expect((await get(url, `${LOG}?tailLines=0`)).text).toBe('');
		expect((await get(url, `${LOG}?limitBytes=5`)).text).toBe('run 3');
		const stamped = (await get(url, `${LOG}?timestamps=true&tailLines=1&follow=true`)).text;
		expect(stamped).toBe('2026-11-25T04:17:55.000000000Z \n');
	});

	it('refuses bad options, an unknown container and an unknown pod as the API server does', async () => {
		const url = await serve(60_000);
		const body = async (path: string) => JSON.parse((await get(url, path)).text) as {code: number; reason: string; message: string};
		expect(await body(`${LOG}?tailLines=-1`)).toMatchObject({
			code: 422,
			reason: 'Invalid',
			message: `PodLogOptions "${POD}" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0`,
		});
		expect(await body(`${LOG}?container=nope`)).toMatchObject({code: 400, message: `container nope is not valid for pod ${POD}`});
		expect(await body('/api/v1/namespaces/default/pods/gone/log')).toMatchObject({code: 404, message: 'pods "gone" not found'});
	});

	it('asks for a container by name when the pod has several', async () => {
		const twoContainers = (entries: SessionEntry[]) =>
			entries.map(entry => {
				if (!isWatchEntry(entry) || entry.object.metadata?.name !== POD) return entry;
				const pod = structuredClone(entry.object) as Pod;
				pod.spec.containers.push({name: 'proxy'});
				return {...entry, object: pod};
			});
		const url = await serve(60_000, twoContainers);
		const answer = JSON.parse((await get(url, LOG)).text) as {code: number; message: string};
		expect(answer).toMatchObject({code: 400, message: `a container name must be specified for pod ${POD}, choose one of: [api proxy]`});
		expect((await get(url, `${LOG}?container=api`)).text).toBe(text(runLines('api', 3)));
	});

	it('answers 403 worded as RBAC does when pods/log is forbidden', async () => {
		const url = await serve(60_000);
		server!.forbid({resource: 'pods/log'});
		const answer = await get(url, LOG);
		expect(answer.status).toBe(403);
		expect(JSON.parse(answer.text).message).toBe(
			`pods "${POD}" is forbidden: User "system:anonymous" cannot get resource "pods/log" in API group "" in the namespace "default"`,
		);
		expect((await get(url, `/api/v1/namespaces/default/pods/${POD}`)).status).toBe(200);
	});
});
