// ESLint: JavaScript's and typescript-eslint's recommended rules over the code, React's hook rules
// over the Ink UI, and eslint-config-prettier last, so that no rule argues with Prettier
// (`npm run lint` runs both). A rule turned off or tuned here says why on its line; a single
// line excused in the code says why after `--`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import {defineConfig} from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{ignores: ['dist/', 'node_modules/', 'bench/out/', 'test/fixtures/', 'demo-fixtures/']},
	js.configs.recommended,
	tseslint.configs.recommended,
	{
		languageOptions: {globals: globals.node},
		rules: {
			// Terminal output is made of escape sequences: matching ESC and control characters is the point.
			'no-control-regex': 'off',
			// `const {managedFields, ...rest} = object` is how a field is left out of a copy, and a `_name`
			// is there for its place alone (`for (const _name in object)` counts the keys).
			'@typescript-eslint/no-unused-vars': ['error', {ignoreRestSiblings: true, varsIgnorePattern: '^_'}],
		},
	},
	{
		// The replay's deltas form a chain from `this` to the base; walking it starts at `this`.
		files: ['source/sources/replay/packed-maps.ts'],
		rules: {'@typescript-eslint/no-this-alias': 'off'},
	},
	{
		files: ['source/ui/**/*.{ts,tsx}', 'test/**/*.tsx'],
		extends: [reactHooks.configs.flat.recommended],
		rules: {
			// The React Compiler's rules; podlife does not compile with it, and its hooks keep the latest
			// input and per-frame caches in refs on purpose (use-keys.ts, use-frame.ts, use-ui-state.ts).
			'react-hooks/refs': 'off',
			// Also the Compiler's: a feed opened in an effect is handed to render by setState (use-log-feed.ts).
			'react-hooks/set-state-in-effect': 'off',
		},
	},
	prettier,
);
