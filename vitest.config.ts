import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/build-once.ts'],
		// The end-to-end tests spawn the built CLI in tmux; give them room on a loaded 2-core machine.
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
});
