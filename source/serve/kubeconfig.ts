// A kubeconfig that points kubectl and podlife at the fake server. The server
// is plain HTTP on loopback; client-node refuses an http:// cluster unless
// insecure-skip-tls-verify is set (config.js createAgent), so it is set here.

import {stringify} from 'yaml';

export function kubeconfigFor(url: string, options: {name?: string; token?: string; namespace?: string} = {}): string {
	const name = options.name ?? 'podlife-serve';
	return stringify({
		apiVersion: 'v1',
		kind: 'Config',
		clusters: [{name, cluster: {server: url, 'insecure-skip-tls-verify': true}}],
		users: [{name, user: options.token ? {token: options.token} : {}}],
		contexts: [{name, context: {cluster: name, user: name, namespace: options.namespace ?? 'default'}}],
		'current-context': name,
		preferences: {},
	});
}
