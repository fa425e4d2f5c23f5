import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {isWatchEntry, type SessionEntry, type SessionHeader} from '../../source/session/format.js';
import type {Container, ObjectMeta} from '../../source/kube/objects.js';
import {readSession} from '../../source/session/reader.js';
import {LAST_APPLIED, REDACTED, redactObject} from '../../source/session/redact.js';
import {SessionWriter} from '../../source/session/writer.js';
import {tableCrc32} from '../../source/session/gzip-lines.js';
import {SessionError} from '../../source/session/session-error.js';
import {added, HEADER, TempDir} from './temp-files.js';

const temp = new TempDir();
afterAll(() => temp.remove());

const CAPTURES = path.resolve(import.meta.dirname, '../fixtures/captures');
const captureFiles = readdirSync(CAPTURES).filter(f => f.endsWith('.ndjson'));
const header = HEADER as SessionHeader;

async function writeAll(file: string, session: {header: SessionHeader; entries: SessionEntry[]}, redact: boolean): Promise<number> {
	const writer = SessionWriter.open(file, session.header, {redact});
	for (const entry of session.entries) writer.write(entry);
	writer.close();
	return writer.entriesWritten;
}

/** Paths (a/b/0/c) where two JSON values differ. */
function differences(a: unknown, b: unknown, at = ''): string[] {
	if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		return [...keys].flatMap(key => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}/${key}`));
	}
	return Object.is(a, b) ? [] : [at];
}

/** Gives some pods of a capture what the captures lack: a last-applied annotation and an ephemeral container with env. */
function withSecrets(entries: SessionEntry[]): SessionEntry[] {
	return entries.map((entry, index) => {
		if (index % 3 !== 0 || !isWatchEntry(entry) || entry.object.kind !== 'Pod') return entry;
		const copy = structuredClone(entry);
		const metadata: ObjectMeta = copy.object.metadata ?? {};
		metadata.annotations = {...metadata.annotations, [LAST_APPLIED]: '{"env":"TOKEN=hunter2"}', keep: 'me'};
		const spec = copy.object.spec as {ephemeralContainers?: Container[]};
		spec.ephemeralContainers = [
			{
				name: 'debug',
				env: [
					{name: 'TOKEN', value: 'hunter2'},
					{name: 'REF', valueFrom: {secretKeyRef: {name: 's', key: 'k'}}},
				],
			},
		];
		return copy;
	});
}

describe('writing sessions', () => {
	for (const name of captureFiles) {
		it(`writes back the capture ${name} unchanged when redaction is off`, async () => {
			const original = await readSession(path.join(CAPTURES, name));
			const file = temp.path(`plain-${name}`);
			expect(await writeAll(file, original, false)).toBe(original.entries.length);
			const back = await readSession(file);
			expect(back.header).toEqual(original.header);
			expect(back.entries).toEqual(original.entries);
			expect(back.warnings).toEqual([]);
		});

		it(`redacts only env values, last-applied and managedFields of the capture ${name}`, async () => {
			const original = await readSession(path.join(CAPTURES, name));
			const input = {header: original.header, entries: withSecrets(original.entries)};
			const inputJson = JSON.stringify(input);
			const file = temp.path(`redacted-${name}`);
			await writeAll(file, input, true);
			expect(JSON.stringify(input)).toBe(inputJson); // the caller's objects are left alone
			const back = await readSession(file);
			expect(back.header).toEqual(original.header);
			const text = readFileSync(file, 'utf8');
			expect(text).not.toContain('managedFields');
			expect(text).not.toContain(LAST_APPLIED);
			expect(text).not.toContain('hunter2');

			const allowed = [
				/\/metadata\/managedFields(\/|$)/,
				new RegExp(`/metadata/annotations/${LAST_APPLIED.replace(/\./g, '\\.')}$`),
				/\/(containers|initContainers|ephemeralContainers)\/\d+\/env\/\d+\/value$/,
			];
			const diffs = differences(input.entries, back.entries);
			expect(diffs.filter(d => !allowed.some(re => re.test(d)))).toEqual([]);
			// Every env value that differs is now the marker.
			for (const d of diffs.filter(d => d.endsWith('/value'))) {
				const value = d
					.split('/')
					.slice(1)
					.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], back.entries);
				expect(value).toBe(REDACTED);
			}
			expect(diffs.some(d => d.includes('/ephemeralContainers/'))).toBe(true);
			expect(diffs.some(d => d.endsWith(LAST_APPLIED))).toBe(true);
		});
	}

	it('leaves a valid session up to the last entry when the recorder dies without closing', async () => {
		const file = temp.path('killed.ndjson');
		const writer = SessionWriter.open(file, header);
		writer.write(added(0));
		writer.write({t: 1, type: 'SYNCED', resource: 'pods', resourceVersion: '12'});
		writer.write({t: 250, type: 'STATUS', state: 'reconnecting', message: 'watch closed'});
		// No close(): what is on disk now is what a kill would leave.
		const session = await readSession(file);
		expect(session.entries.map(e => e.type)).toEqual(['ADDED', 'SYNCED', 'STATUS']);
		expect(session.warnings).toEqual([]);
		writer.close();
	});

	it('writes LOG entries as given, lines and all, and reads them back', async () => {
		const file = temp.path('logs.ndjson');
		const writer = SessionWriter.open(file, {...header, logs: 'crashes'});
		const log: SessionEntry = {
			t: 48,
			type: 'LOG',
			namespace: 'default',
			pod: 'web',
			uid: 'u1',
			container: 'app',
			containerID: 'containerd://abc',
			previous: true,
			restartCount: 3,
			lines: ['env TOKEN=hunter2 is logged as written', 'ConnectionRefusedError: [Errno 111] Connection refused'],
			truncated: true,
		};
		writer.write(added(1));
		writer.write(log);
		writer.write({t: 60, type: 'LOG', namespace: 'default', pod: 'web', container: 'app', previous: false, lines: [], error: 'forbidden'});
		writer.close();
		const session = await readSession(file);
		expect(session.header.logs).toBe('crashes');
		expect(session.entries.slice(1)).toEqual([
			log,
			{t: 60, type: 'LOG', namespace: 'default', pod: 'web', container: 'app', previous: false, lines: [], error: 'forbidden'},
		]);
	});

	it('refuses to write an entry whose t goes backwards', () => {
		const writer = SessionWriter.open(temp.path('backwards.ndjson'), header);
		writer.write(added(100));
		expect(() => writer.write(added(99))).toThrow('t goes backwards (99 after 100)');
		expect(writer.entriesWritten).toBe(1);
		writer.close();
	});

	it('refuses an entry a reader would reject', () => {
		const writer = SessionWriter.open(temp.path('bad-entry.ndjson'), header);
		expect(() => writer.write({t: 1, type: 'ADDED', object: {}} as SessionEntry)).toThrow('ADDED entry\'s object has no "kind"');
		writer.close();
	});

	it('tells the user plainly when the session cannot be created', () => {
		const file = temp.path('no-such-folder/out.ndjson');
		expect(() => SessionWriter.open(file, header)).toThrow(new SessionError(file, undefined, 'cannot write the session (the folder does not exist)'));
	});
});

describe('writing a .gz session', () => {
	it('compresses a .gz name, about as well as gzip of the whole file, and reads back the same', async () => {
		const original = await readSession(path.join(CAPTURES, 'mixed.ndjson'));
		const plain = temp.path('mixed-plain.ndjson');
		const gz = temp.path('mixed.ndjson.gz');
		await writeAll(plain, original, false);
		await writeAll(gz, original, false);
		const bytes = readFileSync(gz);
		expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
		expect(zlib.gunzipSync(bytes).equals(readFileSync(plain))).toBe(true);
		expect(bytes.length).toBeLessThan(zlib.gzipSync(readFileSync(plain)).length * 1.3);
		const back = await readSession(gz);
		expect(back.entries).toEqual(original.entries);
		expect(back.warnings).toEqual([]);
	});

	it('leaves a stream that decompresses up to the last line written when the recorder dies without closing', async () => {
		const original = await readSession(path.join(CAPTURES, 'crashloop.ndjson'));
		const file = temp.path('killed.ndjson.gz');
		const writer = SessionWriter.open(file, original.header, {redact: false});
		for (let written = 0; written < 40; written++) {
			writer.write(original.entries[written]!);
			// What is on disk after each line is what a kill at that moment would leave.
			if (written % 13 === 0) {
				const session = await readSession(file);
				expect(session.entries).toEqual(original.entries.slice(0, written + 1));
				expect(session.warnings.join()).toMatch(/gzip stream is cut off/);
			}
		}
		writer.close();
		expect((await readSession(file)).warnings).toEqual([]);
	});

	it('computes gzip’s CRC-32 without zlib.crc32 (Node 20 before 20.15) as zlib does', () => {
		const text = Buffer.from(readFileSync(path.join(CAPTURES, 'init.ndjson')));
		// gzip's trailer holds the CRC-32 of the text, as zlib computed it.
		const gz = zlib.gzipSync(text);
		const expected = gz.readUInt32LE(gz.length - 8);
		expect(tableCrc32(text.subarray(100), tableCrc32(text.subarray(0, 100), 0))).toBe(expected);
	});
});

describe('an existing session file', () => {
	it('is never replaced unless asked', async () => {
		const file = temp.path('existing.ndjson');
		writeFileSync(file, 'an earlier recording\n');
		expect(() => SessionWriter.open(file, header)).toThrow(
			new SessionError(file, undefined, 'already exists; pass --force to replace it, or record to another name'),
		);
		expect(readFileSync(file, 'utf8')).toBe('an earlier recording\n');
		const writer = SessionWriter.open(file, header, {overwrite: true});
		writer.write(added(0));
		writer.close();
		expect((await readSession(file)).entries).toHaveLength(1);
	});
});

describe('redactObject', () => {
	it('redacts env values of regular and init containers in a pod template too', () => {
		const job = {
			kind: 'Job',
			metadata: {name: 'j', managedFields: [{manager: 'kubectl'}], annotations: {[LAST_APPLIED]: '{}'}},
			spec: {
				template: {
					metadata: {labels: {a: 'b'}},
					spec: {
						initContainers: [{name: 'init', env: [{name: 'A', value: 'secret-a'}]}],
						containers: [
							{
								name: 'main',
								env: [
									{name: 'B', value: 'secret-b'},
									{name: 'C', valueFrom: {fieldRef: {fieldPath: 'x'}}},
								],
							},
						],
					},
				},
			},
		};
		const before = structuredClone(job);
		const redacted = redactObject(job);
		expect(job).toEqual(before);
		expect(redacted).toEqual({
			kind: 'Job',
			metadata: {name: 'j', annotations: {}},
			spec: {
				template: {
					metadata: {labels: {a: 'b'}},
					spec: {
						initContainers: [{name: 'init', env: [{name: 'A', value: REDACTED}]}],
						containers: [
							{
								name: 'main',
								env: [
									{name: 'B', value: REDACTED},
									{name: 'C', valueFrom: {fieldRef: {fieldPath: 'x'}}},
								],
							},
						],
					},
				},
			},
		});
	});
});
