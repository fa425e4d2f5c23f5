#!/usr/bin/env node
// Bundles the compiled CLI (dist/) into dist/bundle/, which is what the `podlife`
// bin runs. Why: importing ink + react as ~150 separate modules costs about a
// second on these machines before the first frame; the same code as a few bundled
// files loads in about 0.2 s. client-node is bundled too, for the same reason and
// for memory: imported as a package it loads every generated API client of the
// Kubernetes API, where podlife uses its KubeConfig alone (kubeconfig, contexts,
// credentials, exec plugins, proxies); bundled, only what KubeConfig reaches is
// kept. Code splitting keeps every lazy import() lazy: `podlife replay -o table`
// never loads React, and only the live source loads client-node's chunk.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Chunk names carry content hashes: start clean so old chunks do not pile up.
rmSync(new URL('../dist/bundle', import.meta.url), {recursive: true, force: true});

await build({
	absWorkingDir: root,
	entryPoints: ['dist/cli.js'],
	outdir: 'dist/bundle',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// ink imports its devtools client only when DEV is set; podlife never sets it.
	alias: {'react-devtools-core': './scripts/no-devtools.mjs'},
	// Some bundled CommonJS packages call require(); ESM output has none of its own.
	banner: {js: "import {createRequire as __podlifeRequire} from 'node:module'; const require = __podlifeRequire(import.meta.url);"},
	logLevel: 'warning',
});
