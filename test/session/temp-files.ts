// Small session files built in a temp folder for the reader and writer tests.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import type {WatchEntry} from '../../source/session/format.js';

export const HEADER = {podlife: 'session', version: 1, recordedAt: '2026-11-25T03:00:00.000Z', title: 'test'};

export function pod(name: string): Record<string, unknown> {
	return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default'}, spec: {containers: [{name: 'main'}]}};
}

export function added(t: number, name = 'web'): WatchEntry {
	return {t, type: 'ADDED', object: pod(name)};
}

export function lines(...items: unknown[]): string {
	return items.map(item => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n');
}

export class TempDir {
	readonly dir = mkdtempSync(path.join(tmpdir(), 'podlife-session-'));

	path(name: string): string {
		return path.join(this.dir, name);
	}

	/** Writes `text` (or gzip of it) and returns the path. */
	file(name: string, text: string | Buffer, options: {gzip?: boolean} = {}): string {
		const file = this.path(name);
		const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
		writeFileSync(file, options.gzip ? gzipSync(bytes) : bytes);
		return file;
	}

	remove(): void {
		rmSync(this.dir, {recursive: true, force: true});
	}
}
