// A tiny reader for the recorded sessions in test/fixtures: readFileSync + JSON.parse per line.
// Tests only; the real streaming reader lives in source/session.

import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import type {SessionEntry, SessionHeader} from '../../source/session/format.js';

export interface Capture {
	file: string;
	header: SessionHeader;
	entries: SessionEntry[];
}

export function loadCapture(file: string): Capture {
	const lines = readFileSync(file, 'utf8')
		.split('\n')
		.filter(line => line.trim() !== '');
	const [first, ...rest] = lines;
	if (first === undefined) throw new Error(`${file}: empty capture`);
	return {
		file,
		header: JSON.parse(first) as SessionHeader,
		entries: rest.map(line => JSON.parse(line) as SessionEntry),
	};
}

/** Every .ndjson file of a fixtures folder, sorted by name. */
export function captureFiles(dir: string): string[] {
	return readdirSync(dir)
		.filter(name => name.endsWith('.ndjson'))
		.sort()
		.map(name => join(dir, name));
}
