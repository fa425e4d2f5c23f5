// Where the compiled podlife is: the bench measures dist/ (what users run), never the TypeScript.

import {existsSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import path from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
// The bin: the bundled CLI (scripts/bundle.mjs), as `podlife` and `npx podlife` run it.
export const CLI = path.join(DIST, process.env.PODLIFE_BENCH_UNBUNDLED ? 'cli.js' : 'bundle/cli.js');

/** import() of a module under dist/, e.g. distImport('model/store/pod-store.js'). */
export function distImport(relative) {
	const file = path.join(DIST, relative);
	if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: build first (npm run build)`);
	return import(pathToFileURL(file).href);
}

/** Prints the one-line JSON result a bench child hands back to bench/run.js. */
export function report(result) {
	process.stdout.write(`BENCH-RESULT ${JSON.stringify(result)}\n`);
}
