import {afterEach, describe, expect, it} from 'vitest';
import {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {offsetToStartAt} from '../../source/serve/shift-times.js';
import type {SessionEntry} from '../../source/session/format.js';
import {podEntries, podsAt, replayCells, startServer} from './helpers.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

let server: FakeApiServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

interface Table {
	kind: string;
	apiVersion: string;
	metadata: {resourceVersion?: string};
	columnDefinitions: Array<{name: string; priority: number}> | null;
	rows: Array<{cells: unknown[]; conditions?: unknown; object?: {kind?: string; metadata?: {name?: string}; spec?: unknown}}>;
}

/** Read a watch stream line by line until `count` events came. */
async function readEvents(response: Response, count: number): Promise<Array<{type: string; object: Table}>> {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	const events: Array<{type: string; object: Table}> = [];
	while (events.length < count) {
		const {value, done} = await reader.read();
		if (done) break;
		buffer += decoder.decode(value, {stream: true});
		let newline = buffer.indexOf('\n');
		while (newline >= 0) {
			events.push(JSON.parse(buffer.slice(0, newline)) as {type: string; object: Table});
			buffer = buffer.slice(newline + 1);
			newline = buffer.indexOf('\n');
		}
	}
	await reader.cancel();
	return events.slice(0, count);
}

describe('FakeApiServer Table responses', () => {
	it("answers kubectl's Table accept with the pod columns and the recorded cells, AGE and RESTARTS printed when it answers", async () => {
		const started = await startServer('crashloop');
		server = started.server;
		server.advanceTo(60_000);
		const response = await fetch(`${started.url}/api/v1/namespaces/default/pods?includeObject=Object`, {headers: {Accept: TABLE}});
		expect(response.headers.get('content-type')).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
		const body = (await response.json()) as Table;
		expect(body).toMatchObject({kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {resourceVersion: String(server.resourceVersion)}});
		expect(body.columnDefinitions!.map(column => column.name)).toEqual([
			'Name',
			'Ready',
			'Status',
			'Restarts',
			'Age',
			'IP',
			'Node',
			'Nominated Node',
			'Readiness Gates',
		]);
		expect(body.columnDefinitions!.map(column => column.priority)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);

		const recorded = [...podsAt(started.entries, 60_000).values()].filter(entry => entry.object.metadata?.namespace === 'default');
		expect(body.rows).toHaveLength(recorded.length);
		const entry = recorded[0]!;
		const row = entry.row!;
		// A real server prints AGE and "(X ago)" when it answers, not when the pod last changed.
		const replayed = (await replayCells('crashloop', 60_000)).get(`default/${entry.object.metadata?.name}`)!;
		expect(entry.t).toBeLessThan(55_000);
		expect(replayed[5]).not.toBe(row.age);
		expect(body.rows[0]!.cells).toEqual([
			entry.object.metadata?.name,
			row.ready,
			row.status,
			replayed[4],
			replayed[5],
			row.ip,
			row.node,
			row.nominatedNode,
			row.readinessGates,
		]);
		expect(body.rows[0]!.object).toMatchObject({kind: 'Pod', metadata: {name: entry.object.metadata?.name}, spec: {containers: expect.any(Array)}});
	});

	it('gives row objects as PartialObjectMetadata unless includeObject=Object', async () => {
		const started = await startServer('web');
		server = started.server;
		server.advanceToEnd();
		const body = (await (await fetch(`${started.url}/api/v1/namespaces/default/pods`, {headers: {Accept: TABLE}})).json()) as Table;
		expect(body.rows[0]!.object).toMatchObject({kind: 'PartialObjectMetadata', metadata: {name: 'web-fjmnw'}});
		expect(body.rows[0]!.object).not.toHaveProperty('spec');
	});

	it('marks the row of a finished pod Completed, as printPod does, and no other', async () => {
		// pkg/printers/internalversion printers.go printPod: podSuccessConditions, podFailedConditions.
		const started = await startServer('job');
		server = started.server;
		server.advanceToEnd();
		const body = (await (await fetch(`${started.url}/api/v1/pods`, {headers: {Accept: TABLE}})).json()) as Table;
		const finished = body.rows.filter(row => row.cells[2] === 'Completed');
		expect(finished.length).toBeGreaterThan(0);
		expect(
			finished.every(
				row =>
					JSON.stringify(row.conditions) ===
					JSON.stringify([{type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.'}]),
			),
		).toBe(true);
		expect(body.rows.filter(row => row.cells[2] === 'Running').every(row => row.conditions === undefined)).toBe(true);
	});

	it("makes row objects of the Table's own group version, and refuses an includeObject it does not know with 400", async () => {
		// handlers/response.go asTable (groupVersion.WithKind("PartialObjectMetadata")) and optionsForTransform.
		const started = await startServer('web');
		server = started.server;
		server.advanceToEnd();
		const v1beta1 = 'application/json;as=Table;v=v1beta1;g=meta.k8s.io';
		const body = (await (await fetch(`${started.url}/api/v1/namespaces/default/pods`, {headers: {Accept: v1beta1}})).json()) as Table;
		expect(body.apiVersion).toBe('meta.k8s.io/v1beta1');
		expect(body.rows[0]!.object).toMatchObject({kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1beta1'});
		const refused = await fetch(`${started.url}/api/v1/namespaces/default/pods?includeObject=Everything`, {headers: {Accept: TABLE}});
		expect(refused.status).toBe(400);
		expect(await refused.json()).toMatchObject({
			reason: 'BadRequest',
			message: `Unable to convert to Table as requested: includeObject: Invalid value: "Everything": must be 'Metadata', 'Object', 'None', or empty`,
		});
		// Not asked as a Table, includeObject means nothing.
		expect((await fetch(`${started.url}/api/v1/namespaces/default/pods?includeObject=Everything`)).status).toBe(200);
	});

	it('watches as one-row Tables, with column definitions on the first event only', async () => {
		const started = await startServer('crashloop');
		server = started.server;
		server.advanceTo(3000);
		const response = await fetch(`${started.url}/api/v1/namespaces/default/pods?watch=true&includeObject=Object&resourceVersion=${server.resourceVersion}`, {
			headers: {Accept: TABLE},
		});
		const expected = podEntries(started.entries)
			.filter(entry => entry.t > 3000 && entry.object.metadata?.namespace === 'default')
			.slice(0, 4);
		server.advanceToEnd();
		const events = await readEvents(response, expected.length);

		expect(events.map(event => event.type)).toEqual(expected.map(entry => entry.type));
		expect(events.map(event => event.object.rows[0]!.cells.slice(1, 5))).toEqual(
			expected.map(entry => [entry.row!.ready, entry.row!.status, entry.row!.restarts, entry.row!.age]),
		);
		expect(events[0]!.object.columnDefinitions).toHaveLength(9);
		expect(events.slice(1).every(event => event.object.columnDefinitions === null)).toBe(true);
		expect(events.every(event => event.object.kind === 'Table' && event.object.rows.length === 1 && event.object.rows[0]!.object?.kind === 'Pod')).toBe(true);
	});

	it('sends bookmarks as one-row Tables too, the first event of a watch-list of an empty namespace carrying the column definitions', async () => {
		// handlers/response.go watchEncoder.Encode: a bookmark goes through doTransformObject like any object but a Status.
		const started = await startServer('web');
		server = started.server;
		server.advanceTo(1000);
		const query = 'watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&includeObject=Object';
		const response = await fetch(`${started.url}/api/v1/namespaces/default/pods?${query}`, {headers: {Accept: TABLE}});
		const first = readEvents(response, 3);
		await new Promise(resolve => setTimeout(resolve, 50));
		server.advanceTo(2200);
		server.sendBookmarks();
		const events = await first;
		expect(events.map(event => event.type)).toEqual(['BOOKMARK', 'ADDED', 'BOOKMARK']);
		const [end, added, bookmark] = events.map(event => event.object);
		expect(end).toMatchObject({kind: 'Table', metadata: {resourceVersion: expect.any(String)}});
		expect(end!.columnDefinitions).toHaveLength(9);
		expect(end!.rows).toHaveLength(1);
		expect(end!.rows[0]!.cells).toEqual(['', '0/0', '', '0', '<unknown>', '<none>', '<none>', '<none>', '<none>']);
		expect(end!.rows[0]!.object).toMatchObject({kind: 'Pod', metadata: {annotations: {'k8s.io/initial-events-end': 'true'}}});
		expect(added!.columnDefinitions).toBeNull();
		expect(added!.rows[0]!.object?.metadata?.name).toBe('web-fjmnw');
		expect(bookmark).toMatchObject({kind: 'Table', columnDefinitions: null, metadata: {resourceVersion: String(server.resourceVersion)}});
	});

	it("prints a loop round's deletions on the clock of the round that ends, the next round's pods from 0s", async () => {
		// A pod created at t = 0 that lives 300 ms: deleted when the round ends, it is 0s old, not a round older.
		const header = {podlife: 'session', version: 1, recordedAt: '2026-11-25T04:20:57.000Z', serverVersion: 'v1.32.13'} as const;
		const pod = (phase: string) => ({
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'short', namespace: 'default', uid: 'u', resourceVersion: phase, creationTimestamp: '2026-11-25T04:20:57Z'},
			spec: {containers: [{name: 'a'}]},
			status: {phase},
		});
		const row = {ready: '0/1', status: 'Pending', restarts: '0', age: '0s'};
		const entries = [
			{t: 0, type: 'ADDED', object: pod('Pending'), row},
			{t: 300, type: 'MODIFIED', object: pod('Pending '), row},
		] as SessionEntry[];
		server = new FakeApiServer({header, entries, timeShiftMs: offsetToStartAt(Date.parse(header.recordedAt), Date.now())});
		const url = await server.start();
		const response = await fetch(`${url}/api/v1/namespaces/default/pods?watch=true`, {headers: {Accept: TABLE}});
		server.play({loop: true, loopPauseMs: 5, wallClock: true});
		const events = await readEvents(response, 4);
		server.pause();
		expect(events.map(event => `${event.type} ${event.object.rows[0]!.cells[4] as string}`)).toEqual(['ADDED 0s', 'MODIFIED 0s', 'DELETED 0s', 'ADDED 0s']);
	});
});
