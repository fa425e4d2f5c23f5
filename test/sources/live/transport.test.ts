// The raw requests of the live source (sources/live/transport.ts) against answers only a real
// server or the network between makes: a watch whose connection is reset halfway through an
// event's line, and a 429 whose body is plain text.

import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {KubeConfig} from '@kubernetes/client-node';
import {afterEach, describe, expect, it} from 'vitest';
import {KubeApiError} from '../../../source/sources/live/kube-error.js';
import {createTransport} from '../../../source/sources/live/transport.js';

let server: Server | undefined;
afterEach(async () => {
	await new Promise(resolve => (server ? server.close(resolve) : resolve(undefined)));
	server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
	server = createServer(handler);
	await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function transportTo(url: string) {
	const kc = new KubeConfig();
	kc.loadFromOptions({
		clusters: [{name: 'c', server: url, skipTLSVerify: true}],
		users: [{name: 'u'}],
		contexts: [{name: 'c', cluster: 'c', user: 'u'}],
		currentContext: 'c',
	});
	return createTransport(kc, url);
}

const request = {verb: 'watch', resource: 'pods', namespace: null};

describe('a watch whose connection is reset halfway through an event', () => {
	it('hands on the whole events only, and ends with an error (the caller resumes from the last whole one)', async () => {
		const whole = {type: 'MODIFIED', object: {kind: 'Pod', metadata: {name: 'a', resourceVersion: '11'}}};
		const half = JSON.stringify({type: 'MODIFIED', object: {kind: 'Pod', metadata: {name: 'b', resourceVersion: '12'}}}).slice(0, 30);
		const url = await serve((_req, res) => {
			res.writeHead(200, {'Content-Type': 'application/json'});
			res.write(`${JSON.stringify(whole)}\n${half}`, () => setTimeout(() => res.socket?.destroy(), 20));
		});
		const events: unknown[] = [];
		const stream = await transportTo(url).watch('/api/v1/pods', {request, idleMs: 5000, onEvent: event => events.push(event)});
		const closed = await stream.closed;
		expect(events).toEqual([whole]);
		expect(closed).toBeInstanceOf(Error);
	});
});

describe('a 429 of API Priority and Fairness', () => {
	it('is a KubeApiError with the Retry-After header, though its body is a line of plain text', async () => {
		// apiserver server/filters/maxinflight.go tooManyRequests: http.Error, no Status.
		const url = await serve((_req, res) => {
			res.writeHead(429, {'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '4'});
			res.end('Too many requests, please try again later.\n');
		});
		const failure = await transportTo(url)
			.getJson('/api/v1/pods', {request: {...request, verb: 'list'}})
			.catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(KubeApiError);
		expect(failure).toMatchObject({statusCode: 429, status: null, retryAfterSeconds: 4});
	});
});
