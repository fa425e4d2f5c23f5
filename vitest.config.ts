import {defineConfig} from 'vitest/config';

// Two projects. `unit`: everything that runs in-process (no build, no tmux, no kubectl, no soak).
// `e2e`: the tests that drive the built CLI (in tmux), kubectl against `podlife serve`'s API
// server, and the 24-hour soak; its globalSetup builds first. `npm test` runs both;
// `npx vitest run test/x` runs whichever project holds test/x.
const E2E = ['test/e2e/**/*.test.{ts,tsx}', 'test/soak/**/*.test.{ts,tsx}'];

export default defineConfig({
	test: {
		// The end-to-end tests spawn the built CLI in tmux; give them room on a loaded 2-core machine.
		testTimeout: 30_000,
		hookTimeout: 60_000,
		projects: [
			{extends: true, test: {name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: E2E}},
			{extends: true, test: {name: 'e2e', include: E2E, globalSetup: ['test/build-once.ts']}},
		],
	},
});
