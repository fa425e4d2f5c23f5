// The bundled demo sessions in demo-fixtures/: `podlife demo --list` shows them
// with their titles; `podlife demo NAME` plays one. They ship with the package,
// so they are found relative to this file, not to the working directory.

import {readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {openSession} from '../session/reader.js';
import {UsageError} from '../errors.js';

export const DEFAULT_DEMO = 'mixed';

export function demoDirectory(): string {
	// dist/demo/catalog.js → <package root>/demo-fixtures
	return fileURLToPath(new URL('../../demo-fixtures/', import.meta.url));
}

export interface DemoEntry {
	name: string;
	file: string;
	title: string;
}

export function demoFiles(): Array<{name: string; file: string}> {
	const dir = demoDirectory();
	return readdirSync(dir)
		.filter(f => /\.ndjson(\.gz)?$/.test(f))
		.sort()
		.map(f => ({name: f.replace(/\.ndjson(\.gz)?$/, ''), file: path.join(dir, f)}));
}

export async function listDemos(): Promise<DemoEntry[]> {
	const result: DemoEntry[] = [];
	for (const {name, file} of demoFiles()) {
		const session = await openSession(file);
		result.push({name, file, title: session.header.title ?? ''});
		await session.close?.();
	}
	return result;
}

export function resolveDemo(name: string | undefined): string {
	const wanted = name ?? DEFAULT_DEMO;
	const files = demoFiles();
	const found = files.find(f => f.name === wanted);
	if (!found) {
		throw new UsageError(`no demo named "${wanted}"; the demos are: ${files.map(f => f.name).join(', ')}`);
	}
	return found.file;
}
