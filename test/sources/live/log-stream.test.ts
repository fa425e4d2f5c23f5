// The live log feed against a plain HTTP server that answers pods/log as the API server does:
// what it asks for, how it follows, what it says when refused, and that closing the view ends
// the request. (The fake API server's own pods/log is tested with `podlife serve`.)
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {KubeConfig} from '@kubernetes/client-node';
import {createTransport} from '../../../source/sources/live/transport.js';
import {liveLogs, TAIL_LINES} from '../../../source/sources/live/log-stream.js';
import {kubeconfigFor} from '../../../source/serve/kubeconfig.js';
import type {LogFeed, LogSnapshot} from '../../../source/sources/log-feed.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const servers: http.Server[] = [];
afterEach(async () => {
	for (const server of servers.splice(0)) {
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	}
});

async function serve(handler: Handler) {
	const server = http.createServer(handler);
	servers.push(server);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const kc = new KubeConfig();
	kc.loadFromString(kubeconfigFor(url));
	return liveLogs(createTransport(kc, url), url);
}

async function until(feed: LogFeed, test: (snapshot: LogSnapshot) => boolean): Promise<LogSnapshot> {
	await expect.poll(() => test(feed.snapshot())).toBe(true);
	return feed.snapshot();
}

const target = {namespace: 'default', pod: 'web-1', uid: 'web-1-uid', container: 'app', previous: false};

describe('live container logs', () => {
	it('asks for the tail with timestamps, following, and shows lines as they stream', async () => {
		let asked: URL | null = null;
		let response: http.ServerResponse | null = null;
		const logs = await serve((req, res) => {
			asked = new URL(req.url!, 'http://x');
			res.writeHead(200, {'Content-Type': 'text/plain'});
			res.write('2026-12-04T20:11:01.000000000Z one\n2026-12-04T20:11:02.000000000Z tw');
			response = res;
		});
		const feed = logs.open(target);
		let snapshot = await until(feed, s => s.lines.length === 1);
		expect(snapshot).toMatchObject({state: 'following', timestamps: true, lines: ['2026-12-04T20:11:01.000000000Z one']});
		expect(asked!.pathname).toBe('/api/v1/namespaces/default/pods/web-1/log');
		expect(Object.fromEntries(asked!.searchParams)).toEqual({container: 'app', tailLines: String(TAIL_LINES), timestamps: 'true', follow: 'true'});
		response!.write('o\n');
		snapshot = await until(feed, s => s.lines.length === 2);
		expect(snapshot.lines[1]).toBe('2026-12-04T20:11:02.000000000Z two');
		response!.end();
		snapshot = await until(feed, s => s.state === 'ended');
		expect(snapshot.message).toBe('the container stopped; l opens the log again');
	});

	it('closing the feed ends the request', async () => {
		let closed = false;
		const logs = await serve((req, res) => {
			res.writeHead(200, {'Content-Type': 'text/plain'});
			res.write('x\n');
			req.on('close', () => (closed = true));
		});
		const feed = logs.open({...target, previous: true});
		await until(feed, s => s.lines.length === 1);
		feed.close();
		await expect.poll(() => closed).toBe(true);
	});

	it('says in one line that RBAC forbids reading logs', async () => {
		const logs = await serve((_req, res) => {
			res.writeHead(403, {'Content-Type': 'application/json'});
			res.end(
				JSON.stringify({
					kind: 'Status',
					status: 'Failure',
					reason: 'Forbidden',
					code: 403,
					message: 'pods "web-1" is forbidden: User "dev" cannot get resource "pods/log" in API group "" in the namespace "default"',
				}),
			);
		});
		const snapshot = await until(logs.open(target), s => s.state === 'unavailable');
		expect(snapshot.message).toBe('RBAC forbids reading logs (get pods/log) in namespace "default" for this user; ask for a Role with get on pods/log');
	});

	it("gives the server's message when the container has not started or the kubelet cannot be reached", async () => {
		let code = 400;
		const messages: Record<number, string> = {
			400: 'container "app" in pod "web-1" is waiting to start: ContainerCreating',
			500: 'Get "https://172.18.0.3:10250/containerLogs/default/web-1/app": dial tcp 172.18.0.3:10250: connect: connection refused',
		};
		const logs = await serve((_req, res) => {
			res.writeHead(code, {'Content-Type': 'application/json'});
			res.end(JSON.stringify({kind: 'Status', status: 'Failure', code, message: messages[code]}));
		});
		expect((await until(logs.open(target), s => s.state === 'unavailable')).message).toBe(messages[400]);
		code = 500;
		expect((await until(logs.open(target), s => s.state === 'unavailable')).message).toBe(`the API server could not get the log: ${messages[500]}`);
	});

	it('reads a log to its end once (a recording)', async () => {
		let asked: URL | null = null;
		const logs = await serve((req, res) => {
			asked = new URL(req.url!, 'http://x');
			res.writeHead(200, {'Content-Type': 'text/plain'});
			res.end('a\nb\n');
		});
		expect(await logs.read({...target, previous: true}, {tailLines: 50, limitBytes: 65536})).toBe('a\nb\n');
		expect(Object.fromEntries(asked!.searchParams)).toEqual({container: 'app', previous: 'true', tailLines: '50', limitBytes: '65536'});
	});
});
