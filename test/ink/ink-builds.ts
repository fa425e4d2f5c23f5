// The two Inks side by side: the one podlife runs (node_modules/ink, with patches/ink+6.8.0.patch
// applied by `prepare`) and the same version as published (the `ink-stock` devDependency alias).
// ink's package exports only ".", so its internals are reached by file path from the resolved entry.

import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const require = createRequire(import.meta.url);

/** build/ of an installed ink: `ink` (patched) or `ink-stock`. */
export function inkBuildDir(name: 'ink' | 'ink-stock'): string {
	return path.dirname(require.resolve(name));
}

export interface OutputInstance {
	write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
	/** Stock's per-frame caches; `styledChars` fills as lines are tokenized. */
	caches: {styledChars: Map<string, unknown>};
}

export interface OutputModule {
	default: new (options: {width: number; height: number}) => OutputInstance;
	/** Only the patched build has it. */
	podlifeRowCache?: {maxRows: number; maxChars: number; size(): {rows: number; chars: number}};
}

export async function loadOutput(name: 'ink' | 'ink-stock'): Promise<OutputModule> {
	return (await import(pathToFileURL(path.join(inkBuildDir(name), 'output.js')).href)) as OutputModule;
}
