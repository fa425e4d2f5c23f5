#!/usr/bin/env node
// `npm ci` runs `prepare`: patch ink (patch-package applies patches/), compile source/ to
// dist/ with tsc, then bundle the CLI into dist/bundle/ (scripts/bundle.mjs), which the
// `podlife` bin runs.
// The ink patch makes its output stage build only the rows that changed (see the README). It is
// applied here, before the bundle, and not in `postinstall`: the bundle carries the patched ink,
// so users of the published package (who have no devDependencies, patch-package among them)
// need nothing applied. A patch that does not apply stops the build: ink is pinned to the
// version the patch was made for.
// `npx podlife` in this repository runs `prepare` again: npm links the package into
// its npx cache and prepares the link, which would rebuild everything (≈10 s)
// before the first run. When npm runs us for `exec` and the build is there, skip.
import {existsSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {createRequire} from 'node:module';

if (process.env.npm_command === 'exec' && existsSync('dist/bundle/cli.js')) process.exit(0);
const require = createRequire(import.meta.url);
const patchPackage = require.resolve('patch-package/index.js');
const tsc = require.resolve('typescript/bin/tsc');
// patch-package exits 0 on a failed patch outside CI unless told otherwise.
for (const args of [[patchPackage, '--error-on-fail', '--error-on-warn'], [tsc, '-p', 'tsconfig.json'], ['scripts/bundle.mjs']]) {
	const result = spawnSync(process.execPath, args, {stdio: 'inherit'});
	if (result.status !== 0) process.exit(result.status ?? 1);
}
