// docs/architecture.md's table of layers says which folders of source/ each may import; the code
// keeps to it. A new import across layers that the table does not allow fails here, naming the
// file and what it imports: move the code to the layer it belongs to, or change the table (and
// say why) if the layering itself has changed.

import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SOURCE = path.join(ROOT, 'source');

/** A file's layer: its folder under source/, or for a file at the top, its name without extension. */
function layerOf(relative: string): string {
	const [first, ...rest] = relative.split('/');
	return rest.length > 0 ? first! : first!.replace(/\.tsx?$/, '');
}

/** The table's rows: layer → the layers it may import ('*': everything). */
function allowedImports(): Map<string, Set<string> | '*'> {
	const text = readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
	const rows = new Map<string, Set<string> | '*'>();
	for (const line of text.split('\n')) {
		const row = /^\| `source\/([\w-]+)(?:\/|\.ts)` \|.*\| ([^|]+) \|$/.exec(line);
		if (!row) continue;
		const allowed = row[2]!.trim();
		const names = [...allowed.matchAll(/`([\w-]+)/g)].map(match => match[1]!);
		rows.set(row[1]!, allowed === 'everything' ? '*' : new Set(names));
	}
	return rows;
}

function sourceFiles(): string[] {
	return readdirSync(SOURCE, {recursive: true, encoding: 'utf8'})
		.filter(file => /\.tsx?$/.test(file))
		.map(file => file.split(path.sep).join('/'));
}

/** The layers of source/ that `file` imports (static and dynamic imports, types too), each with the module named. */
function importsOf(file: string): Array<{layer: string; module: string}> {
	const text = readFileSync(path.join(SOURCE, file), 'utf8');
	const found: Array<{layer: string; module: string}> = [];
	for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
		const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!));
		if (target.startsWith('..')) continue;
		found.push({layer: layerOf(target.replace(/\.js$/, '.ts')), module: match[1]!});
	}
	return found;
}

/** The files of source/ that `file` imports (as paths under source/). */
function importedFiles(file: string, files: ReadonlySet<string>): string[] {
	const text = readFileSync(path.join(SOURCE, file), 'utf8');
	const found: string[] = [];
	for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
		const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!)).replace(/\.js$/, '');
		const imported = [`${target}.ts`, `${target}.tsx`].find(candidate => files.has(candidate));
		if (imported) found.push(imported);
	}
	return found;
}

/** Loops of imports among `files` (at least one wherever files import each other in a loop), each as the files around it: "a.ts → b.ts → a.ts". */
function importLoops(files: readonly string[]): string[] {
	const known = new Set(files);
	const edges = new Map(files.map(file => [file, importedFiles(file, known)]));
	const loops: string[] = [];
	const done = new Set<string>();
	const onPath: string[] = [];
	const visit = (file: string): void => {
		const at = onPath.indexOf(file);
		if (at !== -1) {
			loops.push([...onPath.slice(at), file].join(' → '));
			return;
		}
		if (done.has(file)) return;
		onPath.push(file);
		for (const next of edges.get(file)!) visit(next);
		onPath.pop();
		done.add(file);
	};
	for (const file of files) visit(file);
	return loops;
}

describe('the layers of docs/architecture.md', () => {
	const allowed = allowedImports();

	it('has a row for every folder of source/', () => {
		// source/cli.ts, the bin's entry, is of the cli layer by its name.
		const layers = new Set(sourceFiles().map(layerOf));
		expect([...layers].filter(layer => !allowed.has(layer)).sort()).toEqual([]);
	});

	it('is kept: each layer imports only the layers its row names', () => {
		const breaches: string[] = [];
		for (const file of sourceFiles()) {
			const from = layerOf(file);
			const may = allowed.get(from);
			if (may === '*' || may === undefined) continue;
			for (const {layer, module} of importsOf(file)) {
				if (layer !== from && !may.has(layer)) breaches.push(`source/${file} imports ${module} (${layer})`);
			}
		}
		expect(breaches).toEqual([]);
	});

	it('has no loop of imports between files, types included: within a layer too, imports go one way', () => {
		expect(importLoops(sourceFiles())).toEqual([]);
	});
});
