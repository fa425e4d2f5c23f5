import {afterEach, describe, expect, it} from 'vitest';
import type {FakeApiServer} from '../../source/serve/fake-api-server.js';
import {startServer} from './helpers.js';

let server: FakeApiServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** A watch's answer: its status once the headers come (the stream itself is not read). */
async function watchStatus(url: string, path: string): Promise<number> {
	const controller = new AbortController();
	const response = await fetch(`${url}${path}`, {headers: {authorization: 'Bearer t'}, signal: controller.signal});
	controller.abort();
	return response.status;
}

async function get(url: string, path: string): Promise<{status: number; body: {kind?: string; message?: string; reason?: string; details?: unknown}}> {
	const response = await fetch(`${url}${path}`, {headers: {authorization: 'Bearer t'}});
	return {status: response.status, body: (await response.json()) as {kind?: string; message?: string}};
}

describe('FakeApiServer RBAC', () => {
	it("lets a user list and watch pods in the namespaces of its RoleBindings only, refused with the API server's own words elsewhere", async () => {
		const started = await startServer('mixed');
		server = started.server;
		server.requireToken('t', 'jane');
		server.limitAccess([{resources: ['pods', 'events'], namespaces: ['default', 'kube-system']}]);

		expect((await get(started.url, '/api/v1/namespaces/default/pods')).body.kind).toBe('PodList');
		expect(await watchStatus(started.url, '/api/v1/namespaces/kube-system/pods?watch=true')).toBe(200);

		const clusterWide = await get(started.url, '/api/v1/pods');
		expect(clusterWide.status).toBe(403);
		expect(clusterWide.body).toEqual({
			kind: 'Status',
			apiVersion: 'v1',
			metadata: {},
			status: 'Failure',
			message: 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope',
			reason: 'Forbidden',
			details: {kind: 'pods'},
			code: 403,
		});
		expect((await get(started.url, '/api/v1/pods?watch=true')).body.message).toBe(
			'pods is forbidden: User "jane" cannot watch resource "pods" in API group "" at the cluster scope',
		);
		expect((await get(started.url, '/api/v1/namespaces/local-path-storage/pods')).body.message).toBe(
			'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "local-path-storage"',
		);
		expect((await get(started.url, '/api/v1/nodes')).body.message).toBe(
			'nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope',
		);
		// A namespace object is authorized in its own namespace, as the API server's RequestInfo has it.
		expect((await get(started.url, '/api/v1/namespaces/default')).body.message).toBe(
			'namespaces "default" is forbidden: User "jane" cannot get resource "namespaces" in API group "" in the namespace "default"',
		);
	});

	it('refuses the next request once a grant is revoked, in that namespace only', async () => {
		const started = await startServer('mixed');
		server = started.server;
		server.requireToken('t', 'jane');
		server.limitAccess([{resources: ['pods'], namespaces: ['default', 'kube-system']}, {resources: ['nodes']}]);
		server.revokeAccess({resources: ['pods'], namespaces: ['default']});
		expect((await get(started.url, '/api/v1/namespaces/default/pods')).status).toBe(403);
		expect((await get(started.url, '/api/v1/namespaces/kube-system/pods')).status).toBe(200);
		expect((await get(started.url, '/api/v1/nodes')).status).toBe(200);
		server.allowAll();
		expect((await get(started.url, '/api/v1/pods')).status).toBe(200);
	});
});
