// Writes throwaway kubeconfig files for the live tests.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FixtureContext {
	name: string;
	server: string;
	namespace?: string;
	token?: string;
}

export function tempDir(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'podlife-live-'));
}

/** A kubeconfig with the given contexts; the first is current unless `current` says otherwise. */
export function writeKubeconfig(dir: string, contexts: FixtureContext[], current: string | null = contexts[0]?.name ?? null): string {
	const file = path.join(dir, `kubeconfig-${Math.random().toString(36).slice(2)}`);
	const lines = ['apiVersion: v1', 'kind: Config', `current-context: ${current ?? '""'}`, 'clusters:'];
	for (const c of contexts) {
		lines.push(`- name: ${c.name}`, '  cluster:', `    server: ${c.server}`, '    insecure-skip-tls-verify: true');
	}
	lines.push('contexts:');
	for (const c of contexts) {
		lines.push(`- name: ${c.name}`, '  context:', `    cluster: ${c.name}`, `    user: ${c.name}`);
		if (c.namespace) lines.push(`    namespace: ${c.namespace}`);
	}
	lines.push('users:');
	for (const c of contexts) lines.push(`- name: ${c.name}`, '  user:', `    token: ${c.token ?? 'sekret-token-abcdef'}`);
	fs.writeFileSync(file, lines.join('\n') + '\n');
	return file;
}
