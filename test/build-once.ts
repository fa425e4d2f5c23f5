// vitest globalSetup of the e2e project: the end-to-end tests run the CLI as users do, from the build
// (`npm run build`: tsc to dist/, then the bundle the bin runs). Built once here, before
// any test file starts, so parallel test files never compile over each other.
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export default function buildOnce(): void {
	const root = fileURLToPath(new URL('..', import.meta.url));
	const result = spawnSync(process.execPath, ['scripts/prepare.mjs'], {cwd: root, encoding: 'utf8', env: {...process.env, npm_command: 'test'}});
	if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
}
