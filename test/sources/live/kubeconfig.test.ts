import fs from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {loadKubeconfig} from '../../../source/sources/live/kubeconfig.js';
import {UserError} from '../../../source/errors.js';
import {tempDir, writeKubeconfig} from './kubeconfig-fixture.js';

describe('loadKubeconfig', () => {
	let dir: string;
	const saved = {KUBECONFIG: process.env['KUBECONFIG'], HOME: process.env['HOME']};

	beforeEach(() => {
		dir = tempDir();
	});
	afterEach(() => {
		for (const [key, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
		fs.rmSync(dir, {recursive: true, force: true});
	});

	it('uses the current context, its server and its namespace', async () => {
		const file = writeKubeconfig(dir, [
			{name: 'kind-kind', server: 'https://127.0.0.1:6443', namespace: 'shop'},
			{name: 'prod', server: 'https://prod.example:6443'},
		]);
		const loaded = await loadKubeconfig({kubeconfig: file});
		expect(loaded).toMatchObject({context: 'kind-kind', server: 'https://127.0.0.1:6443', namespace: 'shop'});
	});

	it('falls back to namespace "default" like kubectl, and -n or -A override it', async () => {
		const file = writeKubeconfig(dir, [{name: 'kind-kind', server: 'https://127.0.0.1:6443'}]);
		expect((await loadKubeconfig({kubeconfig: file})).namespace).toBe('default');
		expect((await loadKubeconfig({kubeconfig: file, namespace: 'prod'})).namespace).toBe('prod');
		expect((await loadKubeconfig({kubeconfig: file, allNamespaces: true})).namespace).toBeNull();
		expect((await loadKubeconfig({kubeconfig: file, namespace: null})).namespace).toBeNull();
	});

	it('switches to the context named by --context', async () => {
		const file = writeKubeconfig(dir, [
			{name: 'kind-kind', server: 'https://127.0.0.1:6443'},
			{name: 'prod', server: 'https://prod.example:6443', namespace: 'web'},
		]);
		const loaded = await loadKubeconfig({kubeconfig: file, context: 'prod'});
		expect(loaded).toMatchObject({context: 'prod', server: 'https://prod.example:6443', namespace: 'web'});
	});

	it('names the available contexts when --context is unknown', async () => {
		const file = writeKubeconfig(dir, [
			{name: 'kind-kind', server: 'https://127.0.0.1:6443'},
			{name: 'prod', server: 'https://prod.example:6443'},
		]);
		const error = await loadKubeconfig({kubeconfig: file, context: 'staging'}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UserError);
		expect((error as Error).message).toMatch(/context "staging" not found.*available: kind-kind, prod/);
		expect((error as Error).message).not.toContain('\n');
	});

	it('reads KUBECONFIG when no --kubeconfig is given', async () => {
		process.env['KUBECONFIG'] = writeKubeconfig(dir, [{name: 'from-env', server: 'https://10.0.0.1:6443'}]);
		expect((await loadKubeconfig({})).context).toBe('from-env');
	});

	it('says which file is missing for --kubeconfig, without a stack', async () => {
		const missing = path.join(dir, 'nope.yaml');
		const error = await loadKubeconfig({kubeconfig: missing}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UserError);
		expect((error as Error).message).toContain(`kubeconfig ${missing} does not exist`);
	});

	it('explains how to get a kubeconfig when there is none at all', async () => {
		delete process.env['KUBECONFIG'];
		process.env['HOME'] = dir;
		const error = await loadKubeconfig({}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UserError);
		expect((error as Error).message).toMatch(/no kubeconfig found.*KUBECONFIG.*~\/\.kube\/config.*kind create cluster/);
	});

	it('reports a broken kubeconfig without echoing its content', async () => {
		const file = path.join(dir, 'broken');
		fs.writeFileSync(file, 'users:\n- name: x\n  user:\n    token: sekret-token-abcdef\n  : : [\n');
		const error = await loadKubeconfig({kubeconfig: file}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UserError);
		expect((error as Error).message).toContain(file);
		expect((error as Error).message).not.toContain('sekret');
	});

	it('asks for --context when the kubeconfig has no current context', async () => {
		const file = writeKubeconfig(dir, [{name: 'a', server: 'https://a:6443'}], null);
		const error = await loadKubeconfig({kubeconfig: file}).catch((e: unknown) => e);
		expect((error as Error).message).toMatch(/no current context; pass --context NAME \(available: a\)/);
	});
});
