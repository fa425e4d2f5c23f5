// Loads the kubeconfig the way kubectl does — through client-node only — and
// picks the context and the namespace scope. client-node is imported lazily:
// loading it is a large part of the live start-up, and replay must not pay for it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {KubeConfig} from '@kubernetes/client-node';
import {UserError} from '../../errors.js';
import {KubeconfigError} from './kube-error.js';

export interface KubeconfigOptions {
	kubeconfig?: string;
	context?: string;
	/** undefined = the context's namespace (else "default"), null = all namespaces. */
	namespace?: string | null;
	/** `-n a -n b`: several namespaces (overrides `namespace`). */
	namespaces?: readonly string[];
	allNamespaces?: boolean;
}

export interface LoadedKubeconfig {
	kc: KubeConfig;
	context: string;
	/** The cluster's server URL (no credentials in it). */
	server: string;
	/** The namespace scope; null = all namespaces (with several, the first). */
	namespace: string | null;
	/** Every namespace asked for; null = all namespaces. */
	namespaces: string[] | null;
	/** The context's namespace, else "default": where a user without cluster-wide access is sure to look. */
	contextNamespace: string;
	/** Where the config came from, for messages. */
	source: string;
}

/** Which kubeconfig files loadFromDefault() would read, or null when there is none (it would fall back to localhost:8080). */
function defaultKubeconfigFiles(): string[] | null {
	const env = process.env['KUBECONFIG'];
	if (env && env.length > 0) return env.split(path.delimiter).filter(Boolean);
	const home = process.env['HOME'] || os.homedir();
	const file = path.join(home, '.kube', 'config');
	return fs.existsSync(file) ? [file] : null;
}

function contextNames(kc: KubeConfig): string[] {
	return kc.getContexts().map(c => c.name);
}

function available(kc: KubeConfig): string {
	const names = contextNames(kc);
	return names.length === 0 ? 'the kubeconfig defines no contexts' : `available: ${names.join(', ')}`;
}

/** Describes a failure of client-node's loader without echoing file content (it may hold tokens). */
function loadFailure(error: unknown, source: string): UserError {
	const err = error as NodeJS.ErrnoException & {mark?: {line?: number}; name?: string};
	if (err?.code === 'ENOENT') {
		return new KubeconfigError(
			`kubeconfig ${source} does not exist; point --kubeconfig or KUBECONFIG at an existing file, or create a cluster (e.g. kind create cluster)`,
		);
	}
	if (err?.code === 'EACCES') return new KubeconfigError(`cannot read kubeconfig ${source}: permission denied`);
	if (err?.code === 'EISDIR') return new KubeconfigError(`kubeconfig ${source} is a directory, not a file`);
	if (err?.name === 'YAMLException') {
		const line = err.mark?.line === undefined ? '' : ` (line ${err.mark.line + 1})`;
		return new KubeconfigError(`kubeconfig ${source} is not valid YAML${line}`);
	}
	// client-node's own validation ("clusters[0].server is missing"): names fields, never values.
	const message = err instanceof Error ? err.message.split('\n')[0] : String(error);
	return new KubeconfigError(`kubeconfig ${source} is not usable: ${message}`);
}

export async function loadKubeconfig(options: KubeconfigOptions): Promise<LoadedKubeconfig> {
	let files: string[] | null;
	if (options.kubeconfig !== undefined) files = [options.kubeconfig];
	else files = defaultKubeconfigFiles();
	if (files === null) {
		throw new KubeconfigError(
			'no kubeconfig found (looked at KUBECONFIG and ~/.kube/config); pass --kubeconfig FILE, set KUBECONFIG, or create a local cluster with kind create cluster',
		);
	}
	const source = files.join(path.delimiter);
	const {KubeConfig} = await import('./client-node-config.js');
	const kc = new KubeConfig();
	try {
		if (options.kubeconfig !== undefined) kc.loadFromFile(options.kubeconfig);
		else kc.loadFromDefault();
	} catch (error) {
		const missing = files.find(file => !fs.existsSync(file));
		throw loadFailure(error, missing ?? source);
	}

	if (options.context !== undefined) {
		if (!kc.getContextObject(options.context)) {
			throw new KubeconfigError(`context "${options.context}" not found in kubeconfig ${source}; ${available(kc)}`);
		}
		kc.setCurrentContext(options.context);
	}
	const contextName = kc.getCurrentContext();
	const context = contextName ? kc.getContextObject(contextName) : null;
	if (!contextName || !context) {
		const what = contextName ? `its current context "${contextName}" is not defined` : 'it has no current context';
		throw new KubeconfigError(`kubeconfig ${source}: ${what}; pass --context NAME (${available(kc)})`);
	}
	const cluster = kc.getCurrentCluster();
	if (!cluster || !cluster.server) {
		throw new KubeconfigError(`context "${contextName}" in kubeconfig ${source} names cluster "${context.cluster}", which is not defined or has no server`);
	}

	// kubectl: the context's namespace, else "default".
	const contextNamespace = context.namespace || 'default';
	let namespaces: string[] | null;
	if (options.allNamespaces || options.namespace === null) namespaces = null;
	else if (options.namespaces && options.namespaces.length > 0) namespaces = [...options.namespaces];
	else if (options.namespace !== undefined && options.namespace !== '') namespaces = [options.namespace];
	else namespaces = [contextNamespace];

	return {kc, context: contextName, server: stripUserInfo(cluster.server), namespace: namespaces?.[0] ?? null, namespaces, contextNamespace, source};
}

/** A server URL may carry user:password; never show it. */
export function stripUserInfo(server: string): string {
	try {
		const url = new URL(server);
		if (!url.username && !url.password) return server;
		url.username = '';
		url.password = '';
		return url.toString().replace(/\/$/, '');
	} catch {
		return server;
	}
}
