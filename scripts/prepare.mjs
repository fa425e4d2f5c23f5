#!/usr/bin/env node
// `npm ci` runs `prepare`, which compiles source/ to dist/. `npx podlife` in this
// repository also runs it: npm links the package into its npx cache and prepares
// the link, which would compile everything again (≈10 s) before the first run.
// When npm runs us for `exec` and the build is already there, there is nothing to do.
import {existsSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {createRequire} from 'node:module';

if (process.env.npm_command === 'exec' && existsSync('dist/cli.js')) process.exit(0);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {stdio: 'inherit'});
process.exit(result.status ?? 1);
