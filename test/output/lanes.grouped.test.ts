// `podlife replay FILE --output lanes`, grouped by workload (its default), as a user runs it: the
// picture the TUI's Lanes view shows with `o` — a Deployment's summary, under it a heading per
// ReplicaSet with its revision when its pods span several, each pod indented under its own, the
// pods deleted long ago included. Checked against what the session itself says: each pod's
// pod-template-hash, and each ReplicaSet's revision.

import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.js';
import type {Pod} from '../../source/kube/objects.js';
import {podsAndEnded} from '../../source/model/store/ended-pods.js';
import {whyLine} from '../../source/model/why.js';
import {renderLanes} from '../../source/output/lanes.js';
import {isWatchEntry, type SessionEntry} from '../../source/session/format.js';
import {loadCapture} from '../helpers/load-capture.js';
import {STALL_START, stalledRollout} from '../helpers/stalled-rollout.js';

const ROLLOUT = path.join(import.meta.dirname, '..', 'fixtures', 'captures-full', 'rollout-undo.ndjson');
const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';

async function lanes(file: string, ...flags: string[]): Promise<string> {
	let out = '';
	const code = await main(['replay', file, '-o', 'lanes', ...flags], {write: text => void (out += text), warn: () => undefined, isTty: false});
	expect(code).toBe(0);
	return out;
}

interface SessionFacts {
	/** Each api pod's ReplicaSet, by its pod-template-hash: api-<hash>. */
	replicaSetOf: Map<string, string>;
	/** Each api ReplicaSet's revision at the moment, and those it had before (a rollout undo's, oldest first). */
	revisionOf: Map<string, number>;
	wasOf: Map<string, number[]>;
	/** The api pods deleted by the moment, and when (ms from the session's start). */
	deleted: Map<string, number>;
	/** The api pods the server listed as ready (READY 1/1, not terminating) at the moment. */
	ready: Set<string>;
}

/**
 * What the session says of Deployment api up to `at` (ms from its start). A ReplicaSet's revision:
 * its deployment.kubernetes.io/revision annotation when the session holds the ReplicaSet (its
 * revision-history annotation the ones before); else as the Deployment controller numbers them —
 * each time a ReplicaSet becomes the one it creates pods for, that one takes the next revision (a
 * rollout undo included), and the one it had before goes to its history.
 */
function sessionFacts(file: string, at: number): SessionFacts {
	const facts: SessionFacts = {replicaSetOf: new Map(), revisionOf: new Map(), wasOf: new Map(), deleted: new Map(), ready: new Set()};
	const annotated = new Map<string, {revision: number; history: number[]}>();
	let newest: string | null = null;
	let revision = 0;
	for (const entry of loadCapture(file).entries) {
		if (entry.t > at) break;
		if (!isWatchEntry(entry)) continue;
		const {kind, metadata} = entry.object as Pod;
		const name = metadata?.name ?? '';
		if (kind === 'ReplicaSet' && name.startsWith('api-')) {
			const history = metadata?.annotations?.[REVISION_HISTORY];
			annotated.set(name, {revision: Number(metadata?.annotations?.[REVISION]), history: history ? history.split(',').map(Number) : []});
		}
		if (kind !== 'Pod' || metadata?.namespace !== 'default' || !name.startsWith('api-')) continue;
		const replicaSet = `api-${metadata.labels?.['pod-template-hash']}`;
		if (entry.type === 'ADDED' && !facts.replicaSetOf.has(name) && replicaSet !== newest) {
			newest = replicaSet;
			const before = facts.revisionOf.get(replicaSet);
			if (before !== undefined) facts.wasOf.set(replicaSet, [...(facts.wasOf.get(replicaSet) ?? []), before]);
			facts.revisionOf.set(replicaSet, ++revision);
		}
		facts.replicaSetOf.set(name, replicaSet);
		if (entry.type === 'DELETED') facts.deleted.set(name, entry.t);
		if (entry.row?.ready === '1/1' && entry.row.status !== 'Terminating' && entry.type !== 'DELETED') facts.ready.add(name);
		else facts.ready.delete(name);
	}
	for (const [name, held] of annotated) {
		facts.revisionOf.set(name, held.revision);
		facts.wasOf.set(name, held.history);
	}
	return facts;
}

interface Printed {
	/** The Deployment's summary line, and the lines under it up to the next workload. */
	summary: string;
	/** Each pod line's ReplicaSet heading: its name, revision and the revisions it says it had ("rev 4 (was 2)"). */
	headingOf: Map<string, {replicaSet: string; revision: number; was: number[]}>;
	/** Each pod's lane line. */
	lineOf: Map<string, string>;
}

/** Deployment api's part of the picture: its summary, its ReplicaSet headings and pods under them. */
function printedApi(out: string): Printed {
	const lines = out.split('\n');
	const first = lines.findIndex(line => line.startsWith('  ▾ default/api  Deployment'));
	expect(first).toBeGreaterThan(0);
	const printed: Printed = {summary: lines[first]!, headingOf: new Map(), lineOf: new Map()};
	let heading: {replicaSet: string; revision: number; was: number[]} | null = null;
	for (const line of lines.slice(first + 1)) {
		if (line.startsWith('  ▾ ') || line === '') break;
		const part = /^ {4}▾ ReplicaSet (\S+) {2}rev (\d+)(?: \(was ([\d, ]+)\))?$/.exec(line);
		if (part) heading = {replicaSet: part[1]!, revision: Number(part[2]), was: part[3]?.split(', ').map(Number) ?? []};
		else {
			// Pods sit two steps in, under their ReplicaSet's heading.
			const pod = /^ {6}default\/(api-\S+) /.exec(line);
			expect(pod, line).not.toBeNull();
			expect(heading, line).not.toBeNull();
			printed.headingOf.set(pod![1]!, heading!);
			printed.lineOf.set(pod![1]!, line);
		}
	}
	return printed;
}

/** "1:32" as ms. */
const offsetMs = (at: string): number => {
	const [minutes, seconds] = at.split(':').map(Number);
	return (minutes! * 60 + seconds!) * 1000;
};

describe('--output lanes grouped as the TUI groups them', () => {
	it('puts each pod under its ReplicaSet’s heading with that ReplicaSet’s revision, as the session tells them', async () => {
		for (const at of ['0:40', '0:58', '1:32', '1:44']) {
			const facts = sessionFacts(ROLLOUT, offsetMs(at));
			const printed = printedApi(await lanes(ROLLOUT, '--at', at, '--width', '120'));
			// Every pod of the window (here: every pod so far) is drawn, each under its own ReplicaSet.
			expect([...printed.headingOf.keys()].sort(), at).toEqual([...facts.replicaSetOf.keys()].sort());
			for (const [pod, heading] of printed.headingOf) {
				expect(heading.replicaSet, `${at} ${pod}`).toBe(facts.replicaSetOf.get(pod));
				expect(heading.revision, `${at} ${pod}`).toBe(facts.revisionOf.get(heading.replicaSet));
				expect(heading.was, `${at} ${pod}`).toEqual(facts.wasOf.get(heading.replicaSet) ?? []);
			}
			// More than one ReplicaSet by then: there is something to tell apart.
			expect(new Set([...printed.headingOf.values()].map(heading => heading.replicaSet)).size, at).toBeGreaterThan(1);
		}
	});

	it('heads the Deployment with its summary: its revision and the pods the server listed ready', async () => {
		for (const at of ['0:58', '1:15', '1:44']) {
			const facts = sessionFacts(ROLLOUT, offsetMs(at));
			const printed = printedApi(await lanes(ROLLOUT, '--at', at, '--width', '120'));
			const newest = Math.max(...facts.revisionOf.values());
			expect(printed.summary, at).toMatch(
				new RegExp(`^ {2}▾ default/api {2}Deployment {2}rev (\\d+→)?${newest} {2}ready ${facts.ready.size}/\\d+ {2}[▁-█]{4} `),
			);
		}
	});

	it('keeps the pods deleted long before the moment under their ReplicaSet, their lanes ended', async () => {
		const at = offsetMs('1:44');
		const facts = sessionFacts(ROLLOUT, at);
		const printed = printedApi(await lanes(ROLLOUT, '--at', '1:44', '--width', '120'));
		// The table lets a deleted pod go a minute after its deletion; the lanes keep it.
		const longAgo = [...facts.deleted].filter(([, deleted]) => at - deleted > 60_000).map(([pod]) => pod);
		expect(longAgo.length).toBeGreaterThan(1);
		for (const pod of longAgo) {
			expect(printed.headingOf.get(pod)?.replicaSet, pod).toBe(facts.replicaSetOf.get(pod));
			expect(printed.lineOf.get(pod), pod).toMatch(/┤$/);
		}
	});

	it('reads a ReplicaSet’s revision from its annotation when the session holds the ReplicaSets', async () => {
		// The session as if the Deployment had had ten revisions before it began, its ReplicaSets recorded too.
		const file = withReplicaSets(ROLLOUT, 10);
		const facts = sessionFacts(file, offsetMs('1:44'));
		expect(Math.min(...facts.revisionOf.values())).toBe(11);
		const printed = printedApi(await lanes(file, '--width', '120'));
		for (const [pod, heading] of printed.headingOf) {
			expect(heading.replicaSet, pod).toBe(facts.replicaSetOf.get(pod));
			expect(heading.revision, pod).toBe(facts.revisionOf.get(heading.replicaSet));
			expect(heading.was, pod).toEqual(facts.wasOf.get(heading.replicaSet) ?? []);
		}
		// The ReplicaSet rolled back to says the revision its first pods were made under.
		expect([...printed.headingOf.values()].some(heading => heading.was.length > 0)).toBe(true);
	});

	it('prints the same pods with --no-group, one flat list in kubectl’s order, no heading, no indent', async () => {
		// Wide enough for every name whole, indented or not.
		const grouped = await lanes(ROLLOUT, '--width', '200');
		const flat = await lanes(ROLLOUT, '--width', '200', '--no-group');
		const names = (out: string) =>
			out
				.split('\n')
				.slice(2)
				.filter(line => /^ +[a-z-]+\/\S+ /.test(line))
				.map(line => line.trim().split(' ')[0]!);
		expect(grouped).toMatch(/^ {4}▾ ReplicaSet /m);
		expect(flat).not.toMatch(/▾/);
		// Every pod line of the flat list starts at the name column's first place.
		expect(flat.split('\n').filter(line => /^ +[a-z-]+\/\S+ /.test(line))).toEqual(flat.split('\n').filter(line => /^ {2}[a-z-]+\/\S+ /.test(line)));
		expect(names(flat)).toEqual(names(flat).toSorted());
		expect(names(grouped).toSorted()).toEqual(names(flat));
	});
});

describe('--output lanes: a stalled rollout', () => {
	it('prints the why of a stalled rollout whole after its Deployment’s heading, even at 80 columns', () => {
		const store = stalledRollout();
		const now = STALL_START + 12 * 60_000;
		const out = renderLanes({
			pods: podsAndEnded(store.view()),
			now,
			recordingStart: null,
			start: STALL_START,
			end: now,
			cursor: now,
			width: 80,
			color: false,
			group: {store, observedFrom: STALL_START},
		});
		const lines = out.split('\n');
		expect(lines.every(line => [...line].length <= 80)).toBe(true);
		const heading = lines.findIndex(line => line.startsWith('  ▾ web  Deployment  rev 1→2'));
		// The heading goes on over the lines up to the first ReplicaSet's.
		const headingEnd = lines.findIndex(line => line.startsWith('    ▾ ReplicaSet web-aaa  rev 1'));
		expect(heading).toBeGreaterThan(0);
		expect(headingEnd).toBeGreaterThan(heading + 1);
		const words = (text: string) => text.replace(/\s+/g, ' ').trim();
		const text = words(lines.slice(heading, headingEnd).join(' '));
		// The new pod's own why, as the pod's status line says it.
		const view = store.view();
		const why = whyLine(view.pods.get('shop/web-bbb-1')!, view, now);
		expect(why).toMatch(/^crash-loop: /);
		expect(text).toMatch(/ rollout 11m stalled ✗ rollout rev 1→2 stalled: web-bbb-1 not ready for 11m — (.*)$/);
		expect(text.endsWith(`— ${words(why!)}`)).toBe(true);
		expect(lines.slice(headingEnd)).toContainEqual(expect.stringMatching(/^ {4}▾ ReplicaSet web-bbb {2}rev 2$/));
	});
});

/**
 * `file` with a ReplicaSet object for each of api's ReplicaSets, recorded as the controller would
 * have it: added before its first pod, annotated again each time it becomes the new one, its
 * revision `before` past the one the Deployment controller gave it in the session.
 */
function withReplicaSets(file: string, before: number): string {
	const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
	const out: string[] = [];
	/** Each ReplicaSet's revisions so far. */
	const seen = new Map<string, number[]>();
	let newest: string | null = null;
	let revision = before;
	for (const line of lines) {
		const entry = JSON.parse(line) as SessionEntry;
		if (isWatchEntry(entry) && entry.type === 'ADDED' && (entry.object as Pod).kind === 'Pod') {
			const {namespace, name = '', labels} = (entry.object as Pod).metadata ?? {};
			const hash = labels?.['pod-template-hash'];
			const replicaSet = `api-${hash}`;
			if (namespace === 'default' && name.startsWith('api-') && replicaSet !== newest) {
				newest = replicaSet;
				revision += 1;
				// Made the new one again (an undo): the controller keeps its old numbers in the history.
				const history = seen.get(replicaSet);
				const metadata = {
					name: replicaSet,
					namespace: 'default',
					uid: `rs-${hash}`,
					resourceVersion: `9${revision}`,
					labels: {'pod-template-hash': hash},
					annotations: {[REVISION]: String(revision), ...(history ? {[REVISION_HISTORY]: history.join(',')} : {})},
					ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'deployment-api', controller: true}],
				};
				const type = seen.has(replicaSet) ? 'MODIFIED' : 'ADDED';
				seen.set(replicaSet, [...(seen.get(replicaSet) ?? []), revision]);
				out.push(JSON.stringify({t: entry.t, type, object: {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata, spec: {replicas: 2}}}));
			}
		}
		out.push(line);
	}
	const made = path.join(mkdtempSync(path.join(tmpdir(), 'podlife-lanes-')), 'with-replicasets.ndjson');
	writeFileSync(made, [header, ...out].join('\n') + '\n');
	return made;
}
