import {describe, expect, it} from 'vitest';
import {routeOf} from '../../source/serve/routes.js';

describe('routeOf', () => {
	it.each([
		['/api/v1/pods', {}, {verb: 'list', resource: 'pods'}],
		['/api/v1/pods', {watch: 'true'}, {verb: 'watch', resource: 'pods'}],
		['/api/v1/namespaces/default/pods', {watch: '1'}, {verb: 'watch', resource: 'pods', namespace: 'default'}],
		['/api/v1/namespaces/default/pods/web-1', {}, {verb: 'get', resource: 'pods', namespace: 'default', name: 'web-1'}],
		['/api/v1/namespaces/default/events', {}, {verb: 'list', resource: 'events', namespace: 'default'}],
		['/api/v1/nodes/kind-worker', {}, {verb: 'get', resource: 'nodes', name: 'kind-worker'}],
		['/api/v1/namespaces', {}, {verb: 'list', resource: 'namespaces'}],
		['/api/v1/namespaces/default', {}, {verb: 'get', resource: 'namespaces', name: 'default'}],
	])('routes %s %j as kube-apiserver does', (path, query, route) => {
		expect(routeOf(path, query as Record<string, string>)).toEqual(route);
	});

	it.each([
		['/api/v1/pods/web-1'], // a namespaced object needs its namespace
		['/api/v1/namespaces/default/nodes'], // nodes are cluster-scoped
		['/api/v1/secrets'], // not served
		['/apis/apps/v1/deployments'],
		['/api/v2/pods'],
	])('serves nothing at %s', path => {
		expect(routeOf(path, {})).toBeUndefined();
	});
});
