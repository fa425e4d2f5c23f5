// The `podlife` bin runs the bundled CLI (scripts/bundle.mjs); the unit tests import the sources.
// This checks that bundling changed nothing a user would see: the same output, the same exit
// codes and one-line errors, the bundled demos found, client-node's KubeConfig alone bundled, in a
// chunk only the live source loads.
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const bundleFiles = () => readdirSync(`${root}dist/bundle`).map(file => ({file, text: readFileSync(`${root}dist/bundle/${file}`, 'utf8')}));

/** The bundle's chunk that holds client-node (its KubeConfig class). */
const clientNodeChunks = () => bundleFiles().filter(({text}) => /\bKubeConfig = class\b/.test(text));

function run(cli: string, args: string[], nodeFlags: string[] = []) {
	const env = {...process.env, NO_COLOR: '1', PODLIFE_CLIENT_NODE_CHUNK: clientNodeChunks()[0]?.file ?? ''};
	const result = spawnSync(process.execPath, [...nodeFlags, cli, ...args], {cwd: root, encoding: 'utf8', env});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe('the bundled CLI', () => {
	it.each([
		[['replay', 'test/fixtures/captures/mixed.ndjson', '--output', 'table', '--at', '60s']],
		[['replay', 'test/fixtures/captures/crashloop.ndjson', '--output', 'check']],
		[['replay', 'test/fixtures/captures/init.ndjson', '--output', 'timeline', '--pod', 'default/init-demo-bspfp']],
		[['demo', '--list']],
		[['replay', 'missing.ndjson', '--output', 'json']],
		[['--output', 'yaml']],
	])('prints what the unbundled CLI prints for %j', args => {
		const bundled = run('dist/bundle/cli.js', args);
		const plain = run('dist/cli.js', args);
		expect(bundled).toEqual(plain);
		expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
	});

	it("ships Ink with podlife's output stage (patches/ink+6.8.0.patch), not Ink as published", () => {
		const text = readdirSync(`${root}dist/bundle`)
			.map(file => readFileSync(`${root}dist/bundle/${file}`, 'utf8'))
			.join('\n');
		expect(text).toContain('ROW_CACHE_MAX_ROWS');
		// Text widths from Ink's measureText cache (published Ink: `currentWidth = widestLine(text)`).
		expect(text).toMatch(/const currentWidth = \w+\(\w+\)\.width;/);
	});

	// Loading client-node is a large part of a live start: replay, demo and the headless outputs of a
	// session must never pay for it (a static import anywhere on their path would load it).
	it.each([
		[['replay', 'test/fixtures/captures/mixed.ndjson', '--output', 'table', '--at', '60s']],
		[['replay', 'test/fixtures/captures/mixed.ndjson', '--output', 'ndjson']],
		[['replay', 'test/fixtures/captures/crashloop.ndjson', '--output', 'check']],
		[['replay', 'test/fixtures/captures/init.ndjson', '--output', 'timeline', '--pod', 'default/init-demo-bspfp']],
		[['demo', 'crashloop', '--output', 'json']],
	])('never imports client-node for %j', args => {
		const refused = run('dist/bundle/cli.js', args, ['--import', './test/e2e/refuse-client-node.mjs']);
		expect(refused).toEqual(run('dist/bundle/cli.js', args));
		expect(refused.code).not.toBe(1);
	});

	it('imports client-node for the live source (the check above would see it)', () => {
		const refused = run(
			'dist/bundle/cli.js',
			['--output', 'table', '--kubeconfig', '/nonexistent/kubeconfig'],
			['--import', './test/e2e/refuse-client-node.mjs'],
		);
		expect(refused.stderr).toContain('client-node was imported');
	});

	it("bundles client-node's KubeConfig alone, in one chunk, without the generated API clients or an import of the package", () => {
		const chunks = clientNodeChunks();
		expect(chunks.map(chunk => chunk.file)).toHaveLength(1);
		const text = bundleFiles()
			.map(file => file.text)
			.join('\n');
		expect(text).not.toMatch(/class CoreV1Api\b/);
		expect(text).not.toMatch(/from ["']@kubernetes\/client-node["']|import\(["']@kubernetes\/client-node["']\)/);
	});
});
