#!/usr/bin/env node
// `npm ci` runs `prepare`: compile source/ to dist/ with tsc, then bundle the CLI
// into dist/bundle/ (scripts/bundle.mjs), which the `podlife` bin runs.
// `npx podlife` in this repository runs `prepare` again: npm links the package into
// its npx cache and prepares the link, which would rebuild everything (≈10 s)
// before the first run. When npm runs us for `exec` and the build is there, skip.
import {existsSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {createRequire} from 'node:module';

if (process.env.npm_command === 'exec' && existsSync('dist/bundle/cli.js')) process.exit(0);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
for (const args of [[tsc, '-p', 'tsconfig.json'], ['scripts/bundle.mjs']]) {
	const result = spawnSync(process.execPath, args, {stdio: 'inherit'});
	if (result.status !== 0) process.exit(result.status ?? 1);
}
