import {describe, expect, it} from 'vitest';
import {PodIndex, TOMBSTONE_SHOW_MS} from '../../source/view/pod-index.js';
import {NO_FILTER} from '../../source/view/filter.js';
import {CHUNK_MAX} from '../../source/view/sorted-chunks.js';
import {PodStore} from '../../source/model/store/pod-store.js';
import {compatForServerVersion} from '../../source/model/compat.js';
import {loadCapture} from '../helpers/load-capture.js';
import {captureFile, captureStore} from '../ui/helpers/capture-store.js';
import {seededRandom} from '../sources/replay/seeded-random.js';

function keys(index: PodIndex, filter = NO_FILTER): string[] {
	const list = index.rows(filter);
	return Array.from({length: list.length}, (_, i) => list.keyAt(i)!);
}

describe('pod index', () => {
	it('orders worst first: failing, then progressing, then namespace and name', () => {
		const {store, clock} = captureStore('mixed', 20_000);
		const index = new PodIndex();
		index.update(store, clock.now());
		const order = keys(index).map(key => index.entry(key)!.tone);
		const rank = {failing: 0, progressing: 1, ok: 2, deleted: 3};
		expect(order.map(t => rank[t])).toEqual([...order.map(t => rank[t])].sort());
		expect(order[0]).toBe('failing');
		const okKeys = keys(index).filter(k => index.entry(k)!.tone === 'ok');
		expect(okKeys).toEqual([...okKeys].sort());
	});

	it('counts pods by STATUS bucket for the header', () => {
		const {store, clock} = captureStore('mixed');
		const index = new PodIndex();
		index.update(store, clock.now());
		const counts = index.counts(null);
		expect(counts.total).toBe(17);
		expect(counts.buckets.failing).toBe(2);
		expect(counts.buckets.succeeded).toBe(1);
		expect(counts.faulty).toBe(2);
		expect(index.counts('default').total).toBe(6);
	});

	it('gives the same rows updated entry by entry as built from scratch', () => {
		const capture = loadCapture(captureFile('mixed'));
		const recordedAt = Date.parse(capture.header.recordedAt);
		const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion)});
		const incremental = new PodIndex();
		for (const entry of capture.entries) {
			store.apply(entry, recordedAt + entry.t);
			incremental.update(store, recordedAt + entry.t);
			const fresh = new PodIndex();
			fresh.update(store, recordedAt + entry.t);
			expect(keys(incremental)).toEqual(keys(fresh));
			expect(keys(incremental, {text: 'run', faultyOnly: false, namespace: null})).toEqual(keys(fresh, {text: 'run', faultyOnly: false, namespace: null}));
		}
	});

	it('re-projects only the pods that changed', () => {
		const capture = loadCapture(captureFile('mixed'));
		const recordedAt = Date.parse(capture.header.recordedAt);
		const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion)});
		const [first, ...rest] = capture.entries.filter(e => e.t <= 30_000);
		store.apply(first!, recordedAt + first!.t);
		const index = new PodIndex();
		let at = recordedAt + first!.t;
		index.update(store, at);
		for (const entry of rest) store.apply(entry, recordedAt + entry.t);
		const before = new Map(keys(index).map(k => [k, index.entry(k)]));
		const changed = store.changedSince(1)!.pods;
		at = recordedAt + rest.at(-1)!.t;
		// Within the full-refresh interval: only changed pods get new entries.
		index.update(store, Math.min(at, recordedAt + first!.t + 4_000));
		for (const [key, entry] of before) {
			if (!changed.has(key)) expect(index.entry(key)).toBe(entry);
		}
	});

	it('filters case-insensitively on namespace, name, STATUS and NODE, but not across columns', () => {
		const {store, clock} = captureStore('mixed');
		const index = new PodIndex();
		index.update(store, clock.now());
		const filter = (text: string) => keys(index, {text, faultyOnly: false, namespace: null});
		expect(filter('KUBE-SYSTEM').every(k => k.startsWith('kube-system/'))).toBe(true);
		expect(filter('crashloopbackoff')).toEqual(filter('crashloop-'));
		expect(filter('kind-worker').every(k => index.entry(k)!.node === 'kind-worker')).toBe(true);
		expect(filter('default/web')).toEqual([]);
	});

	it('keeps a deleted pod, dimmed with its last status, for a while, then drops it', () => {
		const {store, clock} = captureStore('terminating');
		const index = new PodIndex();
		index.update(store, clock.now());
		const deleted = keys(index).filter(k => index.entry(k)!.tone === 'deleted');
		expect(deleted).toHaveLength(1);
		expect(index.counts(null).deleted).toBe(1);
		const deletedAt = index.entry(deleted[0]!)!.deletedAt!;
		index.update(store, deletedAt + TOMBSTONE_SHOW_MS + 1);
		expect(keys(index)).not.toContain(deleted[0]);
	});

	it('keeps faulty pods only with faulty-only, including Running ones in a restart loop', () => {
		// t = 25 s: Running again after its second restart.
		const {store, clock} = captureStore('crashloop', 25_000);
		const index = new PodIndex();
		index.update(store, clock.now());
		const faulty = keys(index, {text: '', faultyOnly: true, namespace: null});
		expect(faulty).toHaveLength(1);
		expect(faulty[0]).toMatch(/^default\/crashloop-/);
		expect(index.entry(faulty[0]!)!.status).toBe('Running');
	});

	it('re-sorts by another column and back', () => {
		const {store, clock} = captureStore('mixed');
		const index = new PodIndex();
		index.update(store, clock.now());
		const worst = keys(index);
		index.setSort('restarts');
		expect(index.entry(keys(index)[0]!)!.restarts).toBeGreaterThan(0);
		index.setSort('worst');
		expect(keys(index)).toEqual(worst);
	});

	it('lists the namespaces for scope cycling', () => {
		const {store, clock} = captureStore('mixed');
		const index = new PodIndex();
		index.update(store, clock.now());
		expect(index.namespaces()).toEqual(['default', 'kube-system', 'local-path-storage']);
	});
});

describe('pod index kept up to date change by change', () => {
	const FILTERS = [
		NO_FILTER,
		{text: 'run', faultyOnly: false, namespace: null},
		{text: '', faultyOnly: true, namespace: null},
		{text: '', faultyOnly: false, namespace: 'ns-1'},
		{text: 'a', faultyOnly: false, namespace: 'ns-2'},
		{text: 'pend', faultyOnly: false, namespace: null},
	];
	const SORTS = ['worst', 'name', 'namespace', 'status', 'restarts', 'age', 'node'] as const;

	it('shows the same rows, positions, counts and namespaces as an index built from scratch, after random adds, changes, deletions and sort changes', () => {
		const random = seededRandom(7);
		const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
		// Real pod objects of every capture, re-homed under a few synthetic names so the same pods change many times.
		const objects = ['mixed', 'crashloop', 'imagepull', 'init-crash', 'job', 'terminating', 'sidecar']
			.flatMap(name => loadCapture(captureFile(name)).entries)
			.filter((e): e is Extract<typeof e, {object: unknown}> => 'object' in e && (e.object as {kind?: string}).kind === 'Pod' && e.type !== 'DELETED')
			.map(e => e.object as {metadata: {name: string; namespace: string; uid: string; resourceVersion: string}});
		const capture = loadCapture(captureFile('mixed'));
		const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion)});
		const names = Array.from({length: 60}, (_, i) => ({namespace: `ns-${i % 4}`, name: `pod-${(i * 7919) % 97}-${pick(['a', 'b', 'c'])}`}));
		const live = new Set<number>();
		let now = Date.parse(capture.header.recordedAt);
		let version = 1;
		const index = new PodIndex();
		let steps = 0;
		for (let round = 0; round < 150; round++) {
			// A frame's worth of changes: from one to a burst over the insert limit.
			const burst = random() < 0.05 ? 80 : 1 + Math.floor(random() * 6);
			for (let i = 0; i < burst; i++) {
				const slot = Math.floor(random() * names.length);
				const object = structuredClone(pick(objects));
				object.metadata = {...object.metadata, ...names[slot]!, uid: `uid-${slot}`, resourceVersion: String(++version)};
				const deleting = live.has(slot) && random() < 0.2;
				store.apply({t: 0, type: deleting ? 'DELETED' : live.has(slot) ? 'MODIFIED' : 'ADDED', object} as Parameters<typeof store.apply>[0], now);
				if (deleting) live.delete(slot);
				else live.add(slot);
			}
			// Time moves: now and then past the tombstone window and the full refresh.
			now += random() < 0.1 ? TOMBSTONE_SHOW_MS / 2 : Math.floor(random() * 3_000);
			if (random() < 0.1) index.setSort(pick(SORTS));
			const asked = pick(FILTERS);
			index.rows(asked);
			index.update(store, now);
			const fresh = new PodIndex(index.sortMode);
			fresh.update(store, now);
			for (const filter of [asked, pick(FILTERS)]) {
				const expected = keys(fresh, filter);
				expect(keys(index, filter)).toEqual(expected);
				const list = index.rows(filter);
				for (const [i, key] of expected.entries()) expect(list.indexOf(key)).toBe(i);
			}
			for (const namespace of [null, 'ns-0', 'ns-1', 'ns-2', 'ns-3', 'elsewhere']) expect(index.counts(namespace)).toEqual(fresh.counts(namespace));
			expect(index.namespaces()).toEqual(fresh.namespaces());
			steps++;
		}
		expect(steps).toBe(150);
		expect(index.size).toBeGreaterThan(0);
	});

	it('keeps the rows of every list it handed out while a big cluster changes, and its lists stay right', () => {
		const random = seededRandom(11);
		const objects = ['mixed', 'crashloop', 'imagepull', 'terminating']
			.flatMap(name => loadCapture(captureFile(name)).entries)
			.filter((e): e is Extract<typeof e, {object: unknown}> => 'object' in e && (e.object as {kind?: string}).kind === 'Pod' && e.type !== 'DELETED')
			.map(e => e.object as {metadata: {name: string; namespace: string; uid: string; resourceVersion: string}});
		const capture = loadCapture(captureFile('mixed'));
		const store = new PodStore({compat: compatForServerVersion(capture.header.serverVersion)});
		// Several times the lists' chunk: a list streams in a page at a time, then pods change, go and come.
		const PODS = 3 * CHUNK_MAX;
		const live = new Set<number>();
		let version = 1;
		const put = (slot: number, type: 'ADDED' | 'MODIFIED' | 'DELETED'): void => {
			const object = structuredClone(objects[Math.floor(random() * objects.length)]!);
			object.metadata = {...object.metadata, namespace: `ns-${slot % 5}`, name: `pod-${slot}`, uid: `uid-${slot}`, resourceVersion: String(++version)};
			store.apply({t: 0, type, object} as Parameters<typeof store.apply>[0], now);
			if (type === 'DELETED') live.delete(slot);
			else live.add(slot);
		};
		let now = Date.parse(capture.header.recordedAt);
		const index = new PodIndex();
		const filters = [NO_FILTER, {text: 'pod-1', faultyOnly: false, namespace: null}, {text: '', faultyOnly: false, namespace: 'ns-2'}];
		const taken: {list: ReturnType<PodIndex['rows']>; held: string[]}[] = [];
		for (let round = 0; round < 16; round++) {
			if (round < 6) for (let slot = round * (PODS / 6); slot < (round + 1) * (PODS / 6); slot++) put(slot, 'ADDED');
			else
				for (let i = 0; i < 150; i++) {
					const slot = Math.floor(random() * PODS);
					put(slot, !live.has(slot) ? 'ADDED' : random() < 0.3 ? 'DELETED' : 'MODIFIED');
				}
			now += 1_000;
			if (round === 12) index.setSort('restarts');
			index.update(store, now);
			const fresh = new PodIndex(index.sortMode);
			fresh.update(store, now);
			for (const filter of filters) {
				const list = index.rows(filter);
				const held = keys(index, filter);
				expect(held).toEqual(keys(fresh, filter));
				for (const at of [0, Math.floor(held.length / 2), held.length - 1]) expect(list.indexOf(held[at]!)).toBe(at);
				taken.push({list, held});
			}
		}
		for (const {list, held} of taken) {
			expect(Array.from({length: list.length}, (_, i) => list.keyAt(i))).toEqual(held);
			expect(list.indexOf(held.at(-1)!)).toBe(held.length - 1);
		}
	});

	it('answers positions of a list the index has since replaced, from the rows that list held', () => {
		const {store, clock} = captureStore('mixed');
		const index = new PodIndex();
		index.update(store, clock.now());
		const before = index.rows(NO_FILTER);
		const held = keys(index);
		index.setSort('restarts');
		expect(before.length).toBe(held.length);
		for (const [i, key] of held.entries()) expect(before.indexOf(key)).toBe(i);
		expect(before.indexOf('nowhere/none')).toBe(-1);
	});
});
